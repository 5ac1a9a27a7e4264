// 综合评价 (a5.p2.i4, a6.p2.i3, a7.p2.i3, a8.p2.i3) for one call and type: each candidate's review
// score, assessment result and condition checks; choosing candidates redraws the layout of bases
// by province, field (a15.s1) and type with and without them — the decision support that
// a7.p2.i3 (地域分布) and a8.p2.i3 (全国整体布局) ask for. The machine computes; people decide. Then
// the decision (文号, date; issuing bodies by type) creates the bases and their documents.
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Flex, Form, Input, InputNumber, Result, Row, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { AuditOutlined, CheckOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { ZDocumentNumber } from '../../../contracts/recognition';
import { get, post } from '../../app/api';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { applyFieldErrors } from '../../shared/errors';
import { zodRule } from '../../shared/zodRule';
import { regionLabel } from '../../shared/regions';
import type { Lang } from '../../i18n';

/** Province names short enough for a chart axis: 'Liaoning', not 'Liaoning Province'. */
const regionShort = (code: string | null | undefined, lang: Lang) =>
  lang === 'en' ? regionLabel(code, lang).replace(/ (Province|Municipality|Special Administrative Region)$/, '').replace(/ (Zhuang|Hui|Uygur)? ?Autonomous Region$/, '') : regionLabel(code, lang);
import { beijingToday, orgName, txt, type Call, type Candidate, type Decision, type DecisionResult, type EvaluationScreen } from './data';
import { Clauses, DocLink, RefusalAlert, VerdictLine, useLang } from './parts';
import { ReviewResultModal } from './ReviewResultModal';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const EVAL_CLAUSE: Record<string, string> = { innovation_park: 'a5.p2.i4', joint_research_center: 'a6.p2.i3', tech_transfer_center: 'a7.p2.i3', demonstration_base: 'a8.p2.i3' };

type Dim = 'province' | 'field' | 'type';

function LayoutChart({ dim, rows, testId }: { dim: Dim; rows: Array<{ label: string; without: number; with: number }>; testId: string }) {
  const { t } = useTranslation();
  const sorted = [...rows].sort((a, b) => a.with - b.with || a.without - b.without);
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [t('recognition.eval.chartWithout'), t('recognition.eval.chartWith')] },
    grid: { left: 8, right: 32, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#f0f0f0' } } },
    yAxis: { type: 'category', data: sorted.map((r) => r.label), axisTick: { show: false }, axisLabel: { width: dim === 'province' ? 90 : 160, overflow: 'truncate' } },
    series: [
      { name: t('recognition.eval.chartWithout'), type: 'bar', data: sorted.map((r) => r.without), barMaxWidth: 10, itemStyle: { color: '#bfbfbf' } },
      {
        name: t('recognition.eval.chartWith'),
        type: 'bar',
        data: sorted.map((r) => ({ value: r.with, itemStyle: { color: r.with > r.without ? '#d4380d' : '#13488f' } })),
        barMaxWidth: 10,
        label: { show: true, position: 'right', color: '#595959', formatter: (p: { dataIndex: number }) => { const r = sorted[p.dataIndex]!; return r.with > r.without ? `+${r.with - r.without}` : ''; } },
      },
    ],
  };
  return (
    <div data-testid={testId}>
      {rows.length ? (
        <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: Math.max(200, sorted.length * 26 + 50), width: '100%' }} opts={{ renderer: 'canvas' }} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </div>
  );
}

interface DecisionValues {
  documentNumber: string;
  issuedOn: Dayjs;
  opinion: string;
  notice: boolean;
  workingDays?: number;
}

function DecisionForm({ typeId, ids, onIssued }: { typeId: string; ids: string[]; onIssued(r: DecisionResult): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DecisionValues>();
  const [error, setError] = useState<unknown>(null);
  const notice = Form.useWatch('notice', form);
  const issue = useMutation({
    mutationFn: (v: DecisionValues) =>
      post<DecisionResult>('/api/recognition/decisions', {
        applicationIds: ids,
        documentNumber: v.documentNumber,
        issuedOn: v.issuedOn.format('YYYY-MM-DD'),
        opinion: v.opinion,
        ...(v.notice ? { publicNotice: { workingDays: v.workingDays ?? 10 } } : {}),
      }),
    onSuccess: (r) => {
      setError(null);
      onIssued(r);
    },
    onError: (e) => {
      const stray = applyFieldErrors(form, e, ['documentNumber', 'issuedOn', 'opinion']);
      if (stray.length || !(e as { fields?: unknown[] }).fields?.length) setError(e);
    },
  });
  return (
    <Form form={form} layout="vertical" data-testid={testIds.recDecisionForm} initialValues={{ notice: true, workingDays: 10 }} onFinish={(v) => issue.mutate(v)}>
      <RefusalAlert error={error} onClose={() => setError(null)} />
      <Row gutter={16}>
        <Col xs={24} md={9}>
          <Form.Item
            name="documentNumber"
            label={t('recognition.decision.documentNumber')}
            extra={t('recognition.decision.documentNumberHint')}
            rules={[{ required: true, message: t('validation.required', { label: t('recognition.decision.documentNumber') }) }, zodRule(ZDocumentNumber, t, t('recognition.decision.documentNumber'), { format: t('recognition.decision.documentNumberFormat') })]}
          >
            <Input placeholder="国科外字〔2026〕12号" data-testid={testIds.recDecisionField('documentNumber')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="issuedOn" label={t('recognition.decision.issuedOn')} rules={[{ required: true, message: t('validation.required', { label: t('recognition.decision.issuedOn') }) }]}>
            <DatePicker style={{ width: '100%' }} data-testid={testIds.recDecisionField('issuedOn')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={9}>
          <Form.Item label={t('recognition.decision.issuingBodies')} extra={<ClauseTag clause={EVAL_CLAUSE[typeId]?.replace(/\.i\d+$/, '') ?? 'a4.s1'} />}>
            <Typography.Text strong data-testid={testIds.recDecisionField('issuingBodies')}>
              {t(`recognition.decision.issuers.${typeId}`, { defaultValue: '—' })}
            </Typography.Text>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="opinion" label={t('recognition.decision.opinion')} rules={[{ required: true, whitespace: true, message: t('recognition.actions.opinionRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} data-testid={testIds.recDecisionField('opinion')} placeholder={t('recognition.decision.opinionPlaceholder')} />
      </Form.Item>
      <Flex gap={16} align="center" wrap>
        <Form.Item name="notice" valuePropName="checked" label={t('recognition.decision.notice')} style={{ marginBottom: 0 }}>
          <Switch data-testid={testIds.recDecisionField('notice')} />
        </Form.Item>
        {notice && (
          <Form.Item name="workingDays" label={t('recognition.decision.workingDays')} style={{ marginBottom: 0 }}>
            <InputNumber min={1} max={60} addonAfter={t('recognition.decision.days')} data-testid={testIds.recDecisionField('workingDays')} />
          </Form.Item>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
        {notice ? t('recognition.decision.noticeHint') : t('recognition.decision.signNowHint')}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" icon={<AuditOutlined />} loading={issue.isPending} disabled={!ids.length} data-testid={testIds.recDecisionSubmit}>
        {notice ? t('recognition.decision.publish', { n: ids.length }) : t('recognition.decision.issue', { n: ids.length })}
      </Button>
    </Form>
  );
}

export default function EvaluationPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const callId = params.get('callId') ?? undefined;
  const typeId = params.get('typeId') ?? undefined;
  const [selected, setSelected] = useState<string[]>([]);
  const [recording, setRecording] = useState<Candidate | null>(null);
  const [issued, setIssued] = useState<DecisionResult | null>(null);
  const [opinionForm] = Form.useForm<{ opinion: string }>();
  const [batchError, setBatchError] = useState<unknown>(null);

  const calls = useQuery({ queryKey: ['recognition', 'calls'], queryFn: () => get<Call[]>('/api/recognition/calls') });
  const call = calls.data?.find((c) => c.id === callId) ?? null;
  const screen = useQuery({
    queryKey: ['recognition', 'evaluation', callId, typeId],
    queryFn: () => get<EvaluationScreen>('/api/recognition/evaluation', { callId, typeId }),
    enabled: !!callId,
  });
  const decision = useQuery({
    queryKey: ['recognition', 'decision', issued?.decisionId],
    queryFn: () => get<Decision>(`/api/recognition/decisions/${issued!.decisionId}`),
    enabled: !!issued,
  });

  const setQuery = (next: { callId?: string; typeId?: string }) => {
    const sp = new URLSearchParams();
    const c = 'callId' in next ? next.callId : callId;
    const ty = 'typeId' in next ? next.typeId : typeId;
    if (c) sp.set('callId', c);
    if (ty) sp.set('typeId', ty);
    setSelected([]);
    setIssued(null);
    setParams(sp);
  };

  const candidates = useMemo(() => screen.data?.candidates ?? [], [screen.data]);
  const chosen = candidates.filter((c) => selected.includes(c.applicationId));
  const atEvaluate = chosen.filter((c) => c.stepId === 'evaluate');
  const atIssue = chosen.filter((c) => c.stepId === 'issue');

  // Counts of active bases, and with the chosen candidates added.
  const layout = useMemo(() => {
    const d = screen.data?.distribution;
    const build = (dim: Dim) => {
      const base = dim === 'province' ? d?.byProvince : dim === 'field' ? d?.byField : d?.byType;
      const rows = new Map<string, { label: string; without: number; with: number }>();
      for (const c of base ?? []) {
        const label = dim === 'province' ? regionShort(c.key, lang) || txt(c.name, lang) : dim === 'field' ? t(`recognition.field.${c.key}`, { defaultValue: txt(c.name, lang) }) : txt(c.name, lang);
        rows.set(c.key, { label, without: c.bases, with: c.bases });
      }
      for (const c of chosen) {
        const keys = dim === 'province' ? (c.provinceCode ? [c.provinceCode] : []) : dim === 'field' ? c.fields : [c.typeId];
        for (const k of keys) {
          const r = rows.get(k) ?? { label: dim === 'province' ? regionShort(k, lang) : dim === 'field' ? t(`recognition.field.${k}`, { defaultValue: k }) : k, without: 0, with: 0 };
          r.with += 1;
          rows.set(k, r);
        }
      }
      return [...rows.values()];
    };
    return { province: build('province'), field: build('field'), type: build('type') };
  }, [screen.data, chosen, lang, t]);

  const approveBatch = useMutation({
    mutationFn: async (opinion: string) => {
      for (const c of atEvaluate) await post(`/api/recognition/applications/${c.applicationId}/actions`, { action: 'approve', opinion, attachmentIds: [] });
      return atEvaluate.length;
    },
    onSuccess: (n) => {
      void message.success(t('recognition.eval.approved', { n }));
      opinionForm.resetFields();
      setBatchError(null);
      void qc.invalidateQueries({ queryKey: ['recognition'] });
    },
    onError: (e) => {
      setBatchError(e);
      void qc.invalidateQueries({ queryKey: ['recognition'] });
    },
  });

  const stepTag = (c: Candidate) => <Tag color={c.stepId === 'issue' ? 'green' : c.stepId === 'evaluate' ? 'blue' : 'default'}>{t(`recognition.stepName.${c.stepId}`, { defaultValue: c.stepId })}</Tag>;

  const columns: ColumnsType<Candidate> = [
    {
      title: t('recognition.eval.candidate'),
      key: 'title',
      width: 300,
      render: (_, c) => (
        <div>
          <Link to={`/recognition/applications/${c.applicationId}`}>{c.title}</Link>
          <Flex gap={6} align="center" wrap style={{ marginTop: 2 }}>
            {stepTag(c)}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {orgName(c.applicant, lang)}
            </Typography.Text>
          </Flex>
        </div>
      ),
    },
    { title: t('recognition.list.province'), dataIndex: 'provinceCode', width: 90, render: (v: string | null) => regionShort(v, lang) || '—' },
    {
      title: t('recognition.fields.short'),
      dataIndex: 'fields',
      width: 160,
      render: (f: string[]) => (
        <Space size={[2, 2]} wrap>
          {f.map((x) => (
            <Tag key={x} style={{ fontSize: 11 }}>
              {t(`recognition.field.${x}`, { defaultValue: x })}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('recognition.eval.score'),
      key: 'score',
      width: 90,
      sorter: (a, b) => (a.reviewScore ?? -1) - (b.reviewScore ?? -1),
      defaultSortOrder: 'descend',
      render: (_, c) =>
        c.reviewScore === null ? (
          <Typography.Text type="secondary">{t('recognition.eval.noScore')}</Typography.Text>
        ) : (
          <Tooltip title={t('recognition.eval.scoreOf', { n: c.reviewCount })}>
            <Typography.Text strong>{c.reviewScore}</Typography.Text>
          </Tooltip>
        ),
    },
    {
      title: t('recognition.eval.assessment'),
      key: 'assessment',
      width: 80,
      render: (_, c) => (c.assessmentResult ? <Tag color={c.assessmentResult === 'pass' ? 'success' : 'error'}>{t(`recognition.review.${c.assessmentResult}`)}</Tag> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: t('recognition.eval.checks'),
      key: 'checks',
      width: 100,
      render: (_, c) => {
        const machine = c.verdicts.filter((v) => v.met !== 'manual');
        const unmet = machine.filter((v) => v.met === false).length;
        return (
          <Tooltip
            title={
              <Flex vertical gap={4}>
                {machine.map((v, i) => (
                  <span key={i}>
                    {v.met ? '✓' : '✗'} {txt(v.because, lang)} ({v.clause})
                  </span>
                ))}
              </Flex>
            }
          >
            <Space size={2}>
              {machine.map((v, i) => (
                <VerdictLine key={i} v={v} compact />
              ))}
              {unmet > 0 && <Typography.Text type="danger">{t('recognition.eval.unmet', { n: unmet })}</Typography.Text>}
            </Space>
          </Tooltip>
        );
      },
    },
    {
      title: t('recognition.eval.effect'),
      key: 'effect',
      width: 190,
      render: (_, c) => (
        <Typography.Text style={{ fontSize: 12 }}>
          {t('recognition.eval.effectProvince', { province: regionShort(c.effect.province.key, lang) || '—', from: c.effect.province.without, to: c.effect.province.with })}
          <br />
          {t('recognition.eval.effectType', { from: c.effect.type.without, to: c.effect.type.with })}
        </Typography.Text>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 70,
      render: (_, c) =>
        ['expert_review', 'assessment', 'evaluate'].includes(c.stepId) ? (
          <Tooltip title={t('recognition.review.addShort')}>
            <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setRecording(c)} aria-label={t('recognition.review.addShort')} />
          </Tooltip>
        ) : null,
    },
  ];

  const evalClause = typeId ? EVAL_CLAUSE[typeId] : undefined;

  return (
    <div>
      <PageHeader
        title={t('recognition.eval.title')}
        description={t('recognition.eval.description')}
        clause={<Clauses ids={evalClause ? [evalClause] : ['a7.p2.i3', 'a8.p2.i3']} />}
        extra={
          <Link to="/recognition/decisions">
            <Button>{t('recognition.decisions.title')}</Button>
          </Link>
        }
      />
      <Flex gap={16} wrap style={{ marginBottom: 16 }}>
        <Space>
          <Typography.Text>{t('recognition.list.call')}</Typography.Text>
          <Select
            style={{ width: 280 }}
            value={callId}
            placeholder={t('recognition.eval.pickCall')}
            onChange={(v) => setQuery({ callId: v, typeId: undefined })}
            data-testid={testIds.recEvalCall}
            options={(calls.data ?? []).map((c) => ({ value: c.id, label: lang === 'en' ? c.titleEn || c.titleZh : c.titleZh }))}
          />
        </Space>
        <Space>
          <Typography.Text>{t('recognition.list.type')}</Typography.Text>
          <Select
            style={{ width: 240 }}
            value={typeId}
            allowClear
            placeholder={t('recognition.eval.allTypes')}
            onChange={(v) => setQuery({ typeId: v })}
            data-testid={testIds.recEvalType}
            options={(call?.types ?? []).map((ty) => ({ value: ty.id, label: txt(ty.name, lang) }))}
          />
        </Space>
      </Flex>

      {!callId && <Empty description={t('recognition.eval.pickCallFirst')} />}
      {screen.error && <ErrorAlert error={screen.error} onRetry={() => void screen.refetch()} />}
      {callId && screen.data && (
        <>
          {screen.data.factors.length > 0 && (
            <Card size="small" style={{ marginBottom: 16 }} title={t('recognition.eval.factors')}>
              <Space size={[8, 8]} wrap>
                {screen.data.factors.map((f) => (
                  <Tag key={f.id} color="geekblue">
                    {t(`recognition.factor.${f.id}`, { defaultValue: f.id })}
                  </Tag>
                ))}
                <Clauses ids={[...new Set(screen.data.factors.flatMap((f) => f.clauses))]} />
              </Space>
            </Card>
          )}
          <Card
            size="small"
            style={{ marginBottom: 16 }}
            title={t('recognition.eval.candidates', { n: candidates.length })}
            extra={<Typography.Text type="secondary">{t('recognition.eval.selectHint')}</Typography.Text>}
          >
            <Table<Candidate>
              data-testid={testIds.recEvalTable}
              rowKey="applicationId"
              size="small"
              columns={columns}
              dataSource={candidates}
              pagination={false}
              scroll={{ x: 1100 }}
              rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
              onRow={(c) => ({ 'data-testid': testIds.recEvalRow(c.applicationId) }) as HTMLAttributes<HTMLElement>}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recognition.eval.noCandidates')} /> }}
            />
          </Card>

          <Typography.Title level={5}>
            {t('recognition.eval.layout', { n: chosen.length })}
          </Typography.Title>
          <Row gutter={16}>
            <Col xs={24} xl={8}>
              <Card size="small" title={t('recognition.eval.byProvince')} style={{ marginBottom: 16 }} extra={<ClauseTag clause="a7.p2.i3" />}>
                <LayoutChart dim="province" rows={layout.province} testId={testIds.recEvalChart('province')} />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" title={t('recognition.eval.byField')} style={{ marginBottom: 16 }} extra={<ClauseTag clause="a15.s1" />}>
                <LayoutChart dim="field" rows={layout.field} testId={testIds.recEvalChart('field')} />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" title={t('recognition.eval.byType')} style={{ marginBottom: 16 }} extra={<ClauseTag clause="a8.p2.i3" />}>
                <LayoutChart dim="type" rows={layout.type} testId={testIds.recEvalChart('type')} />
              </Card>
            </Col>
          </Row>

          <Card size="small" style={{ marginBottom: 16 }} title={<Flex gap={8}>{t('recognition.eval.passTitle')}{evalClause && <ClauseTag clause={evalClause} />}</Flex>}>
            <RefusalAlert error={batchError} onClose={() => setBatchError(null)} />
            {atEvaluate.length === 0 ? (
              <Typography.Text type="secondary">{t('recognition.eval.passNone')}</Typography.Text>
            ) : (
              <Form form={opinionForm} layout="vertical" onFinish={(v) => approveBatch.mutate(v.opinion.trim())}>
                <Form.Item name="opinion" label={t('recognition.eval.passOpinion', { n: atEvaluate.length })} rules={[{ required: true, whitespace: true, message: t('recognition.actions.opinionRequired') }]}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid={testIds.recEvalOpinion} />
                </Form.Item>
                <Button type="primary" htmlType="submit" icon={<CheckOutlined />} loading={approveBatch.isPending} data-testid={testIds.recEvalApprove}>
                  {t('recognition.eval.pass', { n: atEvaluate.length })}
                </Button>
              </Form>
            )}
          </Card>

          <Card size="small" title={t('recognition.decision.title')} style={{ marginBottom: 16 }}>
            {issued ? (
              <Result
                status="success"
                title={issued.status === 'notice' ? t('recognition.decision.noticeStarted') : issued.status === 'awaiting_cosign' ? t('recognition.decision.awaitingCosign') : t('recognition.decision.issued', { n: issued.baseIds.length })}
                extra={
                  <Flex vertical gap={8} align="center">
                    {(decision.data?.documents ?? []).map((doc) => (
                      <DocLink key={doc.id} id={doc.id} kind={doc.kind} code={doc.verificationCode} />
                    ))}
                    <Link to="/recognition/decisions">
                      <Button type="primary">{t('recognition.decision.toDecisions')}</Button>
                    </Link>
                  </Flex>
                }
              />
            ) : !typeId ? (
              <Alert type="info" showIcon title={t('recognition.decision.pickType')} />
            ) : atIssue.length === 0 ? (
              <Alert type="info" showIcon title={t('recognition.decision.noneAtIssue')} />
            ) : (
              <>
                {chosen.length > atIssue.length && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('recognition.decision.someNotAtIssue', { n: chosen.length - atIssue.length })} />}
                <Typography.Paragraph>
                  {t('recognition.decision.covering', { n: atIssue.length })}
                  {atIssue.map((c) => (
                    <Tag key={c.applicationId} style={{ marginInlineStart: 6 }}>
                      {c.title}
                    </Tag>
                  ))}
                </Typography.Paragraph>
                <DecisionForm
                  typeId={typeId}
                  ids={atIssue.map((c) => c.applicationId)}
                  onIssued={(r) => {
                    setIssued(r);
                    void qc.invalidateQueries({ queryKey: ['recognition'] });
                  }}
                />
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
                  {t('recognition.decision.today', { date: beijingToday() })}
                </Typography.Paragraph>
              </>
            )}
          </Card>
        </>
      )}
      {recording && (
        <ReviewResultModal
          applicationId={recording.applicationId}
          title={recording.title}
          defaultKind={recording.stepId === 'assessment' ? 'assessment' : 'review'}
          onClose={() => setRecording(null)}
        />
      )}
    </div>
  );
}
