import { and, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import type { Role } from '../platform/authz/roles.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.js';
import { AppError } from '../platform/http/errors.js';
import { userRoles, users } from '../accounts/tables.js';
import { forgetUserSessions } from '../accounts/session-cache.js';
import { roleRequests } from './tables.js';
import { needsSecondApproval, separationConflict } from './role-classes.js';

export function requireSecurityAdmin(actor: Actor) {
  if (!actor.roles.includes('security_admin')) throw new AppError('forbidden');
}

/** The DB trigger's refusal (migration 0004), however the driver wraps it. */
function isSeparationViolation(err: unknown): boolean {
  for (let e = err as { code?: string; constraint?: string; message?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23514' && (e.constraint === 'user_roles_separation_of_duties' || /separation_of_duties/.test(e.message ?? ''))) return true;
  }
  return false;
}

async function heldRoles(tx: Db, userId: string): Promise<string[]> {
  return (await tx.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role);
}

/** Checks that hold both when a change is requested and when it is applied. */
async function assertApplicable(tx: Db, userId: string, role: Role, op: 'grant' | 'revoke') {
  const held = await heldRoles(tx, userId);
  if (op === 'grant') {
    if (held.includes(role)) throw new AppError('conflict', { message: { zh: '该账号已拥有此角色', en: 'The account already holds this role' } });
    const conflict = separationConflict(held, role);
    if (conflict) throw new AppError('separation_of_duties', { data: { role, conflictsWith: conflict } });
  } else if (!held.includes(role)) {
    throw new AppError('conflict', { message: { zh: '该账号没有此角色', en: 'The account does not hold this role' } });
  }
}

async function apply(tx: Db, userId: string, role: Role, op: 'grant' | 'revoke') {
  // Cached sessions of this instance carry the old roles: drop them (others expire within seconds).
  forgetUserSessions(userId);
  if (op === 'revoke') {
    await tx.delete(userRoles).where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)));
    return;
  }
  try {
    await tx.insert(userRoles).values({ userId, role });
  } catch (e) {
    if (isSeparationViolation(e)) throw new AppError('separation_of_duties', { data: { role } });
    throw e;
  }
}

export interface RoleChange {
  userId: string;
  role: Role;
  op: 'grant' | 'revoke';
  reason?: string | undefined;
}

/**
 * A security administrator grants or revokes a role. Ministry roles (and the three administrator
 * roles) wait for a second security administrator; other roles take effect at once. Audited.
 */
export async function requestRoleChange(db: Db, actor: Actor, change: RoleChange, audit: AuditActor) {
  requireSecurityAdmin(actor);
  if (change.userId === actor.userId) {
    throw new AppError('forbidden', { message: { zh: '不能变更自己的角色', en: 'You may not change your own roles' } });
  }
  return db.transaction(async (tx) => {
    const [target] = await tx.select({ id: users.id, orgId: users.orgId }).from(users).where(eq(users.id, change.userId)).for('update');
    if (!target) throw new AppError('not_found');
    await assertApplicable(tx, change.userId, change.role, change.op);
    const pending = needsSecondApproval(change.role);
    if (pending) {
      const [dup] = await tx
        .select({ id: roleRequests.id })
        .from(roleRequests)
        .where(and(eq(roleRequests.userId, change.userId), eq(roleRequests.role, change.role), eq(roleRequests.op, change.op), eq(roleRequests.status, 'pending')));
      if (dup) throw new AppError('duplicate', { message: { zh: '已有相同的待批准申请', en: 'The same request is already awaiting approval' } });
    }
    const [row] = await tx
      .insert(roleRequests)
      .values({
        userId: change.userId, role: change.role, op: change.op, reason: change.reason ?? null, requestedBy: actor.userId,
        status: pending ? 'pending' : 'applied', decidedBy: pending ? null : actor.userId, decidedAt: pending ? null : new Date(),
      })
      .returning();
    if (!pending) await apply(tx, change.userId, change.role, change.op);
    await recordAudit(tx, audit, {
      action: pending ? 'role.request' : `role.${change.op}`, entityType: 'user', entityId: change.userId,
      after: { requestId: row!.id, role: change.role, op: change.op, status: row!.status, reason: change.reason ?? null },
    });
    return row!;
  });
}

/** A second security administrator approves (never the requester, never the person concerned). */
export async function decideRoleRequest(db: Db, actor: Actor, id: string, approve: boolean, audit: AuditActor) {
  requireSecurityAdmin(actor);
  return db.transaction(async (tx) => {
    const [req] = await tx.select().from(roleRequests).where(eq(roleRequests.id, id)).for('update');
    if (!req) throw new AppError('not_found');
    if (req.status !== 'pending') throw new AppError('conflict', { message: { zh: '该申请已处理', en: 'This request has already been decided' } });
    if (approve && req.requestedBy === actor.userId) throw new AppError('self_approval_refused');
    if (req.userId === actor.userId) throw new AppError('forbidden', { message: { zh: '不能审批涉及自己角色的申请', en: 'You may not decide a request about your own roles' } });
    const role = req.role as Role;
    const op = req.op as 'grant' | 'revoke';
    if (approve) {
      await tx.select({ id: users.id }).from(users).where(eq(users.id, req.userId)).for('update');
      await assertApplicable(tx, req.userId, role, op);
      await apply(tx, req.userId, role, op);
    }
    const status = approve ? 'applied' : 'rejected';
    const [row] = await tx.update(roleRequests).set({ status, decidedBy: actor.userId, decidedAt: new Date() }).where(eq(roleRequests.id, id)).returning();
    await recordAudit(tx, audit, {
      action: approve ? `role.${op}` : 'role.request_rejected', entityType: 'user', entityId: req.userId,
      before: { status: 'pending' }, after: { requestId: id, role, op, status, requestedBy: req.requestedBy },
    });
    return row!;
  });
}

export async function listRoleRequests(db: Db, actor: Actor, status?: string) {
  requireSecurityAdmin(actor);
  const target = alias(users, 'target');
  const requester = alias(users, 'requester');
  const rows = await db
    .select({ r: roleRequests, username: target.username, displayName: target.displayName, requestedByUsername: requester.username })
    .from(roleRequests)
    .innerJoin(target, eq(target.id, roleRequests.userId))
    .innerJoin(requester, eq(requester.id, roleRequests.requestedBy))
    .where(status ? eq(roleRequests.status, status) : undefined)
    .orderBy(desc(roleRequests.requestedAt))
    .limit(200);
  return rows.map(({ r, username, displayName, requestedByUsername }) => ({ ...serialiseRequest(r), username, displayName, requestedByUsername }));
}

export function serialiseRequest(r: typeof roleRequests.$inferSelect) {
  return {
    id: r.id, userId: r.userId, role: r.role, op: r.op as 'grant' | 'revoke', status: r.status as 'pending' | 'applied' | 'rejected',
    reason: r.reason, requestedBy: r.requestedBy, requestedAt: r.requestedAt.toISOString(),
    decidedBy: r.decidedBy, decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}
