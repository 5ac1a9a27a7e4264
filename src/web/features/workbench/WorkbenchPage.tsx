import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Col, Empty, Flex, List, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { BellOutlined, CheckCircleOutlined, ClockCircleOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Me } from '../../../contracts/auth';
import { get } from '../../app/api';
import { useMe } from '../../app/session';
import { testIds } from '../../app/testids';
import { widestScope, type Scope } from '../../app/permissions';
import { ClauseTag } from '../../shared/ClauseTag';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatDateTime, formatNumber } from '../../shared/format';
import { regionLabel } from '../../shared/regions';
import type { Lang } from '../../i18n';

const OrgChart = lazy(() => import('./OrgChart'));

interface Workbench {
  todos: Array<{ kind: string; count: number; link: string; clause?: string }>;
  recent: Array<{ id: number; at: string; action: string; entityType: string; entityId: string | null }>;
  orgCounts: Array<{ kind: string; n: number }>;
  unreadNotifications: number;
}

/** "数据范围：全国" / "本地区（四川省）推荐的单位" / "本单位": the scope in words (a9.s1). */
export function scopeInWords(me: Me, scope: Scope | null, t: TFunction, lang: Lang): string {
  const region = regionLabel(me.org.regionCode, lang);
  switch (scope) {
    case 'all':
      return t('scope.all');
    case 'recommended':
      return region ? t('scope.recommendedRegion', { region }) : t('scope.recommendedDept');
    case 'province':
      return t('scope.province', { region: region || '—' });
    case 'zone':
    case 'own_org':
    case 'assigned':
    case 'self':
      return t(`scope.${scope}`);
    default:
      return t('scope.none');
  }
}

function greetingKey(): 'morning' | 'afternoon' | 'evening' {
  const h = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hour12: false }).format(new Date()));
  return h < 12 ? 'morning' : h < 18 ? 'afternoon' : 'evening';
}

/** 'organization.update' → auditAction.organization_update (dots are i18next's key separator). */
export function actionLabel(action: string, t: TFunction): string {
  return t(`auditAction.${action.replace(/\./g, '_')}`, { defaultValue: action });
}

export default function WorkbenchPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const { data, error, isPending, refetch } = useQuery({ queryKey: ['workbench'], queryFn: () => get<Workbench>('/api/workbench') });

  const roles = me.roles.map((r) => t(`role.${r}`, { defaultValue: r })).join(lang === 'en' ? ', ' : '、');
  const orgName = lang === 'en' ? me.org.nameEn || me.org.nameZh : me.org.nameZh;
  const totalOrgs = data?.orgCounts.reduce((s, c) => s + c.n, 0) ?? 0;
  const counts = [...(data?.orgCounts ?? [])].sort((a, b) => b.n - a.n);
  const kindLabel = (k: string) => t(`orgKind.${k}`, { defaultValue: k });

  return (
    <div>
      <Card variant="borderless" style={{ marginBottom: 16, background: 'linear-gradient(90deg,#f4f8fd,#ffffff)' }}>
        <Flex justify="space-between" align="center" wrap gap={16}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid={testIds.workbenchGreeting}>
              {t(`workbench.${greetingKey()}`, { name: me.displayName })}
            </Typography.Title>
            <Typography.Text type="secondary">
              {orgName} · {roles}
            </Typography.Text>
            <div style={{ marginTop: 8 }} data-testid={testIds.workbenchScope}>
              <Space size={8} wrap>
                <Typography.Text strong>
                  {t('scope.label')}{t('common.colon')}{scopeInWords(me, widestScope(me), t, lang)}
                </Typography.Text>
                <ClauseTag clause="a9.s1" />
              </Space>
            </div>
          </div>
          <Badge count={data?.unreadNotifications ?? 0} overflowCount={99} showZero color={data?.unreadNotifications ? '#c8161d' : '#bfbfbf'}>
            <Link to="/messages" data-testid="workbench-messages">
              <Tag icon={<BellOutlined />} style={{ padding: '4px 10px', fontSize: 13, cursor: 'pointer' }}>
                {t('workbench.unread')}
              </Tag>
            </Link>
          </Badge>
        </Flex>
      </Card>

      {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}

      {/* Without data, empty lists would wrongly say that nothing is waiting. */}
      {(data || isPending) && (
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('workbench.todos')} extra={data && <Tag color={data.todos.length ? 'volcano' : 'default'}>{t('workbench.items', { count: data.todos.length })}</Tag>} style={{ height: '100%' }}>
            {isPending ? (
              <Skeleton active />
            ) : (
              <List
                data-testid={testIds.workbenchTodos}
                dataSource={data?.todos ?? []}
                locale={{ emptyText: <Empty image={<CheckCircleOutlined style={{ fontSize: 40, color: '#52c41a' }} />} description={t('workbench.noTodos')} /> }}
                renderItem={(todo) => (
                  <List.Item
                    data-testid={testIds.workbenchTodo(todo.kind)}
                    actions={[
                      <Link key="go" to={todo.link}>
                        {t('workbench.handle')} <RightOutlined />
                      </Link>,
                    ]}
                  >
                    <List.Item.Meta
                      avatar={<Badge count={todo.count} overflowCount={999} style={{ backgroundColor: '#c8161d' }} />}
                      title={<Link to={todo.link}>{t(`todo.${todo.kind}`, { defaultValue: t('todo.unknown', { kind: todo.kind }) })}</Link>}
                      description={todo.clause ? <ClauseTag clause={todo.clause} /> : undefined}
                    />
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('workbench.recent')} style={{ height: '100%' }}>
            {isPending ? (
              <Skeleton active />
            ) : (
              <List
                size="small"
                data-testid={testIds.workbenchRecent}
                dataSource={data?.recent ?? []}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.noRecent')} /> }}
                renderItem={(r) => (
                  <List.Item>
                    <Space>
                      <ClockCircleOutlined style={{ color: '#8c8c8c' }} />
                      <Typography.Text type="secondary" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {formatDateTime(r.at, lang)}
                      </Typography.Text>
                      <span>{actionLabel(r.action, t)}</span>
                      <Tag>{t(`entityType.${r.entityType}`, { defaultValue: r.entityType })}</Tag>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>

        {(isPending || counts.length > 0 || (data && me.permissions.organization?.read)) && (
          <Col span={24}>
            <Card
              title={t('workbench.orgCounts')}
              extra={
                me.permissions.organization?.read ? (
                  <Link to="/organizations">
                    {t('menu.organizations')} <RightOutlined />
                  </Link>
                ) : undefined
              }
            >
              {isPending ? (
                <Skeleton active />
              ) : counts.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workbench.orgCountsEmpty')} />
              ) : (
                <Row gutter={[16, 16]}>
                  <Col xs={24} xl={11}>
                    <Row gutter={[12, 12]} data-testid={testIds.workbenchOrgCounts}>
                      <Col xs={12} sm={8}>
                        <Card size="small" className="guohe-stat-card" style={{ background: '#13488f' }}>
                          <Statistic
                            title={<span style={{ color: 'rgba(255,255,255,0.85)' }}>{t('workbench.totalOrgs')}</span>}
                            value={totalOrgs}
                            formatter={(v) => formatNumber(Number(v), lang)}
                            styles={{ content: { color: '#fff' } }}
                          />
                        </Card>
                      </Col>
                      {/* The five largest kinds as cards; the chart beside them shows every kind. */}
                      {counts.slice(0, 5).map((c) => (
                        <Col xs={12} sm={8} key={c.kind} data-kind={c.kind}>
                          <Card size="small" className="guohe-stat-card">
                            <Statistic title={<span title={kindLabel(c.kind)}>{kindLabel(c.kind)}</span>} value={c.n} formatter={(v) => formatNumber(Number(v), lang)} />
                          </Card>
                        </Col>
                      ))}
                    </Row>
                  </Col>
                  <Col xs={24} xl={13} data-testid={testIds.workbenchOrgChart}>
                    <Typography.Text type="secondary">{t('workbench.chartTitle')}</Typography.Text>
                    <Suspense fallback={<Skeleton active />}>
                      <OrgChart title={t('workbench.chartTitle')} data={counts.map((c) => ({ label: kindLabel(c.kind), n: c.n }))} />
                    </Suspense>
                  </Col>
                </Row>
              )}
            </Card>
          </Col>
        )}
      </Row>
      )}
    </div>
  );
}
