import { useNavigate } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../app/api';
import { useMe } from '../../app/session';
import { testIds } from '../../app/testids';
import { ClauseTag } from '../../shared/ClauseTag';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { ReportStatusTag } from './common';
import { cell, isPast, type BaseDetail, type BaseReportRef, type Report, type ReportingYear } from './model';

interface YearRow {
  year: ReportingYear;
  plan?: BaseReportRef;
  summary?: BaseReportRef;
}

/** A base's plans and summaries (a14.s1), one row per reporting year the ministry opened. */
export function BaseReportsSection({ base }: { base: BaseDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const canFile = cell(me, 'annual_report', 'create') !== null && base.status !== 'revoked';
  const years = useQuery({ queryKey: ['bases', 'reporting-years'], queryFn: () => get<ReportingYear[]>('/api/reporting-years') });
  const reports = useQuery({ queryKey: ['bases', 'reports-of', base.id], queryFn: () => get<BaseReportRef[]>(`/api/bases/${base.id}/reports`) });
  const start = useMutation({
    mutationFn: (v: { year: number; kind: 'plan' | 'summary' }) => post<Report>(`/api/bases/${base.id}/reports`, v),
    onSuccess: (r) => navigate(`/bases/${base.id}/reports/${r.id}`),
    onError: (e) => void message.error(errorText(e, t)),
  });
  const rows: YearRow[] = (years.data ?? []).map((y) => ({
    year: y,
    plan: reports.data?.find((r) => r.year === y.year && r.kind === 'plan'),
    summary: reports.data?.find((r) => r.year === y.year && r.kind === 'summary'),
  }));

  const cellFor = (row: YearRow, kind: 'plan' | 'summary') => {
    const r = row[kind];
    const due = kind === 'plan' ? row.year.planDue : row.year.summaryDue;
    const overdue = !r || r.status === 'draft' ? isPast(due) : false;
    return (
      <Space orientation="vertical" size={2}>
        <Space size={4} wrap>
          <ReportStatusTag status={r?.status ?? null} />
          {r?.late && <Tag color="red">{t('bases.reports.late')}</Tag>}
          {!r?.late && overdue && <Tag color="red">{t('bases.reports.overdue')}</Tag>}
        </Space>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('bases.reports.dueOn', { date: formatDate(due) })}
        </Typography.Text>
        {r ? (
          <Button size="small" type="link" style={{ padding: 0 }} onClick={() => navigate(`/bases/${base.id}/reports/${r.id}`)} data-testid={testIds.baseReportOpen(row.year.year, kind)}>
            {canFile && (r.status === 'draft' || r.status === 'returned') ? t('bases.reports.continue') : t('common.view')}
          </Button>
        ) : (
          canFile && (
            <Button
              size="small"
              type="primary"
              ghost
              icon={<FormOutlined />}
              loading={start.isPending && start.variables?.year === row.year.year && start.variables.kind === kind}
              onClick={() => start.mutate({ year: row.year.year, kind })}
              data-testid={testIds.baseReportStart(row.year.year, kind)}
            >
              {t(kind === 'plan' ? 'bases.reports.startPlan' : 'bases.reports.startSummary')}
            </Button>
          )
        )}
      </Space>
    );
  };

  return (
    <Card
      size="small"
      data-testid={testIds.baseReports}
      title={
        <Space>
          {t('bases.reports.baseTitle')}
          <ClauseTag clause="a14.s1" />
        </Space>
      }
    >
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('bases.reports.flowHint')} />
      {(years.error || reports.error) && <ErrorAlert error={years.error ?? reports.error} />}
      <Table<YearRow>
        size="small"
        rowKey={(r) => r.year.year}
        loading={years.isPending || reports.isPending}
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('bases.reports.noYears') }}
        columns={[
          { title: t('bases.reports.year'), key: 'y', width: 90, render: (_, r) => <b>{r.year.year}</b> },
          { title: t('bases.reportKind.plan'), key: 'plan', render: (_, r) => cellFor(r, 'plan') },
          { title: t('bases.reportKind.summary'), key: 'summary', render: (_, r) => cellFor(r, 'summary') },
        ]}
      />
    </Card>
  );
}
