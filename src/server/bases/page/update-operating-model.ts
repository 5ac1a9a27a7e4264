import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { baseInScope } from '../scope.js';
import { bases } from '../tables.js';

/**
 * a12.s2: a base records its own operating model (差异化和特色化的运行管理模式). Optimistic
 * concurrency by version; a stale version is a conflict, never a silent overwrite.
 */
export async function updateOperatingModel(db: Db, actor: Actor, who: AuditActor, id: string, patch: { version: number; operatingModel: string }) {
  return db.transaction(async (tx) => {
    const before = await baseInScope(tx, actor, id, 'update');
    const [after] = await tx.update(bases).set({ operatingModel: patch.operatingModel, version: before.version + 1 })
      .where(and(eq(bases.id, id), eq(bases.version, patch.version))).returning({ id: bases.id, version: bases.version });
    if (!after) throw new AppError('conflict', { data: { version: before.version } });
    await recordAudit(tx, who, {
      action: 'base.operating_model', entityType: 'base', entityId: id, scopeOrgId: before.recommenderId,
      before: { operatingModel: before.operatingModel }, after: { operatingModel: patch.operatingModel, clause: 'a12.s2' },
    });
    return after;
  });
}
