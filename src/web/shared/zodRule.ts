import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';

/**
 * An antd Form rule that runs the shared Zod schema of the field (src/contracts), so the form and
 * the API cannot disagree; the message comes from our i18n resources, named after the field.
 */
export function zodRule(
  schema: z.ZodType,
  t: TFunction,
  label: string,
  opts: { optional?: boolean; format?: string } = {},
): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      // Emptiness is the `required` rule's job (one message per field, not two).
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (result.success) return;
      const issue = result.error.issues[0] as z.core.$ZodIssue & { minimum?: number; maximum?: number; exact?: boolean; input?: unknown };
      switch (issue.code) {
        case 'invalid_type':
          throw new Error(t('validation.required', { label }));
        case 'too_small':
          throw new Error(issue.exact ? t('validation.length', { label, len: issue.minimum }) : t('validation.minLength', { label, min: issue.minimum }));
        case 'too_big':
          throw new Error(issue.exact ? t('validation.length', { label, len: issue.maximum }) : t('validation.maxLength', { label, max: issue.maximum }));
        case 'invalid_value':
          throw new Error(t('validation.select', { label }));
        default:
          throw new Error(opts.format ?? t('validation.format', { label }));
      }
    },
  };
}
