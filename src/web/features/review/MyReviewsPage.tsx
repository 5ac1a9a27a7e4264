import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { get } from '../../app/api';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { assignmentStatusColor, type MyAssignment } from './http';

/** The expert's own assignments (the workbench to-dos link here). */
export default function MyReviewsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const q = useQuery({ queryKey: ['review', 'mine'], queryFn: () => get<MyAssignment[]>('/api/review/assignments') });
  return (
    <>
      <PageHeader title={t('review.mine.title')} clause={<ClauseTag clause="a5.p2" />} description={t('review.mine.description')} />
      <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />
      <Table<MyAssignment>
        data-testid={testIds.reviewMyTable}
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data ?? []}
        locale={{ emptyText: t('review.mine.empty') }}
        pagination={false}
        onRow={(a) => ({ 'data-testid': testIds.reviewMyRow(a.id), 'data-status': a.status }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('review.mine.application'), key: 'app',
            render: (_, a) => (
              <div>
                <Link to={`/reviews/${a.id}`} data-testid={testIds.reviewMyOpen(a.id)}>{en ? a.application.titleEn || a.application.title : a.application.title}</Link>
                <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.application.applicant}</Typography.Text></div>
              </div>
            ),
          },
          { title: t('review.mine.round'), dataIndex: 'roundTitle', width: 260 },
          { title: t('review.mine.status'), dataIndex: 'status', width: 140, render: (s: string) => <Tag color={assignmentStatusColor[s]}>{t(`review.assignmentStatus.${s}`)}</Tag> },
          { title: t('review.mine.total'), dataIndex: 'totalScore', width: 90, render: (v: number | null) => v ?? '—' },
        ]}
      />
    </>
  );
}
