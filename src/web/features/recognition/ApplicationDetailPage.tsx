// One application: where it stands in its procedure (step bar with the clause of each step and who
// acts, a5.p2–a8.p2), its full signed history, review results, files, and the actions the server
// says the signed-in user may take now (approve with a signed opinion, return for revision with
// reasons, reject, withdraw). Nothing here decides who may act: the buttons are availableActions.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Flex, Form, Input, Row, Space, Tag, Typography } from 'antd';
import { CheckOutlined, EditOutlined, PlusOutlined, RollbackOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { get, post } from '../../app/api';
import { useMe } from '../../app/session';
import { scopeOf } from '../../app/permissions';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { PageSpinner } from '../../shared/PageSpinner';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { regionLabel } from '../../shared/regions';
import { appTitle, beijing, orgName, statusColor, txt, type ApplicationDetail, type AttachmentMeta, type Step, type TransitionResult } from './data';
import { AttachmentLink, AttachmentUpload, Clauses, History, RefusalAlert, StepBar, actorText, useLang } from './parts';
import { ReviewResultModal } from './ReviewResultModal';

type Act = 'approve' | 'return' | 'reject';

/** The actions panel: one opinion box, the buttons the server offers, files for the opinion. */
function ActionPanel({ app, step, onDone, ownFiling }: { app: ApplicationDetail; step: Step | undefined; onDone(): void; ownFiling: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const [error, setError] = useState<unknown>(null);
  const [files, setFiles] = useState<AttachmentMeta[]>([]);
  const available = new Set(app.availableActions);
  const isIssue = step?.kind === 'issueDocument';
  const isRecord = step?.kind === 'foreignAcknowledgement' || step?.kind === 'foreignPlaque';
  const review = step?.kind === 'expertReview' || step?.kind === 'assessment';
  const act = useMutation({
    mutationFn: (body: Record<string, unknown>) => post<TransitionResult>(`/api/recognition/applications/${app.id}/actions`, { ...body, version: app.version }),
    onSuccess: (_, body) => {
      void message.success(t(`recognition.actions.done.${String(body.action)}`));
      form.resetFields();
      setFiles([]);
      setError(null);
      onDone();
    },
    onError: (e) => setError(e),
  });

  const run = async (action: Act) => {
    let text: string;
    try {
      text = (await form.validateFields()).text.trim();
    } catch {
      return;
    }
    const body = action === 'approve' ? { action, opinion: text, attachmentIds: files.map((f) => f.id) } : { action, reason: text, attachmentIds: files.map((f) => f.id) };
    if (action === 'reject') {
      modal.confirm({
        title: t('recognition.actions.rejectConfirm'),
        content: t('recognition.actions.rejectConfirmBody'),
        okButtonProps: { danger: true },
        okText: t('recognition.actions.reject'),
        cancelText: t('common.cancel'),
        onOk: () => act.mutateAsync(body),
      });
    } else act.mutate(body);
  };
  const withdraw = (mode: 'to_edit' | 'abandon') =>
    modal.confirm({
      title: t(`recognition.actions.withdrawConfirm.${mode}`),
      content: t(`recognition.actions.withdrawConfirmBody.${mode}`),
      okButtonProps: { danger: mode === 'abandon' },
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => act.mutateAsync({ action: 'withdraw', mode, ...(form.getFieldValue('text') ? { reason: String(form.getFieldValue('text')) } : {}) }),
    });

  const canDecide = ['approve', 'return', 'reject'].some((a) => available.has(a)) && !isIssue && !isRecord;
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap>
          <span>{t('recognition.actions.title')}</span>
          {step && <Tag color="processing">{txt(step.name, lang)}</Tag>}
          {step && <Clauses ids={step.clauses.map((c) => c.id)} cite />}
        </Flex>
      }
      style={{ marginBottom: 16, borderColor: '#91caff' }}
      data-testid={testIds.recActions}
    >
      <RefusalAlert error={error} onClose={() => setError(null)} />
      {isIssue && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('recognition.actions.issueViaDecision')}
          action={
            <Link to={`/recognition/evaluation?callId=${app.callId}&typeId=${app.typeId}`}>
              <Button size="small" type="primary">{t('recognition.actions.toEvaluation')}</Button>
            </Link>
          }
        />
      )}
      {review && <Typography.Paragraph type="secondary">{t('recognition.actions.reviewFirst')}</Typography.Paragraph>}
      {canDecide && (
        <Form form={form} layout="vertical">
          <Form.Item
            name="text"
            label={t('recognition.actions.opinionLabel')}
            extra={t('recognition.actions.opinionHint')}
            rules={[{ required: true, whitespace: true, message: t('recognition.actions.opinionRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} showCount data-testid={testIds.recOpinion} placeholder={t('recognition.actions.opinionPlaceholder')} />
          </Form.Item>
          <Form.Item label={t('recognition.actions.files')}>
            <Flex vertical gap={4}>
              {files.map((f) => (
                <AttachmentLink key={f.id} id={f.id} name={f.filename} size={f.size} />
              ))}
              <AttachmentUpload applicationId={app.id} onUploaded={(m) => setFiles((l) => [...l, m])} testId={testIds.recActionUpload} />
            </Flex>
          </Form.Item>
          <Space wrap>
            {available.has('approve') && (
              <Button type="primary" icon={<CheckOutlined />} loading={act.isPending} onClick={() => void run('approve')} data-testid={testIds.recAction('approve')}>
                {t(step?.kind === 'recommend' ? 'recognition.actions.recommend' : 'recognition.actions.approve')}
              </Button>
            )}
            {available.has('return') && (
              <Button icon={<RollbackOutlined />} loading={act.isPending} onClick={() => void run('return')} data-testid={testIds.recAction('return')}>
                {t('recognition.actions.return')}
              </Button>
            )}
            {available.has('reject') && (
              <Button danger icon={<StopOutlined />} loading={act.isPending} onClick={() => void run('reject')} data-testid={testIds.recAction('reject')}>
                {t('recognition.actions.reject')}
              </Button>
            )}
          </Space>
        </Form>
      )}
      {(available.has('withdraw:to_edit') || available.has('withdraw:abandon')) && (
        <Flex gap={8} align="center" wrap style={{ marginTop: canDecide ? 16 : 0 }}>
          <Typography.Text type="secondary">{ownFiling ? t('recognition.actions.withdrawHint') : t('recognition.actions.withdrawOpinionHint')}</Typography.Text>
          {available.has('withdraw:to_edit') && (
            <Button icon={<UndoOutlined />} onClick={() => withdraw('to_edit')} data-testid={testIds.recAction('withdraw:to_edit')}>
              {ownFiling ? t('recognition.actions.withdrawToEdit') : t('recognition.actions.withdrawOpinion')}
            </Button>
          )}
          {available.has('withdraw:abandon') && (
            <Button danger onClick={() => withdraw('abandon')} data-testid={testIds.recAction('withdraw:abandon')}>
              {t('recognition.actions.withdrawAbandon')}
            </Button>
          )}
        </Flex>
      )}
    </Card>
  );
}

/** a6.p2.i4 after recognition: the partner government's acknowledgement, the plaque abroad — each with a date and evidence. */
function BaseRecordPanel({ app, step, onDone }: { app: ApplicationDetail; step: Step; onDone(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ on: Dayjs; evidence: string; partner?: string; country?: string }>();
  const [error, setError] = useState<unknown>(null);
  const path = step.kind === 'foreignAcknowledgement' ? 'foreign-acknowledgement' : 'foreign-plaque';
  const save = useMutation({
    mutationFn: (v: { on: Dayjs; evidence: string; partner?: string; country?: string }) =>
      post(`/api/recognition/bases/${app.baseId}/${path}`, { on: v.on.format('YYYY-MM-DD'), evidence: v.evidence, ...(v.partner ? { partner: v.partner } : {}), ...(v.country ? { country: v.country } : {}) }),
    onSuccess: () => {
      void message.success(t('recognition.actions.recorded'));
      onDone();
    },
    onError: (e) => setError(e),
  });
  return (
    <Card size="small" style={{ marginBottom: 16, borderColor: '#91caff' }} data-testid={testIds.recActions} title={<Flex gap={8}>{txt(step.name, lang)} <Clauses ids={step.clauses.map((c) => c.id)} /></Flex>}>
      <RefusalAlert error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="on" label={t('recognition.actions.recordOn')} rules={[{ required: true, message: t('validation.required', { label: t('recognition.actions.recordOn') }) }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {step.kind === 'foreignPlaque' && (
            <>
              <Col xs={24} md={10}>
                <Form.Item name="partner" label={t('recognition.form.partnerName')}>
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item name="country" label={t('recognition.form.country')} normalize={(v: string) => (v ?? '').toUpperCase().slice(0, 2)}>
                  <Input />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
        <Form.Item name="evidence" label={t('recognition.actions.evidence')} rules={[{ required: true, whitespace: true, message: t('validation.required', { label: t('recognition.actions.evidence') }) }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} data-testid={testIds.recOpinion} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid={testIds.recAction('approve')}>
          {t('recognition.actions.record')}
        </Button>
      </Form>
    </Card>
  );
}

export default function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [recording, setRecording] = useState(false);
  const detail = useQuery({ queryKey: ['recognition', 'application', id], queryFn: () => get<ApplicationDetail>(`/api/recognition/applications/${id}`) });
  if (detail.error) return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return <PageSpinner />;
  const d = detail.data;
  const refresh = () => void qc.invalidateQueries({ queryKey: ['recognition'] });
  const step = d.steps.find((s) => s.state === 'current');
  const open = d.status === 'in_progress' || d.status === 'recognized';
  const ownFiling = d.filedBy.id === me.org.id;
  const canEdit = ownFiling && (d.status === 'draft' || d.status === 'returned') && scopeOf(me, 'application', 'update') !== null;
  const reviewIdx = d.steps.findIndex((s) => s.kind === 'expertReview');
  const evalIdx = d.steps.findIndex((s) => s.kind === 'comprehensiveEvaluation');
  const canRecordReview =
    scopeOf(me, 'review', 'create') !== null && d.status === 'in_progress' && reviewIdx >= 0 && d.stepIndex >= reviewIdx && d.stepIndex <= evalIdx;
  const hasActions = d.availableActions.some((a) => a !== 'submit');
  const isRecordStep = step && (step.kind === 'foreignAcknowledgement' || step.kind === 'foreignPlaque') && d.baseId && d.availableActions.includes('approve');


  return (
    <div>
      <PageHeader
        title={appTitle(d, lang)}
        clause={
          <Space size={4}>
            <Tag color="blue">{txt(d.typeName, lang)}</Tag>
            <Tag color={statusColor[d.status]}>{t(`recognition.status.${d.status}`)}</Tag>
          </Space>
        }
        extra={
          <>
            {canEdit && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/recognition/applications/${id}/edit`)} data-testid={testIds.recAction('edit')}>
                {d.status === 'returned' ? t('recognition.detail.revise') : t('recognition.detail.fill')}
              </Button>
            )}
            <Button onClick={() => navigate('/recognition/applications')}>{t('recognition.detail.backToList')}</Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'applicant', label: t('recognition.list.applicant'), children: orgName(d.applicant, lang) },
            ...(d.filedBy.id !== d.applicant.id ? [{ key: 'filedBy', label: t('recognition.detail.filedBy'), children: orgName(d.filedBy, lang) }] : []),
            { key: 'recommender', label: t('recognition.list.recommender'), children: orgName(d.recommender, lang) || '—' },
            { key: 'province', label: t('recognition.list.province'), children: regionLabel(d.regionCode, lang) || '—' },
            { key: 'fields', label: t('recognition.fields.label'), children: d.fields.length ? d.fields.map((f) => <Tag key={f}>{t(`recognition.field.${f}`, { defaultValue: f })}</Tag>) : '—' },
            { key: 'deadline', label: t('recognition.detail.deadline'), children: `${beijing(d.deadline)} ${t('recognition.common.beijingTime')}` },
            { key: 'submitted', label: t('recognition.list.submittedAt'), children: beijing(d.submittedAt) || '—' },
            { key: 'programme', label: t('recognition.detail.programme'), children: d.programmeKey },
            ...(d.baseId ? [{ key: 'base', label: t('recognition.detail.base'), children: <Link to={`/bases/${d.baseId}`}>{t('recognition.detail.viewBase')}</Link> }] : []),
          ]}
        />
      </Card>

      <Card
        size="small"
        style={{ marginBottom: 16 }}
        title={
          <Flex gap={8} align="center">
            {t('recognition.steps.title')}
            <ClauseTag clause={d.steps[0]?.clauses[0]?.id.replace(/\.i\d+$/, '') ?? 'a4.s1'} />
          </Flex>
        }
        extra={
          step && open ? (
            <Typography.Text type="secondary">
              {t('recognition.steps.now', { step: txt(step.name, lang), who: actorText(step, t, lang) })}
            </Typography.Text>
          ) : null
        }
      >
        <StepBar steps={d.steps} status={d.status} />
        {(d.status === 'rejected' || d.status === 'withdrawn') && (
          <Alert style={{ marginTop: 12 }} type={d.status === 'rejected' ? 'error' : 'warning'} showIcon title={t(`recognition.detail.stopped.${d.status}`)} />
        )}
      </Card>

      {isRecordStep && step ? <BaseRecordPanel app={d} step={step} onDone={refresh} /> : hasActions && <ActionPanel app={d} step={step} onDone={refresh} ownFiling={ownFiling} />}
      {!hasActions && open && step && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('recognition.detail.waitingFor', { who: actorText(step, t, lang) })}
        />
      )}

      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('recognition.history.title')} style={{ marginBottom: 16 }}>
            <History events={d.events} attachments={d.attachments} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title={t('recognition.review.results')}
            style={{ marginBottom: 16 }}
            data-testid={testIds.recReviewResults}
            extra={
              canRecordReview && (
                <Button size="small" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid={testIds.recReviewAdd}>
                  {t('recognition.review.add')}
                </Button>
              )
            }
          >
            {d.reviewResults.length ? (
              <Flex vertical gap={12}>
                {d.reviewResults.map((r) => (
                  <div key={r.id} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
                    <Flex gap={8} align="center" wrap>
                      <Tag>{r.kind === 'review' ? t('recognition.review.kindReview') : t('recognition.review.kindAssessment')}</Tag>
                      {r.kind === 'review' ? (
                        <Typography.Text strong>{t('recognition.review.scoreValue', { score: r.score })}</Typography.Text>
                      ) : (
                        <Tag color={r.result === 'pass' ? 'success' : 'error'}>{t(`recognition.review.${r.result ?? 'fail'}`)}</Tag>
                      )}
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {beijing(r.recordedAt)}
                        {r.panel.length ? ` · ${t('recognition.review.panel')}${t('common.colon')}${r.panel.join('、')}` : ''}
                      </Typography.Text>
                    </Flex>
                    <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{r.opinion}</Typography.Paragraph>
                  </div>
                ))}
              </Flex>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recognition.review.none')} />
            )}
          </Card>
          <Card size="small" title={t('recognition.detail.files')} style={{ marginBottom: 16 }}>
            {d.attachments.length ? (
              <Flex vertical gap={6}>
                {d.attachments.map((a) => (
                  <Flex key={a.id} gap={8} justify="space-between">
                    <AttachmentLink id={a.id} name={a.filename} size={a.size} />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {beijing(a.createdAt)}
                    </Typography.Text>
                  </Flex>
                ))}
              </Flex>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recognition.detail.noFiles')} />
            )}
          </Card>
        </Col>
      </Row>
      {recording && (
        <ReviewResultModal
          applicationId={d.id}
          title={appTitle(d, lang)}
          clause={d.steps[reviewIdx]?.clauses[0]?.id}
          defaultKind={step?.kind === 'assessment' ? 'assessment' : 'review'}
          onClose={() => setRecording(false)}
        />
      )}
    </div>
  );
}
