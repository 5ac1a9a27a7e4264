import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckCircleFilled, LockFilled, SafetyOutlined, TeamOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { get, post, type Page } from '../../app/api';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatDateTime } from '../../shared/format';
import type { Lang } from '../../i18n';
import { SecurityAdminOnly } from './SecurityAdminOnly';
import type { AdminUser } from './model';

/** An authenticator app or at least one security key. */
const hasSecondFactor = (u: AdminUser) => u.totpEnabled || u.securityKeys > 0;

function Users() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const { modal, message } = App.useApp();
  const [query, setQuery] = useState<{ q?: string; page: number; pageSize: number }>({ page: 1, pageSize: 20 });
  const { data, error, isFetching, refetch } = useQuery({
    queryKey: ['security', 'users', query],
    queryFn: () => get<Page<AdminUser>>('/api/security/users', query),
    placeholderData: keepPreviousData,
  });
  const unlock = useMutation({
    mutationFn: (u: AdminUser) => post<{ ok: true; wasLocked: boolean }>(`/api/security/users/${u.id}/unlock`),
    onSuccess: (r, u) => {
      void message.success(r.wasLocked ? t('security.users.unlocked', { username: u.username }) : t('security.users.notLocked', { username: u.username }));
      void refetch();
    },
  });

  const resetMfa = useMutation({
    mutationFn: (u: AdminUser) => post<{ ok: true; sessionsEnded: number }>(`/api/security/users/${u.id}/reset-mfa`),
    onSuccess: (r, u) => {
      void message.success(t('security.users.resetMfaDone', { username: u.username, sessions: r.sessionsEnded }));
      void refetch();
    },
  });
  const onResetMfa = (u: AdminUser) =>
    modal.confirm({
      title: t('security.users.resetMfa'),
      content: t('security.users.resetMfaConfirm', { username: u.username }),
      okText: t('common.confirm'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => resetMfa.mutateAsync(u).catch(() => undefined),
    });

  const onUnlock = (u: AdminUser) =>
    modal.confirm({
      title: t('security.users.unlock'),
      content: t('security.users.unlockConfirm', { username: u.username }),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => unlock.mutateAsync(u).catch(() => undefined),
    });

  const columns: ColumnsType<AdminUser> = [
    { title: t('security.users.username'), dataIndex: 'username', width: 130, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('security.users.displayName'), dataIndex: 'displayName', width: 100 },
    {
      title: t('security.users.status'),
      key: 'status',
      width: 130,
      render: (_: unknown, u) =>
        u.locked ? (
          <Tooltip title={t('security.users.lockedUntil', { at: formatDateTime(u.lockedUntil, lang) })}>
            <Tag color="error" icon={<LockFilled />}>{t('security.users.locked')}</Tag>
          </Tooltip>
        ) : (
          <Tag color="success">{t('security.users.active')}</Tag>
        ),
    },
    {
      title: t('security.users.mfa'),
      key: 'mfa',
      width: 80,
      align: 'center',
      render: (_: unknown, u) => (hasSecondFactor(u)
        ? <Tooltip title={u.securityKeys > 0 ? t('security.users.mfaKeys', { count: u.securityKeys }) : undefined}><CheckCircleFilled style={{ color: '#52c41a' }} /></Tooltip>
        : <span style={{ color: '#bfbfbf' }}>—</span>),
    },
    { title: t('security.users.phone'), dataIndex: 'phone', width: 120, render: (v: string | null) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{v ?? '—'}</span> },
    { title: t('security.users.email'), dataIndex: 'email', width: 190, ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('security.users.roles'),
      dataIndex: 'roles',
      width: 200,
      render: (roles: string[]) => <Space size={[0, 4]} wrap>{roles.map((r) => <Tag key={r}>{t(`role.${r}`, { defaultValue: r })}</Tag>)}</Space>,
    },
    { title: t('security.users.org'), dataIndex: 'orgNameZh', width: 200, ellipsis: true },
    {
      key: 'op',
      width: 350,
      fixed: 'right',
      render: (_: unknown, u) => (
        <Space>
          <Button size="small" type={u.locked ? 'primary' : 'default'} icon={<UnlockOutlined />} onClick={() => onUnlock(u)} data-testid={testIds.secUserUnlock(u.id)}>
            {t('security.users.unlock')}
          </Button>
          {hasSecondFactor(u) && (
            <Button size="small" danger icon={<SafetyOutlined />} onClick={() => onResetMfa(u)} data-testid={testIds.secUserResetMfa(u.id)}>
              {t('security.users.resetMfa')}
            </Button>
          )}
          <Link to={`/security-role-requests?userId=${u.id}&username=${encodeURIComponent(u.username)}`} data-testid={testIds.secUserRole(u.id)}>
            <TeamOutlined /> {t('security.users.requestRole')}
          </Link>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('security.users.search')}
          style={{ width: 280 }}
          onSearch={(q) => setQuery((s) => ({ ...s, page: 1, q: q.trim() || undefined }))}
          data-testid={testIds.secUsersSearch}
        />
      </Space>
      {error && <ErrorAlert error={error} />}
      {unlock.error && <ErrorAlert error={unlock.error} onClose={() => unlock.reset()} />}
      {resetMfa.error && <ErrorAlert error={resetMfa.error} onClose={() => resetMfa.reset()} />}
      <Table<AdminUser>
        data-testid={testIds.secUsersTable}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        scroll={{ x: 1500 }}
        onRow={(u) => ({ 'data-testid': testIds.secUserRow(u.id), 'data-locked': String(u.locked) }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('security.users.empty')} /> }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('common.total', { total }),
          onChange: (p, ps) => setQuery((q) => ({ ...q, page: ps !== q.pageSize ? 1 : p, pageSize: ps })),
        }}
      />
    </>
  );
}

/** Accounts with masked contacts, and unlocking (security administrator). */
export default function SecurityUsersPage() {
  const { t } = useTranslation();
  return (
    <SecurityAdminOnly>
      <PageHeader title={t('security.users.title')} description={t('security.users.description')} />
      <Users />
    </SecurityAdminOnly>
  );
}
