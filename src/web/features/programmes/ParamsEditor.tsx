// The parameters of a condition or step kind, rendered from the kind's JSON Schema (the server's
// library, generated from the regulation's own Zod schemas), so that a new kind in the library
// needs no new form code. Unknown shapes fall back to a JSON text field.
import { useState } from 'react';
import { Input, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FieldIssues } from './parts';
import type { Issue } from './model';

interface JsonSchema {
  type?: string;
  enum?: string[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
  exclusiveMinimum?: number;
  minimum?: number;
}

const isText = (s: JsonSchema) => s.type === 'object' && !!s.properties?.zh && !!s.properties?.en && Object.keys(s.properties).length === 2;

function useLabels() {
  const { t, i18n } = useTranslation();
  const label = (key: string) => (i18n.exists(`programmes.param.${key}`) ? t(`programmes.param.${key}`) : key);
  const option = (v: string) =>
    i18n.exists(`programmes.enum.${v}`) ? t(`programmes.enum.${v}`) : i18n.exists(`programmes.orgKind.${v}`) ? t(`programmes.orgKind.${v}`) : v;
  return { label, option, t };
}

function Field(props: { name: string; schema: JsonSchema; value: unknown; onChange(v: unknown): void; testId: string; disabled: boolean }) {
  const { name, schema: s, value, onChange, testId, disabled } = props;
  const { option, t } = useLabels();
  if (s.type === 'integer' || s.type === 'number') {
    const min = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : s.minimum;
    return <InputNumber aria-label={name} min={min} value={value as number | undefined} placeholder={s.default !== undefined ? String(s.default) : undefined} onChange={(v) => onChange(v ?? undefined)} data-testid={testId} disabled={disabled} />;
  }
  if (s.type === 'boolean') return <Switch aria-label={name} checked={(value ?? s.default ?? false) as boolean} onChange={onChange} data-testid={testId} disabled={disabled} />;
  if (s.type === 'string' && s.enum) {
    return <Select aria-label={name} style={{ minWidth: 200 }} allowClear value={value as string | undefined} placeholder={s.default ? option(String(s.default)) : undefined} options={s.enum.map((v) => ({ value: v, label: option(v) }))} onChange={(v) => onChange(v ?? undefined)} data-testid={testId} disabled={disabled} />;
  }
  if (s.type === 'string') return <Input aria-label={name} value={(value as string) ?? ''} onChange={(e) => onChange(e.target.value || undefined)} data-testid={testId} disabled={disabled} />;
  if (s.type === 'array' && s.items?.type === 'string') {
    return (
      <Select
        aria-label={name}
        mode={s.items.enum ? 'multiple' : 'tags'}
        style={{ minWidth: 280 }}
        value={(value as string[] | undefined) ?? []}
        options={(s.items.enum ?? []).map((v) => ({ value: v, label: option(v) }))}
        onChange={(v: string[]) => onChange(v.length ? v : undefined)}
        data-testid={testId}
        disabled={disabled}
      />
    );
  }
  if (isText(s)) {
    const v = (value as { zh?: string; en?: string } | undefined) ?? {};
    const set = (k: 'zh' | 'en', x: string) => onChange({ zh: v.zh ?? '', en: v.en ?? '', [k]: x });
    return (
      <Space orientation="vertical" style={{ width: 420 }} size={4}>
        <Input aria-label={`${name} ${t('programmes.param.zh')}`} prefix={<Typography.Text type="secondary">{t('programmes.param.zh')}</Typography.Text>} value={v.zh ?? ''} onChange={(e) => set('zh', e.target.value)} data-testid={`${testId}-zh`} disabled={disabled} />
        <Input aria-label={`${name} ${t('programmes.param.en')}`} prefix={<Typography.Text type="secondary">{t('programmes.param.en')}</Typography.Text>} value={v.en ?? ''} onChange={(e) => set('en', e.target.value)} data-testid={`${testId}-en`} disabled={disabled} />
      </Space>
    );
  }
  return <JsonField value={value} onChange={onChange} testId={testId} disabled={disabled} />;
}

function JsonField({ value, onChange, testId, disabled }: { value: unknown; onChange(v: unknown): void; testId: string; disabled: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(value ?? null));
  const [bad, setBad] = useState(false);
  return (
    <>
      <Input.TextArea
        aria-label={t('programmes.param.json')}
        autoSize
        value={text}
        status={bad ? 'error' : undefined}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange(JSON.parse(e.target.value));
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
        data-testid={testId}
        disabled={disabled}
      />
      {bad && <Typography.Text type="danger">{t('programmes.param.jsonInvalid')}</Typography.Text>}
    </>
  );
}

/** All params of one kind instance; `path` is where they live in the programme (for issues). */
export function ParamsEditor(props: { schema: Record<string, unknown> | undefined; value: Record<string, unknown> | undefined; onChange(v: Record<string, unknown>): void; path: string; issues: Issue[]; testId: string; disabled: boolean }) {
  const { label, t } = useLabels();
  const schema = props.schema as JsonSchema | undefined;
  const entries = Object.entries(schema?.properties ?? {});
  if (entries.length === 0) return <Typography.Text type="secondary">{t('programmes.type.noParams')}</Typography.Text>;
  const value = props.value ?? {};
  return (
    <Space wrap align="start" size={[16, 8]}>
      {entries.map(([name, s]) => (
        <div key={name} style={{ minWidth: 160 }}>
          <Typography.Text style={{ fontSize: 12 }}>
            {label(name)}
            {schema?.required?.includes(name) && <Typography.Text type="danger"> *</Typography.Text>}
          </Typography.Text>
          <div>
            <Field
              name={label(name)}
              schema={s}
              value={value[name]}
              onChange={(v) => {
                const next = { ...value, [name]: v };
                if (v === undefined) delete next[name];
                props.onChange(next);
              }}
              testId={`${props.testId}-${name}`}
              disabled={props.disabled}
            />
          </div>
          <FieldIssues issues={props.issues} path={`${props.path}.${name}`} below />
        </div>
      ))}
    </Space>
  );
}
