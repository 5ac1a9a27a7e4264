import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tabs, Tag, Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CalculatorOutlined, DeleteOutlined, NotificationOutlined, PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ZIndicatorSystemInput, metricIds } from '../../../contracts/bases';
import { get, post } from '../../app/api';
import { useMe } from '../../app/session';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { errorText } from '../../shared/errors';
import { GradeTag, TypeTag, useLang } from './common';
import { baseTypeIds, gradeIds, isMinistry, thisYear, type AssessmentResult, type Commendation, type Indicator, type IndicatorSystem, type RunYearResult } from './model';

/** The annual assessment (a10.i4): indicator systems, running and publishing a year, grades, commendations (a13.s1). */
export default function AssessmentPage() {
  const { t } = useTranslation();
  const me = useMe();
  const ministry = isMinistry(me);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'results';
  const year = Number(params.get('year')) || thisYear() - 1;
  const set = (k: string, v: string | number) => {
    const sp = new URLSearchParams(params);
    sp.set(k, String(v));
    setParams(sp);
  };
  const years = Array.from({ length: 12 }, (_, i) => thisYear() - i);
  return (
    <div>
      <PageHeader
        title={t('bases.assessment.title')}
        clause={<ClauseTag clause="a10.i4" />}
        description={ministry ? t('bases.assessment.descriptionMinistry') : t('bases.assessment.description')}
        extra={
          <Space>
            {t('bases.reports.year')}
            <Select value={year} onChange={(v) => set('year', v)} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} data-testid={testIds.assessmentYear} />
          </Space>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => set('tab', k)}
        items={[
          { key: 'results', label: t('bases.assessment.tabs.results'), children: <Results year={year} ministry={ministry} /> },
          ...(ministry ? [{ key: 'commendations', label: t('bases.assessment.tabs.commendations'), children: <Commendations year={year} /> }] : []),
          { key: 'indicators', label: t('bases.assessment.tabs.indicators'), children: <IndicatorSystems ministry={ministry} /> },
        ]}
      />
    </div>
  );
}

function Results({ year, ministry }: { year: number; ministry: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [gradeFilter, setGradeFilter] = useState<string | undefined>();
  const { data = [], error, isFetching } = useQuery({ queryKey: ['bases', 'results', year], queryFn: () => get<AssessmentResult[]>(`/api/assessment/${year}/results`) });
  // Whether the year is published: the commendation list says so (no endpoint lists rounds yet).
  const round = useQuery({ queryKey: ['bases', 'commendations', year], queryFn: () => get<Commendation>(`/api/assessment/${year}/commendations`), enabled: ministry });
  const published = round.data?.published === true;
  const run = useMutation({
    mutationFn: () => post<RunYearResult>(`/api/assessment/${year}/run`),
    onSuccess: async (r) => {
      void message.success(t('bases.assessment.ran', { n: r.assessed, proposals: r.proposals, s: (r.ms / 1000).toFixed(1) }));
      await qc.invalidateQueries({ queryKey: ['bases'] });
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  const publish = useMutation({
    mutationFn: () => post(`/api/assessment/${year}/publish`),
    onSuccess: async () => {
      void message.success(t('bases.assessment.publishedDone', { year }));
      await qc.invalidateQueries({ queryKey: ['bases'] });
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  const counts = Object.fromEntries(gradeIds.map((g) => [g, data.filter((r) => r.grade === g).length]));
  const rows = gradeFilter ? data.filter((r) => r.grade === gradeFilter) : data;

  const columns: ColumnsType<AssessmentResult> = [
    { title: t('bases.list.code'), dataIndex: 'code', width: 170, render: (v: string) => <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{v}</span> },
    { title: t('bases.list.name'), dataIndex: 'nameZh', width: 260, render: (v: string, r) => <Link to={`/bases/${r.baseId}`}>{v}</Link> },
    { title: t('bases.list.type'), dataIndex: 'typeId', width: 190, render: (v: string) => <TypeTag typeId={v} /> },
    { title: t('bases.assessment.score'), dataIndex: 'score', width: 90, align: 'right', sorter: (a, b) => (a.score ?? -1) - (b.score ?? -1), render: (s: number | null) => (s === null ? '—' : s.toFixed(1)) },
    { title: t('bases.assessment.grade'), dataIndex: 'grade', width: 110, render: (g: string) => <GradeTag grade={g} /> },
    { title: t('bases.assessment.reportLate'), dataIndex: 'reportLate', width: 120, render: (v: boolean) => (v ? <Tag color="red">{t('bases.reports.late')}</Tag> : <Typography.Text type="secondary">{t('bases.assessment.onTime')}</Typography.Text>) },
    { title: t('bases.assessment.because'), dataIndex: 'because', render: (b: AssessmentResult['because']) => <Typography.Text type="secondary">{b[lang]}</Typography.Text> },
  ];

  return (
    <>
      {ministry && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid={testIds.assessmentRunPanel}>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Space>
              {published ? <Tag color="green">{t('bases.assessment.published')}</Tag> : data.length ? <Tag color="orange">{t('bases.assessment.computedNotPublished')}</Tag> : null}
              <Typography.Text type="secondary">{published ? t('bases.assessment.publishedHint', { year }) : t('bases.assessment.runHint', { year })}</Typography.Text>
            </Space>
            <Space>
              <Button
                disabled={published}
                icon={<CalculatorOutlined />}
                loading={run.isPending}
                onClick={() => modal.confirm({ title: t('bases.assessment.runConfirmTitle', { year }), content: t('bases.assessment.runConfirm'), onOk: () => run.mutateAsync() })}
                data-testid={testIds.assessmentRun}
              >
                {t('bases.assessment.run', { year })}
              </Button>
              <Popconfirm title={t('bases.assessment.publishConfirm', { year })} onConfirm={() => publish.mutate()} disabled={!data.length || published}>
                <Button type="primary" icon={<NotificationOutlined />} loading={publish.isPending} disabled={!data.length || published} data-testid={testIds.assessmentPublish}>
                  {t('bases.assessment.publish', { year })}
                </Button>
              </Popconfirm>
            </Space>
          </Flex>
        </Card>
      )}
      {error && <ErrorAlert error={error} />}
      <Space wrap style={{ marginBottom: 12 }} data-testid={testIds.assessmentDistribution}>
        <Tag.CheckableTag checked={!gradeFilter} onChange={() => setGradeFilter(undefined)}>
          {t('common.all')} {data.length}
        </Tag.CheckableTag>
        {gradeIds.map((g) => (
          <Tag.CheckableTag key={g} checked={gradeFilter === g} onChange={(c) => setGradeFilter(c ? g : undefined)}>
            {t(`bases.grade.${g}`)} {counts[g]}
          </Tag.CheckableTag>
        ))}
      </Space>
      <Table<AssessmentResult>
        data-testid={testIds.assessmentResults}
        rowKey="baseId"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={isFetching}
        scroll={{ x: 1200 }}
        onRow={(r) => ({ 'data-base-id': r.baseId, 'data-grade': r.grade }) as HTMLAttributes<HTMLElement>}
        pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={ministry ? t('bases.assessment.noResultsMinistry', { year }) : t('bases.assessment.noResults', { year })} /> }}
        expandable={{
          expandedRowRender: (r) => (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={r.indicators}
              columns={[
                { title: t('bases.assessment.indicator'), dataIndex: 'id' },
                { title: t('bases.assessment.source'), dataIndex: 'source', width: 140, render: (s: string) => t(`bases.assessment.sources.${s}`, { defaultValue: s }) },
                { title: t('bases.assessment.weight'), dataIndex: 'weight', width: 80, align: 'right' },
                { title: t('bases.assessment.value'), dataIndex: 'value', width: 100, align: 'right', render: (v: number | null) => (v === null ? t('bases.assessment.noValue') : v) },
                { title: t('bases.assessment.indicatorScore'), dataIndex: 'score', width: 100, align: 'right', render: (v: number | null) => (v === null ? '—' : v.toFixed(1)) },
              ]}
            />
          ),
        }}
      />
    </>
  );
}

/** a13.s1: the commendation list drawn from the year's results. */
function Commendations({ year }: { year: number }) {
  const { t } = useTranslation();
  const { data, error, isFetching } = useQuery({ queryKey: ['bases', 'commendations', year], queryFn: () => get<Commendation>(`/api/assessment/${year}/commendations`) });
  return (
    <Card
      size="small"
      data-testid={testIds.assessmentCommendations}
      title={
        <Space>
          <TrophyOutlined style={{ color: '#d4a017' }} />
          {t('bases.assessment.commendationTitle', { year })}
          <ClauseTag clause="a13.s1" />
          {data && (data.published ? <Tag color="green">{t('bases.assessment.published')}</Tag> : <Tag color="orange">{t('bases.assessment.notPublished')}</Tag>)}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('bases.assessment.commendationHint')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} />}
      <Table
        size="small"
        rowKey="baseId"
        loading={isFetching}
        pagination={false}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('bases.assessment.noCommendations') }}
        columns={[
          { title: '#', key: 'i', width: 50, render: (_, __, i) => i + 1 },
          { title: t('bases.list.code'), dataIndex: 'code', width: 120 },
          { title: t('bases.list.name'), dataIndex: 'nameZh', render: (v: string, r) => <Link to={`/bases/${r.baseId}`}>{v}</Link> },
          { title: t('bases.assessment.grade'), dataIndex: 'grade', width: 100, render: (g: string) => <GradeTag grade={g} /> },
          { title: t('bases.assessment.score'), dataIndex: 'score', width: 90, align: 'right', render: (s: number | null) => (s === null ? '—' : s.toFixed(1)) },
        ]}
      />
    </Card>
  );
}

type SystemForm = { fromYear: number; indicators: Array<Indicator & { groupZh?: string; groupEn?: string; nameZh?: string; nameEn?: string }>; excellent?: number; good?: number; pass?: number; note?: string };

/** Indicator systems per base type, versioned; the ministry adds a version (weights must add up to 100). */
function IndicatorSystems({ ministry }: { ministry: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [typeId, setTypeId] = useState<string>(baseTypeIds[0]);
  const [editing, setEditing] = useState<IndicatorSystem | null>(null);
  const { data = [], error, isFetching } = useQuery({ queryKey: ['bases', 'systems', typeId], queryFn: () => get<IndicatorSystem[]>('/api/assessment/indicator-systems', { typeId }) });
  const [version, setVersion] = useState<number | null>(null);
  const current = data.find((s) => s.version === version) ?? data[0];

  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex justify="space-between" wrap gap={8}>
          <Space wrap>
            {t('bases.list.type')}
            <Select value={typeId} onChange={(v) => { setTypeId(v); setVersion(null); }} options={baseTypeIds.map((v) => ({ value: v, label: t(`bases.type.${v}`) }))} style={{ width: 240 }} data-testid={testIds.indicatorsType} />
            {t('bases.assessment.version')}
            <Select
              value={current?.version}
              onChange={setVersion}
              style={{ width: 260 }}
              options={data.map((s) => ({ value: s.version, label: s.isDefault ? t('bases.assessment.defaultVersion') : t('bases.assessment.versionLabel', { v: s.version, from: s.fromYear }) }))}
            />
          </Space>
          {ministry && current && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(current)} data-testid={testIds.indicatorsNewVersion}>
              {t('bases.assessment.newVersion')}
            </Button>
          )}
        </Flex>
      </Card>
      {error && <ErrorAlert error={error} />}
      {current && (
        <Card size="small" data-testid={testIds.indicatorsTable} loading={isFetching}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'from', label: t('bases.assessment.fromYear'), children: current.isDefault ? t('bases.assessment.always') : current.fromYear },
              {
                key: 'thr',
                label: t('bases.assessment.thresholds'),
                children: current.thresholds
                  ? t('bases.assessment.thresholdsValue', current.thresholds)
                  : t('bases.assessment.thresholdsProgramme'),
              },
              { key: 'note', label: t('bases.form.note'), children: current.isDefault ? t('bases.assessment.defaultNote') : current.note ?? '—' },
            ]}
          />
          <IndicatorTable indicators={current.indicators} lang={lang} />
        </Card>
      )}
      {editing && <SystemEditor typeId={typeId} base={editing} onClose={() => setEditing(null)} onSaved={(v) => setVersion(v)} />}
    </>
  );
}

function IndicatorTable({ indicators, lang }: { indicators: Indicator[]; lang: 'zh' | 'en' }) {
  const { t } = useTranslation();
  const total = indicators.reduce((s, i) => s + i.weight, 0);
  return (
    <Table<Indicator>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={indicators}
      columns={[
        { title: t('bases.assessment.group'), key: 'g', width: 220, render: (_, i) => i.group[lang] },
        { title: t('bases.assessment.indicator'), key: 'n', render: (_, i) => i.name[lang] },
        { title: t('bases.assessment.weight'), dataIndex: 'weight', width: 80, align: 'right' },
        { title: t('bases.assessment.source'), dataIndex: 'source', width: 150, render: (s: string) => <Tag>{t(`bases.assessment.sources.${s}`)}</Tag> },
        { title: t('bases.assessment.metric'), dataIndex: 'metric', width: 200, render: (m?: string) => (m ? t(`bases.metric.${m}`, { defaultValue: m }) : '—') },
        { title: t('bases.assessment.target'), dataIndex: 'target', width: 110, align: 'right', render: (v?: number) => v ?? '—' },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            <b>{t('bases.assessment.totalWeight')}</b>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            <b style={{ color: Math.abs(total - 100) < 1e-6 ? undefined : '#cf1322' }}>{total}</b>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} colSpan={3} />
        </Table.Summary.Row>
      )}
    />
  );
}

function SystemEditor({ typeId, base, onClose, onSaved }: { typeId: string; base: IndicatorSystem; onClose(): void; onSaved(v: number): void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const lang = useLang();
  const [form] = Form.useForm<SystemForm>();
  const [problem, setProblem] = useState<string | null>(null);
  const indicators = Form.useWatch('indicators', form) ?? base.indicators;
  const total = indicators.reduce((s, i) => s + (Number(i?.weight) || 0), 0);
  const initial: SystemForm = useMemo(
    () => ({
      fromYear: thisYear(),
      indicators: base.indicators.map((i) => ({ ...i, groupZh: i.group.zh, groupEn: i.group.en, nameZh: i.name.zh, nameEn: i.name.en })),
      excellent: base.thresholds?.excellent,
      good: base.thresholds?.good,
      pass: base.thresholds?.pass,
      note: '',
    }),
    [base],
  );
  const save = useMutation({
    mutationFn: (body: unknown) => post<IndicatorSystem>('/api/assessment/indicator-systems', body),
    onSuccess: async (s) => {
      void message.success(t('bases.assessment.versionSaved', { v: s.version }));
      await qc.invalidateQueries({ queryKey: ['bases', 'systems', typeId] });
      onSaved(s.version);
      onClose();
    },
  });
  const onFinish = (v: SystemForm) => {
    const body = {
      typeId,
      fromYear: v.fromYear,
      indicators: v.indicators.map((i) => ({
        id: i.id,
        // One language typed: the other shows the same words until someone translates them.
        group: { zh: i.groupZh || i.groupEn || '', en: i.groupEn || i.groupZh || '' },
        name: { zh: i.nameZh || i.nameEn || '', en: i.nameEn || i.nameZh || '' },
        weight: Number(i.weight),
        source: i.source,
        ...(i.source === 'computed' ? { metric: i.metric, target: i.target } : {}),
      })),
      thresholds: v.excellent && v.good && v.pass ? { excellent: v.excellent, good: v.good, pass: v.pass } : null,
      note: v.note || null,
    };
    const parsed = ZIndicatorSystemInput.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem(issue?.message === 'weights must add up to 100' ? t('bases.assessment.weightsMust100', { total }) : `${issue?.path.join('.')}: ${issue?.message}`);
      return;
    }
    setProblem(null);
    save.mutate(parsed.data);
  };
  return (
    <Modal open width={1100} title={t('bases.assessment.newVersionOf', { type: t(`bases.type.${typeId}`) })} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={save.isPending} destroyOnHidden>
      <div data-testid={testIds.indicatorsEditor}>
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('bases.assessment.editorHint')} />
        {problem && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={problem} />}
        {save.error && <ErrorAlert error={save.error} />}
        <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish}>
          <Row gutter={12}>
            <Col span={4}>
              <Form.Item name="fromYear" label={t('bases.assessment.fromYear')} rules={[{ required: true }]}>
                <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="excellent" label={t('bases.grade.excellent')}>
                <InputNumber min={0} max={100} placeholder="90" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="good" label={t('bases.grade.good')}>
                <InputNumber min={0} max={100} placeholder="75" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="pass" label={t('bases.grade.pass')}>
                <InputNumber min={0} max={100} placeholder="60" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="note" label={t('bases.form.note')}>
                <Input maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
          <Form.List name="indicators">
            {(fields, { add, remove }) => (
              <>
                <Row gutter={6} style={{ fontWeight: 500, marginBottom: 4, fontSize: 12 }}>
                  <Col span={3}>ID</Col>
                  <Col span={4}>{t('bases.assessment.group')}</Col>
                  <Col span={4}>{t('bases.assessment.indicator')}</Col>
                  <Col span={2}>{t('bases.assessment.weight')}</Col>
                  <Col span={3}>{t('bases.assessment.source')}</Col>
                  <Col span={4}>{t('bases.assessment.metric')}</Col>
                  <Col span={2}>{t('bases.assessment.target')}</Col>
                </Row>
                {fields.map((f) => (
                  <Row key={f.key} gutter={6}>
                    <Col span={3}>
                      <Form.Item name={[f.name, 'id']} rules={[{ required: true, pattern: /^[a-z0-9_]{2,40}$/, message: 'a-z 0-9 _' }]} style={{ marginBottom: 6 }}>
                        <Input size="small" />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[f.name, lang === 'en' ? 'groupEn' : 'groupZh']} rules={[{ required: true, message: t('bases.form.required') }]} style={{ marginBottom: 6 }}>
                        <Input size="small" />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[f.name, lang === 'en' ? 'nameEn' : 'nameZh']} rules={[{ required: true, message: t('bases.form.required') }]} style={{ marginBottom: 6 }}>
                        <Input size="small" />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Form.Item name={[f.name, 'weight']} rules={[{ required: true }]} style={{ marginBottom: 6 }}>
                        <InputNumber size="small" min={0.1} max={100} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[f.name, 'source']} style={{ marginBottom: 6 }}>
                        <Select size="small" options={(['computed', 'expert', 'recommender'] as const).map((s) => ({ value: s, label: t(`bases.assessment.sources.${s}`) }))} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item noStyle shouldUpdate>
                        {() =>
                          form.getFieldValue(['indicators', f.name, 'source']) === 'computed' ? (
                            <Form.Item name={[f.name, 'metric']} rules={[{ required: true, message: t('bases.form.required') }]} style={{ marginBottom: 6 }}>
                              <Select size="small" showSearch={{ optionFilterProp: 'label' }} options={metricIds.map((m) => ({ value: m, label: t(`bases.metric.${m}`) }))} />
                            </Form.Item>
                          ) : (
                            <Typography.Text type="secondary">—</Typography.Text>
                          )
                        }
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Form.Item noStyle shouldUpdate>
                        {() =>
                          form.getFieldValue(['indicators', f.name, 'source']) === 'computed' ? (
                            <Form.Item name={[f.name, 'target']} rules={[{ required: true, message: '>0' }]} style={{ marginBottom: 6 }}>
                              <InputNumber size="small" min={0.01} style={{ width: '100%' }} />
                            </Form.Item>
                          ) : null
                        }
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                    </Col>
                  </Row>
                ))}
                <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
                  <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ id: '', weight: 5, source: 'expert', groupZh: '', groupEn: '', nameZh: '', nameEn: '' })}>
                    {t('bases.assessment.addIndicator')}
                  </Button>
                  <Typography.Text strong style={{ color: Math.abs(total - 100) < 1e-6 ? '#389e0d' : '#cf1322' }} data-testid={testIds.indicatorsWeightTotal}>
                    {t('bases.assessment.weightTotal', { total })}
                  </Typography.Text>
                </Flex>
              </>
            )}
          </Form.List>
        </Form>
      </div>
    </Modal>
  );
}
