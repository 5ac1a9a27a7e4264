import { useEffect, useState } from 'react';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Empty, Flex, Form, Input, Select, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { get, type Page } from '../../app/api';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatDateTime } from '../../shared/format';
import { zhCN } from '../../i18n/zh-CN';
import type { Lang } from '../../i18n';
import { actionLabel } from '../workbench/WorkbenchPage';

interface AuditRow {
  id: number;
  at: string;
  actorUserId: string | null;
  actorOrgId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  /** Null until the sealer links the record into the chain, a moment after commit. */
  hash: string | null;
}

interface Verify {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
  /** SM2 signatures of the daily anchors over the chain heads they sign. */
  anchors: { ok: boolean; checked: number; firstBadAnchorId: number | null; reason: string | null };
}

interface Filters {
  action?: string;
  entityType?: string;
  entityId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Known actions and entity types come from the i18n resources ('organization_update' → 'organization.update'). */
const knownActions = Object.keys(zhCN.auditAction).map((k) => k.replace('_', '.'));
const knownEntityTypes = Object.keys(zhCN.entityType);

function json(v: unknown) {
  if (v === null || v === undefined) return '—';
  return <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>{JSON.stringify(v, null, 2)}</pre>;
}

export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const [form] = Form.useForm<Filters>();
  const [query, setQuery] = useState<Record<string, string | number | undefined>>({ page: 1, pageSize: 20 });

  const { data, error, isFetching } = useQuery({
    queryKey: ['audit', query],
    queryFn: () => get<Page<AuditRow>>('/api/audit', query),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: () => get<Verify & { at: string }>('/api/audit/verify').then((r) => ({ ...r, at: new Date().toISOString() })) });
  // The audit administrator's first question (issue 8): is the chain intact? Answered on opening.
  const { mutate: runVerify } = verify;
  useEffect(() => runVerify(), [runVerify]);

  const onSearch = (v: Filters) => {
    const [from, to] = v.range ?? [];
    setQuery({
      page: 1,
      pageSize: Number(query.pageSize) || 20,
      action: v.action || undefined,
      entityType: v.entityType || undefined,
      entityId: v.entityId?.trim() || undefined,
      from: from ? from.startOf('day').format() : undefined,
      to: to ? to.endOf('day').format() : undefined,
    });
  };

  const columns: ColumnsType<AuditRow> = [
    { title: t('audit.id'), dataIndex: 'id', width: 80 },
    { title: t('audit.at'), dataIndex: 'at', width: 160, render: (v: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatDateTime(v, lang)}</span> },
    { title: t('audit.action'), dataIndex: 'action', width: 170, render: (a: string) => <span title={a}>{actionLabel(a, t)}</span> },
    { title: t('audit.entityType'), dataIndex: 'entityType', width: 110, render: (v: string) => <Tag>{t(`entityType.${v}`, { defaultValue: v })}</Tag> },
    { title: t('audit.entityId'), dataIndex: 'entityId', ellipsis: true, render: (v: string | null) => <Typography.Text copyable={!!v} style={{ fontFamily: 'monospace', fontSize: 12 }}>{v ?? '—'}</Typography.Text> },
    { title: t('audit.actor'), dataIndex: 'actorUserId', ellipsis: true, width: 140, render: (v: string | null) => <span style={{ fontFamily: 'monospace', fontSize: 12 }} title={v ?? ''}>{v ? v.slice(0, 8) : '—'}</span> },
    { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
  ];

  const v = verify.data;
  return (
    <div>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        extra={
          <Button type="primary" ghost icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid={testIds.auditVerify}>
            {verify.isPending ? t('audit.verifying') : v ? t('security.audit.again') : t('audit.verify')}
          </Button>
        }
      />
      <Card
        data-testid={testIds.auditIntegrity}
        data-ok={v ? String(v.ok) : undefined}
        style={{ marginBottom: 16, borderColor: v ? (v.ok ? '#b7eb8f' : '#ffa39e') : undefined, background: v ? (v.ok ? '#f6ffed' : '#fff1f0') : undefined }}
        styles={{ body: { padding: 20 } }}
      >
        <Flex align="center" gap={24} wrap>
          <div style={{ fontSize: 48, lineHeight: 1, color: v ? (v.ok ? '#52c41a' : '#ff4d4f') : '#bfbfbf' }}>
            {verify.isPending ? <Spin size="large" /> : v ? v.ok ? <CheckCircleFilled /> : <CloseCircleFilled /> : <SafetyCertificateOutlined />}
          </div>
          <div style={{ flex: '1 1 360px', minWidth: 0 }}>
            <Typography.Text type="secondary">{t('security.audit.panelTitle')} · SM3</Typography.Text>
            <Typography.Title level={4} style={{ margin: '4px 0', color: v ? (v.ok ? '#237804' : '#a8071a') : undefined }} data-testid={v ? testIds.auditVerifyResult : undefined} data-ok={v ? String(v.ok) : undefined}>
              {verify.isPending
                ? t('security.audit.running')
                : v
                  ? v.firstBrokenId === null
                    ? t('audit.verifyOk', { checked: v.checked })
                    : t('audit.verifyBroken', { id: v.firstBrokenId ?? '—', checked: v.checked, reason: v.reason ?? '' })
                  : '—'}
            </Typography.Title>
            {v && !verify.isPending && (
              <Typography.Paragraph style={{ margin: '0 0 4px', color: v.anchors.ok ? '#237804' : '#a8071a' }} data-testid={testIds.auditAnchors} data-ok={String(v.anchors.ok)}>
                {v.anchors.ok
                  ? t('audit.anchorsOk', { checked: v.anchors.checked })
                  : t('audit.anchorsBad', { id: v.anchors.firstBadAnchorId ?? '—', reason: v.anchors.reason ?? '', checked: v.anchors.checked })}
              </Typography.Paragraph>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('security.audit.auto')}</Typography.Text>
          </div>
          {v && (
            <Flex gap={32}>
              <Statistic title={t('security.audit.checked')} value={v.checked} />
              {!v.ok && <Statistic title={t('security.audit.firstBroken')} value={v.firstBrokenId ?? '—'} valueStyle={{ color: '#cf1322' }} />}
              <Statistic title={t('security.audit.verifiedAt')} value={formatDateTime(v.at, lang)} valueStyle={{ fontSize: 16 }} />
            </Flex>
          )}
        </Flex>
      </Card>
      {verify.error && <ErrorAlert error={verify.error} onClose={() => verify.reset()} />}

      <Form form={form} layout="inline" className="guohe-filters" onFinish={onSearch}>
        <Form.Item name="action" label={t('audit.action')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('audit.actionPlaceholder')}
            style={{ width: 190 }}
            options={knownActions.map((a) => ({ value: a, label: actionLabel(a, t) }))}
            data-testid={testIds.auditFilterAction}
          />
        </Form.Item>
        <Form.Item name="entityType" label={t('audit.entityType')}>
          <Select allowClear placeholder={t('audit.entityTypePlaceholder')} style={{ width: 150 }} options={knownEntityTypes.map((e) => ({ value: e, label: t(`entityType.${e}`) }))} data-testid={testIds.auditFilterEntityType} />
        </Form.Item>
        <Form.Item name="entityId" label={t('audit.entityId')}>
          <Input allowClear style={{ width: 220 }} data-testid={testIds.auditFilterEntityId} />
        </Form.Item>
        <Form.Item name="range" label={t('audit.timeRange')}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={testIds.auditSearch}>
              {t('common.search')}
            </Button>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => {
                form.resetFields();
                setQuery({ page: 1, pageSize: Number(query.pageSize) || 20 });
              }}
            >
              {t('common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>

      {error && <ErrorAlert error={error} />}
      <Table<AuditRow>
        data-testid={testIds.auditTable}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 1000 }}
        expandable={{
          expandedRowRender: (r) => (
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                { key: 'before', label: t('audit.before'), children: json(r.before) },
                { key: 'after', label: t('audit.after'), children: json(r.after) },
                { key: 'actor', label: t('audit.actor'), children: r.actorUserId ?? '—' },
                { key: 'org', label: t('audit.actorOrg'), children: r.actorOrgId ?? '—' },
                { key: 'hash', label: t('audit.hash'), children: r.hash ? <span style={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>{r.hash}</span> : t('audit.sealing') },
              ]}
            />
          ),
        }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.empty')} /> }}
        pagination={{
          current: Number(query.page) || 1,
          pageSize: Number(query.pageSize) || 20,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, ps) => setQuery((q) => ({ ...q, page: ps !== q.pageSize ? 1 : p, pageSize: ps })),
        }}
      />
    </div>
  );
}
