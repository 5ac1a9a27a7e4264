// 申报列表: applications in the user's scope (the server scopes: own organization, zone,
// recommended, province or all, a9.s1), filtered by call, type, status, current step and province.
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, EditOutlined, EyeOutlined, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { download, get, type Page } from '../../app/api';
import { useMe } from '../../app/session';
import { scopeOf } from '../../app/permissions';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { errorText } from '../../shared/errors';
import { provinceOptions, regionLabel } from '../../shared/regions';
import { applicationStatuses, appTitle, beijing, orgName, statusColor, stepIdOfKind, stepIds, txt, type ApplicationSummary, type Call, type ProgrammeSummary } from './data';
import { useLang } from './parts';

interface Filters {
  callId?: string;
  typeId?: string;
  status?: string;
  stepId?: string;
  province?: string;
  q?: string;
}
const FILTER_KEYS: Array<keyof Filters> = ['callId', 'typeId', 'status', 'stepId', 'province', 'q'];

export default function ApplicationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();
  const [exporting, setExporting] = useState(false);
  const canCreate = scopeOf(me, 'application', 'create') !== null;
  const canUpdate = scopeOf(me, 'application', 'update') !== null;

  // A to-do link of the workbench names a step kind (?todo=formalCheck): show that step.
  const todo = params.get('todo');
  const filters: Filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])) as Filters;
  if (todo && !filters.stepId && todo !== 'done') filters.stepId = stepIdOfKind[todo];
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const filtered = FILTER_KEYS.some((k) => !!filters[k]);
  const query = { ...filters, page, pageSize };

  const list = useQuery({
    queryKey: ['recognition', 'applications', query],
    queryFn: () => get<Page<ApplicationSummary>>('/api/recognition/applications', query),
    placeholderData: keepPreviousData,
  });
  const calls = useQuery({ queryKey: ['recognition', 'calls'], queryFn: () => get<Call[]>('/api/recognition/calls') });
  const programmes = useQuery({ queryKey: ['recognition', 'programmes'], queryFn: () => get<ProgrammeSummary[]>('/api/recognition/programmes'), staleTime: 3_600_000 });

  const typeOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const p of programmes.data ?? []) for (const ty of p.types) if (!seen.has(ty.id)) seen.set(ty.id, txt(ty.name, lang));
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [programmes.data, lang]);

  const apply = (next: Filters & { page?: number; pageSize?: number }) => {
    const merged: Record<string, string | number | undefined> = { ...filters, page, pageSize, ...next };
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '' && v !== null) sp.set(k, String(v));
    if (sp.get('page') === '1') sp.delete('page');
    if (sp.get('pageSize') === '20') sp.delete('pageSize');
    setParams(sp);
  };

  const onExport = async () => {
    setExporting(true);
    try {
      const file = await download('/api/recognition/applications/export.xlsx', filters as Record<string, string>, 'applications.xlsx');
      void message.success(t('recognition.list.exported', { file }));
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<ApplicationSummary> = [
    {
      title: t('recognition.list.titleCol'),
      key: 'title',
      width: 280,
      render: (_, r) => (
        <div style={{ wordBreak: 'break-word' }}>
          <Link to={`/recognition/applications/${r.id}`}>{appTitle(r, lang)}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.year} · {txt(r.typeName, lang)}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('recognition.list.applicant'), key: 'applicant', width: 220, render: (_, r) => orgName(r.applicant, lang) },
    { title: t('recognition.list.recommender'), key: 'recommender', width: 200, render: (_, r) => orgName(r.recommender, lang) || '—' },
    { title: t('recognition.list.province'), dataIndex: 'provinceCode', width: 110, render: (v: string | null) => regionLabel(v, lang) || '—' },
    {
      title: t('recognition.list.step'),
      key: 'step',
      width: 200,
      render: (_, r) => (
        <span>
          {r.stepIndex + 1}. {txt(r.stepName, lang)}
        </span>
      ),
    },
    { title: t('recognition.list.status'), dataIndex: 'status', width: 100, render: (s: string) => <Tag color={statusColor[s]}>{t(`recognition.status.${s}`)}</Tag> },
    { title: t('recognition.list.submittedAt'), dataIndex: 'submittedAt', width: 150, render: (v: string | null) => beijing(v) || '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_, r) => (
        <Space size={4}>
          <Link to={`/recognition/applications/${r.id}`} data-testid={testIds.recAppView(r.id)}>
            <EyeOutlined /> {t('common.view')}
          </Link>
          {canUpdate && (r.status === 'draft' || r.status === 'returned') && r.filedBy.id === me.org.id && (
            <Link to={`/recognition/applications/${r.id}/edit`} data-testid={testIds.recAppEdit(r.id)} style={{ marginInlineStart: 8 }}>
              <EditOutlined /> {t('recognition.list.fill')}
            </Link>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('recognition.list.title')}
        description={t('recognition.list.description')}
        clause={<ClauseTag clause="a9.s1" />}
        extra={
          <>
            {canCreate && (
              <Link to="/recognition/calls">
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('recognition.list.new')}
                </Button>
              </Link>
            )}
            <Button icon={<DownloadOutlined />} onClick={onExport} loading={exporting} data-testid={testIds.recAppExport}>
              {t('recognition.list.export')}
            </Button>
          </>
        }
      />
      <Form
        form={form}
        layout="inline"
        className="guohe-filters"
        initialValues={filters}
        key={params.toString()}
        onFinish={(v) => apply({ ...v, q: v.q?.trim() || undefined, page: 1 })}
      >
        <Form.Item name="callId" label={t('recognition.list.call')}>
          <Select
            allowClear
            style={{ width: 220 }}
            placeholder={t('common.all')}
            data-testid={testIds.recAppFilter('callId')}
            options={(calls.data ?? []).map((c) => ({ value: c.id, label: lang === 'en' ? c.titleEn || c.titleZh : c.titleZh }))}
          />
        </Form.Item>
        <Form.Item name="typeId" label={t('recognition.list.type')}>
          <Select allowClear style={{ width: 200 }} placeholder={t('common.all')} options={typeOptions} data-testid={testIds.recAppFilter('typeId')} />
        </Form.Item>
        <Form.Item name="status" label={t('recognition.list.status')}>
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t('common.all')}
            data-testid={testIds.recAppFilter('status')}
            options={applicationStatuses.map((s) => ({ value: s, label: t(`recognition.status.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="stepId" label={t('recognition.list.step')}>
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('common.all')}
            data-testid={testIds.recAppFilter('stepId')}
            options={stepIds.map((s) => ({ value: s, label: t(`recognition.stepName.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="province" label={t('recognition.list.province')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 150 }} placeholder={t('common.all')} options={provinceOptions(lang)} data-testid={testIds.recAppFilter('province')} />
        </Form.Item>
        <Form.Item name="q" label={t('common.keyword')}>
          <Input allowClear style={{ width: 200 }} placeholder={t('recognition.list.keywordPlaceholder')} data-testid={testIds.recAppFilter('q')} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={testIds.recAppSearch}>
              {t('common.search')}
            </Button>
            <Button
              icon={<ReloadOutlined />}
              data-testid={testIds.recAppReset}
              onClick={() => {
                form.resetFields();
                setParams(new URLSearchParams());
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<ApplicationSummary>
        data-testid={testIds.recAppTable}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1420 }}
        onRow={(r) => ({ 'data-testid': testIds.recAppRow(r.id) }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('recognition.list.emptyFiltered') : t('recognition.list.empty')} /> }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, ps) => apply({ page: ps !== pageSize ? 1 : p, pageSize: ps }),
        }}
      />
    </div>
  );
}
