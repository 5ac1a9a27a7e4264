import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.js';
import { securitySettings } from './tables.js';

/** The security policy as the API shows and accepts it. Bounds keep an administrator from locking everyone out. */
export const ZSecuritySettings = z.object({
  passwordMinLength: z.number().int().min(8).max(128),
  passwordMinClasses: z.number().int().min(1).max(4),
  passwordHistory: z.number().int().min(0).max(24),
  passwordMaxAgeDaysOfficials: z.number().int().min(0).max(3650),
  requireMfaForOfficials: z.boolean(),
  requireMfaForExperts: z.boolean(),
  accountMaxFailures: z.number().int().min(3).max(50),
  accountLockMinutes: z.number().int().min(1).max(1440),
  addressMaxFailures: z.number().int().min(5).max(10_000),
  addressWindowMinutes: z.number().int().min(1).max(1440),
});
export type SecuritySettings = z.infer<typeof ZSecuritySettings>;

/**
 * Defaults: GB/T 22239-2019 8.1.4.1 a (complexity, periodic change) and d-style lockout.
 * MFA is not required by default so that the demo accounts sign in with a password only; a
 * deployment turns `requireMfaForOfficials` on.
 */
export const defaultSecuritySettings: SecuritySettings = {
  passwordMinLength: 10,
  passwordMinClasses: 3,
  passwordHistory: 5,
  passwordMaxAgeDaysOfficials: 90,
  requireMfaForOfficials: false,
  requireMfaForExperts: false,
  accountMaxFailures: 5,
  accountLockMinutes: 15,
  addressMaxFailures: 20,
  addressWindowMinutes: 15,
};

export async function getSecuritySettings(db: Db): Promise<SecuritySettings> {
  const [row] = await db.select().from(securitySettings).where(eq(securitySettings.id, 1));
  if (!row) return { ...defaultSecuritySettings };
  const { id: _id, updatedAt: _u, updatedBy: _b, ...rest } = row;
  return rest;
}

/** Replace the policy (security administrator only; the caller checks the role). Audited with before/after. */
export async function updateSecuritySettings(db: Db, actor: AuditActor & { userId: string }, next: SecuritySettings): Promise<SecuritySettings> {
  return db.transaction(async (tx) => {
    const before = await getSecuritySettings(tx);
    const values = { ...next, updatedAt: new Date(), updatedBy: actor.userId };
    await tx.insert(securitySettings).values({ id: 1, ...values }).onConflictDoUpdate({ target: securitySettings.id, set: values });
    await recordAudit(tx, actor, { action: 'security.settings_update', entityType: 'security_settings', entityId: '1', before, after: next });
    return next;
  });
}
