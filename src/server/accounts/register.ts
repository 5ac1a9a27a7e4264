import { and, eq } from 'drizzle-orm';
import type { RegisterInput } from '../../contracts/auth.js';
import type { Db } from '../platform/db/client.js';
import { recordAudit } from '../platform/audit/audit.js';
import { randomUUID } from 'node:crypto';
import { AppError, type Lang } from '../platform/http/errors.js';
import type { Sm4KeyRing } from '../platform/crypto/sm.js';
import { getSecuritySettings } from '../security/settings.js';
import { assertPasswordRules } from './password-change.js';
import { seal } from './personal-data.js';
import { organizations } from '../organizations/tables.js';
import { usccInvalidReason } from '../organizations/registry/uscc.js';
import { territorialJurisdictionOf } from '../organizations/registry/regions.js';
import { hashPassword } from './passwords.js';
import { registrations, userRoles, users } from './tables.js';

const usccRuleText: Record<string, { zh: string; en: string }> = {
  check_digit: { zh: '校验位不正确（GB 32100-2015）', en: 'check digit is wrong (GB 32100-2015)' },
};

/**
 * A new institution registers itself and its first account. Both stay pending until the S&T
 * department with territorial competence (属地, a11.s0) reviews them.
 */
export async function registerInstitution(db: Db, input: RegisterInput, ip: string | null, opts: { ring: Sm4KeyRing; lang: Lang }) {
  const reason = usccInvalidReason(input.org.uscc);
  if (reason) {
    const text = usccRuleText[reason] ?? { zh: '不是有效的统一社会信用代码', en: 'is not a valid unified social credit code' };
    throw new AppError('validation_failed', {
      fields: [{ field: 'org.uscc', rule: `uscc_${reason}`, message: `统一社会信用代码${text.zh} / USCC ${text.en}` }],
    });
  }
  const jurisdiction = territorialJurisdictionOf(input.org.regionCode);
  const [reviewer] = jurisdiction
    ? await db
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.kind, 'provincial_st_department'), eq(organizations.regionCode, jurisdiction)))
    : [];
  if (!reviewer) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'org.regionCode', rule: 'region_unknown', message: '所在地区无对应的科技主管部门 / No S&T department for this region' }],
    });
  }
  assertPasswordRules('user.password', input.user.password, await getSecuritySettings(db), opts.lang, input.user.username);
  const passwordHash = await hashPassword(input.user.password);
  const userId = randomUUID();
  return db.transaction(async (tx) => {
    const [dupUser] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.user.username));
    if (dupUser) throw new AppError('duplicate', { fields: [{ field: 'user.username', rule: 'unique', message: '用户名已被使用 / Username taken' }] });
    const [dupOrg] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.uscc, input.org.uscc));
    if (dupOrg) throw new AppError('duplicate', { fields: [{ field: 'org.uscc', rule: 'unique', message: '该统一社会信用代码已注册 / This USCC is already registered' }] });
    const [org] = await tx
      .insert(organizations)
      .values({ ...input.org, registeredOn: input.org.registeredOn ?? null, status: 'pending', recommenderId: reviewer.id })
      .returning();
    const [user] = await tx
      .insert(users)
      .values({
        id: userId, orgId: org!.id, username: input.user.username, displayName: input.user.displayName, passwordHash, status: 'pending',
        // Personal contact details are stored SM4-encrypted (personal-data.ts).
        email: seal(opts.ring, 'email', userId, input.user.email), phone: seal(opts.ring, 'phone', userId, input.user.phone),
      })
      .returning({ id: users.id });
    await tx.insert(userRoles).values({ userId: user!.id, role: 'institution_user' });
    const [reg] = await tx.insert(registrations).values({ orgId: org!.id, userId: user!.id, reviewerOrgId: reviewer.id }).returning();
    await recordAudit(tx, { userId: user!.id, orgId: org!.id, ip }, {
      action: 'registration.create', entityType: 'registration', entityId: reg!.id, scopeOrgId: reviewer.id,
      after: { org: input.org, username: input.user.username },
    });
    return reg!;
  });
}
