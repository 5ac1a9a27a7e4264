import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, InputNumber, Row, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { download, get } from '../../app/api';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { formatDate } from '../../shared/format';
import { useLang } from '../bases/common';
import { eventColor, type WorkReport } from './model';

/** The secretariat's annual work report (a18.s2), computed from the records, with Excel export. */
export function WorkReportTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [year, setYear] = useState(new Date().getFullYear());
  const { data: r, error } = useQuery({ queryKey: ['alliance', 'work-report', year], queryFn: () => get<WorkReport>('/api/alliance/work-report', { year }) });
  const exportIt = async () => {
    try { void message.success(t('alliance.report.exported', { file: await download('/api/alliance/work-report.xlsx', { year }, `alliance-work-report-${year}.xlsx`) })); } catch (e) { void message.error(String(e)); }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16} data-testid="alliance-work-report">
      <Space>
        {t('alliance.report.year')}<InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        <Button icon={<DownloadOutlined />} onClick={() => void exportIt()}>{t('alliance.report.export')}</Button>
        <ClauseTag clause="a18.s2" />
      </Space>
      {error && <ErrorAlert error={error} />}
      {r && (
        <>
          <Row gutter={12}>
            <Col xs={24} md={12}>
              <Card size="small" title={t('alliance.report.membership')}>
                <Descriptions size="small" column={2} items={(['joined', 'left', 'removed', 'declined', 'pending', 'membersAtEnd'] as const).map((k) => ({ key: k, label: t(`alliance.report.${k}`), children: r.membership[k] }))} />
              </Card>
            </Col>
            <Col xs={24} md={12}>
              <Card size="small" title={<Space>{t('alliance.report.attendance')}<ClauseTag clause="a17.s1" /></Space>}>
                <Descriptions size="small" column={2} items={[
                  { key: 'e', label: t('alliance.report.events'), children: r.attendance.events },
                  { key: 't', label: t('alliance.report.trainings'), children: r.attendance.trainings },
                  { key: 'a', label: t('alliance.report.attendees'), children: r.attendance.attendees },
                  { key: 'tr', label: t('alliance.report.trainees'), children: r.attendance.trainees },
                  { key: 'b', label: t('alliance.report.basesAttending'), children: r.attendance.basesAttending },
                  { key: 'r', label: t('alliance.report.resources'), children: r.resources.posted },
                  { key: 'n', label: t('alliance.report.announcements'), children: r.announcements },
                ]} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('alliance.report.events')}>
            <Table rowKey="id" size="small" pagination={false} dataSource={r.events} columns={[
              { title: t('alliance.events.dates'), render: (_, e) => formatDate(e.startsOn) },
              { title: t('alliance.events.title'), render: (_, e) => <Space><Tag color={eventColor[e.kind]}>{t(`alliance.events.kind.${e.kind}`)}</Tag>{e.titleZh}</Space> },
              { title: t('alliance.report.registeredBases'), dataIndex: 'registeredBases' },
              { title: t('alliance.report.attendedBases'), dataIndex: 'attendedBases' },
              { title: t('alliance.report.attendees'), dataIndex: 'attendees' },
            ]} />
          </Card>
          <Card size="small" title={t('alliance.report.groups')}>
            <Space wrap>{r.groups.map((g) => <Tag key={g.id}>{g.nameZh}（{g.members}）</Tag>)}</Space>
          </Card>
          <Card size="small" title={<Space>{t('alliance.report.alignment')}<ClauseTag clause="a20.s1" /></Space>}>
            <Table rowKey="baseId" size="small" pagination={false} dataSource={r.alignment} columns={[
              { title: t('alliance.members.code'), dataIndex: 'code' },
              { title: t('alliance.members.name'), dataIndex: 'nameZh' },
              { title: t('alliance.report.programmes'), dataIndex: 'programmes' },
              { title: t('alliance.report.partners'), dataIndex: 'partners' },
              { title: t('alliance.report.reading'), render: (_, a) => <Tag color={a.met ? 'success' : 'warning'}>{lang === 'en' ? a.because.en : a.because.zh}</Tag> },
            ]} />
          </Card>
        </>
      )}
    </Space>
  );
}
