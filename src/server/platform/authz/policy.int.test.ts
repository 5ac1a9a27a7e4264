import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq, sql, type SQL } from 'drizzle-orm';
import { describeEachDb } from '../../testing/db.js';
import { signInAs, testApp, type TestApp } from '../../testing/app.js';
import { resolveSession } from '../../accounts/sessions.js';
import { organizations } from '../../organizations/tables.js';
import { registrations, users } from '../../accounts/tables.js';
import { auditLog } from '../audit/tables.js';
import { bases } from '../../bases/tables.js';
import { expertProfiles, reviewAssignments } from '../../review/tables.js';
import { assignmentColumns, expertColumns } from '../../review/scope.js';
import type { Actor } from './actor.js';
import { actions, policy, resources, type Action, type Resource, type Scope } from './policy.js';
import { roles, type Role } from './roles.js';
import { scopeWhere, type ScopeColumns } from './scope-sql.js';
import { AppError } from '../http/errors.js';
import { makeUscc } from '../../organizations/registry/uscc.js';

/** The columns each scope kind reads, as plain values: the oracle below judges rows from these. */
interface ScopeRow { id: string; orgId: string | null; recommenderId: string | null; zoneId: string | null; regionCode: string | null; userId: string | null }

/** Independent of the SQL: what a scope admits, written out from the policy's own definitions. */
function oracle(scope: Scope, actor: Actor, row: ScopeRow, cols: ScopeColumns): boolean {
  switch (scope) {
    case 'all': return true;
    case 'recommended': return (!!cols.recommenderId && row.recommenderId === actor.orgId) || (!!cols.orgId && row.orgId === actor.orgId);
    case 'province': return !!cols.regionCode && !!actor.regionCode && (row.regionCode ?? '').startsWith(actor.regionCode.slice(0, 2));
    case 'zone': return (!!cols.zoneId && row.zoneId === actor.orgId) || (!!cols.orgId && row.orgId === actor.orgId);
    case 'own_org': return !!cols.orgId && row.orgId === actor.orgId;
    case 'self': return !!cols.userId && row.userId === actor.userId;
    case 'assigned': return false; // no assignments exist in these fixtures
  }
}

/**
 * Each resource as a real query over the demo data. Application rows are not yet in the schema;
 * until that capability lands, its cells are checked on the users⨝organizations shape, which
 * carries every scope column. Bases are the demo's existing national bases.
 */
type Source = { cols: ScopeColumns; rows: (db: any, where: SQL) => Promise<ScopeRow[]> };
const orgCols = { orgId: organizations.id, recommenderId: organizations.recommenderId, zoneId: organizations.zoneId, regionCode: organizations.regionCode };
const userCols = { orgId: users.orgId, recommenderId: organizations.recommenderId, zoneId: organizations.zoneId, regionCode: organizations.regionCode, userId: users.id };
const userShape: Source = {
  cols: userCols,
  rows: (db, where) => db.select({ id: users.id, orgId: users.orgId, recommenderId: organizations.recommenderId, zoneId: organizations.zoneId, regionCode: organizations.regionCode, userId: users.id })
    .from(users).innerJoin(organizations, eq(organizations.id, users.orgId)).where(where),
};
const baseShape: Source = {
  cols: { orgId: bases.hostOrgId, recommenderId: bases.recommenderId, zoneId: bases.zoneId, regionCode: bases.regionCode },
  rows: (db, where) => db.select({ id: bases.id, orgId: bases.hostOrgId, recommenderId: bases.recommenderId, zoneId: bases.zoneId, regionCode: bases.regionCode, userId: sql<null>`null` }).from(bases).where(where),
};
const sources: Record<Resource, Source> = {
  organization: {
    cols: orgCols,
    rows: (db, where) => db.select({ id: organizations.id, orgId: organizations.id, recommenderId: organizations.recommenderId, zoneId: organizations.zoneId, regionCode: organizations.regionCode, userId: sql<null>`null` }).from(organizations).where(where),
  },
  user: userShape,
  registration: {
    cols: { recommenderId: registrations.reviewerOrgId },
    rows: (db, where) => db.select({ id: registrations.id, orgId: sql<null>`null`, recommenderId: registrations.reviewerOrgId, zoneId: sql<null>`null`, regionCode: sql<null>`null`, userId: sql<null>`null` }).from(registrations).where(where),
  },
  audit_log: {
    cols: { recommenderId: auditLog.scopeOrgId, orgId: auditLog.actorOrgId, userId: auditLog.actorUserId },
    rows: (db, where) => db.select({ id: sql<string>`${auditLog.id}::text`, orgId: auditLog.actorOrgId, recommenderId: auditLog.scopeOrgId, zoneId: sql<null>`null`, regionCode: sql<null>`null`, userId: auditLog.actorUserId }).from(auditLog).where(where),
  },
  application: userShape,
  base: baseShape,
  // Reports are scoped through their base's columns (bases/scope.ts): the base rows prove the cells.
  annual_report: baseShape,
  // The alliance's cells are scoped through the member base's columns (alliance/scope.ts).
  alliance: baseShape,
  // The pool: profile ⨝ user ⨝ institution, with the columns review/scope.ts uses.
  expert: {
    cols: expertColumns,
    rows: (db, where) => db.select({ id: users.id, orgId: expertProfiles.invitedByOrgId, recommenderId: organizations.recommenderId, zoneId: sql<null>`null`, regionCode: organizations.regionCode, userId: users.id })
      .from(expertProfiles).innerJoin(users, eq(users.id, expertProfiles.userId)).innerJoin(organizations, eq(organizations.id, users.orgId)).where(where),
  },
  // Assignments (none in the demo: the 'assigned' cells are proven end to end in review/*.int.test.ts).
  review: {
    cols: assignmentColumns,
    rows: (db, where) => db.select({ id: reviewAssignments.id, orgId: sql<null>`null`, recommenderId: sql<null>`null`, zoneId: sql<null>`null`, regionCode: sql<null>`null`, userId: reviewAssignments.expertUserId }).from(reviewAssignments).where(where),
  },
};

/** One demo account per role. */
const accountOf: Record<Role, string> = {
  ministry_officer: 'moist', torch_officer: 'torch', secretariat_officer: 'secretariat', recommender_officer: 'sichuan',
  provincial_government_officer: 'gov-sichuan', zone_officer: 'zone-zhongguancun', institution_user: 'tsinghua', expert: 'expert01',
  sys_admin: 'sysadmin', security_admin: 'secadmin', audit_admin: 'auditor',
};

describeEachDb('a9.s1: the scope table, cell by cell (role × resource × action)', (getDb) => {
  let app: TestApp;
  const actors = {} as Record<Role, Actor>;
  beforeAll(async () => {
    app = await testApp(getDb());
    // Registrations in two territories, so that the registration cells have rows on both sides.
    for (const [n, region] of [[1, '510100'], [2, '110108']] as const) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/register', payload: {
        org: { nameZh: `范围测试单位${n}`, kind: 'innovative_enterprise', uscc: makeUscc({ registrationAuthority: '9', entityCategory: '1', regionCode: region, serial: 880000 + n }), regionCode: region },
        user: { username: `scope-test-${n}`, displayName: '测试', password: 'Str0ng-Passw0rd!' },
      } });
      expect(res.statusCode).toBe(201);
    }
    for (const role of roles) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: accountOf[role], password: 'Guohe@2026' } });
      const token = res.cookies.find((c) => c.name === 'guohe_sid')!.value;
      actors[role] = (await resolveSession(getDb().db, token, { idleMinutes: 30, absoluteHours: 12 }))!;
      expect(actors[role].roles).toContain(role);
    }
  });
  afterAll(async () => {
    await app.close();
  });

  for (const role of roles) {
    for (const resource of resources) {
      for (const action of actions) {
        const scope = policy[role][resource]?.[action];
        it(`${role} × ${resource} × ${action} → ${scope ?? 'denied'}`, async () => {
          const actor = actors[role];
          const src = sources[resource];
          if (!scope) {
            expect(() => scopeWhere(actor, resource, action as Action, src.cols)).toThrow(AppError);
            return;
          }
          const db = getDb().db;
          const admitted = new Set((await src.rows(db, scopeWhere(actor, resource, action as Action, src.cols))).map((r) => r.id));
          const all = await src.rows(db, sql`true`);
          const expected = new Set(all.filter((r) => oracle(scope, actor, r, src.cols)).map((r) => r.id));
          expect([...admitted].sort()).toEqual([...expected].sort());
          // Both sides of the line must exist, or the cell proves nothing.
          if (scope !== 'all' && scope !== 'assigned') {
            expect(admitted.size).toBeGreaterThan(0);
            expect(admitted.size).toBeLessThan(all.length);
          }
        });
      }
    }
  }

  it('a9.s1: another province\'s organization by a guessed id is a 404, never data', async () => {
    const sichuan = await signInAs(app, 'sichuan');
    const [beijingOrg] = await getDb().db.select({ id: organizations.id }).from(organizations).where(eq(organizations.key, 'inst-tsinghua'));
    const res = await app.inject({ method: 'GET', url: `/api/organizations/${beijingOrg!.id}`, headers: sichuan.headers });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('清华');
  });

  it('a9.s1: an institution sees only itself; an expert may not list organizations', async () => {
    const inst = await signInAs(app, 'tsinghua');
    const list = await app.inject({ method: 'GET', url: '/api/organizations', headers: inst.headers });
    expect(list.json().items.map((o: { id: string }) => o.id)).toEqual([inst.me.org.id]);
    const expert = await signInAs(app, 'expert01');
    expect((await app.inject({ method: 'GET', url: '/api/organizations', headers: expert.headers })).statusCode).toBe(403);
  });
});
