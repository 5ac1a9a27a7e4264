// The ministry's conflict-rule configuration (回避规则). The fixed rules (institution, recommending
// department, named in the application, declared) always apply; these three are switchable.
// Defaults follow common practice in national review: no same-province rule, three years for
// collaboration and for past employment.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { ZConflictRules } from '../../../contracts/review.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeFor } from '../../platform/authz/policy.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import type { ConflictConfig } from '../assignment/index.js';
import { conflictRuleConfig } from '../tables.js';

const KEY = 'national';
export const DEFAULT_RULES = { sameProvince: false, collaborationYears: 3, employmentYears: 3, version: 0 } as const;

export async function getConflictRules(db: Db): Promise<z.infer<typeof ZConflictRules>> {
  const [row] = await db.select().from(conflictRuleConfig).where(eq(conflictRuleConfig.key, KEY));
  return row ? { sameProvince: row.sameProvince, collaborationYears: row.collaborationYears, employmentYears: row.employmentYears, version: row.version } : { ...DEFAULT_RULES };
}

/** The engine's ConflictConfig for a round of `year`. */
export async function conflictConfigFor(db: Db, year: number): Promise<ConflictConfig> {
  const r = await getConflictRules(db);
  return { sameProvince: r.sameProvince, collaborationYears: r.collaborationYears, employmentYears: r.employmentYears, year };
}

export async function setConflictRules(db: Db, actor: Actor, audit: AuditActor, input: z.infer<typeof ZConflictRules>) {
  if (scopeFor(actor.roles, 'review', 'decide') !== 'all') throw new AppError('forbidden');
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(conflictRuleConfig).where(eq(conflictRuleConfig.key, KEY)).for('update');
    const current = row?.version ?? 0;
    if (current !== input.version) throw new AppError('conflict', { data: { version: current } });
    const values = { sameProvince: input.sameProvince, collaborationYears: input.collaborationYears, employmentYears: input.employmentYears, updatedBy: actor.userId, updatedAt: new Date(), version: current + 1 };
    await tx.insert(conflictRuleConfig).values({ key: KEY, ...values }).onConflictDoUpdate({ target: conflictRuleConfig.key, set: values });
    await recordAudit(tx, audit, { action: 'review.conflict_rules', entityType: 'review_conflict_rules', entityId: KEY, before: row ?? DEFAULT_RULES, after: input });
    return { ...input, version: current + 1 };
  });
}
