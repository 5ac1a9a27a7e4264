import { useMemo, useState, type HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { download, get, type Page } from '../../app/api';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { provinceOptions, regionLabel } from '../../shared/regions';
import { FieldTags, GradeTag, StatusTag, TypeTag, useLang } from './common';
import { baseStatuses, baseTypeIds, fieldIds, type BaseListItem } from './model';

interface Filters {
  type?: string;
  status?: string;
  province?: string;
  field?: string;
  year?: number;
  q?: string;
}
const FILTER_KEYS = ['type', 'status', 'province', 'field', 'year', 'q'] as const;

/** The bases in my scope (a9.s1 scopes; the ministry sees all), with filters and Excel export. */
export default function BasesListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();
  const [exporting, setExporting] = useState(false);

  const filters: Filters = Object.fromEntries(
    FILTER_KEYS.flatMap((k) => {
      const v = params.get(k);
      return v ? [[k, k === 'year' ? Number(v) : v]] : [];
    }),
  );
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const filtered = Object.keys(filters).length > 0;
  const query = { ...filters, page, pageSize };

  const { data, error, isFetching, refetch } = useQuery({
    queryKey: ['bases', 'list', query],
    queryFn: () => get<Page<BaseListItem>>('/api/bases', query),
    placeholderData: keepPreviousData,
  });

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
      const file = await download('/api/bases/export.xlsx', filters as Record<string, string | number>, 'bases.xlsx');
      void message.success(t('bases.list.exported', { file }));
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setExporting(false);
    }
  };

  const typeOptions = useMemo(() => baseTypeIds.map((v) => ({ value: v, label: t(`bases.type.${v}`) })), [t]);
  const statusOptions = useMemo(() => baseStatuses.map((v) => ({ value: v, label: t(`bases.status.${v}`) })), [t]);
  const fieldOptions = useMemo(() => fieldIds.map((v) => ({ value: v, label: t(`bases.field.${v}`) })), [t]);
  const provinces = useMemo(() => provinceOptions(lang), [lang]);

  const columns: ColumnsType<BaseListItem> = [
    { title: t('bases.list.code'), dataIndex: 'code', width: 170, render: (v: string) => <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{v}</span> },
    {
      title: t('bases.list.name'),
      key: 'name',
      width: 300,
      render: (_, r) => {
        const primary = lang === 'en' ? r.nameEn || r.nameZh : r.nameZh;
        const secondary = lang === 'en' ? (r.nameEn ? r.nameZh : '') : r.nameEn;
        return (
          <div style={{ wordBreak: 'break-word' }}>
            <Link to={`/bases/${r.id}`} data-testid={testIds.basesOpen(r.id)}>
              {primary}
            </Link>
            {secondary && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {secondary}
                </Typography.Text>
              </div>
            )}
          </div>
        );
      },
    },
    { title: t('bases.list.type'), dataIndex: 'typeId', width: 190, render: (v: string) => <TypeTag typeId={v} /> },
    { title: t('bases.list.host'), key: 'host', width: 220, render: (_, r) => (lang === 'en' ? r.hostNameEn || r.hostNameZh : r.hostNameZh) },
    { title: t('bases.list.recommender'), dataIndex: 'recommenderNameZh', width: 180, render: (v: string | null, r) => (lang === 'en' ? r.recommenderNameEn || v : v) ?? '—' },
    { title: t('bases.list.region'), dataIndex: 'regionCode', width: 110, render: (v: string | null) => regionLabel(v, lang) || '—' },
    { title: t('bases.list.fields'), dataIndex: 'fields', width: 200, render: (v: string[]) => <FieldTags fields={v} /> },
    { title: t('bases.list.recognizedOn'), dataIndex: 'recognizedOn', width: 110, render: (v: string) => formatDate(v) },
    { title: t('bases.list.status'), dataIndex: 'status', width: 100, render: (v: string) => <StatusTag status={v} /> },
    {
      title: t('bases.list.lastResult'),
      dataIndex: 'lastResult',
      width: 130,
      render: (v: BaseListItem['lastResult']) =>
        v ? (
          <Space size={4}>
            <span>{v.year}</span>
            <GradeTag grade={v.grade} />
          </Space>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('bases.list.title')}
        description={t('bases.list.description')}
        clause={<ClauseTag clause="a10.i4" />}
        extra={
          <Button icon={<DownloadOutlined />} onClick={onExport} loading={exporting} data-testid={testIds.basesExport}>
            {t('bases.list.export')}
          </Button>
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
        <Form.Item name="type" label={t('bases.list.type')}>
          <Select allowClear placeholder={t('common.all')} options={typeOptions} style={{ width: 220 }} data-testid={testIds.basesFilter('type')} />
        </Form.Item>
        <Form.Item name="status" label={t('bases.list.status')}>
          <Select allowClear placeholder={t('common.all')} options={statusOptions} style={{ width: 130 }} data-testid={testIds.basesFilter('status')} />
        </Form.Item>
        <Form.Item name="province" label={t('bases.list.province')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('common.all')} options={provinces} style={{ width: 160 }} data-testid={testIds.basesFilter('province')} />
        </Form.Item>
        <Form.Item name="field" label={t('bases.list.field')}>
          <Select allowClear placeholder={t('common.all')} options={fieldOptions} style={{ width: 200 }} data-testid={testIds.basesFilter('field')} />
        </Form.Item>
        <Form.Item name="year" label={t('bases.list.year')} tooltip={t('bases.list.yearHint')}>
          <InputNumber min={2000} max={2100} placeholder="2016" style={{ width: 100 }} data-testid={testIds.basesFilter('year')} />
        </Form.Item>
        <Form.Item name="q" label={t('common.keyword')}>
          <Input allowClear placeholder={t('bases.list.keywordPlaceholder')} style={{ width: 220 }} data-testid={testIds.basesFilter('q')} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={testIds.basesSearch}>
              {t('common.search')}
            </Button>
            <Button
              icon={<ReloadOutlined />}
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

      {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}

      <Table<BaseListItem>
        data-testid={testIds.basesTable}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 1660 }}
        onRow={(r) => ({ 'data-testid': testIds.basesRow(r.id), 'data-base-id': r.id, 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('bases.list.empty') : t('common.noData')} /> }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, ps) => apply({ page: ps !== pageSize ? 1 : p, pageSize: ps }),
        }}
      />
    </div>
  );
}
