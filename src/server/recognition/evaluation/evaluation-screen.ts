// The comprehensive evaluation screen (a5.p2.i4, a6.p2.i3, a7.p2.i3, a8.p2.i3): for one call (and
// type), each candidate's review score, assessment result and condition verdicts, and how
// choosing it changes the layout of bases by province, field (a15.s1) and type — the decision
// support a7.p2.i3 (地域分布) and a8.p2.i3 (全国整体布局) ask for. It computes; people decide.
import { and, eq, inArray } from 'drizzle-orm';
import { beijingDateOf, evaluateConditions, findType, priorityFields, type Programme } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { bases } from '../../bases/tables.js';
import { provinceOf, regionName } from '../../organizations/registry/regions.js';
import { requireNationalBody } from '../guards.js';
import { factsOf } from '../facts.js';
import { callOf } from '../load.js';
import { programmeOf } from '../programmes.js';
import { verdictOut } from '../refusal.js';
import { applicationScope } from '../scope.js';
import { applications, reviewResults } from '../tables.js';
import { orgsById } from '../applications/views.js';

type Count = { key: string; name: { zh: string; en: string }; bases: number; candidates: number };

function tally(keys: string[][], names: (k: string) => { zh: string; en: string }, candidateKeys: string[][]): Count[] {
  const m = new Map<string, Count>();
  const get = (k: string) => m.get(k) ?? m.set(k, { key: k, name: names(k), bases: 0, candidates: 0 }).get(k)!;
  for (const ks of keys) for (const k of ks) get(k).bases++;
  for (const ks of candidateKeys) for (const k of ks) get(k).candidates++;
  return [...m.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export async function evaluationScreen(db: Db, actor: Actor, q: { callId: string; typeId?: string | undefined }, now = new Date()) {
  requireNationalBody(actor);
  const call = await callOf(db, q.callId);
  const programme: Programme = await programmeOf(db, call.programmeKey);
  const where = [eq(applications.callId, call.id), applicationScope(actor, 'read'), inArray(applications.status, ['in_progress', 'recognized'])];
  if (q.typeId) where.push(eq(applications.typeId, q.typeId));
  const rows = (await db.select().from(applications).where(and(...where))).filter((a) => {
    const type = findType(programme, a.typeId);
    const review = type?.procedure.findIndex((s) => s.kind === 'expertReview') ?? -1;
    return a.status === 'recognized' ? false : review >= 0 && a.stepIndex >= review;
  });
  const results = rows.length ? await db.select().from(reviewResults).where(inArray(reviewResults.applicationId, rows.map((r) => r.id))) : [];
  const existing = await db.select({ typeId: bases.typeId, regionCode: bases.regionCode, fields: bases.fields }).from(bases).where(inArray(bases.status, ['active', 'notified']));
  const orgs = await orgsById(db, rows.map((r) => r.applicantOrgId));
  const today = beijingDateOf(now);
  const provinceKey = (code: string | null) => (code ? provinceOf(code) : null);
  const typeName = (id: string) => findType(programme, id)?.name ?? { zh: id, en: id };
  const fieldName = (id: string) => priorityFields.find((f) => f.id === id)?.name ?? { zh: id, en: id };
  const provName = (code: string) => ({ zh: regionName(code, 'zh') ?? code, en: regionName(code, 'en') ?? code });

  const count = (pred: (b: (typeof existing)[number]) => boolean) => existing.filter(pred).length;
  const candidates = await Promise.all(rows.map(async (a) => {
    const type = findType(programme, a.typeId)!;
    const mine = results.filter((r) => r.applicationId === a.id);
    const scores = mine.filter((r) => r.kind === 'review' && r.score !== null).map((r) => r.score!);
    const assessment = mine.filter((r) => r.kind === 'assessment').at(-1);
    const facts = await factsOf(db, a);
    const p = provinceKey(a.regionCode);
    const inProvince = count((b) => provinceKey(b.regionCode) === p);
    const ofType = count((b) => b.typeId === a.typeId);
    return {
      applicationId: a.id, title: a.title, applicant: orgs.get(a.applicantOrgId)!, typeId: a.typeId, provinceCode: p, fields: a.fields,
      stepId: a.stepId, status: a.status,
      reviewScore: scores.length ? Math.round((scores.reduce((x, y) => x + y, 0) / scores.length) * 10) / 10 : null,
      reviewCount: scores.length,
      assessmentResult: (assessment?.result ?? null) as 'pass' | 'fail' | null,
      verdicts: evaluateConditions(type.conditions, facts, today).map(verdictOut),
      effect: {
        province: { key: p, without: inProvince, with: inProvince + 1 },
        fields: a.fields.map((f) => { const n = count((b) => b.fields.includes(f)); return { key: f, without: n, with: n + 1 }; }),
        type: { key: a.typeId, without: ofType, with: ofType + 1 },
      },
    };
  }));
  const evaluate = q.typeId ? findType(programme, q.typeId)?.procedure.find((s) => s.kind === 'comprehensiveEvaluation') : undefined;
  const factors = ((evaluate?.params as { factors?: string[] } | undefined)?.factors ?? []).map((id) => ({ id, clauses: evaluate!.clauses }));
  return {
    callId: call.id, typeId: q.typeId ?? null, factors,
    candidates: candidates.sort((x, y) => (y.reviewScore ?? -1) - (x.reviewScore ?? -1)),
    distribution: {
      byProvince: tally(existing.map((b) => [provinceKey(b.regionCode) ?? '']).map((k) => k.filter(Boolean)), provName, candidates.map((c) => (c.provinceCode ? [c.provinceCode] : []))),
      byField: tally(existing.map((b) => b.fields), fieldName, candidates.map((c) => c.fields)),
      byType: tally(existing.map((b) => [b.typeId]), typeName, candidates.map((c) => [c.typeId])),
    },
  };
}
