import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { get } from '../../app/api';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { StandingTab } from './StandingTab';
import { AnnouncementsTab, GroupsTab, MembersTab, ResourcesTab } from './CommunityTabs';
import { EventsTab } from './EventsTab';
import { WorkReportTab } from './WorkReportTab';
import type { Overview } from './model';

/**
 * The bases' alliance (a18): one page, its tabs depending on who looks — the secretariat runs it,
 * the ministry reads it, member bases share and take part, others see their standing and may apply.
 */
export default function AlliancePage() {
  const { t } = useTranslation();
  const { data: o, error } = useQuery({ queryKey: ['alliance', 'overview'], queryFn: () => get<Overview>('/api/alliance/overview') });
  const seesMembers = !!o?.counts;
  const national = o?.role === 'secretariat' || o?.role === 'ministry';
  const items = [
    { key: 'standing', label: t('alliance.tabs.standing'), children: o && <StandingTab overview={o} /> },
    ...(seesMembers && o ? [
      { key: 'announcements', label: t('alliance.tabs.announcements'), children: <AnnouncementsTab overview={o} /> },
      { key: 'events', label: t('alliance.tabs.events'), children: <EventsTab overview={o} /> },
      { key: 'members', label: t('alliance.tabs.members'), children: <MembersTab /> },
      { key: 'groups', label: t('alliance.tabs.groups'), children: <GroupsTab overview={o} /> },
      { key: 'resources', label: t('alliance.tabs.resources'), children: <ResourcesTab overview={o} /> },
    ] : []),
    ...(national ? [{ key: 'report', label: t('alliance.tabs.report'), children: <WorkReportTab /> }] : []),
  ];
  return (
    <div data-testid="alliance-page">
      <PageHeader
        title={t('alliance.title')}
        clause={<ClauseTag clause="a18.s1" />}
        description={t('alliance.description')}
        extra={o && <Tag color={o.role === 'non_member' ? 'default' : 'blue'} data-testid="alliance-role">{t(`alliance.role.${o.role}`)}</Tag>}
      />
      {error && <ErrorAlert error={error} />}
      {o?.counts && (
        <Row gutter={12} style={{ marginBottom: 16 }}>
          {(['members', 'pending', 'groups', 'resources', 'events'] as const).map((k) => (
            <Col key={k} xs={12} sm={8} md={4}>
              <Card size="small"><Statistic title={t(`alliance.counts.${k}`)} value={o.counts![k]} /></Card>
            </Col>
          ))}
        </Row>
      )}
      {o && <Tabs items={items} defaultActiveKey={national ? 'standing' : seesMembers ? 'events' : 'standing'} destroyOnHidden />}
    </div>
  );
}
