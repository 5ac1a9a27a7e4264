import { describe, expect, it } from 'vitest';
import { alignmentVerdict, allianceContribution, joinVerdict, leavesOnRevocation, memberActVerdict, membershipStep, registrationVerdict } from './alliance.js';
import { coverage, outOfScope } from './coverage.js';

describe('the bases’ alliance (a18)', () => {
  it('a18.s1: only an active base without an open membership may apply to join', () => {
    expect(joinVerdict('active', null).met).toBe(true);
    expect(joinVerdict('active', 'left' as never).met).toBe(true);
    expect(joinVerdict('notified', null)).toMatchObject({ met: false, clause: 'a18.s1' });
    expect(joinVerdict('revoked', null).met).toBe(false);
    expect(joinVerdict('active', 'member').met).toBe(false);
    expect(joinVerdict('active', 'applied').met).toBe(false);
  });

  it('a18.s2: the secretariat accepts or declines; a base may not decide its own application', () => {
    expect(membershipStep('applied', 'accept', 'secretariat', { baseStatus: 'active' })).toEqual({ ok: true, to: 'member', clause: 'a18.s2' });
    expect(membershipStep('applied', 'accept', 'base')).toMatchObject({ ok: false, code: 'wrong_actor', clause: 'a18.s2' });
    expect(membershipStep('applied', 'decline', 'secretariat', { note: '' })).toMatchObject({ ok: false, code: 'reason_required' });
    expect(membershipStep('applied', 'decline', 'secretariat', { note: '材料不全' })).toMatchObject({ ok: true, to: 'declined' });
    expect(membershipStep('member', 'accept', 'secretariat')).toMatchObject({ ok: false, code: 'invalid_state' });
  });

  it('a18.s1: a base notified after applying cannot be admitted', () => {
    expect(membershipStep('applied', 'accept', 'secretariat', { baseStatus: 'notified' })).toMatchObject({ ok: false, code: 'not_eligible', clause: 'a18.s1' });
  });

  it('a18.s1: a base leaves on its own; a revoked base leaves automatically', () => {
    expect(membershipStep('member', 'leave', 'base')).toMatchObject({ ok: true, to: 'left' });
    expect(membershipStep('left', 'leave', 'base')).toMatchObject({ ok: false, code: 'invalid_state' });
    expect(membershipStep('member', 'remove_revoked', 'base')).toMatchObject({ ok: false, code: 'wrong_actor' });
    expect(membershipStep('member', 'remove_revoked', 'system')).toMatchObject({ ok: true, to: 'removed' });
    expect(leavesOnRevocation('revoked', 'member')).toBe(true);
    expect(leavesOnRevocation('revoked', 'applied')).toBe(true);
    expect(leavesOnRevocation('revoked', 'left')).toBe(false);
    expect(leavesOnRevocation('notified', 'member')).toBe(false);
  });

  it('a18.s1: only members register, post resources or join groups', () => {
    expect(memberActVerdict('member').met).toBe(true);
    expect(memberActVerdict('applied').met).toBe(false);
    expect(memberActVerdict(null).met).toBe(false);
  });

  it('a18.s2: registration needs an open event, before the closing day, within capacity', () => {
    const ev = { status: 'open', registrationCloses: '2026-05-10', capacity: 10, registered: 8 };
    expect(registrationVerdict(ev, '2026-05-10', 2).met).toBe(true);
    expect(registrationVerdict(ev, '2026-05-11', 1).met).toBe(false);
    expect(registrationVerdict(ev, '2026-05-01', 3).met).toBe(false);
    expect(registrationVerdict({ ...ev, status: 'closed' }, '2026-05-01', 1).met).toBe(false);
    expect(registrationVerdict({ ...ev, capacity: null, registrationCloses: null }, '2027-01-01', 500).met).toBe(true);
  });
});

describe('a17.s1: alliance attendance as the base’s training and talent work', () => {
  it('a17.s1: trainings attended count as trainings and their attendees as trainees; all events as attendance', () => {
    const c = allianceContribution([{ kind: 'training', attendees: 3 }, { kind: 'meeting', attendees: 2 }, { kind: 'training', attendees: 1 }, { kind: 'delegation', attendees: 4 }]);
    expect(c).toEqual({ events: 4, trainings: 2, attendees: 10, trainees: 4, clause: 'a17.s1' });
    expect(allianceContribution([])).toEqual({ events: 0, trainings: 0, attendees: 0, trainees: 0, clause: 'a17.s1' });
  });
});

describe('a20.s1: alignment with departmental and local cooperation work, and 产学研', () => {
  it('a20.s1: aligned only with both a programme link and an industry–academia–research partner', () => {
    expect(alignmentVerdict([{ kind: 'department_programme' }, { kind: 'iur_partner' }])).toMatchObject({ met: true, data: { programmes: 1, partners: 1 } });
    expect(alignmentVerdict([{ kind: 'local_programme' }, { kind: 'iur_partner' }, { kind: 'iur_partner' }])).toMatchObject({ met: true, data: { programmes: 1, partners: 2 } });
    const noPartner = alignmentVerdict([{ kind: 'local_programme' }]);
    expect(noPartner.met).toBe(false);
    expect(noPartner.because.zh).toContain('产学研');
    const nothing = alignmentVerdict([]);
    expect(nothing.because.en).toContain('programme');
    expect(nothing.because.en).toContain('partner');
  });

  it('a18.s1, a18.s2, a20.s1: implemented, so no longer declared out of scope', () => {
    const report = coverage();
    for (const id of ['a18.s1', 'a18.s2', 'a20.s1']) {
      expect(report.covered).toContain(id);
      expect(id in outOfScope).toBe(false);
    }
  });
});
