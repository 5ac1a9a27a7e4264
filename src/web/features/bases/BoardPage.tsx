import { lazy, Suspense, type HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Row, Select, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { get } from '../../app/api';
import { useMe } from '../../app/session';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { regionLabel } from '../../shared/regions';
import { StatusTag, useLang } from './common';
import { baseStatuses, baseTypeIds, gradeHex, gradeIds, thisYear, type BoardData } from './model';

const Charts = {
  Donut: lazy(() => import('./BoardCharts').then((m) => ({ default: m.Donut }))),
  Bars: lazy(() => import('./BoardCharts').then((m) => ({ default: m.Bars }))),
  Stacked: lazy(() => import('./BoardCharts').then((m) => ({ default: m.Stacked }))),
};
const statusHex: Record<string, string> = { active: '#389e0d', notified: '#fa8c16', revoked: '#cf1322' };
const typeHex = ['#13488f', '#2f7ed8', '#58a6c9', '#8c6bb1'];
const progressParts = [
  { key: 'draft', color: '#bfbfbf' },
  { key: 'returned', color: '#faad14' },
  { key: 'submitted', color: '#1677ff' },
  { key: 'signed', color: '#13c2c2' },
  { key: 'received', color: '#389e0d' },
] as const;

/** The dynamic management board (a10.i4) of my scope: the ministry's whole country, a department's own bases. */
export default function BoardPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear();
  const { data, error, isPending } = useQuery({ queryKey: ['bases', 'board', year], queryFn: () => get<BoardData>('/api/bases/board', { year }) });
  const years = Array.from({ length: 10 }, (_, i) => thisYear() - i);
  const scopeText = data
    ? data.scope === 'all'
      ? t('bases.board.scopeAll')
      : t('bases.board.scopeOwn', { org: lang === 'en' ? me.org.nameEn || me.org.nameZh : me.org.nameZh, region: regionLabel(me.org.regionCode, lang) })
    : '';

  return (
    <div data-testid={testIds.boardPage}>
      <PageHeader
        title={t('bases.board.title')}
        clause={<ClauseTag clause="a10.i4" />}
        description={
          <span data-testid={testIds.boardScope}>
            {t('bases.board.description')} {scopeText && <Tag color="blue">{scopeText}</Tag>}
          </span>
        }
        extra={
          <Space>
            {t('bases.reports.year')}
            <Select value={year} onChange={(v) => setParams({ year: String(v) })} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 100 }} data-testid={testIds.boardYear} />
          </Space>
        }
      />
      {error && <ErrorAlert error={error} />}
      {isPending ? <Skeleton active /> : data ? <Board data={data} /> : null}
    </div>
  );
}

function Board({ data }: { data: BoardData }) {
  const { t } = useTranslation();
  const lang = useLang();
  const n = (s: string) => data.byStatus.find((x) => x.status === s)?.n ?? 0;
  const total = data.byStatus.reduce((s, x) => s + x.n, 0);
  const pct = (a: number, b: number) => (b ? Math.round((a / b) * 100) : 0);
  const sum = data.reporting.summary;
  const plan = data.reporting.plan;
  const fallback = <Skeleton active />;
  // The year's grades; before its round is run, the latest year assessed (said so on the card).
  const ownYear = data.distribution.some((d) => d.n > 0);
  const latest = [...data.trends].filter((y) => y.year <= data.year).at(-1);
  const distYear = ownYear ? data.year : latest?.year ?? null;
  const distribution = ownYear || !latest ? data.distribution : gradeIds.map((grade) => ({ grade, n: latest[grade] }));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]} data-testid={testIds.boardKpis}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('bases.board.kpiBases')} value={total} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('bases.board.kpiActive')} value={n('active')} styles={{ content: { color: statusHex.active } }} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('bases.board.kpiNotified')} value={n('notified')} styles={{ content: { color: statusHex.notified } }} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('bases.board.kpiAtRisk')} value={data.atRisk.filter((r) => r.status === 'active').length} styles={{ content: { color: '#cf1322' } }} />
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('bases.board.byStatus')} data-testid={testIds.boardByStatus}>
            <Suspense fallback={fallback}>
              <Charts.Donut data={baseStatuses.map((s) => ({ name: t(`bases.status.${s}`), value: n(s), color: statusHex[s]! }))} />
            </Suspense>
          </Card>
        </Col>
        <Col xs={24} lg={16}>
          <Card size="small" title={t('bases.board.byType')}>
            <Suspense fallback={fallback}>
              <Charts.Bars
                horizontal
                data={baseTypeIds.map((id, i) => ({ name: t(`bases.type.${id}`), value: data.byType.find((x) => x.typeId === id)?.n ?? 0, color: typeHex[i]! }))}
              />
            </Suspense>
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        data-testid={testIds.boardReporting}
        title={
          <Space>
            {t('bases.board.reporting', { year: data.year })}
            <ClauseTag clause="a14.s1" />
          </Space>
        }
        extra={<Link to={`/reports?year=${data.year}`}>{t('bases.board.toReports')}</Link>}
      >
        {!data.reporting.open ? (
          <Alert type="info" showIcon title={t('bases.board.yearNotOpen', { year: data.year })} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={16}>
              <Suspense fallback={fallback}>
                <Charts.Stacked
                  horizontal
                  height={200}
                  categories={[t('bases.reportKind.plan'), t('bases.reportKind.summary')]}
                  series={progressParts.map((p) => ({ name: t(`bases.board.progress.${p.key}`), color: p.color, data: [plan[p.key], sum[p.key]] }))}
                />
              </Suspense>
            </Col>
            <Col xs={24} lg={8}>
              <Table
                size="small"
                pagination={false}
                rowKey="kind"
                dataSource={[
                  { kind: 'plan', p: plan },
                  { kind: 'summary', p: sum },
                ]}
                columns={[
                  { title: '', dataIndex: 'kind', render: (k: string) => t(`bases.reportKind.${k}`) },
                  { title: t('bases.board.expected'), key: 'e', align: 'right', render: (_, r) => r.p.expected },
                  { title: t('bases.board.receivedPct'), key: 'r', align: 'right', render: (_, r) => `${pct(r.p.received, r.p.expected)}%` },
                  {
                    title: t('bases.reports.late'),
                    key: 'l',
                    align: 'right',
                    render: (_, r) => (r.p.late ? <Link to={`/reports?year=${data.year}&flag=late`}><Tag color="red">{r.p.late}</Tag></Link> : 0),
                  },
                  {
                    title: t('bases.reports.missing'),
                    key: 'm',
                    align: 'right',
                    render: (_, r) => (r.p.missing ? <Link to={`/reports?year=${data.year}&flag=missing`}><Tag color="magenta">{r.p.missing}</Tag></Link> : 0),
                  },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
                {t('bases.board.lateHint')}
              </Typography.Paragraph>
            </Col>
          </Row>
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card
            size="small"
            title={distYear === null ? t('bases.board.distribution', { year: data.year }) : t('bases.board.distribution', { year: distYear })}
            extra={distYear !== null && distYear !== data.year ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('bases.board.latestAssessed', { year: data.year })}</Typography.Text> : null}
            data-testid={testIds.boardDistribution}
            data-year={distYear ?? ''}
          >
            {distribution.every((d) => d.n === 0) ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bases.board.noResults', { year: data.year })} />
            ) : (
              <Suspense fallback={fallback}>
                <Charts.Bars data={distribution.map((d) => ({ name: t(`bases.grade.${d.grade}`), value: d.n, color: gradeHex[d.grade]! }))} />
              </Suspense>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('bases.board.trends')} data-testid={testIds.boardTrends}>
            {data.trends.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            ) : (
              <Suspense fallback={fallback}>
                <Charts.Stacked
                  categories={data.trends.map((y) => String(y.year))}
                  series={gradeIds.map((g) => ({ name: t(`bases.grade.${g}`), color: gradeHex[g]!, data: data.trends.map((y) => y[g]) }))}
                />
              </Suspense>
            )}
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
              {t('bases.board.trendsHint')}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>

      <Card
        size="small"
        data-testid={testIds.boardAtRisk}
        title={
          <Space>
            {t('bases.board.atRisk')}
            <ClauseTag clause="a13.s3" />
          </Space>
        }
        extra={<Link to="/notice-proposals">{t('bases.board.toNotices')}</Link>}
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('bases.board.atRiskHint')}
        </Typography.Paragraph>
        <Table
          size="small"
          rowKey="baseId"
          pagination={false}
          dataSource={data.atRisk}
          locale={{ emptyText: t('bases.board.noneAtRisk') }}
          onRow={(r) => ({ 'data-base-id': r.baseId, 'data-failed-run': r.failedRun }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('bases.list.code'), dataIndex: 'code', width: 160, render: (v: string) => <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{v}</span> },
            { title: t('bases.list.name'), dataIndex: 'nameZh', render: (v: string, r) => <Link to={`/bases/${r.baseId}`}>{lang === 'en' ? r.nameEn || v : v}</Link> },
            { title: t('bases.list.status'), dataIndex: 'status', width: 110, render: (s: string) => <StatusTag status={s} /> },
            {
              title: t('bases.board.failedRun'),
              key: 'run',
              width: 280,
              render: (_, r) => (
                <Space>
                  <Tag color={r.failedRun >= 3 ? 'red' : r.failedRun === 2 ? 'volcano' : 'orange'}>{t('bases.board.runOf', { n: r.failedRun })}</Tag>
                  <Typography.Text type="secondary">{r.run.join(lang === 'zh' ? '、' : ', ')}</Typography.Text>
                </Space>
              ),
            },
            {
              title: t('bases.board.nextStep'),
              key: 'next',
              width: 260,
              render: (_, r) => (r.status === 'notified' ? t('bases.board.nextNotified') : r.failedRun >= 3 ? t('bases.board.nextNotice') : t('bases.board.nextWatch', { left: 3 - r.failedRun })),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
