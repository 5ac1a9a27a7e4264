import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, Form, Input, InputNumber, Popconfirm, Radio, Space, Statistic, Table, Tag, Typography, theme } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { get, post, put } from '../../app/api';
import { useMe } from '../../app/session';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { PageSpinner } from '../../shared/PageSpinner';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { applyFieldErrors } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { useFormDraft } from '../../shared/useFormDraft';
import type { Lang } from '../../i18n';
import { assignmentStatusColor, type Aggregate, type AssignmentDetail } from './http';

interface ScoreValues extends Record<string, unknown> {
  scores: Record<string, number | null | undefined>;
  opinion: string;
  recommendation: 'recommend' | 'not_recommend' | null;
}

const cleanScores = (s: ScoreValues['scores'] | undefined) =>
  Object.fromEntries(Object.entries(s ?? {}).filter(([, v]) => typeof v === 'number')) as Record<string, number>;

/** The expert's page for one assignment: declaration (回避与保密承诺), then the scoring form. */
export default function ScoringPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const me = useMe();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const key = ['review', 'assignment', id];
  const q = useQuery({ queryKey: key, queryFn: () => get<AssignmentDetail>(`/api/review/assignments/${id}`) });
  const a = q.data;
  const setDetail = (d: AssignmentDetail) => {
    qc.setQueryData(key, d);
    void qc.invalidateQueries({ queryKey: ['review', 'mine'] });
  };

  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [conflict, setConflict] = useState(false);
  const declare = useMutation({
    mutationFn: (body: { decision: 'sign' } | { decision: 'decline'; reason: string; conflict: boolean }) => post<AssignmentDetail>(`/api/review/assignments/${id}/declaration`, body),
    onSuccess: (d) => { setDetail(d); void message.success(t(d.status === 'declined' ? 'review.scoring.declined' : 'review.scoring.signed')); },
  });

  if (q.isPending) return <PageSpinner />;
  if (!a) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  const title = lang === 'en' ? a.application.titleEn || a.application.title : a.application.title;

  return (
    <>
      <PageHeader
        title={<>{title} <Tag color={assignmentStatusColor[a.status]} style={{ verticalAlign: 'middle' }} data-testid={testIds.reviewAssignmentStatus} data-status={a.status}>{t(`review.assignmentStatus.${a.status}`)}</Tag></>}
        clause={<ClauseTag clause="a5.p2" />}
        description={a.roundTitle}
      />
      <Descriptions size="small" style={{ marginBottom: 16 }} items={[
        { key: 'ap', label: t('review.scoring.applicant'), children: a.application.applicant },
        { key: 'f', label: t('review.scoring.fields'), children: a.application.fields.map((f) => <Tag key={f}>{t(`review.field.${f}`, { defaultValue: f })}</Tag>) },
      ]} />
      {a.status === 'pending' && (
        <Card title={t('review.scoring.declarationTitle')} data-testid={testIds.reviewDeclaration} style={{ marginBottom: 16 }}>
          <ErrorAlert error={declare.error} />
          <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{lang === 'en' ? a.form.declaration.en : a.form.declaration.zh}</Typography.Paragraph>
          {!declining ? (
            <Space>
              <Button type="primary" icon={<CheckCircleOutlined />} loading={declare.isPending} onClick={() => declare.mutate({ decision: 'sign' })} data-testid={testIds.reviewSign}>{t('review.scoring.sign')}</Button>
              <Button danger icon={<CloseCircleOutlined />} onClick={() => setDeclining(true)} data-testid={testIds.reviewDecline}>{t('review.scoring.decline')}</Button>
            </Space>
          ) : (
            <Form layout="vertical" style={{ maxWidth: 560 }}>
              <Form.Item label={t('review.scoring.declineReason')} required>
                <Input.TextArea rows={3} maxLength={500} showCount value={reason} onChange={(e) => setReason(e.target.value)} data-testid={testIds.reviewDeclineReason} />
              </Form.Item>
              <Form.Item>
                <Checkbox checked={conflict} onChange={(e) => setConflict(e.target.checked)} data-testid={testIds.reviewDeclineConflict}>{t('review.scoring.declineConflict')}</Checkbox>
              </Form.Item>
              <Space>
                <Button danger type="primary" disabled={!reason.trim()} loading={declare.isPending} onClick={() => declare.mutate({ decision: 'decline', reason: reason.trim(), conflict })} data-testid={testIds.reviewDeclineSubmit}>
                  {t('review.scoring.declineSubmit')}
                </Button>
                <Button onClick={() => setDeclining(false)}>{t('common.cancel')}</Button>
              </Space>
            </Form>
          )}
        </Card>
      )}
      {a.status === 'declined' && <Alert type="info" showIcon title={t('review.scoring.declined')} />}
      {(a.status === 'accepted' || a.status === 'submitted') && <ScoringForm a={a} lang={lang} userKey={me.id} onSaved={setDetail} />}
      {a.roundStatus === 'panel' && a.status === 'submitted' && <PanelScores id={id} lang={lang} />}
    </>
  );
}

function ScoringForm({ a, lang, userKey, onSaved }: { a: AssignmentDetail; lang: Lang; userKey: string; onSaved: (d: AssignmentDetail) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScoreValues>();
  const readOnly = a.status === 'submitted';
  const [loaded, setLoaded] = useState(false);
  const [saveState, setSaveState] = useState<{ kind: 'saved' | 'saving' | 'local'; at?: string }>(a.draftSavedAt ? { kind: 'saved', at: a.draftSavedAt } : { kind: 'saved' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const scale = a.form.scale;

  // The server's copy first; a newer local copy (typed offline) is then restored by useFormDraft.
  useEffect(() => {
    const src = a.submission ?? a.draft;
    form.setFieldsValue({ scores: src?.scores ?? {}, opinion: src?.opinion ?? '', recommendation: src?.recommendation ?? null });
    setLoaded(true);
  }, [a.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const draft = useFormDraft<ScoreValues>(form, { formKey: `review-score:${a.id}`, userKey, disabled: !loaded || readOnly });

  const serverDraft = async (v: ScoreValues) => {
    setSaveState({ kind: 'saving' });
    try {
      const d = await put<AssignmentDetail>(`/api/review/assignments/${a.id}/draft`, { scores: cleanScores(v.scores), opinion: v.opinion ?? '', recommendation: v.recommendation ?? null }, { noReauth: true });
      setSaveState({ kind: 'saved', at: d.draftSavedAt ?? new Date().toISOString() });
    } catch {
      setSaveState({ kind: 'local' });
    }
  };
  const onChange = (_: unknown, all: ScoreValues) => {
    draft.save(all);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void serverDraft(form.getFieldsValue(true) as ScoreValues), 1200);
  };
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);

  const submit = useMutation({
    mutationFn: (v: ScoreValues) => post<AssignmentDetail>(`/api/review/assignments/${a.id}/submit`, { scores: cleanScores(v.scores), opinion: v.opinion, recommendation: v.recommendation }),
    onSuccess: (d) => {
      if (timer.current) clearTimeout(timer.current);
      draft.clear();
      onSaved(d);
      void message.success(t('review.scoring.submitted'));
    },
    onError: (e) => applyFieldErrors(form, e),
  });

  const { token } = theme.useToken();
  const g0 = a.form.criteria[0]?.guidance;
  const shared = g0 && a.form.criteria.every((c) => c.guidance.zh === g0.zh && c.guidance.en === g0.en) ? g0 : null;
  const scores = Form.useWatch('scores', form);
  const total = Math.round(a.form.criteria.reduce((s, c) => s + c.weight * (scores?.[c.clause] ?? 0), 0) / 10) / 10;

  return (
    <Form<ScoreValues> form={form} layout="vertical" disabled={readOnly} onValuesChange={onChange} onFinish={(v) => submit.mutate(v)} data-testid={testIds.reviewScoringForm}>
      {a.declaredAt && <Typography.Paragraph type="secondary">{t('review.scoring.signedAt', { at: formatDateTime(a.declaredAt, lang) })}</Typography.Paragraph>}
      {readOnly && a.submittedAt && <Alert type="success" showIcon style={{ marginBottom: 16 }} title={t('review.scoring.readonly', { at: formatDateTime(a.submittedAt, lang), total: a.totalScore ?? '—' })} />}
      {draft.restored && !readOnly && <Alert type="info" showIcon closable onClose={draft.dismissRestored} style={{ marginBottom: 16 }} title={t('review.scoring.draftRestored')} />}
      <ErrorAlert error={submit.error} />
      <Typography.Title level={5}>{t('review.scoring.criteria')}</Typography.Title>
      {/* One scale for every criterion (the usual case): say it once instead of under each criterion. */}
      {shared && <Alert type="info" style={{ marginBottom: 12 }} title={<><b>{t('review.scoring.guidance')}：</b>{lang === 'en' ? shared.en : shared.zh}</>} />}
      {a.form.criteria.map((c) => {
        const narrative = a.sections?.[c.clause]?.narrative;
        return (
          <Card key={c.clause} size="small" style={{ marginBottom: 12 }} data-testid={testIds.reviewCriterion(c.clause)}
            title={<Space wrap><ClauseTag clause={c.clause} /><span style={{ whiteSpace: 'normal' }}>{lang === 'en' ? c.title.en : c.title.zh}</span></Space>}
            extra={<Tag color="blue">{t('review.scoring.weight', { w: c.weight })}</Tag>}>
            <Flex gap={24} wrap align="start">
              <div style={{ flex: '1 1 380px', minWidth: 0 }}>
                {!shared && (
                  <>
                    <Typography.Text type="secondary">{t('review.scoring.guidance')}：</Typography.Text>
                    <Typography.Paragraph style={{ marginBottom: narrative ? 8 : 0 }}>{lang === 'en' ? c.guidance.en : c.guidance.zh}</Typography.Paragraph>
                  </>
                )}
                {narrative && (
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true }} style={{ marginBottom: 0, background: '#fafafa', padding: 8 }}>
                    <b>{t('review.scoring.narrative')}：</b>{narrative}
                  </Typography.Paragraph>
                )}
              </div>
              <Form.Item name={['scores', c.clause]} label={t('review.scoring.score', { min: scale.min, max: scale.max })} style={{ marginBottom: 0, width: 160 }}
                rules={[{ required: true, message: t('review.scoring.required') }]}>
                <InputNumber min={scale.min} max={scale.max} precision={1} style={{ width: '100%' }} data-testid={testIds.reviewScore(c.clause)} />
              </Form.Item>
            </Flex>
          </Card>
        );
      })}
      <Form.Item name="opinion" label={t('review.scoring.opinion')} rules={[{ required: true, whitespace: true, message: t('review.scoring.required') }]}>
        <Input.TextArea rows={5} maxLength={10_000} showCount data-testid={testIds.reviewOpinion} />
      </Form.Item>
      <Form.Item name="recommendation" label={t('review.scoring.recommendation')} rules={[{ required: true, message: t('review.scoring.required') }]}>
        {/* Buttons as children: an options entry does not carry a data-testid through to the DOM. */}
        <Radio.Group data-testid={testIds.reviewRecommendation} optionType="button" buttonStyle="solid">
          {(['recommend', 'not_recommend'] as const).map((v) => (
            <Radio.Button key={v} value={v} data-testid={testIds.reviewRecommendationOption(v)}>{t(`review.recommendation.${v}`)}</Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {/* Sticky: on a laptop the running total and the buttons stay in view while scoring long forms. */}
      <div style={{ position: 'sticky', bottom: 0, zIndex: 3, background: token.colorBgContainer, borderTop: `1px solid ${token.colorBorderSecondary}`, padding: '8px 0', marginTop: 8 }}>
      <Flex gap={24} align="center" wrap justify="space-between">
        <Space size={8} align="baseline">
          <Typography.Text type="secondary">{t('review.scoring.total')}</Typography.Text>
          <Statistic value={total} precision={1} suffix={`/ ${scale.max}`} data-testid={testIds.reviewTotal} styles={{ content: { fontSize: 22 } }} />
        </Space>
      {!readOnly && (
        <Flex gap={12} align="center" wrap>
          <Button icon={<SaveOutlined />} onClick={() => void serverDraft(form.getFieldsValue(true) as ScoreValues)} data-testid={testIds.reviewSaveDraft}>{t('review.scoring.saveDraft')}</Button>
          <Popconfirm title={t('review.scoring.submitConfirm')} onConfirm={() => form.submit()}>
            <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} data-testid={testIds.reviewSubmit}>{t('review.scoring.submit')}</Button>
          </Popconfirm>
          <Typography.Text type="secondary" data-testid={testIds.reviewDraftState} data-state={saveState.kind}>
            {saveState.kind === 'saving' ? t('review.scoring.draftSaving') : saveState.kind === 'local' ? t('review.scoring.draftLocal') : saveState.at ? t('review.scoring.draftSaved', { at: formatDateTime(saveState.at, lang) }) : ''}
          </Typography.Text>
        </Flex>
      )}
      </Flex>
      </div>
    </Form>
  );
}

function PanelScores({ id, lang }: { id: string; lang: Lang }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['review', 'assignment-panel', id], queryFn: () => get<Aggregate>(`/api/review/assignments/${id}/panel`) });
  const g = q.data;
  return (
    <Card size="small" title={t('review.scoring.panelScores')} style={{ marginTop: 16 }}>
      <ErrorAlert error={q.error} />
      {g && (
        <>
          <Space size={32} style={{ marginBottom: 12 }}>
            <Statistic title={t('review.panel.mean')} value={g.mean ?? '—'} precision={1} />
            <Statistic title={t('review.panel.trimmedMean')} value={g.trimmedMean ?? '—'} precision={1} />
            <Statistic title={t('review.panel.spread')} value={g.spread ?? '—'} precision={1} />
          </Space>
          <Typography.Paragraph type="secondary">{lang === 'en' ? g.rule.en : g.rule.zh}</Typography.Paragraph>
          <Table size="small" rowKey="assignmentId" pagination={false} dataSource={g.reviews} columns={[
            { title: t('review.panel.expert'), dataIndex: 'name' },
            { title: t('review.panel.total'), dataIndex: 'total', width: 90 },
            { title: t('review.scoring.recommendation'), dataIndex: 'recommendation', width: 120, render: (v: string) => t(`review.recommendation.${v}`, { defaultValue: v }) },
          ]} />
        </>
      )}
    </Card>
  );
}
