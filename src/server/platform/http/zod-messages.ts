import type { FieldIssue, Lang } from './errors.js';

interface ZodLikeIssue {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  format?: string;
  origin?: string;
  expected?: string;
  input?: unknown;
}

/** Turns Zod issues into field + rule + a sentence in the user's language. */
export function fieldIssues(issues: ZodLikeIssue[], lang: Lang): FieldIssue[] {
  return issues.map((i) => {
    const field = i.path.map(String).join('.') || '(body)';
    const { rule, zh, en } = describe(i);
    return { field, rule, message: lang === 'zh' ? `字段「${field}」：${zh}` : `Field "${field}": ${en}` };
  });
}

function describe(i: ZodLikeIssue): { rule: string; zh: string; en: string } {
  const isString = i.origin === 'string';
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined
        ? { rule: 'required', zh: '必填', en: 'is required' }
        : { rule: 'type', zh: `类型应为 ${i.expected}`, en: `must be ${i.expected}` };
    case 'too_small':
      return isString
        ? { rule: 'min_length', zh: `长度至少为 ${i.minimum}`, en: `must be at least ${i.minimum} characters` }
        : { rule: 'min', zh: `不能小于 ${i.minimum}`, en: `must be at least ${i.minimum}` };
    case 'too_big':
      return isString
        ? { rule: 'max_length', zh: `长度不能超过 ${i.maximum}`, en: `must be at most ${i.maximum} characters` }
        : { rule: 'max', zh: `不能大于 ${i.maximum}`, en: `must be at most ${i.maximum}` };
    case 'invalid_format':
      return { rule: 'format', zh: `格式不正确（${i.format}）`, en: `has an invalid format (${i.format})` };
    case 'invalid_value':
      return { rule: 'enum', zh: '取值不在允许范围内', en: 'is not one of the allowed values' };
    case 'unrecognized_keys':
      return { rule: 'unknown_field', zh: '包含未知字段', en: 'contains unknown fields' };
    case 'custom':
      return { rule: 'custom', zh: i.message, en: i.message };
    default:
      return { rule: i.code, zh: i.message, en: i.message };
  }
}
