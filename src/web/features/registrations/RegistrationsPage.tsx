import { useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Form, Input, Modal, Popconfirm, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZRegistration } from '../../../contracts/auth';
import { get, post, type Page } from '../../app/api';
import { useMe } from '../../app/session';
import { scopeOf } from '../../app/permissions';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { regionLabel } from '../../shared/regions';
import type { Lang } from '../../i18n';

type Registration = z.infer<typeof ZRegistration>;
type Status = Registration['status'];
const statuses: Status[] = ['pending', 'approved', 'rejected'];
const statusColor: Record<Status, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

export default function RegistrationsPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const me = useMe();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const status = (statuses as string[]).includes(params.get('status') ?? '') ? (params.get('status') as Status) : 'pending';
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? 20) || 20;
  const canDecide = scopeOf(me, 'registration', 'decide') !== null;
  const [rejecting, setRejecting] = useState<Registration | null>(null);
  const [rejectForm] = Form.useForm<{ reason: string }>();

  const query = { status, page, pageSize };
  const { data, error, isFetching } = useQuery({
    queryKey: ['registrations', query],
    queryFn: () => get<Page<Registration>>('/api/registrations', query),
    placeholderData: keepPreviousData,
  });

  const decide = useMutation({
    mutationFn: (v: { reg: Registration; approve: boolean; reason?: string }) =>
      post<{ id: string; status: string }>(`/api/registrations/${v.reg.id}/decide`, { approve: v.approve, reason: v.reason }),
    onSuccess: (_, v) => {
      void message.success(t(v.approve ? 'registration.decidedApproved' : 'registration.decidedRejected', { name: v.reg.orgNameZh }));
      setRejecting(null);
      rejectForm.resetFields();
      void qc.invalidateQueries({ queryKey: ['registrations'] });
      void qc.invalidateQueries({ queryKey: ['workbench'] });
    },
    onError: (e) => void message.error(errorText(e, t)),
  });

  const setQuery = (next: Partial<typeof query>) => {
    const merged = { ...query, ...next };
    const sp = new URLSearchParams();
    if (merged.status !== 'pending') sp.set('status', merged.status);
    if (merged.page !== 1) sp.set('page', String(merged.page));
    if (merged.pageSize !== 20) sp.set('pageSize', String(merged.pageSize));
    setParams(sp);
  };

  const columns: ColumnsType<Registration> = [
    { title: t('registration.orgName'), dataIndex: 'orgNameZh', render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('registration.uscc'), dataIndex: 'uscc', width: 190, render: (v: string | null) => <span style={{ fontFamily: 'monospace' }}>{v ?? '—'}</span> },
    { title: t('registration.region'), dataIndex: 'regionCode', width: 150, render: (v: string | null) => regionLabel(v, lang) || '—' },
    {
      title: t('registration.applicant'),
      key: 'applicant',
      width: 170,
      render: (_, r) => (
        <span>
          {r.displayName} <Typography.Text type="secondary">（{r.username}）</Typography.Text>
        </span>
      ),
    },
    { title: t('registration.submittedAt'), dataIndex: 'createdAt', width: 160, render: (v: string) => formatDateTime(v, lang) },
    { title: t('registration.status'), dataIndex: 'status', width: 100, render: (s: Status) => <Tag color={statusColor[s]}>{t(`registration.${s}`)}</Tag> },
    ...(status !== 'pending' ? [{ title: t('registration.reason'), dataIndex: 'reason', render: (v: string | null) => v || '—' }] : []),
    ...(status === 'pending' && canDecide
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 180,
            render: (_: unknown, r: Registration) => (
              <Space>
                <Popconfirm
                  title={t('registration.approveConfirm', { name: r.orgNameZh })}
                  okText={t('registration.approve')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => decide.mutateAsync({ reg: r, approve: true }).catch(() => undefined)}
                >
                  <Button type="primary" size="small" icon={<CheckOutlined />} data-testid={testIds.regApprove(r.id)}>
                    {t('registration.approve')}
                  </Button>
                </Popconfirm>
                <Button danger size="small" icon={<RollbackOutlined />} onClick={() => setRejecting(r)} data-testid={testIds.regReject(r.id)}>
                  {t('registration.reject')}
                </Button>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <PageHeader title={t('registration.title')} description={t('registration.description')} clause={<ClauseTag clause="a11.s0" />} />
      <Tabs
        data-testid={testIds.regStatusTabs}
        activeKey={status}
        onChange={(k) => setQuery({ status: k as Status, page: 1 })}
        items={statuses.map((s) => ({ key: s, label: t(`registration.${s}`) }))}
      />
      {error && <ErrorAlert error={error} />}
      <Table<Registration>
        data-testid={testIds.regTable}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 1000 }}
        onRow={(r) => ({ 'data-testid': testIds.regRow(r.id) }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={status === 'pending' ? t('registration.emptyPending') : t('registration.empty')} /> }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, ps) => setQuery({ page: ps !== pageSize ? 1 : p, pageSize: ps }),
        }}
      />
      {rejecting && (
        <Modal
          open
          title={t('registration.rejectTitle', { name: rejecting.orgNameZh })}
          okText={t('registration.reject')}
          okButtonProps={{ danger: true, loading: decide.isPending, 'data-testid': testIds.regRejectSubmit } as never}
          cancelText={t('common.cancel')}
          onCancel={() => setRejecting(null)}
          onOk={() => rejectForm.submit()}
          destroyOnHidden
        >
          {decide.error && <ErrorAlert error={decide.error} />}
          <Form form={rejectForm} layout="vertical" onFinish={(v) => decide.mutate({ reg: rejecting, approve: false, reason: v.reason.trim() })}>
            <Form.Item name="reason" label={t('registration.reason')} rules={[{ required: true, whitespace: true, message: t('registration.reasonRequired') }, { max: 500 }]}>
              <Input.TextArea rows={4} maxLength={500} showCount placeholder={t('registration.reasonPlaceholder')} data-testid={testIds.regRejectReason} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </div>
  );
}
