// The document of a programme (title, dates, clause ids) and its rules: quotas of its calls, grade
// thresholds, annual report and consequences. Dated values (quota, thresholds) are edited as
// their latest entry; earlier entries stay as they were.
import { Checkbox, DatePicker, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ClausesSelect, FieldIssues } from './parts';
import type { Issue, ProgrammeData } from './model';
import { progIds } from './testids';

interface Props { data: ProgrammeData; issues: Issue[]; readOnly: boolean; set(path: string, value: unknown): void }

function Item({ label, path, issues, children, width, below }: { label: string; path: string; issues: Issue[]; children: React.ReactNode; width?: number; below?: boolean }) {
  return (
    <div style={{ width: width ?? 260, marginBottom: 12 }}>
      <Typography.Text style={{ fontSize: 12 }}>{label}</Typography.Text>
      <div>{children}</div>
      <FieldIssues issues={issues} path={path} below={below} />
    </div>
  );
}

function DateField({ value, onChange, label, testId, disabled }: { value: string | null; onChange(v: string | null): void; label: string; testId: string; disabled: boolean }) {
  return <DatePicker aria-label={label} style={{ width: '100%' }} value={value ? dayjs(value) : null} onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : null)} data-testid={testId} disabled={disabled} />;
}

export function DocumentEditor({ data, issues, readOnly, set }: Props) {
  const { t } = useTranslation();
  const text = (path: string, label: string, value: string, width?: number) => (
    <Item label={label} path={path} issues={issues} width={width}>
      <Input aria-label={label} value={value} onChange={(e) => set(path, e.target.value)} data-testid={progIds.doc(path)} disabled={readOnly} />
    </Item>
  );
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('programmes.doc.legalBasis')}</Typography.Paragraph>
      <Space wrap align="start" size={[16, 0]}>
        <Item label={t('programmes.doc.lineage')} path="lineage" issues={issues} width={200}>
          <Input aria-label={t('programmes.doc.lineage')} value={data.lineage} disabled data-testid={progIds.doc('lineage')} />
        </Item>
        {text('version', t('programmes.doc.version'), data.version, 120)}
        {text('document.number', t('programmes.doc.number'), data.document.number ?? '', 240)}
      </Space>
      <Space wrap align="start" size={[16, 0]}>
        {text('document.title.zh', t('programmes.doc.titleZh'), data.document.title.zh, 420)}
        {text('document.title.en', t('programmes.doc.titleEn'), data.document.title.en, 420)}
        {text('issuer.name.zh', t('programmes.doc.issuerZh'), data.issuer.name.zh, 300)}
        {text('issuer.name.en', t('programmes.doc.issuerEn'), data.issuer.name.en, 300)}
      </Space>
      <Space wrap align="start" size={[16, 0]}>
        {(['issuedOn', 'effectiveFrom', 'effectiveUntil'] as const).map((f) => (
          <Item key={f} label={t(`programmes.doc.${f}`)} path={f} issues={issues} width={180}>
            <DateField label={t(`programmes.doc.${f}`)} value={data[f]} onChange={(v) => set(f, v)} testId={progIds.doc(f)} disabled={readOnly} />
          </Item>
        ))}
        <Item label={t('programmes.doc.replaces')} path="replaces" issues={issues} width={220}>
          <Input aria-label={t('programmes.doc.replaces')} value={data.replaces ?? t('programmes.doc.none')} disabled />
        </Item>
      </Space>
      {text('source', t('programmes.doc.source'), data.source, 420)}
      <Item label={t('programmes.doc.clauseIds')} path="document.clauseIds" issues={issues} width={860} below>
        <ClausesSelect label={t('programmes.doc.clauseIds')} value={data.document.clauseIds} options={data.document.clauseIds} onChange={(v) => set('document.clauseIds', v)} testId={progIds.doc('clauseIds')} disabled={readOnly} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('programmes.doc.clauseIdsHint')}</Typography.Text>
      </Item>
    </div>
  );
}

const QUOTA_KINDS = ['provincial_st_department', 'state_council_department', 'municipal_st_department', 'provincial_department', 'high_tech_zone'];

export function CallRulesEditor({ data, issues, readOnly, set }: Props) {
  const { t } = useTranslation();
  const q = data.callRules.quota;
  const li = Math.max(0, q.length - 1);
  const base = `callRules.quota[${li}]`;
  const entry = q[li] ?? { from: data.effectiveFrom ?? '', value: null, source: data.source };
  const value = entry.value;
  const setCount = (kind: string, n: number | null) => {
    const per = { ...(value?.perRecommenderKind ?? {}) };
    if (n === null || n === undefined) delete per[kind];
    else per[kind] = n;
    set(`${base}`, { ...entry, value: Object.keys(per).length ? { perRecommenderKind: per, scope: value?.scope ?? 'all_types' } : null });
  };
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>{t('programmes.rules.quota')}</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('programmes.rules.quotaHint')}</Typography.Paragraph>
      <FieldIssues issues={issues} path="callRules.quota" below />
      <Space wrap align="start" size={[16, 0]}>
        <Item label={t('programmes.rules.quotaFrom')} path={`${base}.from`} issues={issues} width={180}>
          <DateField label={t('programmes.rules.quotaFrom')} value={entry.from || null} onChange={(v) => set(base, { ...entry, from: v ?? '' })} testId={progIds.rule('quotaFrom')} disabled={readOnly} />
        </Item>
        {QUOTA_KINDS.map((k) => (
          <Item key={k} label={t('programmes.rules.perKind', { kind: t(`programmes.orgKind.${k}`) })} path={`${base}.value.perRecommenderKind.${k}`} issues={issues} width={200}>
            <InputNumber aria-label={t('programmes.rules.perKind', { kind: t(`programmes.orgKind.${k}`) })} min={0} placeholder={t('programmes.rules.quotaNone')} style={{ width: '100%' }} value={value?.perRecommenderKind[k] ?? null} onChange={(n) => setCount(k, n)} data-testid={progIds.rule(`quota-${k}`)} disabled={readOnly} />
          </Item>
        ))}
      </Space>
      <Item label={t('programmes.rules.quotaScope')} path={`${base}.value.scope`} issues={issues} width={420}>
        <Radio.Group value={value?.scope ?? 'all_types'} onChange={(e) => value && set(`${base}.value.scope`, e.target.value)} disabled={readOnly || !value} data-testid={progIds.rule('quotaScope')}>
          <Radio value="all_types">{t('programmes.rules.scope.all_types')}</Radio>
          <Radio value="per_type">{t('programmes.rules.scope.per_type')}</Radio>
        </Radio.Group>
      </Item>
      <Checkbox checked={data.callRules.oneBasePerType} onChange={(e) => set('callRules.oneBasePerType', e.target.checked)} disabled={readOnly}>{t('programmes.rules.oneBasePerType')}</Checkbox>
      <div style={{ height: 12 }} />
      <Item label={t('programmes.rules.callClauses')} path="callRules.clauses" issues={issues} width={420} below>
        <ClausesSelect label={t('programmes.rules.callClauses')} value={data.callRules.clauses} options={data.document.clauseIds} onChange={(v) => set('callRules.clauses', v)} testId={progIds.rule('callClauses')} disabled={readOnly} />
      </Item>
    </div>
  );
}

export function GradingEditor({ data, issues, readOnly, set }: Props) {
  const { t } = useTranslation();
  const th = data.grading.thresholds;
  const li = Math.max(0, th.length - 1);
  const base = `grading.thresholds[${li}]`;
  const entry = th[li] ?? { from: data.effectiveFrom ?? '', value: { excellent: 85, good: 70, pass: 60 }, source: data.source };
  const num = (path: string, label: string, value: number, min = 0) => (
    <Item label={label} path={path} issues={issues} width={180}>
      <InputNumber aria-label={label} min={min} style={{ width: '100%' }} value={value} onChange={(n) => set(path, n ?? 0)} data-testid={progIds.rule(path)} disabled={readOnly} />
    </Item>
  );
  const clauses = (path: string, label: string, value: string[]) => (
    <Item label={label} path={path} issues={issues} width={300} below>
      <ClausesSelect label={label} value={value} options={data.document.clauseIds} onChange={(v) => set(path, v)} testId={progIds.rule(path)} disabled={readOnly} />
    </Item>
  );
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>{t('programmes.rules.thresholds')}</Typography.Title>
      <FieldIssues issues={issues} path="grading.thresholds" below />
      <Space wrap align="start" size={[16, 0]}>
        {(['excellent', 'good', 'pass'] as const).map((g) => num(`${base}.value.${g}`, t(`programmes.rules.${g}`), entry.value[g]))}
        {clauses('grading.clauses', t('programmes.rules.gradingClauses'), data.grading.clauses)}
      </Space>
      <Space wrap align="start" size={[16, 0]}>
        <Item label={t('programmes.rules.reportDue')} path="annualReport.dueMonthDay" issues={issues} width={180}>
          <Input aria-label={t('programmes.rules.reportDue')} value={data.annualReport.dueMonthDay} onChange={(e) => set('annualReport.dueMonthDay', e.target.value)} placeholder="01-31" disabled={readOnly} />
        </Item>
        {clauses('annualReport.clauses', t('programmes.rules.reportClauses'), data.annualReport.clauses)}
      </Space>
      <Space wrap align="start" size={[16, 0]}>
        {num('consequences.failedYearsForNotice', t('programmes.rules.failedYears'), data.consequences.failedYearsForNotice, 1)}
        {num('consequences.banYears', t('programmes.rules.banYears'), data.consequences.banYears, 1)}
        <Item label={t('programmes.rules.commendGrades')} path="consequences.commendGrades" issues={issues} width={260} below>
          <Select aria-label={t('programmes.rules.commendGrades')} mode="multiple" style={{ width: '100%' }} value={data.consequences.commendGrades} options={(['excellent', 'good', 'pass'] as const).map((g) => ({ value: g, label: t(`programmes.grade.${g}`) }))} onChange={(v) => set('consequences.commendGrades', v)} disabled={readOnly} />
        </Item>
        {clauses('consequences.clauses', t('programmes.rules.consequenceClauses'), data.consequences.clauses)}
      </Space>
      <Checkbox checked={data.consequences.lateReportIsFail} onChange={(e) => set('consequences.lateReportIsFail', e.target.checked)} data-testid={progIds.rule('lateReportIsFail')} disabled={readOnly}>{t('programmes.rules.lateReportIsFail')}</Checkbox>
    </div>
  );
}
