import { useState, type HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Dropdown, Empty, Form, Input, InputNumber, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { BellOutlined, CalendarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { get, post, type Page } from '../../app/api';
import { useMe } from '../../app/session';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { ReportStatusTag, useLang } from './common';
import { cell, isMinistry, thisYear, type ReportingYear, type YearReportRow } from './model';

type Cell = YearReportRow['plan'];

/**
 * The reporting year (a14.s1): every base's plan and summary with late and missing flags. The
 * ministry opens years and sends reminders; the recommending unit finds what waits for its opinion.
 */
export default function ReportsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const ministry = isMinistry(me);
  const reviewer = !ministry && cell(me, 'annual_report', 'decide') !== null;
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const years = useQuery({ queryKey: ['bases', 'reporting-years'], queryFn: () => get<ReportingYear[]>('/api/reporting-years') });
  const year = Number(params.get('year')) || years.data?.[0]?.year || thisYear();
  const flag = (params.get('flag') as 'late' | 'missing' | 'todo' | null) ?? 'all';
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 50) || 50;
  const serverFlag = flag === 'late' || flag === 'missing' ? flag : undefined;
  const query = { flag: serverFlag, page, pageSize };
  const rows = useQuery({
    queryKey: ['bases', 'year-reports', year, query],
    queryFn: () => get<Page<YearReportRow>>(`/api/reporting-years/${year}/reports`, query),
    placeholderData: keepPreviousData,
    enabled: !!years.data,
  });
  const ry = years.data?.find((y) => y.year === year);
  const set = (next: Record<string, string | number | undefined>) => {
    const sp = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) if (v === undefined || v === '' || v === 'all') sp.delete(k); else sp.set(k, String(v));
    setParams(sp);
  };
  // "Waiting for me": what the signed-in party must act on (the server filters only late/missing).
  const waiting = (c: Cell) => (reviewer ? c.status === 'submitted' : ministry ? c.status === 'signed_by_recommender' : c.status === null || c.status === 'draft' || c.status === 'returned');
  const items = (rows.data?.items ?? []).filter((r) => flag !== 'todo' || waiting(r.plan) || waiting(r.summary));

  const remind = useMutation({
    mutationFn: (kind: 'plan' | 'summary') => post<{ bases: number; users: number }>(`/api/reporting-years/${year}/reminders`, { kind }),
    onSuccess: (r) => void message.success(t('bases.reports.reminded', { bases: r.bases, users: r.users })),
    onError: (e) => void message.error(errorText(e, t)),
  });

  const reportCell = (r: YearReportRow, kind: 'plan' | 'summary') => {
    const c = r[kind];
    return (
      <Space size={4} wrap data-report-cell={kind} data-status={c.status ?? 'none'}>
        {c.id ? (
          <Link to={`/bases/${r.baseId}/reports/${c.id}`} data-testid={testIds.reportsOpen(r.baseId, kind)}>
            <ReportStatusTag status={c.status} />
          </Link>
        ) : (
          <ReportStatusTag status={null} />
        )}
        {c.late && <Tag color="red">{t('bases.reports.late')}</Tag>}
        {c.missing && <Tag color="magenta">{t('bases.reports.missing')}</Tag>}
        {waiting(c) && (reviewer || ministry) && <Tag color="blue">{t('bases.reports.waitingForYou')}</Tag>}
      </Space>
    );
  };

  const columns: ColumnsType<YearReportRow> = [
    { title: t('bases.list.code'), dataIndex: 'code', width: 170, render: (v: string) => <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{v}</span> },
    { title: t('bases.list.name'), dataIndex: 'nameZh', width: 280, render: (v: string, r) => <Link to={`/bases/${r.baseId}`}>{lang === 'en' ? r.nameEn || v : v}</Link> },
    { title: t('bases.list.recommender'), dataIndex: 'recommenderNameZh', width: 180, render: (v: string | null, r) => (lang === 'en' ? r.recommenderNameEn || v : v) ?? '—' },
    { title: <span>{t('bases.reportKind.plan')} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{ry ? t('bases.reports.dueShort', { date: formatDate(ry.planDue) }) : ''}</Typography.Text></span>, key: 'plan', render: (_, r) => reportCell(r, 'plan') },
    { title: <span>{t('bases.reportKind.summary')} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{ry ? t('bases.reports.dueShort', { date: formatDate(ry.summaryDue) }) : ''}</Typography.Text></span>, key: 'summary', render: (_, r) => reportCell(r, 'summary') },
  ];

  return (
    <div>
      <PageHeader
        title={t('bases.reports.title')}
        clause={<ClauseTag clause="a14.s1" />}
        description={reviewer ? t('bases.reports.descriptionReviewer') : ministry ? t('bases.reports.descriptionMinistry') : t('bases.reports.description')}
        extra={
          ministry && (
            <>
              <OpenYearButton />
              <Dropdown
                menu={{
                  items: [
                    { key: 'plan', label: t('bases.reports.remindPlan') },
                    { key: 'summary', label: t('bases.reports.remindSummary') },
                  ],
                  onClick: ({ key }) => remind.mutate(key as 'plan' | 'summary'),
                }}
                disabled={!ry}
              >
                <Button icon={<BellOutlined />} loading={remind.isPending} data-testid={testIds.reportsRemind}>
                  {t('bases.reports.remind')}
                </Button>
              </Dropdown>
            </>
          )
        }
      />
      {years.error && <ErrorAlert error={years.error} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap size={16}>
          <Space>
            {t('bases.reports.year')}
            <Select
              value={year}
              style={{ width: 100 }}
              onChange={(v) => set({ year: v, page: undefined })}
              options={(years.data ?? []).map((y) => ({ value: y.year, label: String(y.year) }))}
              data-testid={testIds.reportsYear}
            />
          </Space>
          {ry && (
            <Typography.Text type="secondary" data-testid={testIds.reportsDeadlines}>
              {t('bases.reports.deadlines', { plan: formatDate(ry.planDue), summary: formatDate(ry.summaryDue), opened: formatDate(ry.openedOn) })}
            </Typography.Text>
          )}
          <Segmented
            value={flag}
            onChange={(v) => set({ flag: v as string, page: undefined })}
            options={[
              { value: 'all', label: t('bases.reports.flagAll') },
              ...(reviewer || ministry ? [{ value: 'todo', label: t('bases.reports.flagTodo') }] : []),
              { value: 'late', label: t('bases.reports.flagLate') },
              { value: 'missing', label: t('bases.reports.flagMissing') },
            ]}
            data-testid={testIds.reportsFlag}
          />
        </Space>
        {flag === 'todo' && (
          <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('bases.reports.todoPageOnly')} />
        )}
      </Card>
      {!years.isPending && !years.data?.length && <Empty description={t('bases.reports.noYears')} />}
      {rows.error && <ErrorAlert error={rows.error} />}
      <Table<YearReportRow>
        data-testid={testIds.reportsTable}
        rowKey="baseId"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={rows.isFetching}
        scroll={{ x: 1100 }}
        onRow={(r) => ({ 'data-base-id': r.baseId }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize,
          total: rows.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, ps) => set({ page: ps !== pageSize ? 1 : p, pageSize: ps }),
        }}
      />
    </div>
  );
}

/** The ministry opens a reporting year with its deadlines (summary: 31 December by default). */
function OpenYearButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ year: number; planDue: Dayjs; summaryDue?: Dayjs; note?: string }>();
  const m = useMutation({
    mutationFn: (v: { year: number; planDue: Dayjs; summaryDue?: Dayjs; note?: string }) =>
      post('/api/reporting-years', { year: v.year, planDue: v.planDue.format('YYYY-MM-DD'), summaryDue: v.summaryDue?.format('YYYY-MM-DD'), note: v.note || undefined }),
    onSuccess: async () => {
      setOpen(false);
      void message.success(t('bases.reports.yearOpened'));
      await qc.invalidateQueries({ queryKey: ['bases', 'reporting-years'] });
    },
  });
  return (
    <>
      <Button type="primary" icon={<CalendarOutlined />} onClick={() => setOpen(true)} data-testid={testIds.reportsOpenYear}>
        {t('bases.reports.openYear')}
      </Button>
      <Modal open={open} title={t('bases.reports.openYear')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={m.isPending} okText={t('common.confirm')} okButtonProps={{ 'data-testid': testIds.reportsOpenYearField('submit') } as never} destroyOnHidden>
        {m.error && <ErrorAlert error={m.error} />}
        <Form form={form} layout="vertical" initialValues={{ year: thisYear() + 1 }} onFinish={(v) => m.mutate(v)}>
          <Form.Item name="year" label={t('bases.reports.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} data-testid={testIds.reportsOpenYearField('year')} />
          </Form.Item>
          <Form.Item name="planDue" label={t('bases.reports.planDue')} rules={[{ required: true, message: t('bases.form.required') }]}>
            <DatePicker style={{ width: '100%' }} data-testid={testIds.reportsOpenYearField('planDue')} />
          </Form.Item>
          <Form.Item name="summaryDue" label={t('bases.reports.summaryDue')} extra={t('bases.reports.summaryDueHint')}>
            <DatePicker style={{ width: '100%' }} data-testid={testIds.reportsOpenYearField('summaryDue')} />
          </Form.Item>
          <Form.Item name="note" label={t('bases.form.note')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
