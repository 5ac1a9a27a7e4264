// The application form, generated from the conditions of the type (a5.p1–a8.p1): one section per
// condition clause with its text, the machine's verdict where the facts allow one (a6.p1.i1,
// a6.p1.i5, a7.p1.i1, a8.p1.i1 …), the applicant's narrative and evidence files. Every change is
// kept in this browser at once and saved to the server a moment later; submitting files it, and a
// refusal of the Measures (late, banned under a13.s5, duplicate type …) is shown with its clause.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Affix, Alert, App, Button, Card, Checkbox, Col, Descriptions, Flex, Form, Input, Result, Row, Select, Space, Tag, Typography } from 'antd';
import { CheckOutlined, CloudSyncOutlined, DeleteOutlined, ExclamationCircleOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, get, patch, post } from '../../app/api';
import { useMe } from '../../app/session';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { PageSpinner } from '../../shared/PageSpinner';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { useFormDraft } from '../../shared/useFormDraft';
import { applyFieldErrors, errorText } from '../../shared/errors';
import {
  appTitle, beijing, clauseCitation, fieldIds, txt,
  type ApplicationDetail, type ApplicationForm, type AttachmentMeta, type FormSection, type TransitionResult,
} from './data';
import { AttachmentLink, AttachmentUpload, RefusalAlert, VerdictList, useLang } from './parts';

interface Partner {
  country?: string;
  name?: string;
  agreementSigned?: boolean;
}
interface Values extends Record<string, unknown> {
  title?: string;
  titleEn?: string;
  fields?: string[];
  foreignPartners?: Partner[];
  sections?: Record<string, { narrative?: string; attachmentIds?: string[] }>;
}

type SaveState = { kind: 'idle' } | { kind: 'dirty' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

const AUTOSAVE_MS = 2000;

function remaining(deadline: string, t: (k: string, o?: Record<string, unknown>) => string) {
  const ms = new Date(deadline).getTime() - Date.now();
  if (ms <= 0) return t('recognition.form.deadlinePassed');
  const days = Math.floor(ms / 86_400_000);
  const hours = Math.floor((ms % 86_400_000) / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  return days > 0 ? t('recognition.form.remainingDays', { days, hours }) : t('recognition.form.remainingHours', { hours, minutes });
}

/** The body of a PATCH from the form: only what the contract accepts (half-typed partners stay local). */
function patchBody(v: Values, version: number) {
  const partners = (v.foreignPartners ?? [])
    .filter((p) => p && p.name?.trim() && /^[A-Z]{2}$/.test(p.country ?? ''))
    .map((p) => ({ country: p.country!, name: p.name!.trim(), agreementSigned: !!p.agreementSigned }));
  const sections = Object.fromEntries(
    Object.entries(v.sections ?? {}).map(([clause, s]) => [clause, { narrative: s?.narrative ?? '', attachmentIds: s?.attachmentIds ?? [] }]),
  );
  return {
    version,
    ...(v.title && v.title.trim().length >= 2 ? { title: v.title.trim() } : {}),
    titleEn: (v.titleEn ?? '').trim(),
    fields: v.fields ?? [],
    foreignPartners: partners,
    sections,
  };
}

/** Facts from the registry that a condition of this section is judged on (read-only here). */
function SectionFacts({ section, facts }: { section: FormSection; facts: Record<string, unknown> }) {
  const { t } = useTranslation();
  const items: Array<{ key: string; label: string; children: React.ReactNode }> = [];
  const kinds = new Set(section.kinds);
  if (kinds.has('hostKind')) items.push({ key: 'kind', label: t('recognition.facts.orgKind'), children: t(`orgKind.${String(facts.orgKind)}`, { defaultValue: String(facts.orgKind ?? '—') }) });
  if (kinds.has('registrationAge')) {
    items.push({ key: 'reg', label: t('recognition.facts.registeredOn'), children: String(facts.registeredOn ?? t('recognition.facts.unknown')) });
    items.push({ key: 'legal', label: t('recognition.facts.independent'), children: facts.independentLegalEntity ? t('recognition.facts.yes') : t('recognition.facts.no') });
  }
  if (kinds.has('locatedInHighTechZone')) items.push({ key: 'zone', label: t('recognition.facts.zone'), children: facts.zoneId ? t('recognition.facts.yes') : t('recognition.facts.no') });
  if (kinds.has('projectsUndertaken') || kinds.has('projectsOfLevel')) {
    const projects = (facts.projects as Array<{ kind: string; level: string; startYear: number; endYear: number | null }> | undefined) ?? [];
    const byKind = new Map<string, number>();
    for (const p of projects) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + 1);
    items.push({
      key: 'projects',
      label: t('recognition.facts.projects'),
      children: projects.length ? (
        <Space size={[4, 4]} wrap>
          {[...byKind].map(([k, n]) => (
            <Tag key={k}>
              {t(`recognition.projectKind.${k}`, { defaultValue: k })} × {n}
            </Tag>
          ))}
        </Space>
      ) : (
        t('recognition.facts.noProjects')
      ),
    });
  }
  if (!items.length) return null;
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('recognition.facts.fromRegistry')}
      </Typography.Text>
      <Descriptions size="small" column={2} bordered items={items} style={{ marginTop: 4 }} />
    </div>
  );
}

function PartnersEditor({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <div data-testid={testIds.recFormPartners}>
      <Typography.Text strong>{t('recognition.form.partners')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '2px 0 8px' }}>
        {t('recognition.form.partnersHint')}
      </Typography.Paragraph>
      <Form.List name="foreignPartners">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row) => (
              <Flex key={row.key} gap={8} align="start" wrap>
                <Form.Item
                  name={[row.name, 'country']}
                  style={{ width: 120 }}
                  rules={[{ pattern: /^[A-Z]{2}$/, message: t('recognition.form.countryFormat') }]}
                  normalize={(v: string) => (v ?? '').toUpperCase().slice(0, 2)}
                >
                  <Input placeholder={t('recognition.form.country')} disabled={disabled} />
                </Form.Item>
                <Form.Item name={[row.name, 'name']} style={{ flex: 1, minWidth: 240 }}>
                  <Input placeholder={t('recognition.form.partnerName')} disabled={disabled} />
                </Form.Item>
                <Form.Item name={[row.name, 'agreementSigned']} valuePropName="checked">
                  <Checkbox disabled={disabled}>{t('recognition.form.agreementSigned')}</Checkbox>
                </Form.Item>
                {!disabled && <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('recognition.form.removePartner')} />}
              </Flex>
            ))}
            {!disabled && (
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ agreementSigned: false })} data-testid={testIds.recFormPartnerAdd}>
                {t('recognition.form.addPartner')}
              </Button>
            )}
          </>
        )}
      </Form.List>
    </div>
  );
}

export default function ApplicationFormPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const detail = useQuery({ queryKey: ['recognition', 'application', id], queryFn: () => get<ApplicationDetail>(`/api/recognition/applications/${id}`) });
  const shape = useQuery({ queryKey: ['recognition', 'form', id], queryFn: () => get<ApplicationForm>(`/api/recognition/applications/${id}/form`) });
  const [ready, setReady] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [files, setFiles] = useState<Map<string, AttachmentMeta>>(new Map());
  const version = useRef<number | null>(null);
  const changes = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inflight = useRef<Promise<boolean> | null>(null);
  const topRef = useRef<HTMLDivElement>(null);

  const editable = !!detail.data && (detail.data.status === 'draft' || detail.data.status === 'returned');
  const draft = useFormDraft<Values>(form, { formKey: `recognition-application:${id}`, userKey: me.id, disabled: !ready || !editable });
  const draftRef = useRef(draft);
  draftRef.current = draft;

  // Seed the form from the server once; a draft kept in this browser is restored on top of it.
  useEffect(() => {
    if (ready || !detail.data || !shape.data) return;
    const d = detail.data;
    version.current = d.version;
    setFiles(new Map(d.attachments.map((a) => [a.id, a])));
    form.setFieldsValue({
      title: d.title,
      titleEn: d.titleEn,
      fields: d.fields,
      foreignPartners: d.foreignPartners,
      sections: Object.fromEntries(shape.data.sections.map((s) => [s.clause, { narrative: s.narrative, attachmentIds: s.attachmentIds }])),
    });
    setReady(true);
  }, [detail.data, shape.data, ready, form]);

  /** Save to the server now; resolves false if it failed (the browser copy stays). */
  const saveNow = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inflight.current) await inflight.current;
    if (version.current === null) return false;
    const seq = changes.current;
    const run = (async () => {
      setSave({ kind: 'saving' });
      try {
        const r = await patch<TransitionResult>(`/api/recognition/applications/${id}`, patchBody(form.getFieldsValue(true) as Values, version.current!), { noReauth: false });
        version.current = r.version;
        // The server has everything typed so far: the browser copy is no longer needed.
        if (changes.current === seq) draftRef.current?.clear();
        setSave({ kind: 'saved', at: beijing(new Date().toISOString()).slice(11) });
        void qc.invalidateQueries({ queryKey: ['recognition', 'form', id] });
        return true;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'conflict') {
          setSave({ kind: 'error', message: t('recognition.form.conflict') });
        } else {
          setSave({ kind: 'error', message: errorText(e, t) });
          applyFieldErrors(form, e);
        }
        return false;
      } finally {
        inflight.current = null;
      }
    })();
    inflight.current = run;
    return run;
  }, [form, id, qc, t]);

  const onValuesChange = (_: unknown, all: Values) => {
    changes.current++;
    draft.save(all);
    setSave({ kind: 'dirty' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
  };

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const addFile = (clause: string, meta: AttachmentMeta) => {
    setFiles((m) => new Map(m).set(meta.id, meta));
    const path = ['sections', clause, 'attachmentIds'];
    const cur = (form.getFieldValue(path) as string[] | undefined) ?? [];
    form.setFieldValue(path, [...cur, meta.id]);
    onValuesChange(undefined, form.getFieldsValue(true) as Values);
  };
  const removeFile = (clause: string, fileId: string) => {
    const path = ['sections', clause, 'attachmentIds'];
    form.setFieldValue(path, ((form.getFieldValue(path) as string[] | undefined) ?? []).filter((x) => x !== fileId));
    onValuesChange(undefined, form.getFieldsValue(true) as Values);
  };

  const submit = async () => {
    setSubmitError(null);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setSubmitting(true);
    try {
      const saved = await saveNow();
      if (!saved) {
        setSubmitError(new Error(t('recognition.form.saveBeforeSubmitFailed')));
        return;
      }
      await post<TransitionResult>(`/api/recognition/applications/${id}/submit`, { version: version.current });
      draft.clear();
      void qc.invalidateQueries({ queryKey: ['recognition'] });
      void message.success(t('recognition.form.submitted'));
      navigate(`/recognition/applications/${id}`);
    } catch (e) {
      applyFieldErrors(form, e);
      setSubmitError(e);
      topRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    } finally {
      setSubmitting(false);
    }
  };

  const confirmSubmit = () => {
    const d = detail.data!;
    modal.confirm({
      title: t('recognition.form.submitConfirm'),
      content: t('recognition.form.submitConfirmBody', { deadline: beijing(d.deadline) }),
      okText: t('recognition.form.submit'),
      cancelText: t('common.cancel'),
      onOk: () => void submit(),
    });
  };

  const partnersInSection = useMemo(() => shape.data?.sections.find((s) => s.kinds.includes('hasForeignPartners'))?.clause ?? null, [shape.data]);

  if (detail.error || shape.error) return <ErrorAlert error={detail.error ?? shape.error} onRetry={() => void Promise.all([detail.refetch(), shape.refetch()])} />;
  if (!detail.data || !shape.data) return <PageSpinner />;
  const d = detail.data;
  const f = shape.data;

  if (!editable) {
    return (
      <Result
        status="info"
        title={t('recognition.form.notEditable', { status: t(`recognition.status.${d.status}`) })}
        extra={
          <Link to={`/recognition/applications/${id}`}>
            <Button type="primary">{t('recognition.form.toDetail')}</Button>
          </Link>
        }
      />
    );
  }

  const saveTag =
    save.kind === 'saving' ? (
      <Tag icon={<CloudSyncOutlined spin />} color="processing">{t('recognition.form.saving')}</Tag>
    ) : save.kind === 'saved' ? (
      <Tag icon={<CheckOutlined />} color="success">{t('recognition.form.savedAt', { time: save.at })}</Tag>
    ) : save.kind === 'dirty' ? (
      <Tag color="default">{t('recognition.form.savedLocally')}</Tag>
    ) : save.kind === 'error' ? (
      <Tag icon={<ExclamationCircleOutlined />} color="error" title={save.message}>{t('recognition.form.saveFailed')}</Tag>
    ) : null;

  const blocking = f.eligibility.blocking;
  const lastReturn = [...d.events].reverse().find((e) => e.action === 'return');

  return (
    <div ref={topRef} data-testid={testIds.recForm}>
      <PageHeader
        title={appTitle(d, lang) || t('recognition.form.untitled')}
        clause={
          <Space size={4}>
            <Tag color="blue">{txt(f.typeName, lang)}</Tag>
            <ClauseTag clause={f.definition.id} />
          </Space>
        }
        description={t('recognition.form.description')}
        extra={
          <Link to={`/recognition/applications/${id}`}>
            <Button>{t('recognition.form.toDetail')}</Button>
          </Link>
        }
      />

      <Alert
        type={new Date(d.deadline).getTime() - Date.now() < 3 * 86_400_000 ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 12 }}
        title={t('recognition.form.deadline', { deadline: beijing(d.deadline), remaining: remaining(d.deadline, t) })}
      />
      {d.status === 'returned' && lastReturn && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('recognition.form.returnedBy', { org: lang === 'en' ? lastReturn.actor.org.nameEn || lastReturn.actor.org.nameZh : lastReturn.actor.org.nameZh })}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{lastReturn.text}</span>}
        />
      )}
      <Alert
        data-testid={testIds.recFormEligibility}
        data-allowed={String(f.eligibility.allowed)}
        type={f.eligibility.allowed ? 'success' : 'error'}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          f.eligibility.allowed ? (
            t('recognition.form.eligible')
          ) : (
            <Flex gap={8} wrap align="center">
              <span>{blocking ? txt(blocking.because, lang) : t('recognition.form.notEligible')}</span>
              {blocking && <ClauseTag clause={blocking.clause} />}
            </Flex>
          )
        }
        description={
          !f.eligibility.allowed && f.eligibility.mayApplyFrom ? (
            <span>
              {t('recognition.refusal.banned', { date: f.eligibility.mayApplyFrom })} <ClauseTag clause="a13.s5" />
            </span>
          ) : undefined
        }
      />
      <RefusalAlert error={submitError} onClose={() => setSubmitError(null)} />
      {draft.restored && (
        <Alert
          type="info"
          showIcon
          closable
          onClose={draft.dismissRestored}
          style={{ marginBottom: 12 }}
          title={t('recognition.form.restored')}
          action={
            <Button
              size="small"
              onClick={() => {
                draft.clear();
                setReady(false);
                void Promise.all([detail.refetch(), shape.refetch()]);
              }}
            >
              {t('recognition.form.discardLocal')}
            </Button>
          }
        />
      )}

      <Form form={form} layout="vertical" onValuesChange={onValuesChange} disabled={submitting}>
        <Card title={t('recognition.form.basics')} size="small" style={{ marginBottom: 16 }}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="title" label={t('recognition.apply.baseTitle')} rules={[{ required: true, min: 2, max: 200, message: t('validation.minLength', { label: t('recognition.apply.baseTitle'), min: 2 }) }]}>
                <Input data-testid={testIds.recFormField('title')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="titleEn" label={t('recognition.apply.baseTitleEn')}>
                <Input data-testid={testIds.recFormField('titleEn')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="fields" label={<>{t('recognition.fields.label')}&nbsp;<ClauseTag clause="a15.s1" /></>} extra={t('recognition.fields.hint')}>
            <Select mode="multiple" maxCount={8} data-testid={testIds.recFormField('fields')} options={fieldIds.map((x) => ({ value: x, label: t(`recognition.field.${x}`) }))} />
          </Form.Item>
          {!partnersInSection && <PartnersEditor disabled={submitting} />}
        </Card>

        <Typography.Title level={5} style={{ margin: '8px 0 4px' }}>
          {t('recognition.form.conditions', { type: txt(f.typeName, lang) })} <ClauseTag clause={f.definition.id} />
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('recognition.form.conditionsHint')}</Typography.Paragraph>

        {f.sections.map((s, i) => {
          return (
            <Card
              key={s.clause}
              size="small"
              style={{ marginBottom: 16 }}
              data-testid={testIds.recFormSection(s.clause)}
              title={
                <Flex gap={8} align="center" wrap>
                  <span>{t('recognition.form.sectionTitle', { n: i + 1, clause: clauseCitation(s.clause, lang) })}</span>
                  <ClauseTag clause={s.clause} />
                  {s.machineCheckable ? <Tag color="purple">{t('recognition.form.machineChecked')}</Tag> : <Tag>{t('recognition.form.expertJudged')}</Tag>}
                </Flex>
              }
            >
              <Typography.Paragraph style={{ background: '#f6f8fb', borderInlineStart: '3px solid #13488f', padding: '6px 12px', marginBottom: 12 }}>
                {txt(s.text, lang)}
              </Typography.Paragraph>
              <div style={{ marginBottom: 12 }}>
                <VerdictList verdicts={s.verdicts} conditionText={s.text} />
              </div>
              <SectionFacts section={s} facts={f.facts} />
              {partnersInSection === s.clause && (
                <div style={{ marginBottom: 12 }}>
                  <PartnersEditor disabled={submitting} />
                </div>
              )}
              <Form.Item name={['sections', s.clause, 'narrative']} label={t('recognition.form.narrative')} rules={[{ max: 20000 }]}>
                <Input.TextArea
                  autoSize={{ minRows: 3, maxRows: 14 }}
                  showCount
                  maxLength={20000}
                  placeholder={t('recognition.form.narrativePlaceholder')}
                  data-testid={testIds.recFormNarrative(s.clause)}
                />
              </Form.Item>
              <Form.Item label={t('recognition.form.evidence')} shouldUpdate>
                {() => {
                  const attached = ((form.getFieldValue(['sections', s.clause, 'attachmentIds']) as string[] | undefined) ?? []).map((x) => files.get(x) ?? { id: x, filename: x.slice(0, 8), size: 0 } as AttachmentMeta);
                  return (
                    <Flex vertical gap={6}>
                      {attached.map((a) => (
                        <Flex key={a.id} gap={8} align="center">
                          <AttachmentLink id={a.id} name={a.filename} size={a.size || undefined} />
                          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => removeFile(s.clause, a.id)} aria-label={t('recognition.form.removeFile')} />
                        </Flex>
                      ))}
                      <AttachmentUpload applicationId={id} onUploaded={(m) => addFile(s.clause, m)} testId={testIds.recFormUpload(s.clause)} disabled={submitting} />
                    </Flex>
                  );
                }}
              </Form.Item>
            </Card>
          );
        })}
      </Form>

      <Affix offsetBottom={0}>
        <Card size="small" styles={{ body: { padding: '10px 16px' } }} style={{ borderRadius: 0, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}>
          <Flex justify="space-between" align="center" gap={12} wrap>
            <Space>
              <span data-testid={testIds.recFormSaveState}>{saveTag}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('recognition.form.autosaveHint')}
              </Typography.Text>
            </Space>
            <Space>
              <Button onClick={() => void saveNow()} loading={save.kind === 'saving'} data-testid={testIds.recFormSave}>
                {t('recognition.form.saveNow')}
              </Button>
              <Button type="primary" icon={<SendOutlined />} loading={submitting} onClick={confirmSubmit} data-testid={testIds.recFormSubmit}>
                {d.status === 'returned' ? t('recognition.form.resubmit') : t('recognition.form.submit')}
              </Button>
            </Space>
          </Flex>
        </Card>
      </Affix>
    </div>
  );
}
