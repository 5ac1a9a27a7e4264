import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { recordAudit } from '../platform/audit/audit.js';
import { organizations } from '../organizations/tables.js';
import { deriveRecommender, type RecommendableOrg } from '../organizations/registry/kinds.js';
import { userRoles, users } from '../accounts/tables.js';
import { projects } from '../projects/tables.js';
import { expertProfiles } from '../review/tables.js';
import { hashPassword } from '../accounts/passwords.js';
import type { DemoData } from './types.js';
import { loadDemoBases } from './load-bases.js';
import { loadDemoAlliance } from '../alliance/demo.js';
import { loadDemoNotifications } from './load-notifications.js';

/**
 * Load generated demo data into an empty database, in one transaction: either all of it or none.
 * Returns false when the database already holds organizations (a restart keeps the data).
 */
export async function loadDemo(db: Db, demo: DemoData): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(organizations);
  if ((existing?.n ?? 0) > 0) return false;
  const idOf = new Map(demo.orgs.map((o) => [o.key, randomUUID()]));
  const ref = (key: string | null) => (key ? (idOf.get(key) ?? null) : null);
  const recommendable = new Map<string, RecommendableOrg>(
    demo.orgs.map((o) => [idOf.get(o.key)!, { id: idOf.get(o.key)!, kind: o.kind, regionCode: o.regionCode, affiliationId: ref(o.affiliationKey) }]),
  );
  const orgRows = demo.orgs.map((o) => {
    const id = idOf.get(o.key)!;
    const derived = deriveRecommender(recommendable.get(id)!, recommendable);
    return {
      id, key: o.key, kind: o.kind, nameZh: o.nameZh, nameEn: o.nameEn, uscc: o.uscc, regionCode: o.regionCode,
      country: o.country, affiliationId: ref(o.affiliationKey), zoneId: ref(o.zoneKey),
      recommenderId: derived.ok ? derived.recommenderId : null, registeredOn: o.registeredOn,
      independentLegalEntity: o.independentLegalEntity,
    };
  });
  // One hash for the shared demo password: argon2id is deliberately slow.
  const passwordHash = await hashPassword(demo.password);
  const userIds = new Map(demo.accounts.map((a) => [a.username, randomUUID()]));
  await db.transaction(async (tx) => {
    for (let i = 0; i < orgRows.length; i += 500) await tx.insert(organizations).values(orgRows.slice(i, i + 500));
    await tx.insert(users).values(demo.accounts.map((a) => ({
      id: userIds.get(a.username)!, orgId: idOf.get(a.orgKey)!, username: a.username, displayName: a.displayName,
      email: a.email, phone: a.phone, locale: a.locale, passwordHash,
    })));
    await tx.insert(userRoles).values(demo.accounts.flatMap((a) => a.roles.map((role) => ({ userId: userIds.get(a.username)!, role }))));
    const experts = demo.accounts.filter((a) => a.roles.includes('expert'));
    if (experts.length) await tx.insert(expertProfiles).values(experts.map((a) => ({ userId: userIds.get(a.username)!, fields: a.expertFields })));
    if (demo.projects.length) {
      await tx.insert(projects).values(demo.projects.map((p) => ({
        key: p.key, orgId: idOf.get(p.orgKey)!, kind: p.kind, level: p.level, field: p.field, title: p.title,
        partnerCountry: p.partnerCountry, partnerOrgId: ref(p.partnerOrgKey), startYear: p.startYear, endYear: p.endYear,
        fundingWan: p.fundingWan, matchingWan: p.matchingWan,
      })));
    }
    await loadDemoBases(tx, demo, idOf);
    await loadDemoAlliance(tx);
    await loadDemoNotifications(tx);
    await recordAudit(tx, { userId: null, orgId: null, ip: null }, {
      action: 'demo.load', entityType: 'system', after: { seed: demo.seed, orgs: orgRows.length, accounts: demo.accounts.length, projects: demo.projects.length, bases: demo.bases.bases.length },
    });
  });
  return true;
}
