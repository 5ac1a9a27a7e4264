// The programme as the editor holds it: plain data (the server's ZProgramme input), edited in place
// by path and sent whole on save. The server validates; its issues name paths such as
// `types[0].procedure[3].params.workingDays`, which the editor shows beside the field at that path.
import type { ProgrammeLibrary, ProgrammePreview, ProgrammeVersionOut } from '../../../contracts/programmes';
import type { Call } from '../recognition/data';

export type { ProgrammeLibrary, ProgrammePreview, Call };
export type ProgrammeVersion = ProgrammeVersionOut;
export type Text = { zh: string; en: string };
export type Issue = { path: string; rule: string; message: Text };

export interface Condition { kind: string; clauses: string[]; params?: Record<string, unknown> }
export interface Step {
  id: string;
  kind: string;
  clauses: string[];
  actor: { orgKinds: string[]; role?: string; joint?: boolean };
  deciding?: boolean;
  phase?: 'recognition' | 'post_recognition';
  deadlineBound?: boolean;
  params?: Record<string, unknown>;
}
export interface BaseType { id: string; name: Text; definitionClause: string; procedureClause: string; conditions: Condition[]; procedure: Step[] }
export interface Dated<T> { from: string; value: T; source: string }
export interface Quota { perRecommenderKind: Record<string, number>; scope: 'all_types' | 'per_type' }
export interface ProgrammeData {
  lineage: string;
  version: string;
  level: 'local';
  issuer: { orgKind: string; name: Text };
  document: { title: Text; number?: string; clauseIds: string[] };
  issuedOn: string | null;
  effectiveFrom: string | null;
  effectiveUntil: string | null;
  status: 'in_force' | 'superseded';
  replaces: string | null;
  source: string;
  types: BaseType[];
  callRules: { quota: Array<Dated<Quota | null>>; oneBasePerType: boolean; clauses: string[] };
  grading: { thresholds: Array<Dated<{ excellent: number; good: number; pass: number }>>; clauses: string[] };
  annualReport: { dueMonthDay: string; clauses: string[] };
  consequences: { failedYearsForNotice: number; banYears: number; lateReportIsFail: boolean; commendGrades: string[]; clauses: string[] };
}

type PathKey = string | number;
/** `types[0].procedure[3].params` → ['types', 0, 'procedure', 3, 'params']. */
export const pathKeys = (path: string): PathKey[] =>
  path.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '').map((s) => (/^\d+$/.test(s) ? Number(s) : s));

/** An immutable update of the value at `path`: arrays and objects along the way are copied. */
export function setIn<T>(root: T, path: string, value: unknown): T {
  const keys = pathKeys(path);
  const go = (node: unknown, i: number): unknown => {
    if (i === keys.length) return value;
    const k = keys[i]!;
    const cur = (node ?? (typeof k === 'number' ? [] : {})) as Record<PathKey, unknown>;
    const copy = (Array.isArray(cur) ? [...cur] : { ...cur }) as Record<PathKey, unknown>;
    copy[k] = go(cur[k], i + 1);
    return copy;
  };
  return go(root, 0) as T;
}

export function getIn(root: unknown, path: string): unknown {
  return pathKeys(path).reduce<unknown>((node, k) => (node == null ? undefined : (node as Record<PathKey, unknown>)[k]), root);
}

/** Issues at a field: those whose path is exactly it, or (with `below`) anything under it. */
export function issuesAt(issues: Issue[], path: string, below = false): Issue[] {
  return issues.filter((i) => i.path === path || (below && (i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`))));
}

export const txt = (t: Text | undefined, lang: 'zh' | 'en') => (t ? (lang === 'en' ? t.en || t.zh : t.zh || t.en) : '');

export const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A first step for a new procedure: who acts and what the step is are chosen afterwards. */
export const newStep = (id: string, kind: string, clause: string, orgKinds: string[], extra: Partial<Step> = {}): Step => ({ id, kind, clauses: clause ? [clause] : [], actor: { orgKinds, role: 'officer', joint: false }, deciding: false, phase: 'recognition', deadlineBound: false, params: {}, ...extra });

export interface NewProgrammeInput { lineage: string; version: string; titleZh: string; titleEn: string; issuerZh: string; issuerEn: string; typeZh: string; typeEn: string }

/**
 * A valid starting point modelled on the national Measures: one type, one condition, and the four
 * steps every local procedure has (apply, recommend, decide, issue). Clause ids are the document's
 * own (l.<article>.<item>) so that every citation resolves; the issuer edits them afterwards.
 */
export function starterProgramme(v: NewProgrammeInput, issuerKind: string): ProgrammeData {
  const on = today();
  const own = [issuerKind];
  return {
    lineage: v.lineage, version: v.version, level: 'local',
    issuer: { orgKind: issuerKind, name: { zh: v.issuerZh, en: v.issuerEn || v.issuerZh } },
    document: { title: { zh: v.titleZh, en: v.titleEn || v.titleZh }, clauseIds: ['l.5', 'l.5.1', 'l.6', 'l.6.1', 'l.6.2', 'l.6.3', 'l.6.4', 'l.10', 'l.12', 'l.14'] },
    issuedOn: on, effectiveFrom: on, effectiveUntil: null, status: 'in_force', replaces: null, source: v.titleZh,
    types: [{
      id: 'joint_research_center', name: { zh: v.typeZh, en: v.typeEn }, definitionClause: 'l.5', procedureClause: 'l.6',
      conditions: [{ kind: 'narrative', clauses: ['l.5.1'], params: { question: { zh: '具有稳定的国际合作渠道和合作成果', en: 'Stable international cooperation with results' } } }],
      procedure: [
        newStep('apply', 'institutionApply', 'l.6.1', ['host_institution'], { deadlineBound: true }),
        newStep('recommend', 'recommend', 'l.6.2', own, { deadlineBound: true, params: { relation: 'territory' } }),
        newStep('decide', 'officeMeetingDecision', 'l.6.3', own, { deciding: true }),
        newStep('issue', 'issueDocument', 'l.6.4', own, { params: { issuers: own } }),
      ],
    }],
    callRules: { quota: [{ from: on, value: null, source: v.titleZh }], oneBasePerType: true, clauses: ['l.6'] },
    grading: { thresholds: [{ from: on, value: { excellent: 85, good: 70, pass: 60 }, source: v.titleZh }], clauses: ['l.12'] },
    annualReport: { dueMonthDay: '01-31', clauses: ['l.10'] },
    consequences: { failedYearsForNotice: 2, banYears: 3, lateReportIsFail: false, commendGrades: ['excellent'], clauses: ['l.14'] },
  };
}

/** The server's issues, from a 400 validation_failed answer (error.data.issues). */
export function issuesOf(e: unknown): Issue[] {
  const data = (e as { body?: { data?: { issues?: Issue[] } } })?.body?.data;
  return Array.isArray(data?.issues) ? data.issues : [];
}
