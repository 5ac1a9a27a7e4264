// Typed access to the text of the 2011 Measures (practice 2): the regulation lives in the repo,
// keyed by the same clause ids that rules, verdicts and tests carry.
import measures from './text/measures-2011.json' with { type: 'json' };
import type { Text } from './verdict.js';

export const clauseKinds = ['meta', 'definition', 'condition', 'rule', 'step', 'duty', 'support'] as const;
export type ClauseKind = (typeof clauseKinds)[number];

export type Clause = {
  id: string;
  kind: ClauseKind;
  text_zh: string;
  gloss_en: string;
  /** Article number the clause belongs to. */
  article: number;
  /** Who acts, for steps (as the source names them). */
  actor?: string;
  /** Who decides, for the procedure rules aN.p2. */
  decided_by?: string;
};

export type Article = {
  id: string;
  number: number;
  label_zh: string;
  chapter: number;
  title_zh: string;
  title_en: string;
  base_type?: string;
  clauses: Clause[];
};

/** Which clauses a statement rests on. Ids of the national Measures or of a local document. */
export type Citation = { clauseIds: string[] };

type RawClause = { id: string; kind: string; text_zh: string; gloss_en: string; actor?: string; decided_by?: string };
type RawArticle = Omit<Article, 'clauses'> & { clauses: RawClause[] };

const isKind = (k: string): k is ClauseKind => (clauseKinds as readonly string[]).includes(k);

const articles: Article[] = (measures.articles as RawArticle[]).map((a) => ({
  ...a,
  clauses: a.clauses.map((c) => {
    if (!isKind(c.kind)) throw new Error(`measures-2011.json: unknown clause kind ${c.kind} at ${c.id}`);
    return { ...c, kind: c.kind, article: a.number };
  }),
}));

const byId = new Map<string, Clause>(articles.flatMap((a) => a.clauses.map((c) => [c.id, c] as const)));
const byNumber = new Map<number, Article>(articles.map((a) => [a.number, a]));

export const measuresTitle: Text = { zh: measures.title_zh, en: measures.title_en };

/** The raw JSON, for callers that need chapters, base-type or field lists. */
export const measuresData = measures;

export const hasClause = (id: string): boolean => byId.has(id);

/** A clause of the 2011 Measures; throws on an unknown id (a typo in a rule is a programming error). */
export function clause(id: string): Clause {
  const c = byId.get(id);
  if (!c) throw new Error(`unknown clause id ${id}`);
  return c;
}

export function article(n: number): Article {
  const a = byNumber.get(n);
  if (!a) throw new Error(`no article ${n}`);
  return a;
}

/** Every clause id in document order, with its kind. */
export const allClauses = (): { id: string; kind: ClauseKind; article: number }[] =>
  articles.flatMap((a) => a.clauses.map((c) => ({ id: c.id, kind: c.kind, article: a.number })));

export const allArticles = (): readonly Article[] => articles;

/** 'a13.s3' → 13; undefined for ids that are not of the national Measures. */
export function articleNumberOf(id: string): number | undefined {
  return byId.get(id)?.article;
}

/** One clause label: zh "第十三条" (the source's own label), en "Art. 13 (a13.s3)". Unknown ids stay as they are. */
export function clauseLabel(id: string, lang: 'zh' | 'en'): string {
  const n = articleNumberOf(id);
  if (n === undefined) return id;
  return lang === 'zh' ? article(n).label_zh : `Art. ${n} (${id})`;
}

/**
 * "依据第六条、第十三条" / "Art. 6 (a6.p2.i1); Art. 13 (a13.s3)". In Chinese one mention per
 * article, in document order of first citation; ids of local documents are cited as they are.
 */
export function citationLabel(citation: Citation | string, lang: 'zh' | 'en'): string {
  const ids = typeof citation === 'string' ? [citation] : citation.clauseIds;
  if (lang === 'en') return ids.map((id) => clauseLabel(id, 'en')).join('; ');
  const labels = [...new Set(ids.map((id) => clauseLabel(id, 'zh')))];
  return `依据${labels.join('、')}`;
}

export const citationText = (citation: Citation | string): Text => ({
  zh: citationLabel(citation, 'zh'),
  en: citationLabel(citation, 'en'),
});
