import { useMemo, useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, EditOutlined, EyeOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../../../contracts/organizations';
import { ORG_KINDS } from '../../../server/organizations/registry/kinds';
import { download, get, type Page } from '../../app/api';
import { useMe } from '../../app/session';
import { scopeOf } from '../../app/permissions';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { provinceOptions, regionLabel } from '../../shared/regions';
import type { Lang } from '../../i18n';
import { OrgDrawer } from './OrgDrawer';
import { orgStatusColor } from './status';


interface Filters {
  kind?: string;
  regionCode?: string;
  q?: string;
}

export default function OrganizationsPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const me = useMe();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Filters>();
  const [drawer, setDrawer] = useState<{ id: string; edit: boolean } | null>(null);
  const [exporting, setExporting] = useState(false);
  const canEdit = scopeOf(me, 'organization', 'update') !== null;

  // Filters and paging live in the URL: reload, back and shared links keep them.
  const filters: Filters = { kind: params.get('kind') ?? undefined, regionCode: params.get('regionCode') ?? undefined, q: params.get('q') ?? undefined };
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const filtered = !!(filters.kind || filters.regionCode || filters.q);

  const query = { ...filters, page, pageSize };
  const { data, error, isFetching } = useQuery({
    queryKey: ['organizations', query],
    queryFn: () => get<Page<Organization>>('/api/organizations', query),
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
      const file = await download('/api/organizations/export.xlsx', filters as Record<string, string>, 'organizations.xlsx');
      void message.success(t('org.exported', { file }));
    } catch (e) {
      void message.error(errorText(e, t));
    } finally {
      setExporting(false);
    }
  };

  const kindOptions = useMemo(() => ORG_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) })), [t]);
  const provinces = useMemo(() => provinceOptions(lang), [lang]);

  const columns: ColumnsType<Organization> = [
    {
      title: t('org.name'),
      key: 'name',
      width: 300,
      render: (_, r) => {
        const primary = lang === 'en' ? r.nameEn || r.nameZh : r.nameZh;
        const secondary = lang === 'en' ? (r.nameEn ? r.nameZh : '') : r.nameEn;
        return (
          <div style={{ wordBreak: 'break-word' }}>
            <Typography.Link onClick={() => setDrawer({ id: r.id, edit: false })}>{primary}</Typography.Link>
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
    { title: t('org.kind'), dataIndex: 'kind', width: 150, render: (k: string) => <Tag>{t(`orgKind.${k}`, { defaultValue: k })}</Tag> },
    { title: t('org.uscc'), dataIndex: 'uscc', width: 190, render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? '—'}</span> },
    { title: t('org.region'), dataIndex: 'regionCode', width: 140, render: (v: string | null) => regionLabel(v, lang) || '—' },
    { title: t('org.recommender'), dataIndex: 'recommenderNameZh', width: 200, render: (v: string | null) => v ?? '—' },
    { title: t('org.registeredOn'), dataIndex: 'registeredOn', width: 120, render: (v: string | null) => formatDate(v) || '—' },
    {
      title: t('org.status'),
      dataIndex: 'status',
      width: 96,
      render: (s: string) => <Tag color={orgStatusColor[s] ?? 'default'}>{t(`orgStatus.${s}`, { defaultValue: s })}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 160,
      fixed: 'right',
      render: (_, r) => (
        <Space size={4}>
          <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setDrawer({ id: r.id, edit: false })} data-testid={testIds.orgView(r.id)}>
            {t('common.view')}
          </Button>
          {canEdit && (
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setDrawer({ id: r.id, edit: true })} data-testid={testIds.orgEdit(r.id)}>
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('org.title')}
        description={t('org.description')}
        clause={<ClauseTag clause="a9.s1" />}
        extra={
          <Button icon={<DownloadOutlined />} onClick={onExport} loading={exporting} data-testid={testIds.orgExport}>
            {exporting ? t('org.exporting') : t('org.export')}
          </Button>
        }
      />
      <Form
        form={form}
        layout="inline"
        className="guohe-filters"
        initialValues={filters}
        key={params.toString() /* re-seed the fields when the URL changes (back button) */}
        onFinish={(v) => apply({ kind: v.kind, regionCode: v.regionCode, q: v.q?.trim() || undefined, page: 1 })}
      >
        <Form.Item name="kind" label={t('org.kind')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('org.kindPlaceholder')} options={kindOptions} style={{ width: 200 }} data-testid={testIds.orgFilterKind} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('org.province')}>
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('org.provincePlaceholder')} options={provinces} style={{ width: 200 }} data-testid={testIds.orgFilterProvince} />
        </Form.Item>
        <Form.Item name="q" label={t('common.keyword')}>
          <Input allowClear placeholder={t('org.keywordPlaceholder')} style={{ width: 240 }} data-testid={testIds.orgFilterKeyword} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={testIds.orgSearch}>
              {t('common.search')}
            </Button>
            <Button
              icon={<ReloadOutlined />}
              data-testid={testIds.orgReset}
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

      {error && <ErrorAlert error={error} />}

      <Table<Organization>
        data-testid={testIds.orgTable}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 1480 }}
        onRow={(r) => ({ 'data-testid': testIds.orgRow(r.id), 'data-org-id': r.id }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? t('org.empty') : t('common.noData')} /> }}
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

      {drawer && <OrgDrawer id={drawer.id} startEditing={drawer.edit && canEdit} canEdit={canEdit} onClose={() => setDrawer(null)} />}
    </div>
  );
}
