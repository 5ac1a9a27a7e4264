import { describe, expect, it } from 'vitest';
import { allClauses, article, citationLabel, clause, clauseLabel, hasClause, measuresData } from './clauses.js';
import { priorityFields } from './fields.js';
import { national2011 } from './programmes/national-2011.js';

describe('clauses', () => {
  it('reads a clause with its kind, text and article', () => {
    const c = clause('a13.s3');
    expect(c.kind).toBe('rule');
    expect(c.article).toBe(13);
    expect(c.text_zh).toContain('连续三年考核不合格');
    expect(() => clause('a99.s1')).toThrow();
  });

  it('lists every clause with its kind, in document order', () => {
    const all = allClauses();
    expect(all[0]).toEqual({ id: 'a1.s1', kind: 'meta', article: 1 });
    expect(all.at(-1)?.id).toBe('a23.s1');
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(article(7).clauses.map((c) => c.id)).toContain('a7.p2.i3');
  });

  it('renders citations: 依据第十三条 / Art. 13 (a13.s3)', () => {
    expect(citationLabel('a13.s3', 'zh')).toBe('依据第十三条');
    expect(citationLabel('a13.s3', 'en')).toBe('Art. 13 (a13.s3)');
    expect(citationLabel({ clauseIds: ['a6.p2.i1', 'a6.p1.i1', 'a13.s5'] }, 'zh')).toBe('依据第六条、第十三条');
    expect(citationLabel({ clauseIds: ['a6.p2.i1', 'a13.s5'] }, 'en')).toBe('Art. 6 (a6.p2.i1); Art. 13 (a13.s5)');
    expect(clauseLabel('px.a3', 'zh')).toBe('px.a3');
    expect(citationLabel('a21.s1', 'zh')).toBe('依据第二十一条');
  });

  it('a2.s1: the four base types of the regulation are the national programme’s types, in order', () => {
    const types = (measuresData.articles[1]?.clauses[0] as { base_types: { code: string; zh: string; article: string }[] }).base_types;
    expect(national2011.types.map((t) => t.id)).toEqual(types.map((t) => t.code));
    expect(national2011.types.map((t) => t.name.zh)).toEqual(types.map((t) => t.zh));
    expect(national2011.types.map((t) => t.definitionClause)).toEqual(types.map((t) => `${t.article}.p1`));
  });

  it('a15.s1: the eight priority fields with zh and en names', () => {
    expect(priorityFields.map((f) => f.name.zh)).toEqual(['能源资源开发利用', '新材料与先进制造', '信息网络', '现代农业', '生物与健康', '生态环境保护', '空间和海洋', '公共安全']);
    expect(priorityFields.every((f) => f.name.en.length > 0 && f.clause === 'a15.s1')).toBe(true);
    expect(clause('a15.s1').text_zh).toContain('能源资源开发利用');
  });

  it('every clause cited by the national programme exists', () => {
    const ids = national2011.types.flatMap((t) => [...t.conditions, ...t.procedure].flatMap((x) => x.clauses));
    expect(ids.filter((id) => !hasClause(id))).toEqual([]);
  });
});
