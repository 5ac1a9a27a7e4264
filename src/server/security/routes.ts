import { z } from 'zod';
import { ZPageQuery, zPage } from '../../contracts/common.js';
import { recordAudit } from '../platform/audit/audit.js';
import { roles } from '../platform/authz/roles.js';
import type { Api, AppContext } from '../platform/http/context.js';
import { auditActor, requireActor } from '../platform/http/context.js';
import { sealPersonalFields } from '../accounts/personal-data.js';
import { getSecuritySettings, updateSecuritySettings, ZSecuritySettings } from './settings.js';
import { decideRoleRequest, listRoleRequests, requestRoleChange, requireSecurityAdmin, serialiseRequest } from './role-requests.js';
import { listUsers, resetSecondFactor, unlockUser } from './users.js';
import { restrictionHook } from './restriction-hook.js';

export const ZRoleRequest = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  role: z.string(),
  op: z.enum(['grant', 'revoke']),
  status: z.enum(['pending', 'applied', 'rejected']),
  reason: z.string().nullable(),
  requestedBy: z.uuid(),
  requestedAt: z.string(),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.string().nullable(),
});

export const ZRoleRequestRow = ZRoleRequest.extend({ username: z.string(), displayName: z.string(), requestedByUsername: z.string() });

export const ZNewRoleRequest = z.object({
  userId: z.uuid(),
  role: z.enum(roles),
  op: z.enum(['grant', 'revoke']),
  reason: z.string().trim().max(500).optional(),
});

export const ZAdminUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  status: z.string(),
  orgId: z.uuid(),
  orgNameZh: z.string(),
  roles: z.array(z.string()),
  /** Masked: 138****5678. */
  phone: z.string().nullable(),
  /** Masked: z***@example.org. */
  email: z.string().nullable(),
  locked: z.boolean(),
  lockedUntil: z.string().nullable(),
  totpEnabled: z.boolean(),
  /** WebAuthn credentials registered as a second factor. */
  securityKeys: z.number(),
});

/** Security administration (安全管理员): policy, role grants with two-person approval, unlocks (issue 8). */
export function securityRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const keys = ctx.keys;
  if (!keys) throw new Error('securityRoutes: SM keys are not loaded (buildApp loads them into the context)');
  const tags = ['security'];

  // Sessions that must first change a password or enrol a second factor can do nothing else.
  app.addHook('preHandler', restrictionHook);
  // Plain-text personal fields (demo loader, rows older than encryption) are sealed, and values
  // under a retired key re-encrypted, once the app is ready; the same pass is exposed below.
  // A failure (database briefly away) must not stop the app from starting: the next start, or the
  // administrator's POST /api/security/personal-data/reseal, runs the pass again.
  app.addHook('onReady', async () => {
    try {
      const pass = await sealPersonalFields(db, keys.sm4);
      if (pass.sealed || pass.reencrypted || pass.unreadable) ctx.log.info({ pass }, 'personal data sealing pass');
    } catch (err) {
      ctx.log.warn({ err }, 'personal data sealing pass failed; it runs again at the next start');
    }
  });

  app.get('/api/security/settings', { schema: { tags, summary: 'The security policy (password, second factor, lockout)', response: { 200: ZSecuritySettings } } }, async (req) => {
    requireSecurityAdmin(requireActor(req));
    return getSecuritySettings(db);
  });

  app.put('/api/security/settings', { schema: { tags, summary: 'Change the security policy (audited)', body: ZSecuritySettings, response: { 200: ZSecuritySettings } } }, async (req) => {
    const actor = requireActor(req);
    requireSecurityAdmin(actor);
    return updateSecuritySettings(db, { ...auditActor(req), userId: actor.userId }, req.body);
  });

  app.get('/api/security/users', { schema: { tags, summary: 'Accounts within my scope, contact details masked', querystring: ZPageQuery.extend({ q: z.string().trim().max(64).optional() }), response: { 200: zPage(ZAdminUser) } } }, async (req) =>
    listUsers(db, keys.sm4, requireActor(req), req.query));

  app.post('/api/security/users/:id/unlock', { schema: { tags, summary: 'Unlock a locked account', params: z.object({ id: z.uuid() }), response: { 200: z.object({ ok: z.literal(true), wasLocked: z.boolean() }) } } }, async (req) =>
    unlockUser(db, requireActor(req), req.params.id, auditActor(req)));

  app.post('/api/security/users/:id/reset-mfa', {
    schema: {
      tags, summary: 'Reset a person\'s second factor (TOTP, recovery codes, security keys) and end their sessions; not one\'s own (audited)',
      params: z.object({ id: z.uuid() }),
      response: { 200: z.object({ ok: z.literal(true), removed: z.object({ totp: z.boolean(), recoveryCodes: z.number(), securityKeys: z.number() }), sessionsEnded: z.number() }) },
    },
  }, async (req) => resetSecondFactor(db, requireActor(req), req.params.id, auditActor(req)));
  app.get('/api/security/role-requests', { schema: { tags, summary: 'Role grants and revocations', querystring: z.object({ status: z.enum(['pending', 'applied', 'rejected']).optional() }), response: { 200: z.object({ items: z.array(ZRoleRequestRow) }) } } }, async (req) =>
    ({ items: await listRoleRequests(db, requireActor(req), req.query.status) }));

  app.post('/api/security/role-requests', { schema: { tags, summary: 'Grant or revoke a role (ministry and administrator roles wait for a second security administrator)', body: ZNewRoleRequest, response: { 201: ZRoleRequest } } }, async (req, reply) =>
    reply.status(201).send(serialiseRequest(await requestRoleChange(db, requireActor(req), req.body, auditActor(req)))));

  app.post('/api/security/role-requests/:id/approve', { schema: { tags, summary: 'Approve a pending role change (not the requester)', params: z.object({ id: z.uuid() }), response: { 200: ZRoleRequest } } }, async (req) =>
    serialiseRequest(await decideRoleRequest(db, requireActor(req), req.params.id, true, auditActor(req))));

  app.post('/api/security/role-requests/:id/reject', { schema: { tags, summary: 'Reject a pending role change', params: z.object({ id: z.uuid() }), response: { 200: ZRoleRequest } } }, async (req) =>
    serialiseRequest(await decideRoleRequest(db, requireActor(req), req.params.id, false, auditActor(req))));

  app.post('/api/security/personal-data/reseal', { schema: { tags, summary: 'Encrypt plain personal fields and re-encrypt those under a retired SM4 key', response: { 200: z.object({ sealed: z.number(), reencrypted: z.number(), unreadable: z.number() }) } } }, async (req) => {
    const actor = requireActor(req);
    requireSecurityAdmin(actor);
    const pass = await sealPersonalFields(db, keys.sm4);
    await db.transaction((tx) => recordAudit(tx, auditActor(req), { action: 'personal_data.reseal', entityType: 'system', after: pass }));
    return pass;
  });
}

