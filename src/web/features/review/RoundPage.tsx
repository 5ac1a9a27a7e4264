import { useEffect, useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert, App, Button, Card, Col, Descriptions, Drawer, Empty, Flex, Form, Input, InputNumber, List, Popconfirm, Radio, Row, Select, Slider, Space, Table, Tag, Tooltip, Typography,
} from 'antd';
import { CalculatorOutlined, CheckOutlined, EditOutlined, QuestionCircleOutlined, SaveOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { get, patch, post, type Page } from '../../app/api';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { PageSpinner } from '../../shared/PageSpinner';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { formatDateTime } from '../../shared/format';
import type { Lang } from '../../i18n';
import {
  applicationsOf, roundStatusColor, sourceColor, violationsOf, type Expert, type Explanation, type Round, type RoundParams, type Violation,
} from './http';

interface ParamValues { min: number; max: number; maxLoad: number; maxPerProvince: number; field: number; keyword: number; randomShare: number; seed?: string }

const toValues = (p: RoundParams): ParamValues => ({
  min: p.reviewers.min, max: p.reviewers.max, maxLoad: p.maxLoad, maxPerProvince: p.maxPerProvince,
  field: p.weights.field, keyword: p.weights.keyword, randomShare: Math.round(p.randomShare * 100), seed: p.seed,
});
const toParams = (v: ParamValues): RoundParams => ({
  reviewers: { min: v.min, max: v.max }, maxLoad: v.maxLoad, maxPerProvince: v.maxPerProvince,
  weights: { field: v.field, keyword: v.keyword }, randomShare: (v.randomShare ?? 0) / 100, seed: v.seed?.trim() || undefined,
});

/** The ministry's assignment screen of one round: parameters, feasibility, proposal, explanations, adjustments, apply. */
export default function RoundPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ParamValues>();
  const [explainFor, setExplainFor] = useState<string | null>(null);
  const [adjustFor, setAdjustFor] = useState<string | null>(null);

  const key = ['review', 'round', id];
  const round = useQuery({ queryKey: key, queryFn: () => get<Round>(`/api/review/rounds/${id}`) });
  const r = round.data;
  const apps = useQuery({ queryKey: ['review', 'apps', r?.callId, r?.typeId], queryFn: () => applicationsOf(r!.callId!, r!.typeId), enabled: !!r?.callId });
  const setRound = (next: Round) => qc.setQueryData(key, next);

  useEffect(() => {
    if (r) form.setFieldsValue(toValues(r.params));
  }, [r?.id, r?.version]); // eslint-disable-line react-hooks/exhaustive-deps

  const saveParams = useMutation({
    mutationFn: (v: ParamValues) => patch<Round>(`/api/review/rounds/${id}`, { params: toParams(v), version: r!.version }),
    onSuccess: (next) => { setRound(next); void message.success(t('review.params.saved')); },
  });
  const propose = useMutation({
    mutationFn: async (v: ParamValues) => {
      const saved = await patch<Round>(`/api/review/rounds/${id}`, { params: toParams(v), version: r!.version });
      return post<Round>(`/api/review/rounds/${id}/proposal`, v.seed?.trim() ? { seed: v.seed.trim() } : {}).catch((e) => { setRound(saved); throw e; });
    },
    onSuccess: (next) => { setRound(next); void message.success(t('review.params.proposed')); },
  });
  const apply = useMutation({
    mutationFn: () => post<Round>(`/api/review/rounds/${id}/apply`, { version: r!.version }),
    onSuccess: (next) => { setRound(next); void message.success(t('review.proposal.applied')); },
  });
  const replacements = useMutation({
    mutationFn: () => post<Round>(`/api/review/rounds/${id}/replacements/apply`, { version: r!.version }),
    onSuccess: setRound,
  });
  const openPanel = useMutation({
    mutationFn: () => post<Round>(`/api/review/rounds/${id}/panel-stage`, { version: r!.version }),
    onSuccess: setRound,
  });

  if (round.isPending) return <PageSpinner />;
  if (!r) return <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />;

  const editable = r.status === 'draft' || r.status === 'proposed';
  const p = r.proposal;
  const appName = (appId: string) => {
    const a = apps.data?.get(appId);
    return a ? (lang === 'en' ? a.titleEn || a.title : a.title) : appId.slice(0, 8);
  };
  const rows = (p?.applicationIds ?? []).map((appId) => ({
    appId,
    app: apps.data?.get(appId),
    pairs: p!.pairs.filter((x) => x.applicationId === appId),
    unfilled: p!.unfilled.find((u) => u.applicationId === appId),
  }));
  const applyViolations = violationsOf(apply.error);

  return (
    <>
      <PageHeader
        title={<>{r.title} <Tag color={roundStatusColor[r.status]} style={{ verticalAlign: 'middle' }}>{t(`review.status.${r.status}`)}</Tag></>}
        clause={<ClauseTag clause="a5.p2" />}
        description={`${t(`bases.type.${r.typeId}`, { defaultValue: r.typeId })} · ${r.year}`}
        extra={
          <>
            {(r.status === 'applied' || r.status === 'panel') && (
              <Link to={`/review/rounds/${id}/panel`}><Button icon={<TeamOutlined />}>{t('review.proposal.toPanel')}</Button></Link>
            )}
            {r.status === 'applied' && (
              <Popconfirm title={t('review.proposal.openPanelConfirm')} onConfirm={() => openPanel.mutate()}>
                <Button loading={openPanel.isPending} data-testid={testIds.reviewOpenPanel}>{t('review.proposal.openPanel')}</Button>
              </Popconfirm>
            )}
          </>
        }
      />
      <ErrorAlert error={saveParams.error ?? propose.error ?? openPanel.error ?? replacements.error} />
      <Row gutter={16}>
        <Col xs={24} xl={9}>
          <Card title={t('review.params.title')} size="small" style={{ marginBottom: 16 }}>
            <Form<ParamValues> form={form} layout="vertical" disabled={!editable} data-testid={testIds.reviewParams} onFinish={(v) => propose.mutate(v)}>
              <Row gutter={12}>
                <Col span={12}><Form.Item name="min" label={t('review.params.reviewersMin')} rules={[{ required: true }]}><InputNumber min={1} max={15} style={{ width: '100%' }} data-testid={testIds.reviewParam('min')} /></Form.Item></Col>
                <Col span={12}><Form.Item name="max" label={t('review.params.reviewersMax')} rules={[{ required: true }]}><InputNumber min={1} max={15} style={{ width: '100%' }} data-testid={testIds.reviewParam('max')} /></Form.Item></Col>
                <Col span={12}><Form.Item name="maxLoad" label={t('review.params.maxLoad')} rules={[{ required: true }]}><InputNumber min={1} max={200} style={{ width: '100%' }} data-testid={testIds.reviewParam('maxLoad')} /></Form.Item></Col>
                <Col span={12}><Form.Item name="maxPerProvince" label={t('review.params.maxPerProvince')} rules={[{ required: true }]}><InputNumber min={1} max={15} style={{ width: '100%' }} data-testid={testIds.reviewParam('maxPerProvince')} /></Form.Item></Col>
                <Col span={12}><Form.Item name="field" label={t('review.params.fieldWeight')}><InputNumber min={0} max={100} style={{ width: '100%' }} data-testid={testIds.reviewParam('field')} /></Form.Item></Col>
                <Col span={12}><Form.Item name="keyword" label={t('review.params.keywordWeight')}><InputNumber min={0} max={100} style={{ width: '100%' }} data-testid={testIds.reviewParam('keyword')} /></Form.Item></Col>
                <Col span={24}>
                  <Form.Item name="randomShare" label={<Space size={4}>{t('review.params.randomShare')}<Tooltip title={t('review.params.help')}><QuestionCircleOutlined /></Tooltip></Space>}>
                    <Slider min={0} max={100} step={5} marks={{ 0: '0%', 50: '50%', 100: '100%' }} tooltip={{ formatter: (v) => `${v}%` }} data-testid={testIds.reviewParam('randomShare')} />
                  </Form.Item>
                </Col>
                <Col span={24}><Form.Item name="seed" label={t('review.params.seed')}><Input maxLength={64} data-testid={testIds.reviewParam('seed')} /></Form.Item></Col>
              </Row>
              {editable && (
                <Space>
                  <Button icon={<SaveOutlined />} loading={saveParams.isPending} onClick={() => void form.validateFields().then((v) => saveParams.mutate(v))} data-testid={testIds.reviewParamsSave}>
                    {t('review.params.save')}
                  </Button>
                  <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={propose.isPending} data-testid={testIds.reviewPropose}>
                    {t('review.params.propose')}
                  </Button>
                </Space>
              )}
            </Form>
          </Card>
          {p && <Feasibility p={p} lang={lang} appName={appName} />}
        </Col>
        <Col xs={24} xl={15}>
          <Card
            size="small"
            title={t('review.proposal.title')}
            extra={p && (
              <Space size={12} wrap>
                <Typography.Text type="secondary">{t('review.proposal.objective', { score: p.objective.score.toFixed(1) })}</Typography.Text>
                <Typography.Text type="secondary">{t('review.proposal.seed', { seed: p.seed })}</Typography.Text>
                <Typography.Text type="secondary">{t('review.proposal.computedAt', { at: formatDateTime(p.computedAt, lang) })}</Typography.Text>
              </Space>
            )}
          >
            {!p ? <Empty description={t('review.proposal.none')} /> : (
              <Table
                data-testid={testIds.reviewProposalTable}
                rowKey="appId"
                size="small"
                loading={apps.isFetching}
                dataSource={rows}
                pagination={rows.length > 20 ? { pageSize: 20 } : false}
                onRow={(row) => ({ 'data-testid': testIds.reviewProposalRow(row.appId), 'data-count': row.pairs.length }) as HTMLAttributes<HTMLElement>}
                columns={[
                  {
                    title: t('review.proposal.application'), key: 'app', width: 240,
                    render: (_, row) => (
                      <div>
                        <Link to={`/recognition/applications/${row.appId}`}>{appName(row.appId)}</Link>
                        {row.app && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{lang === 'en' ? row.app.applicant.nameEn || row.app.applicant.nameZh : row.app.applicant.nameZh}</Typography.Text></div>}
                        {row.app && <div>{row.app.fields.map((f) => <Tag key={f} style={{ fontSize: 11 }}>{t(`review.field.${f}`, { defaultValue: f })}</Tag>)}</div>}
                      </div>
                    ),
                  },
                  {
                    title: t('review.proposal.experts'), key: 'experts',
                    render: (_, row) => (
                      <Flex wrap gap={4}>
                        {row.pairs.map((x) => (
                          <Tooltip key={x.expertId} title={`${t(`review.source.${x.source}`, { defaultValue: x.source })} · ${t('review.proposal.score', { score: x.score.toFixed(1) })}`}>
                            <Tag color={sourceColor[x.source]} data-testid={testIds.reviewPair(row.appId, x.expertId)} data-source={x.source}>{x.expertName}</Tag>
                          </Tooltip>
                        ))}
                        {row.unfilled && row.unfilled.mandatory > 0 && <Tag color="red">{t('review.proposal.unfilled', { n: row.unfilled.mandatory })}</Tag>}
                      </Flex>
                    ),
                  },
                  {
                    title: t('common.actions'), key: 'actions', width: 150,
                    render: (_, row) => (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setExplainFor(row.appId)} data-testid={testIds.reviewExplain(row.appId)}>{t('review.proposal.explain')}</Button>
                        {r.status === 'proposed' && (
                          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setAdjustFor(row.appId)} data-testid={testIds.reviewAdjust(row.appId)}>{t('review.proposal.adjust')}</Button>
                        )}
                      </Space>
                    ),
                  },
                ]}
              />
            )}
            {applyViolations.length > 0 && <Violations items={applyViolations} lang={lang} appName={appName} />}
            <ErrorAlert error={applyViolations.length ? null : apply.error} />
            {r.status === 'proposed' && p && (
              <Flex justify="end" style={{ marginTop: 12 }}>
                <Popconfirm title={t('review.proposal.applyConfirm')} onConfirm={() => apply.mutate()}>
                  <Button type="primary" icon={<CheckOutlined />} loading={apply.isPending} data-testid={testIds.reviewApply}>{t('review.proposal.apply')}</Button>
                </Popconfirm>
              </Flex>
            )}
          </Card>
          {r.pendingReplacements.length > 0 && (
            <Card size="small" title={t('review.proposal.replacements')} style={{ marginTop: 16 }} data-testid={testIds.reviewReplacements}
              extra={<Button size="small" type="primary" loading={replacements.isPending} onClick={() => replacements.mutate()} data-testid={testIds.reviewReplacementsApply}>{t('review.proposal.replacementsApply')}</Button>}>
              <List size="small" dataSource={r.pendingReplacements} renderItem={(x) => (
                <List.Item>{appName(x.applicationId)}: {x.replacementExpertId ? t('review.proposal.score', { score: x.score?.toFixed(1) }) : <Typography.Text type="danger">{t('review.proposal.replacementNone')}</Typography.Text>}</List.Item>
              )} />
            </Card>
          )}
        </Col>
      </Row>
      <ExplainDrawer roundId={id} appId={explainFor} title={explainFor ? appName(explainFor) : ''} onClose={() => setExplainFor(null)} lang={lang} version={r.version} />
      <AdjustDrawer round={r} appId={adjustFor} title={adjustFor ? appName(adjustFor) : ''} onClose={() => setAdjustFor(null)} onSaved={setRound} lang={lang} appName={appName} />
    </>
  );
}

function Feasibility({ p, lang, appName }: { p: NonNullable<Round['proposal']>; lang: Lang; appName: (id: string) => string }) {
  const { t } = useTranslation();
  const f = p.feasibility;
  const conflictPairs = Object.values(p.conflicts).reduce((s, n) => s + n, 0);
  return (
    <Card size="small" title={t('review.feasibility.title')} data-testid={testIds.reviewFeasibility} data-ok={f.ok ? 'yes' : 'no'}>
      <Alert type={f.ok ? 'success' : 'warning'} showIcon
        title={t(f.ok ? 'review.feasibility.ok' : 'review.feasibility.notOk', { needed: f.slotsNeeded, offered: f.slotsOffered })} />
      {f.issues.length > 0 && (
        <List size="small" style={{ marginTop: 8 }} dataSource={f.issues} renderItem={(i) => (
          <List.Item data-code={i.code}>
            {i.applicationId && <Typography.Text strong>{appName(i.applicationId)}：</Typography.Text>}
            {t('review.feasibility.issue', { text: lang === 'en' ? i.en : i.zh, needed: i.needed, available: i.available })}
          </List.Item>
        )} />
      )}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('review.feasibility.conflicts', { n: conflictPairs })}</Typography.Paragraph>
    </Card>
  );
}

function Violations({ items, lang, appName }: { items: Violation[]; lang: Lang; appName: (id: string) => string }) {
  const { t } = useTranslation();
  const errors = items.filter((v) => v.severity === 'error');
  const warnings = items.filter((v) => v.severity !== 'error');
  return (
    <div data-testid={testIds.reviewViolations} style={{ marginTop: 12 }}>
      {[[errors, 'error', 'review.adjust.violations'], [warnings, 'warning', 'review.adjust.warnings']].map(([list, type, title]) =>
        (list as Violation[]).length > 0 && (
          <Alert key={type as string} type={type as 'error' | 'warning'} showIcon style={{ marginBottom: 8 }} title={t(title as string)}
            description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{(list as Violation[]).map((v, i) => (
              <li key={i} data-code={v.code}>{v.applicationId && <b>{appName(v.applicationId)}：</b>}{lang === 'en' ? v.en : v.zh}</li>
            ))}</ul>} />
        ))}
    </div>
  );
}

function ExplainDrawer({ roundId, appId, title, onClose, lang, version }: { roundId: string; appId: string | null; title: string; onClose: () => void; lang: Lang; version: number }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['review', 'explain', roundId, appId, version],
    queryFn: () => get<Explanation>(`/api/review/rounds/${roundId}/applications/${appId}/explanation`, { limit: 30 }),
    enabled: !!appId,
  });
  const rules = useQuery({
    queryKey: ['review', 'conflict-rules'],
    queryFn: () => get<{ rules: Array<{ id: string; zh: string; en: string }> }>('/api/review/conflict-rules'),
    enabled: !!appId,
    staleTime: 600_000,
  });
  const ruleName = (id?: string) => {
    const rule = rules.data?.rules.find((x) => x.id === id);
    return rule ? (lang === 'en' ? rule.en : rule.zh) : id;
  };
  const e = q.data;
  const fields = (fs: string[]) => (fs.length ? fs.map((f) => <Tag key={f} color="green">{t(`review.field.${f}`, { defaultValue: f })}</Tag>) : <Typography.Text type="secondary">{t('review.explain.none')}</Typography.Text>);
  return (
    <Drawer open={!!appId} onClose={onClose} size={720} title={`${t('review.explain.title')} · ${title}`}>
      <div data-testid={testIds.reviewExplainDrawer}>
        <ErrorAlert error={q.error} />
        {q.isPending && appId ? <PageSpinner /> : e && (
          <>
            <Typography.Title level={5}>{t('review.explain.panel')}</Typography.Title>
            <List
              dataSource={e.panel}
              renderItem={(m) => (
                <List.Item data-testid={testIds.reviewExplainPanel(m.expertId)}>
                  <List.Item.Meta
                    title={<Space>{m.name}<Tag color={sourceColor[m.source]}>{t(`review.source.${m.source}`, { defaultValue: m.source })}</Tag><Typography.Text type="secondary">{t('review.proposal.score', { score: m.score.toFixed(1) })}</Typography.Text></Space>}
                    description={
                      <Descriptions size="small" column={1} items={[
                        { key: 'f', label: t('review.explain.matchedFields'), children: fields(m.matchedFields) },
                        { key: 'k', label: t('review.explain.matchedKeywords'), children: m.matchedKeywords.length ? m.matchedKeywords.join('、') : t('review.explain.none') },
                        { key: 'b', label: t('review.explain.reason'), children: lang === 'en' ? m.because.en : m.because.zh },
                      ]} />
                    }
                  />
                </List.Item>
              )}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>{t('review.explain.excluded')}</Typography.Title>
            <Table
              size="small"
              rowKey="expertId"
              dataSource={e.excluded}
              pagination={false}
              onRow={(x) => ({ 'data-testid': testIds.reviewExplainExcluded(x.expertId), 'data-code': x.code }) as HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('review.explain.expert'), dataIndex: 'name', width: 120 },
                { title: t('review.explain.score'), dataIndex: 'score', width: 80, render: (v: number) => v.toFixed(1) },
                {
                  title: t('review.explain.reason'), key: 'reason',
                  render: (_, x) => (
                    <div>
                      <Tag color={x.code === 'conflict' ? 'red' : 'default'}>{t(`review.exclusion.${x.code.replace(/-/g, '_')}`, { defaultValue: x.code })}</Tag>
                      {x.rule && <Tag color="volcano">{ruleName(x.rule)}</Tag>}
                      <div><Typography.Text type="secondary">{lang === 'en' ? x.because.en : x.because.zh}</Typography.Text></div>
                    </div>
                  ),
                },
              ]}
            />
          </>
        )}
      </div>
    </Drawer>
  );
}

type Op = 'add' | 'remove' | 'swap';
function AdjustDrawer({ round, appId, title, onClose, onSaved, lang, appName }: {
  round: Round; appId: string | null; title: string; onClose: () => void; onSaved: (r: Round) => void; lang: Lang; appName: (id: string) => string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [op, setOp] = useState<Op>('add');
  const [expertId, setExpertId] = useState<string>();
  const [withId, setWithId] = useState<string>();
  const [q, setQ] = useState('');
  const [warnings, setWarnings] = useState<Violation[]>([]);
  useEffect(() => { setOp('add'); setExpertId(undefined); setWithId(undefined); setWarnings([]); }, [appId]);

  const panel = useMemo(() => (round.proposal?.pairs ?? []).filter((x) => x.applicationId === appId), [round, appId]);
  const pool = useQuery({
    queryKey: ['review', 'pool', q],
    queryFn: () => get<Page<Expert>>('/api/experts', { q: q || undefined, status: 'active', pageSize: 50 }),
    enabled: !!appId && op !== 'remove',
  });
  const save = useMutation({
    mutationFn: () => {
      const body = op === 'swap' ? { op, applicationId: appId!, expertId: expertId!, withExpertId: withId! } : { op, applicationId: appId!, expertId: expertId! };
      return post<{ round: Round; warnings: Violation[] }>(`/api/review/rounds/${round.id}/adjustments`, { ops: [body], version: round.version });
    },
    onSuccess: (res) => {
      onSaved(res.round);
      setWarnings(res.warnings);
      setExpertId(undefined);
      setWithId(undefined);
      void message.success(t('review.adjust.saved'));
    },
  });
  const violations = violationsOf(save.error);
  const inPanel = new Set(panel.map((x) => x.expertId));
  const poolOptions = (pool.data?.items ?? []).filter((x) => !inPanel.has(x.id)).map((x) => ({
    value: x.id, label: `${x.name} · ${lang === 'en' ? x.org.nameEn || x.org.nameZh : x.org.nameZh}${x.provinceCode ? ` · ${x.provinceCode}` : ''}`,
  }));
  const panelOptions = panel.map((x) => ({ value: x.expertId, label: x.expertName }));
  const ready = !!expertId && (op !== 'swap' || !!withId);

  return (
    <Drawer open={!!appId} onClose={onClose} size={560} title={`${t('review.adjust.title')} · ${title}`}>
      <div data-testid={testIds.reviewAdjustForm}>
        <Flex wrap gap={4} style={{ marginBottom: 16 }}>
          {panel.map((x) => <Tag key={x.expertId} color={sourceColor[x.source]}>{x.expertName}</Tag>)}
        </Flex>
        <Form layout="vertical">
          <Form.Item label={t('review.adjust.op')}>
            <Radio.Group value={op} onChange={(e) => { setOp(e.target.value as Op); setExpertId(undefined); setWithId(undefined); }} data-testid={testIds.reviewAdjustOp}
              options={(['add', 'remove', 'swap'] as const).map((o) => ({ value: o, label: t(`review.adjust.${o}`) }))} optionType="button" />
          </Form.Item>
          <Form.Item label={t('review.adjust.expert')}>
            {op === 'add' ? (
              <Select showSearch={{ filterOption: false, onSearch: setQ }} value={expertId} onChange={setExpertId} options={poolOptions} loading={pool.isFetching}
                placeholder={t('review.adjust.searchExpert')} data-testid={testIds.reviewAdjustExpert} />
            ) : (
              <Select value={expertId} onChange={setExpertId} options={panelOptions} data-testid={testIds.reviewAdjustExpert} />
            )}
          </Form.Item>
          {op === 'swap' && (
            <Form.Item label={t('review.adjust.withExpert')}>
              <Select showSearch={{ filterOption: false, onSearch: setQ }} value={withId} onChange={setWithId} options={poolOptions} loading={pool.isFetching}
                placeholder={t('review.adjust.searchExpert')} data-testid={testIds.reviewAdjustWith} />
            </Form.Item>
          )}
          <Button type="primary" disabled={!ready} loading={save.isPending} onClick={() => save.mutate()} data-testid={testIds.reviewAdjustSubmit}>{t('review.adjust.submit')}</Button>
        </Form>
        {violations.length > 0 ? <Violations items={violations} lang={lang} appName={appName} /> : <div style={{ marginTop: 12 }}><ErrorAlert error={save.error} /></div>}
        {warnings.length > 0 && <Violations items={warnings} lang={lang} appName={appName} />}
      </div>
    </Drawer>
  );
}

