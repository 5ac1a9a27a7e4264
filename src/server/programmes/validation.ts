// Programme data → a validated Programme, or a 400 whose every issue names the path in the
// programme (types[0].procedure[3].params.workingDays) and the rule broken, with a message in
// Chinese and English. Shape first (ZProgramme), then the deep checks of validateProgramme, then
// what the server adds: a local programme is issued by the body that edits it.
import type { ZodType } from 'zod';
import { conditionKinds, hasClause, stepKinds, validateProgramme, ZProgramme, type Programme } from '../../regulation/index.js';
import { AppError } from '../platform/http/errors.js';

export type ProgrammeIssue = { path: string; rule: string; message: { zh: string; en: string } };

const pathOf = (parts: readonly PropertyKey[]): string =>
  parts.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), '');

const zodRule: Record<string, { zh: string; en: string }> = {
  invalid_type: { zh: '类型或必填项不符', en: 'wrong type or missing value' },
  too_small: { zh: '数值过小或项目不足', en: 'too small or too few items' },
  too_big: { zh: '数值过大或项目过多', en: 'too large or too many items' },
  invalid_value: { zh: '取值不在允许范围内', en: 'value not among those allowed' },
  invalid_format: { zh: '格式不正确', en: 'wrong format' },
  custom: { zh: '格式不正确', en: 'invalid value' },
};

function zodIssues(prefix: string, issues: ReadonlyArray<{ code: string; path: readonly PropertyKey[]; message: string }>): ProgrammeIssue[] {
  return issues.map((i) => {
    const m = zodRule[i.code] ?? zodRule.custom!;
    return { path: pathOf([...(prefix ? [prefix] : []), ...i.path]).replace(/^\./, ''), rule: i.code, message: { zh: `${m.zh}：${i.message}`, en: `${m.en}: ${i.message}` } };
  });
}

/** Deep checks with paths: validateProgramme's findings, re-located at their exact place. */
function deepIssues(p: Programme): ProgrammeIssue[] {
  const out: ProgrammeIssue[] = [];
  const own = new Set(p.document.clauseIds);
  const known = (id: string) => own.has(id) || hasClause(id);
  const clauses = (path: string, ids: readonly string[]) => ids.forEach((id, k) => {
    if (!known(id)) out.push({ path: `${path}[${k}]`, rule: 'unknown_clause', message: { zh: `引用的条款 ${id} 不在本办法（document.clauseIds）或国家办法中`, en: `clause ${id} is neither in this document (document.clauseIds) nor in the national Measures` } });
  });
  clauses('callRules.clauses', p.callRules.clauses);
  clauses('grading.clauses', p.grading.clauses);
  clauses('annualReport.clauses', p.annualReport.clauses);
  clauses('consequences.clauses', p.consequences.clauses);
  p.types.forEach((t, ti) => {
    const tp = `types[${ti}]`;
    for (const f of ['definitionClause', 'procedureClause'] as const) {
      if (!known(t[f])) out.push({ path: `${tp}.${f}`, rule: 'unknown_clause', message: { zh: `引用的条款 ${t[f]} 不存在`, en: `clause ${t[f]} does not exist` } });
    }
    t.conditions.forEach((c, ci) => {
      clauses(`${tp}.conditions[${ci}].clauses`, c.clauses);
      const r = (conditionKinds[c.kind].params as ZodType).safeParse(c.params ?? {});
      if (!r.success) out.push(...zodIssues(`${tp}.conditions[${ci}].params`, r.error.issues));
    });
    const seen = new Set<string>();
    t.procedure.forEach((s, si) => {
      clauses(`${tp}.procedure[${si}].clauses`, s.clauses);
      if (seen.has(s.id)) out.push({ path: `${tp}.procedure[${si}].id`, rule: 'duplicate_step_id', message: { zh: `步骤编号 ${s.id} 重复`, en: `duplicate step id ${s.id}` } });
      seen.add(s.id);
      const r = (stepKinds[s.kind].params as ZodType).safeParse(s.params ?? {});
      if (!r.success) out.push(...zodIssues(`${tp}.procedure[${si}].params`, r.error.issues));
    });
    const deciding = t.procedure.filter((s) => s.deciding && s.phase === 'recognition').length;
    if (deciding !== 1) out.push({ path: `${tp}.procedure`, rule: 'one_deciding_step', message: { zh: `须有且仅有一个决定步骤（deciding），现有 ${deciding} 个`, en: `needs exactly one deciding step, has ${deciding}` } });
    if (!t.procedure.some((s) => stepKinds[s.kind].mode === 'submit')) out.push({ path: `${tp}.procedure`, rule: 'submit_step', message: { zh: '程序缺少申报步骤', en: 'the procedure has no filing step' } });
  });
  const ids = new Set<string>();
  p.types.forEach((t, ti) => {
    if (ids.has(t.id)) out.push({ path: `types[${ti}].id`, rule: 'duplicate_type_id', message: { zh: `基地类型 ${t.id} 重复`, en: `duplicate type id ${t.id}` } });
    ids.add(t.id);
  });
  if (p.types.length === 0) out.push({ path: 'types', rule: 'too_small', message: { zh: '至少须有一个基地类型', en: 'at least one base type is required' } });
  // Anything validateProgramme finds that the located checks above missed is still reported.
  if (out.length === 0) for (const x of validateProgramme(p)) out.push({ path: x.where, rule: 'invalid', message: { zh: x.problem, en: x.problem } });
  return out;
}

export function issuesError(issues: ProgrammeIssue[]): AppError {
  return new AppError('validation_failed', {
    message: { zh: `办法数据有 ${issues.length} 处错误：${issues.slice(0, 3).map((i) => `${i.path}（${i.message.zh}）`).join('；')}`, en: `The programme has ${issues.length} problem(s): ${issues.slice(0, 3).map((i) => `${i.path} (${i.message.en})`).join('; ')}` },
    fields: issues.map((i) => ({ field: `data.${i.path}`, rule: i.rule, message: `${i.message.zh} / ${i.message.en}` })),
    data: { issues },
  });
}

/** Parse and check; throws a 400 naming every path and rule. `issuerKind` is the editing body's kind. */
export function checkedProgramme(data: unknown, issuerKind: string): Programme {
  const parsed = ZProgramme.safeParse(data);
  if (!parsed.success) throw issuesError(zodIssues('', parsed.error.issues));
  const p = parsed.data;
  const issues = deepIssues(p);
  if (p.level !== 'local') issues.push({ path: 'level', rule: 'local_only', message: { zh: '地方办法的 level 须为 local', en: 'a local programme has level "local"' } });
  if (p.issuer.orgKind !== issuerKind) issues.push({ path: 'issuer.orgKind', rule: 'issuer_is_editor', message: { zh: `发布机关须为编辑本办法的机关（${issuerKind}）`, en: `the issuer must be the body editing the programme (${issuerKind})` } });
  if (issues.length) throw issuesError(issues);
  return p;
}
