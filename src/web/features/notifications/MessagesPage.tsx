import { useSearchParams, Link } from 'react-router';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Notification, NotificationPage } from '../../../contracts/notifications';
import { get, post } from '../../app/api';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import type { Lang } from '../../i18n';

/** The in-app message center: one's own notifications, newest first, unread ones marked. */
export default function MessagesPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('filter') === 'unread';
  const page = Number(params.get('page') ?? 1) || 1;
  const query = { page, pageSize: 20, ...(unreadOnly ? { unread: 'true' } : {}) };

  // The server renders the text in the asking language, so the language is part of the key.
  const { data, error, isFetching, refetch } = useQuery({
    queryKey: ['notifications', query, lang],
    queryFn: () => get<NotificationPage>('/api/notifications', query),
    placeholderData: keepPreviousData,
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['notifications'] });
    void qc.invalidateQueries({ queryKey: ['workbench'] });
  };
  const markOne = useMutation({
    mutationFn: (id: string) => post(`/api/notifications/${id}/read`),
    onSuccess: refresh,
    onError: (e) => void message.error(errorText(e, t)),
  });
  const markAll = useMutation({
    mutationFn: () => post<{ marked: number }>('/api/notifications/read-all'),
    onSuccess: (r) => { void message.success(t('messages.markedAll', { n: r.marked })); refresh(); },
    onError: (e) => void message.error(errorText(e, t)),
  });

  const setFilter = (v: string) => setParams(v === 'unread' ? { filter: 'unread' } : {});
  const item = (n: Notification) => (
    <List.Item
      data-testid={`message-${n.id}`}
      actions={[
        n.link ? <Link key="open" to={n.link} onClick={() => !n.readAt && markOne.mutate(n.id)}>{t('messages.open')}</Link> : null,
        n.readAt ? <Tag key="read">{t('messages.read')}</Tag>
          : <Button key="mark" size="small" icon={<CheckOutlined />} onClick={() => markOne.mutate(n.id)}>{t('messages.markRead')}</Button>,
      ].filter(Boolean)}
    >
      <List.Item.Meta
        avatar={<Badge status={n.readAt ? 'default' : 'error'} />}
        title={<Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>}
        description={<Space direction="vertical" size={2}>
          <Typography.Text>{n.body}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('messages.received')}: {formatDateTime(n.createdAt, lang)}</Typography.Text>
        </Space>}
      />
    </List.Item>
  );

  return (
    <>
      <PageHeader title={t('messages.menu')} description={t('messages.description')} />
      {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }} wrap>
        <Segmented
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(v) => setFilter(String(v))}
          options={[{ value: 'all', label: t('messages.all') }, { value: 'unread', label: t('messages.unreadCount', { n: data?.unread ?? 0 }) }]}
        />
        <Button data-testid="messages-read-all" icon={<CheckOutlined />} disabled={!data?.unread} loading={markAll.isPending} onClick={() => markAll.mutate()}>
          {t('messages.markAllRead')}
        </Button>
      </Space>
      <List
        bordered
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        renderItem={item}
        locale={{ emptyText: <Empty description={t(unreadOnly ? 'messages.emptyUnread' : 'messages.empty')} /> }}
        pagination={data && data.total > data.pageSize ? {
          current: page, pageSize: data.pageSize, total: data.total, showSizeChanger: false,
          onChange: (p) => setParams({ ...(unreadOnly ? { filter: 'unread' } : {}), page: String(p) }),
        } : false}
      />
    </>
  );
}
