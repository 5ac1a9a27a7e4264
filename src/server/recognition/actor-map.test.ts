import { describe, expect, it } from 'vitest';
import { inScope } from '../../regulation/index.js';
import type { Actor } from '../platform/authz/actor.js';
import { domainActorOf, partyOf } from './actor-map.js';

const actor = (orgKind: string, regionCode: string | null, roles: Actor['roles']): Actor => ({
  userId: 'u', sessionId: 's', username: 'x', displayName: 'x', orgId: `org-${orgKind}-${regionCode}`, orgKind, orgNameZh: '', orgNameEn: '',
  regionCode, roles, locale: 'zh-CN', csrfToken: 't',
});

describe('server actor → regulation actor', () => {
  it('maps org kinds and roles: ministry officers sign (leader), others handle steps', () => {
    expect(domainActorOf(actor('ministry', '110000', ['ministry_officer']))).toMatchObject({ orgKind: 'ministry', roles: ['officer', 'leader'] });
    expect(domainActorOf(actor('ministry_department', '110000', ['ministry_officer']))?.orgKind).toBe('ministry_intl_dept');
    expect(domainActorOf(actor('university', '510100', ['institution_user']))).toMatchObject({ orgKind: 'host_institution', roles: ['officer'] });
    expect(domainActorOf(actor('high_tech_zone', '510100', ['zone_officer']))?.zoneOf).toBe('org-high_tech_zone-510100');
    expect(domainActorOf(actor('exchange_center', '110000', ['secretariat_officer']))).toBeNull();
  });

  it('a11.s0: a 计划单列市 bureau’s territory is its city; the provincial government’s is the whole province', () => {
    const dalian = domainActorOf(actor('provincial_st_department', '210200', ['recommender_officer']))!;
    const liaoning = domainActorOf(actor('provincial_st_department', '210000', ['recommender_officer']))!;
    const gov = domainActorOf(actor('provincial_government', '210000', ['provincial_government_officer']))!;
    expect(dalian.provinceOf).toBe('210200');
    const app = { applicantOrgId: 'i', filedByOrgId: 'i', regionCode: '210204', affiliationOrgId: null, zoneId: null };
    expect(inScope(dalian, partyOf(app, dalian))).toBe(true);
    expect(inScope(liaoning, partyOf(app, liaoning))).toBe(false);
    expect(inScope(gov, partyOf(app, gov), 'territory')).toBe(true);
  });

  it('a5.p2.i2: the filing government stands in the applicant’s place', () => {
    const gov = domainActorOf(actor('provincial_government', '510000', ['provincial_government_officer']))!;
    const app = { applicantOrgId: 'park', filedByOrgId: gov.orgId, regionCode: '510100', affiliationOrgId: null, zoneId: null };
    expect(partyOf(app, gov).applicantOrgId).toBe(gov.orgId);
    expect(partyOf(app, null).applicantOrgId).toBe('park');
  });
});
