import { Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * a17.s1, typed once: the alliance events a base attended in the report's year, as the secretariat
 * recorded them — shown read-only in the annual summary's trainings section.
 */
export function AllianceAttendance({ a }: { a: { events: number; trainings: number; attendees: number; trainees: number } }) {
  const { t } = useTranslation();
  return (
    <div data-testid="report-alliance-attendance" style={{ marginTop: 12, paddingTop: 12, borderTop: '1px dashed #e5e5e5' }}>
      <Typography.Text type="secondary">{t('alliance.attendance.title')}</Typography.Text>
      <Row gutter={16} style={{ marginTop: 4 }}>
        {(['events', 'trainings', 'attendees', 'trainees'] as const).map((k) => (
          <Col span={6} key={k}><Statistic title={t(`alliance.attendance.${k}`)} value={a[k]} styles={{ content: { fontSize: 20 } }} /></Col>
        ))}
      </Row>
    </div>
  );
}
