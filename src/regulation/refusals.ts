// Expected failures are values with a code from a closed union (practice 8). The code→message
// table is typed Record<RefusalCode, Text>, so a new code without a message does not compile.
// The server maps codes to HTTP statuses with a table of the same shape.
import type { Text } from './verdict.js';

export const refusalCodes = [
  'wrong_actor',
  'missing_role',
  'out_of_scope',
  'out_of_turn',
  'wrong_recommender',
  'missing_support_opinion',
  'call_not_open',
  'deadline_passed',
  'not_eligible',
  'banned',
  'duplicate_type',
  'quota_exceeded',
  'unknown_type',
  'opinion_required',
  'reason_required',
  'invalid_state',
  'not_own_submission',
  'notice_period_running',
  'calendar_year_missing',
  'revocation_not_allowed',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

export const codes: Record<RefusalCode, Text> = {
  wrong_actor: { zh: '当前环节不由您所在单位办理', en: 'This step is not handled by your organization' },
  missing_role: { zh: '您没有办理此环节所需的角色', en: 'You lack the role this step requires' },
  out_of_scope: { zh: '该申报不属于您单位的管理范围', en: 'This application is outside your organization’s scope' },
  out_of_turn: { zh: '尚未轮到您所在单位办理', en: 'It is not yet your organization’s turn' },
  wrong_recommender: { zh: '该单位不是本类型的推荐部门', en: 'This organization may not recommend for this type' },
  missing_support_opinion: { zh: '缺少所在国家高新区出具的支持意见', en: 'The high-tech zone’s supporting opinion is missing' },
  call_not_open: { zh: '申报尚未开始', en: 'The call is not open yet' },
  deadline_passed: { zh: '已超过申报截止时间', en: 'The deadline has passed' },
  not_eligible: { zh: '不符合认定条件', en: 'The recognition conditions are not met' },
  banned: { zh: '被取消资格的单位三年内不得再次申请', en: 'A revoked unit may not apply again within three years' },
  duplicate_type: { zh: '该单位已拥有同类型国合基地', en: 'The unit already holds a base of this type' },
  quota_exceeded: { zh: '已达到本批次推荐名额上限', en: 'The recommendation quota of this call is used up' },
  unknown_type: { zh: '本办法没有该基地类型或本批次未开放', en: 'No such base type in this programme or call' },
  opinion_required: { zh: '请填写并签署审核意见', en: 'A signed opinion is required' },
  reason_required: { zh: '请填写理由', en: 'A reason is required' },
  invalid_state: { zh: '当前状态下不能进行此操作', en: 'This action is not possible in the current state' },
  not_own_submission: { zh: '只能撤回本单位提交的材料', en: 'You can only withdraw your own submission' },
  notice_period_running: { zh: '公示期尚未结束', en: 'The public notice period has not ended' },
  calendar_year_missing: { zh: '缺少该年度的节假日安排，无法计算工作日', en: 'No holiday calendar for that year; working days cannot be computed' },
  revocation_not_allowed: { zh: '不满足取消资格的条件', en: 'The conditions for revocation are not met' },
};

/** A refused action: code, the clause that refuses it, and why (defaults to the code's message). */
export type Refusal = {
  ok: false;
  code: RefusalCode;
  clause: string;
  because: Text;
  data?: Record<string, unknown>;
};

export function refuse(code: RefusalCode, clause: string, because?: Text, data?: Record<string, unknown>): Refusal {
  const r: Refusal = { ok: false, code, clause, because: because ?? codes[code] };
  if (data) r.data = data;
  return r;
}
