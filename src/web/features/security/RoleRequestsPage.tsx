import { useMemo, useState, type HTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Form, Input, Radio, Row, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckOutlined, CloseOutlined, LockOutlined, PlusOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { get, post, type Page } from '../../app/api';
import { useMe } from '../../app/session';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { applyFieldErrors } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import type { Lang } from '../../i18n';
import { SecurityAdminOnly } from './SecurityAdminOnly';
import { grantableRoles, secondApprovalRoles, type AdminUser, type NewRoleRequest, type RoleRequest, type RoleRequestRow } from './model';

type Status = RoleRequest['status'];
const statusColor: Record<Status, string> = { pending: 'processing', applied: 'success', rejected: 'default' };

/** Accounts found by username or name, for the request form. */
function UserPicker(props: { value?: string; onChange?: (v: string) => void; initial?: { id: string; username: string } | null }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const { data, isFetching } = useQuery({
    queryKey: ['security', 'users', 'pick', q],
    queryFn: () => get<Page<AdminUser>>('/api/security/users', { q: q || undefined, page: 1, pageSize: 20 }),
  });
  const options = useMemo(() => {
    const list = (data?.items ?? []).map((u) => ({
      value: u.id,
      label: `${u.username} · ${u.displayName} — ${u.roles.map((r) => t(`role.${r}`, { defaultValue: r })).join('、') || '—'}`,
    }));
    if (props.initial && !list.some((o) => o.value === props.initial!.id)) list.unshift({ value: props.initial.id, label: props.initial.username });
    return list;
  }, [data, props.initial, t]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={props.value}
      onChange={props.onChange}
      loading={isFetching}
      options={options}
      placeholder={t('security.roles.userPlaceholder')}
      data-testid={testIds.secRolesField('user')}
    />
  );
}

function CreateRequest({ onCreated }: { onCreated(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const [form] = Form.useForm<NewRoleRequest>();
  const preset = params.get('userId');
  const initial = preset ? { id: preset, username: params.get('username') ?? preset } : null;
  const role = Form.useWatch('role', form);
  const create = useMutation({
    mutationFn: (v: NewRoleRequest) => post<RoleRequest>('/api/security/role-requests', { ...v, reason: v.reason?.trim() || undefined }),
    onSuccess: (r) => {
      void message.success(r.status === 'pending' ? t('security.roles.createdPending') : t('security.roles.createdApplied'));
      form.resetFields(['role', 'reason']);
      onCreated();
    },
    onError: (e) => applyFieldErrors(form, e, ['userId', 'role', 'op', 'reason']),
  });
  return (
    <Card title={<Space><PlusOutlined />{t('security.roles.create')}</Space>} data-testid={testIds.secRolesCreate} style={{ marginBottom: 16 }}>
      {create.error && <ErrorAlert error={create.error} onClose={() => create.reset()} />}
      <Form<NewRoleRequest>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ op: 'grant', userId: preset ?? undefined }}
        onFinish={(v) => create.mutate(v)}
        data-testid={testIds.secRolesForm}
      >
        <Row gutter={16}>
          <Col xs={24} lg={9}>
            <Form.Item name="userId" label={t('security.roles.user')} rules={[{ required: true, message: t('security.password.required') }]}>
              <UserPicker initial={initial} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={5}>
            <Form.Item name="op" label={t('security.roles.op')}>
              <Radio.Group optionType="button" buttonStyle="solid" data-testid={testIds.secRolesField('op')} options={[
                { value: 'grant', label: t('security.roles.grant') },
                { value: 'revoke', label: t('security.roles.revoke') },
              ]} />
            </Form.Item>
          </Col>
          <Col xs={24} lg={10}>
            <Form.Item
              name="role"
              label={t('security.roles.role')}
              rules={[{ required: true, message: t('security.password.required') }]}
              extra={role ? (secondApprovalRoles.includes(role) ? <span style={{ color: '#d46b08' }}><UserSwitchOutlined /> {t('security.roles.needsSecond')}</span> : t('security.roles.immediate')) : undefined}
            >
              <Select
                data-testid={testIds.secRolesField('role')}
                options={grantableRoles.map((r) => ({
                  value: r,
                  label: (
                    <Space>
                      {t(`role.${r}`, { defaultValue: r })}
                      {secondApprovalRoles.includes(r) && <Tag color="orange" bordered={false}>{t('security.roles.needsSecond')}</Tag>}
                    </Space>
                  ),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="reason" label={t('security.roles.reason')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid={testIds.secRolesField('reason')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid={testIds.secRolesSubmit}>
          {t('security.roles.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function Requests() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const me = useMe();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const [status, setStatus] = useState<Status | 'all'>('pending');
  const { data, error, isFetching, refetch } = useQuery({
    queryKey: ['security', 'role-requests', status],
    queryFn: () => get<{ items: RoleRequestRow[] }>('/api/security/role-requests', { status: status === 'all' ? undefined : status }),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['security', 'role-requests'] });
  const decide = useMutation({
    mutationFn: ({ id, approve }: { id: string; approve: boolean }) => post<RoleRequest>(`/api/security/role-requests/${id}/${approve ? 'approve' : 'reject'}`),
    onSuccess: (_r, v) => {
      void message.success(v.approve ? t('security.roles.approved') : t('security.roles.rejectedOk'));
      void refresh();
      void qc.invalidateQueries({ queryKey: ['security', 'users'] });
    },
  });
  const onDecide = (r: RoleRequestRow, approve: boolean) =>
    modal.confirm({
      title: approve ? t('security.roles.approve') : t('security.roles.reject'),
      content: approve ? t('security.roles.approveConfirm') : t('security.roles.rejectConfirm'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: !approve },
      onOk: () => decide.mutateAsync({ id: r.id, approve }).catch(() => undefined),
    });

  const columns: ColumnsType<RoleRequestRow> = [
    {
      title: t('security.roles.user'),
      key: 'user',
      width: 170,
      render: (_: unknown, r) => (
        <span>
          <Typography.Text strong>{r.username}</Typography.Text> <Typography.Text type="secondary">{r.displayName}</Typography.Text>
          {r.userId === me.id && <Typography.Text type="secondary">{t('security.roles.you')}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('security.roles.op'),
      dataIndex: 'op',
      width: 90,
      render: (op: 'grant' | 'revoke') => <Tag color={op === 'grant' ? 'blue' : 'volcano'}>{t(`security.roles.${op}`)}</Tag>,
    },
    {
      title: t('security.roles.role'),
      dataIndex: 'role',
      width: 170,
      render: (role: string) => (
        <Space size={4} wrap>
          {t(`role.${role}`, { defaultValue: role })}
          {secondApprovalRoles.includes(role) && <UserSwitchOutlined title={t('security.roles.needsSecond')} style={{ color: '#d46b08' }} />}
        </Space>
      ),
    },
    { title: t('security.roles.reason'), dataIndex: 'reason', ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('security.roles.requestedBy'),
      key: 'by',
      width: 150,
      render: (_: unknown, r) => (
        <span>
          {r.requestedByUsername}
          {r.requestedBy === me.id && <Typography.Text type="secondary">{t('security.roles.you')}</Typography.Text>}
          <div style={{ fontSize: 12, color: '#8c8c8c' }}>{formatDateTime(r.requestedAt, lang)}</div>
        </span>
      ),
    },
    {
      title: t('security.roles.status'),
      dataIndex: 'status',
      width: 130,
      render: (s: Status, r) => (
        <span>
          <Tag color={statusColor[s]}>{t(`security.roles.${s}`)}</Tag>
          {r.decidedAt && <div style={{ fontSize: 12, color: '#8c8c8c' }}>{formatDateTime(r.decidedAt, lang)}</div>}
        </span>
      ),
    },
    {
      title: t('security.roles.actions'),
      key: 'op2',
      width: 260,
      fixed: 'right',
      render: (_: unknown, r) => {
        if (r.status !== 'pending') return '—';
        // Two-person rule: the requester and the person concerned cannot decide (the server refuses too).
        const own = r.requestedBy === me.id;
        const aboutMe = r.userId === me.id;
        return (
          <Space direction="vertical" size={4}>
            <Space>
              <Button size="small" type="primary" icon={<CheckOutlined />} disabled={own || aboutMe} onClick={() => onDecide(r, true)} data-testid={testIds.secRoleApprove(r.id)}>
                {t('security.roles.approve')}
              </Button>
              <Button size="small" danger icon={<CloseOutlined />} disabled={aboutMe} onClick={() => onDecide(r, false)} data-testid={testIds.secRoleReject(r.id)}>
                {t('security.roles.reject')}
              </Button>
            </Space>
            {(own || aboutMe) && (
              <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid={testIds.secRoleOwn(r.id)}>
                <LockOutlined /> {aboutMe ? t('security.roles.aboutMe') : t('security.roles.ownRequest')}
              </Typography.Text>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <CreateRequest onCreated={() => void refresh()} />
      <Card
        title={<Space><TeamOutlined />{t('security.roles.title')}</Space>}
        extra={
          <Segmented<Status | 'all'>
            value={status}
            onChange={setStatus}
            data-testid={testIds.secRolesStatus}
            options={[
              { value: 'pending', label: t('security.roles.pending') },
              { value: 'applied', label: t('security.roles.applied') },
              { value: 'rejected', label: t('security.roles.rejected') },
              { value: 'all', label: t('security.roles.statusAll') },
            ]}
          />
        }
      >
        {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}
        {decide.error && <ErrorAlert error={decide.error} onClose={() => decide.reset()} />}
        <Table<RoleRequestRow>
          data-testid={testIds.secRolesTable}
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scroll={{ x: 1150 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          onRow={(r) => ({ 'data-testid': testIds.secRoleRow(r.id), 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('security.roles.empty')} /> }}
        />
      </Card>
    </>
  );
}

/** Role grants and revocations; ministry and administrator roles need a second security administrator. */
export default function RoleRequestsPage() {
  const { t } = useTranslation();
  return (
    <SecurityAdminOnly>
      <PageHeader title={t('security.roles.title')} />
      <Alert type="info" showIcon icon={<UserSwitchOutlined />} style={{ marginBottom: 16 }} title={t('security.roles.description')} />
      <Requests />
    </SecurityAdminOnly>
  );
}
