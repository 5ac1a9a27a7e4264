// Load the demo's existing bases and their history (demo/bases.ts) inside loadDemo's transaction.
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { beijingInstant, endOfBeijingDay, addDays, type ReportEvent } from '../../regulation/index.js';
import type { Db } from '../platform/db/client.js';
import { organizations } from '../organizations/tables.js';
import { projects } from '../projects/tables.js';
import { baseEvents, bases } from '../bases/tables.js';
import { annualReports, reportingYears } from '../bases/annual/tables.js';
import { assessmentResults, assessmentRounds } from '../bases/assessment/tables.js';
import { noticeProposals } from '../bases/consequences/tables.js';
import { baseActivities, baseProjects } from '../bases/projects/tables.js';
import { NATIONAL_KEY } from '../bases/programme.js';
import { FOREIGN_PARTNERS } from './catalog.js';
import type { DemoData } from './types.js';

const RECOGNITION_CLAUSE = { innovation_park: 'a5.p2.i4', joint_research_center: 'a6.p2.i3', tech_transfer_center: 'a7.p2.i3', demonstration_base: 'a8.p2.i3' } as const;

export async function loadDemoBases(tx: Db, demo: DemoData, idOf: Map<string, string>) {
  const { bases: data } = demo;
  if (!data.bases.length) return;
  const hostIds = data.bases.map((b) => idOf.get(b.hostKey)!);
  const hosts = new Map((await tx.select({ id: organizations.id, recommenderId: organizations.recommenderId, zoneId: organizations.zoneId, regionCode: organizations.regionCode })
    .from(organizations).where(inArray(organizations.id, hostIds))).map((h) => [h.id, h]));
  const ministryId = idOf.get('most-dic')!;
  const signerOf = new Map(demo.accounts.map((a) => [idOf.get(a.orgKey)!, a.displayName]));
  const baseId = new Map(data.bases.map((b) => [b.key, randomUUID()]));
  const partner = (key: string) => FOREIGN_PARTNERS.find((f) => `foreign-${f.slug}` === key)!;

  await tx.insert(bases).values(data.bases.map((b) => {
    const h = hosts.get(idOf.get(b.hostKey)!)!;
    return {
      id: baseId.get(b.key)!, code: b.code, programmeKey: NATIONAL_KEY, typeId: b.typeId, nameZh: b.nameZh, nameEn: b.nameEn, hostOrgId: h.id,
      recommenderId: h.recommenderId, zoneId: h.zoneId, regionCode: h.regionCode, fields: b.fields, recognizedOn: b.recognizedOn,
      foreignPartners: b.partnerKeys.map((k) => ({ nameZh: partner(k).nameZh, nameEn: partner(k).nameEn, country: partner(k).country, agreementSigned: true })),
      foreignPlaques: b.plaques.map((p) => ({ country: partner(p.partnerKey).country, partner: partner(p.partnerKey).nameEn, on: p.on })),
      documents: [
        { kind: 'recognition', number: b.documentNumber, on: b.recognizedOn, title: '国家国际科技合作基地认定' },
        ...(b.notice ? [{ kind: 'notice', number: b.notice.documentNumber, on: b.notice.on, title: '通报' }] : []),
      ],
      status: b.status, statusChangedOn: b.notice?.on ?? null,
    };
  }));
  await tx.insert(baseEvents).values(data.bases.flatMap((b) => [
    { baseId: baseId.get(b.key)!, kind: 'recognized', on: b.recognizedOn, clauses: [RECOGNITION_CLAUSE[b.typeId]], documentNumber: b.documentNumber },
    ...b.plaques.map((p) => ({ baseId: baseId.get(b.key)!, kind: 'foreign_plaque', on: p.on, clauses: ['a6.p2.i4'], note: partner(p.partnerKey).nameEn })),
    ...(b.notice ? [{ baseId: baseId.get(b.key)!, kind: 'notified', on: b.notice.on, clauses: ['a13.s3'], documentNumber: b.notice.documentNumber, note: `${b.notice.run.join('、')}年连续3个考核年度不合格` }] : []),
  ]));

  await tx.insert(assessmentRounds).values(data.roundYears.map((year) => ({ year, status: 'published', computedAt: beijingInstant(`${year + 1}-04-20`), publishedAt: beijingInstant(`${year + 1}-04-30`) })));
  const results = data.bases.flatMap((b) => b.results.map((r) => ({ year: r.year, baseId: baseId.get(b.key)!, grade: r.grade, score: r.score, detail: { source: 'demo history' } })));
  for (let i = 0; i < results.length; i += 500) await tx.insert(assessmentResults).values(results.slice(i, i + 500));
  const notified = data.bases.filter((b) => b.notice);
  if (notified.length) {
    await tx.insert(noticeProposals).values(notified.map((b) => ({
      baseId: baseId.get(b.key)!, triggeredInYear: b.notice!.run.at(-1)!, run: b.notice!.run, status: 'confirmed', documentNumber: b.notice!.documentNumber, decidedOn: b.notice!.on,
      reading: { clause: 'a13.s3', triggered: true, triggeredInYear: b.notice!.run.at(-1), run: b.notice!.run, years: [], because: { zh: `${b.notice!.run.join('、')}年连续3个考核年度不合格，应予通报`, en: `Failed 3 consecutive assessment years (${b.notice!.run.join(', ')}): a notice is due` }, rule: { zh: '对连续三年考核不合格的国合基地，将给予通报。', en: 'A base that fails the assessment three years in a row is given a public notice (通报).' } },
    })));
  }

  // Every project of the host is the base's (each demo host holds one base).
  const hostProjects = await tx.select({ id: projects.id, orgId: projects.orgId }).from(projects).where(inArray(projects.orgId, hostIds));
  const baseOfHost = new Map(data.bases.map((b) => [idOf.get(b.hostKey)!, baseId.get(b.key)!]));
  if (hostProjects.length) await tx.insert(baseProjects).values(hostProjects.map((p) => ({ projectId: p.id, baseId: baseOfHost.get(p.orgId)!, status: 'ongoing' })));

  await tx.insert(reportingYears).values(data.reportingYears.map((y) => ({ ...y, note: null })));
  const dueOf = (year: number, kind: 'plan' | 'summary') => {
    const y = data.reportingYears.find((x) => x.year === year)!;
    return endOfBeijingDay(kind === 'plan' ? y.planDue : y.summaryDue);
  };
  await tx.insert(annualReports).values(data.reports.map((r) => {
    const b = data.bases.find((x) => x.key === r.baseKey)!;
    const host = hosts.get(idOf.get(b.hostKey)!)!;
    const history: ReportEvent[] = [];
    const at = (day: string) => beijingInstant(day, 10).toISOString();
    const submitted = r.submittedOn ? beijingInstant(r.submittedOn, 10) : null;
    const late = submitted ? submitted > dueOf(r.year, r.kind) : false;
    if (r.submittedOn) history.push({ at: at(r.submittedOn), action: 'submit', actorOrgId: host.id, from: 'draft', to: 'submitted', late });
    const signedOn = r.submittedOn ? addDays(r.submittedOn, 3) : null;
    if (signedOn && (r.status === 'signed_by_recommender' || r.status === 'received_by_ministry')) {
      history.push({ at: at(signedOn), action: 'sign', actorOrgId: host.recommenderId!, from: 'submitted', to: 'signed_by_recommender', text: r.opinion ?? '' });
    }
    if (signedOn && r.status === 'received_by_ministry') history.push({ at: at(addDays(signedOn, 4)), action: 'receive', actorOrgId: ministryId, from: 'signed_by_recommender', to: 'received_by_ministry' });
    const signed = history.find((e) => e.action === 'sign');
    return {
      baseId: baseId.get(r.baseKey)!, year: r.year, kind: r.kind, status: r.status, content: r.content, narrative: r.narrative, history,
      opinion: signed ? r.opinion : null, opinionSignedBy: signed ? (signerOf.get(host.recommenderId!) ?? null) : null, opinionSignedAt: signed ? new Date(signed.at) : null,
      recommenderScore: signed ? r.recommenderScore : null, late, firstSubmittedAt: submitted,
      receivedAt: r.status === 'received_by_ministry' ? new Date(history.at(-1)!.at) : null,
    };
  }));
  if (data.activities.length) {
    await tx.insert(baseActivities).values(data.activities.map((a) => ({ baseId: baseId.get(a.baseKey)!, year: a.year, kind: a.kind, title: a.title, people: a.people, country: a.country })));
  }
}
