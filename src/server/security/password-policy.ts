import type { FieldIssue, Lang } from '../platform/http/errors.js';
import type { SecuritySettings } from './settings.js';

/** The four character classes of GB/T 22239-2019 8.1.4.1 a (复杂度): lower, upper, digit, symbol. */
export function characterClasses(password: string): number {
  let n = 0;
  if (/\p{Ll}/u.test(password)) n++;
  if (/\p{Lu}/u.test(password)) n++;
  if (/\p{Nd}/u.test(password)) n++;
  if (/[^\p{L}\p{Nd}\s]/u.test(password)) n++;
  return n;
}

export type PasswordRule = 'min_length' | 'char_classes' | 'contains_username' | 'reused';

export interface PasswordRuleBroken {
  rule: PasswordRule;
  zh: string;
  en: string;
}

/** The static rules (everything but history), pure: what a password breaks, in both languages. */
export function passwordRulesBroken(password: string, settings: Pick<SecuritySettings, 'passwordMinLength' | 'passwordMinClasses'>, username?: string): PasswordRuleBroken[] {
  const broken: PasswordRuleBroken[] = [];
  const length = [...password].length;
  if (length < settings.passwordMinLength) {
    broken.push({ rule: 'min_length', zh: `密码长度至少为 ${settings.passwordMinLength} 位`, en: `must be at least ${settings.passwordMinLength} characters long` });
  }
  if (characterClasses(password) < settings.passwordMinClasses) {
    broken.push({
      rule: 'char_classes',
      zh: `须包含小写字母、大写字母、数字、符号中的至少 ${settings.passwordMinClasses} 类`,
      en: `must mix at least ${settings.passwordMinClasses} of: lower-case letters, upper-case letters, digits, symbols`,
    });
  }
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    broken.push({ rule: 'contains_username', zh: '不能包含用户名', en: 'must not contain the username' });
  }
  return broken;
}

export const reusedRule = (count: number): PasswordRuleBroken => ({
  rule: 'reused',
  zh: `不能与当前密码及最近 ${count} 次使用过的密码相同`,
  en: `must differ from the current password and the last ${count} passwords`,
});

/** As field issues naming the field and the rule, in the user's language (like zod-messages.ts). */
export function passwordIssues(field: string, broken: PasswordRuleBroken[], lang: Lang): FieldIssue[] {
  return broken.map((b) => ({
    field,
    rule: `password_${b.rule}`,
    message: lang === 'zh' ? `字段「${field}」：${b.zh}` : `Field "${field}": ${b.en}`,
  }));
}
