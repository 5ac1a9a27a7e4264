// The bases' alliance (a18), its training and talent work (a17.s1) and the alignment of bases with
// departmental and local cooperation work and 产学研 partners (a20.s1). Pure: the server asks these
// functions and stores what they answer.
//
// Readings decided here (see README.md):
// - a18.s1 "组织建立国合基地联盟 … 各基地成员": members are recognized bases (国合基地). A base joins by
//   applying; only a base in good standing (active) may apply — a notified base (被通报, a13.s3) is
//   under sanction and a revoked one (a13.s4) is no longer a base. A base whose recognition is
//   revoked leaves the alliance on the day of revocation, without a decision.
// - a18.s2 "秘书处 … 负责统筹协调联盟日常工作": the secretariat decides admissions, runs events and
//   groups, publishes announcements and records attendance; a base may leave on its own.
// - a17.s1: trainings and meetings of the alliance that a base attended are its training and talent
//   work of that year; they reach the base's annual summary from the attendance record (typed once).
// - a20.s1 "将部门和地方国际科技合作工作与国合基地的建设相衔接 … 加强产学研合作": a base is aligned when
//   its record links it to at least one departmental or local cooperation programme (of its
//   recommending department or its locality) and to at least one domestic industry–academia–research
//   partner. Links are recorded by the host or the recommending department — the two the clause
//   names; the secretariat's work report shows each member's reading.
import { met, unmet, type Text, type Verdict } from './verdict.js';
import { refuse, type Refusal } from './refusals.js';

export const membershipStatuses = ['applied', 'member', 'declined', 'left', 'removed'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];

/** A membership that still binds the base: an open application or a current membership. */
export const isOpenMembership = (s: string): boolean => s === 'applied' || s === 'member';

export type BaseStanding = 'active' | 'notified' | 'revoked' | (string & {});

/** a18.s1: may this base apply to join the alliance? */
export function joinVerdict(baseStatus: BaseStanding, openMembership: MembershipStatus | null): Verdict {
  if (baseStatus !== 'active') {
    return unmet('a18.s1', { zh: '只有正常运行的国合基地可以申请加入联盟（被通报或已取消资格的基地不能申请）', en: 'Only a base in good standing may apply to join the alliance (not a notified or revoked base)' }, { baseStatus });
  }
  if (openMembership === 'member') return unmet('a18.s1', { zh: '该基地已是联盟成员', en: 'This base is already a member of the alliance' }, { openMembership });
  if (openMembership === 'applied') return unmet('a18.s1', { zh: '该基地的入盟申请正在等待秘书处审核', en: 'This base’s application awaits the secretariat' }, { openMembership });
  return met('a18.s1', { zh: '正常运行的国合基地可申请加入联盟', en: 'A base in good standing may apply to join the alliance' });
}

export type MembershipAction = 'accept' | 'decline' | 'leave' | 'remove_revoked';
export type MembershipActor = 'secretariat' | 'base' | 'system';

/** Who does what to a membership, from which state, to which (a18.s1, a18.s2, a13.s4). */
const transitions: Record<MembershipAction, { from: MembershipStatus[]; to: MembershipStatus; by: MembershipActor[]; clause: string }> = {
  accept: { from: ['applied'], to: 'member', by: ['secretariat'], clause: 'a18.s2' },
  decline: { from: ['applied'], to: 'declined', by: ['secretariat'], clause: 'a18.s2' },
  leave: { from: ['applied', 'member'], to: 'left', by: ['base', 'secretariat'], clause: 'a18.s1' },
  remove_revoked: { from: ['applied', 'member'], to: 'removed', by: ['system'], clause: 'a18.s1' },
};

export type MembershipStep = { ok: true; to: MembershipStatus; clause: string } | Refusal;

export function membershipStep(from: string, action: MembershipAction, by: MembershipActor, ctx: { baseStatus?: BaseStanding; note?: string } = {}): MembershipStep {
  const t = transitions[action];
  if (!t.by.includes(by)) return refuse('wrong_actor', t.clause, action === 'accept' || action === 'decline' ? { zh: '入盟申请由联盟秘书处审核', en: 'The alliance secretariat decides applications' } : undefined);
  if (!t.from.includes(from as MembershipStatus)) return refuse('invalid_state', t.clause, undefined, { from, action });
  if (action === 'accept' && ctx.baseStatus !== undefined && ctx.baseStatus !== 'active') {
    return refuse('not_eligible', 'a18.s1', { zh: '该基地已不在正常运行状态，不能接纳入盟', en: 'The base is no longer in good standing and cannot be admitted' }, { baseStatus: ctx.baseStatus });
  }
  if (action === 'decline' && !ctx.note?.trim()) return refuse('reason_required', t.clause);
  return { ok: true, to: t.to, clause: t.clause };
}

/** a18.s1 with a13.s4: a revoked base's open membership ends with it. */
export const leavesOnRevocation = (baseStatus: BaseStanding, membership: string): boolean => baseStatus === 'revoked' && isOpenMembership(membership);

/** Member-only acts (registering for an event, posting a resource, joining a group) need a current membership. */
export function memberActVerdict(membership: string | null): Verdict {
  return membership === 'member'
    ? met('a18.s1', { zh: '联盟成员可参加联盟活动、共享资源', en: 'Members take part in events and share resources' })
    : unmet('a18.s1', { zh: '只有联盟成员基地可以参加联盟活动、发布共享资源或加入工作组', en: 'Only member bases may register for events, post resources or join working groups' }, { membership });
}

export const eventKinds = ['meeting', 'training', 'delegation'] as const;
export type EventKind = (typeof eventKinds)[number];

/** Registration closes at the end of its closing day (Beijing), and only open events take registrations. */
export function registrationVerdict(event: { status: string; registrationCloses: string | null; capacity: number | null; registered: number }, today: string, participants: number): Verdict {
  if (event.status !== 'open') return unmet('a18.s2', { zh: '该活动已停止报名', en: 'Registration for this event is closed' }, { status: event.status });
  if (event.registrationCloses && today > event.registrationCloses) return unmet('a18.s2', { zh: '已超过报名截止日期', en: 'The registration deadline has passed' }, { closes: event.registrationCloses });
  if (event.capacity !== null && event.registered + participants > event.capacity) {
    return unmet('a18.s2', { zh: `名额不足：剩余 ${Math.max(0, event.capacity - event.registered)} 人`, en: `Not enough places: ${Math.max(0, event.capacity - event.registered)} left` }, { capacity: event.capacity, registered: event.registered });
  }
  return met('a18.s2', { zh: '可以报名', en: 'Registration is open' });
}

/** What one base attended in a year, as the summary's alliance section reads it (a17.s1). */
export type AllianceContribution = { events: number; trainings: number; attendees: number; trainees: number; clause: 'a17.s1' };

export function allianceContribution(attended: readonly { kind: string; attendees: number }[]): AllianceContribution {
  const trainings = attended.filter((a) => a.kind === 'training');
  return {
    events: attended.length,
    trainings: trainings.length,
    attendees: attended.reduce((s, a) => s + a.attendees, 0),
    trainees: trainings.reduce((s, a) => s + a.attendees, 0),
    clause: 'a17.s1',
  };
}

export const alignmentLinkKinds = ['department_programme', 'local_programme', 'iur_partner'] as const;
export type AlignmentLinkKind = (typeof alignmentLinkKinds)[number];
/** 产学研: the three kinds of domestic partner the clause's 产, 学, 研 name. */
export const iurPartnerKinds = ['enterprise', 'university', 'research_institute'] as const;

/** a20.s1: the reading of one base's links. */
export function alignmentVerdict(links: readonly { kind: string }[]): Verdict {
  const programmes = links.filter((l) => l.kind === 'department_programme' || l.kind === 'local_programme').length;
  const partners = links.filter((l) => l.kind === 'iur_partner').length;
  const data = { programmes, partners };
  if (programmes > 0 && partners > 0) return met('a20.s1', { zh: '基地建设已与部门、地方国际科技合作工作衔接，并有产学研合作伙伴', en: 'Aligned with departmental or local cooperation work, with industry–academia–research partners' }, data);
  const missing: Text[] = [];
  if (programmes === 0) missing.push({ zh: '未关联部门或地方国际科技合作计划', en: 'no departmental or local cooperation programme linked' });
  if (partners === 0) missing.push({ zh: '未登记产学研合作伙伴', en: 'no industry–academia–research partner recorded' });
  return unmet('a20.s1', { zh: missing.map((m) => m.zh).join('；'), en: missing.map((m) => m.en).join('; ') }, data);
}
