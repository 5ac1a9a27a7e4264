import { useState, type HTMLAttributes } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Form, Input, InputNumber, Radio, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../app/api';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { PageSpinner } from '../../shared/PageSpinner';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { applyFieldErrors } from '../../shared/errors';
import type { Lang } from '../../i18n';
import { applicationsOf, roundStatusColor, type Aggregate, type Panel, type Round } from './http';

interface PanelValues { opinion: string; recommendation: 'recommend' | 'not_recommend'; for: number; against: number; abstain: number }
// Undefined while a row's scores are still loading (the row is a placeholder then).
const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(1));

/** Scores per application (mean, trimmed mean, spread, outliers) and the panel's (会评) conclusion. */
export default function PanelPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const [open, setOpen] = useState<string | null>(null);
  const [concluded, setConcluded] = useState<Record<string, Panel>>({});

  const round = useQuery({ queryKey: ['review', 'round', id], queryFn: () => get<Round>(`/api/review/rounds/${id}`) });
  const r = round.data;
  const apps = useQuery({ queryKey: ['review', 'apps', r?.callId, r?.typeId], queryFn: () => applicationsOf(r!.callId!, r!.typeId), enabled: !!r?.callId });
  const appIds = r?.proposal?.applicationIds ?? [];
  const aggs = useQueries({
    queries: appIds.map((appId) => ({
      queryKey: ['review', 'scores', id, appId],
      queryFn: () => get<Aggregate>(`/api/review/rounds/${id}/applications/${appId}/scores`),
      enabled: !!r && (r.status === 'applied' || r.status === 'panel'),
    })),
  });

  if (round.isPending) return <PageSpinner />;
  if (!r) return <ErrorAlert error={round.error} onRetry={() => void round.refetch()} />;
  const appName = (appId: string) => {
    const a = apps.data?.get(appId);
    return a ? (lang === 'en' ? a.titleEn || a.title : a.title) : appId.slice(0, 8);
  };
  const rows = aggs.map((q, i) => q.data ?? ({ applicationId: appIds[i]!, loading: true } as unknown as Aggregate));
  const current = rows.find((g) => g.applicationId === open);

  return (
    <>
      <PageHeader
        title={<>{t('review.panel.title')} · {r.title} <Tag color={roundStatusColor[r.status]} style={{ verticalAlign: 'middle' }}>{t(`review.status.${r.status}`)}</Tag></>}
        clause={<ClauseTag clause="a5.p2" />}
        extra={<Link to={`/review/rounds/${id}`}><Button>{t('review.menu.round')}</Button></Link>}
      />
      {r.status !== 'panel' && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('review.panel.notPanel')} />}
      <ErrorAlert error={aggs.find((q) => q.error)?.error} />
      <Table<Aggregate>
        data-testid={testIds.reviewPanelTable}
        rowKey="applicationId"
        loading={aggs.some((q) => q.isFetching)}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        onRow={(g) => ({ 'data-testid': testIds.reviewPanelRow(g.applicationId), 'data-n': g.n, 'data-trimmed-mean': g.trimmedMean ?? '' }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('review.panel.application'), key: 'app', render: (_, g) => <Link to={`/recognition/applications/${g.applicationId}`}>{appName(g.applicationId)}</Link> },
          { title: t('review.panel.n'), dataIndex: 'n', width: 70 },
          { title: t('review.panel.pending'), dataIndex: 'pending', width: 70 },
          { title: t('review.panel.mean'), dataIndex: 'mean', width: 90, render: fmt },
          { title: t('review.panel.trimmedMean'), dataIndex: 'trimmedMean', width: 110, render: (v: number | null, g) => <Tooltip title={g.rule ? (lang === 'en' ? g.rule.en : g.rule.zh) : ''}><b>{fmt(v)}</b>{g.trimmed && <sup>*</sup>}</Tooltip> },
          { title: t('review.panel.spread'), dataIndex: 'spread', width: 90, render: fmt },
          { title: t('review.panel.votes'), key: 'votes', width: 120, render: (_, g) => g.recommendations ? `${g.recommendations.recommend} / ${g.recommendations.notRecommend}` : '' },
          {
            title: t('review.panel.outliers'), key: 'outliers', width: 160,
            render: (_, g) => (g.reviews ?? []).filter((x) => x.outlier).map((x) => (
              <Tag key={x.assignmentId} color="red" icon={<WarningOutlined />} data-testid={testIds.reviewPanelOutlier(x.assignmentId)}>{x.name}</Tag>
            )),
          },
          {
            title: t('common.actions'), key: 'actions', width: 130,
            render: (_, g) => concluded[g.applicationId]
              ? <Tag color="success">{t('review.panel.concluded')}</Tag>
              : <Button type="link" size="small" disabled={!g.reviews} onClick={() => setOpen(g.applicationId)} data-testid={testIds.reviewPanelOpen(g.applicationId)}>{t('review.panel.conclude')}</Button>,
          },
        ]}
      />
      <Drawer open={!!open} size={680} onClose={() => setOpen(null)} title={open ? `${t('review.panel.conclude')} · ${appName(open)}` : ''} destroyOnHidden>
        {current && current.reviews && (
          <ConcludeForm roundId={id} g={current} lang={lang} canConclude={r.status === 'panel'}
            onDone={(p) => { setConcluded((c) => ({ ...c, [p.applicationId]: p })); setOpen(null); }} />
        )}
      </Drawer>
    </>
  );
}

function ConcludeForm({ roundId, g, lang, canConclude, onDone }: { roundId: string; g: Aggregate; lang: Lang; canConclude: boolean; onDone: (p: Panel) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<PanelValues>();
  const save = useMutation({
    mutationFn: (v: PanelValues) => post<Panel>(`/api/review/rounds/${roundId}/applications/${g.applicationId}/panel`, {
      opinion: v.opinion, recommendation: v.recommendation, votes: { for: v.for, against: v.against, abstain: v.abstain },
    }),
    onSuccess: (p) => {
      void message.success(t('review.panel.saved'));
      void qc.invalidateQueries({ queryKey: ['review', 'scores', roundId, g.applicationId] });
      onDone(p);
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  return (
    <div data-testid={testIds.reviewPanelForm}>
      <Space size={32} style={{ marginBottom: 12 }}>
        <Statistic title={t('review.panel.mean')} value={fmt(g.mean)} />
        <Statistic title={t('review.panel.trimmedMean')} value={fmt(g.trimmedMean)} />
        <Statistic title={t('review.panel.spread')} value={fmt(g.spread)} />
      </Space>
      <Typography.Paragraph type="secondary">{lang === 'en' ? g.rule.en : g.rule.zh}</Typography.Paragraph>
      <Card size="small" title={t('review.panel.reviews')} style={{ marginBottom: 16 }}>
        <Table size="small" rowKey="assignmentId" pagination={false} dataSource={g.reviews}
          onRow={(x) => ({ 'data-outlier': x.outlier ? 'yes' : 'no' }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('review.panel.expert'), dataIndex: 'name' },
            { title: t('review.panel.total'), dataIndex: 'total', width: 80 },
            { title: t('review.panel.deviation'), dataIndex: 'deviation', width: 90, render: (v: number) => (v > 0 ? '+' : '') + v.toFixed(1) },
            { title: t('review.scoring.recommendation'), dataIndex: 'recommendation', width: 110, render: (v: string) => t(`review.recommendation.${v}`, { defaultValue: v }) },
            { title: '', dataIndex: 'outlier', width: 110, render: (o: boolean) => o && <Tag color="red" icon={<WarningOutlined />}>{t('review.panel.outlier')}</Tag> },
          ]} />
      </Card>
      <ErrorAlert error={save.error} />
      <Form<PanelValues> form={form} layout="vertical" disabled={!canConclude} onFinish={(v) => save.mutate(v)}
        initialValues={{ for: 0, against: 0, abstain: 0, recommendation: g.recommendations.recommend >= g.recommendations.notRecommend ? 'recommend' : 'not_recommend' }}>
        <Form.Item name="opinion" label={t('review.panel.opinion')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={4} maxLength={10_000} data-testid={testIds.reviewPanelOpinion} />
        </Form.Item>
        <Form.Item name="recommendation" label={t('review.panel.recommendation')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid={testIds.reviewPanelRecommendation}
            options={(['recommend', 'not_recommend'] as const).map((v) => ({ value: v, label: t(`review.recommendation.${v}`) }))} />
        </Form.Item>
        <Space>
          {(['for', 'against', 'abstain'] as const).map((k) => (
            <Form.Item key={k} name={k} label={t(`review.panel.votes${k === 'for' ? 'For' : k === 'against' ? 'Against' : 'Abstain'}`)} rules={[{ required: true }]}>
              <InputNumber min={0} max={99} data-testid={testIds.reviewPanelVote(k)} />
            </Form.Item>
          ))}
        </Space>
        <div><Button type="primary" htmlType="submit" loading={save.isPending} data-testid={testIds.reviewPanelSubmit}>{t('review.panel.submit')}</Button></div>
      </Form>
    </div>
  );
}
