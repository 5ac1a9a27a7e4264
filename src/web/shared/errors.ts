import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError, NetworkError, type FieldError } from '../app/api';

/** A sentence for any thrown value, in the user's language (server messages already are). */
export function errorText(e: unknown, t: TFunction): string {
  if (e instanceof ApiError) return e.message || t('error.unknown', { status: e.status });
  if (e instanceof NetworkError) return t('error.network');
  return t('error.unknown', { status: '—' });
}

/** The server prefixes field messages with the field path ('字段「org.uscc」：…'); inline the path is noise. */
export function inlineFieldMessage(message: string): string {
  return message.replace(/^字段「[^」]*」：/, '').replace(/^Field "[^"]*": /, '');
}

/**
 * Puts the server's field errors onto the antd form, inline under each field ('org.uscc' →
 * ['org', 'uscc']). Returns the errors whose field is not on this form, to show in ErrorAlert.
 */
export function applyFieldErrors(form: FormInstance, e: unknown, known?: ReadonlyArray<string>): FieldError[] {
  if (!(e instanceof ApiError)) return [];
  const onForm: FieldError[] = [];
  const elsewhere: FieldError[] = [];
  for (const f of e.fields) (known ? known.includes(f.field) : true) ? onForm.push(f) : elsewhere.push(f);
  const byField = new Map<string, string[]>();
  for (const f of onForm) byField.set(f.field, [...(byField.get(f.field) ?? []), inlineFieldMessage(f.message)]);
  form.setFields(
    [...byField].map(([field, errors]) => ({
      name: field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      errors,
    })),
  );
  const first = onForm[0];
  if (first) form.scrollToField(first.field.split('.'), { block: 'center' });
  return elsewhere;
}
