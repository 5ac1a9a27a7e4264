// The server's preview of a programme version: per type, the application form an applicant will
// fill (one section per condition clause) and the step bar, with the 公示's end in China's
// working days from a chosen start day.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Empty, Space, Steps, Tabs, Tag, Typography } from 'antd';
import { PaperClipOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { get } from '../../app/api';
import { errorText } from '../../shared/errors';
import { ClauseList, useLang } from './parts';
import { txt, type ProgrammePreview } from './model';
import { progIds } from './testids';

type PType = ProgrammePreview['types'][number];

function FormPreview({ type }: { type: PType }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      {type.sections.map((s) => (
        <Card key={s.clause} size="small" title={<ClauseList ids={[s.clause]} />} data-testid={progIds.previewSection(s.clause)}>
          {s.conditions.map((c, i) => {
            const q = (c.params.question ?? undefined) as { zh: string; en: string } | undefined;
            return (
              <div key={i} style={{ marginBottom: 4 }}>
                <Typography.Text strong>{txt(c.kindName, lang)}</Typography.Text>{' '}
                <Tag color={c.machineCheckable ? 'green' : 'orange'}>{t(c.machineCheckable ? 'programmes.type.machine' : 'programmes.type.human')}</Tag>
                {q && <div><Typography.Text type="secondary">{txt(q, lang)}</Typography.Text></div>}
                {c.upload && (
                  <div>
                    <PaperClipOutlined /> {t('programmes.preview.upload', { label: txt(c.upload.label, lang) })}
                  </div>
                )}
              </div>
            );
          })}
        </Card>
      ))}
    </Space>
  );
}

function StepsPreview({ type }: { type: PType }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Steps
      data-testid={progIds.previewSteps}
      orientation="vertical"
      size="small"
      current={-1}
      items={type.steps.map((s) => ({
        title: (
          <Space size={4} wrap>
            {txt(s.name, lang)}
            {s.deciding && <Tag color="red">{t('programmes.preview.deciding')}</Tag>}
          </Space>
        ),
        content: (
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('programmes.preview.by', { actors: s.actor.orgKinds.map((k) => t(`programmes.orgKind.${k}`)).join(s.actor.joint ? ' + ' : ' / ') })}
            </Typography.Text>
            <div><ClauseList ids={s.clauses} /></div>
            {s.notice ? (
              <Typography.Text style={{ fontSize: 12 }}>{t('programmes.preview.notice', { days: s.notice.workingDays, from: s.notice.from, end: s.notice.endsOn })}</Typography.Text>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}

/** `savedVersion` changes after each save, which refetches the preview. */
export function PreviewPanel({ id, savedVersion }: { id: string; savedVersion: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [noticeFrom, setNoticeFrom] = useState<string | undefined>(undefined);
  const q = useQuery({
    queryKey: ['programmes', id, 'preview', savedVersion, noticeFrom],
    queryFn: () => get<ProgrammePreview>(`/api/programmes/${id}/preview`, { noticeFrom }),
    retry: false,
  });
  return (
    <Card
      title={t('programmes.preview.title')}
      size="small"
      data-testid={progIds.preview}
      extra={<Button size="small" icon={<ReloadOutlined />} onClick={() => void q.refetch()} aria-label={t('programmes.preview.refresh')} />}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('programmes.preview.hint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 8 }} wrap>
        <Typography.Text style={{ fontSize: 12 }}>{t('programmes.preview.noticeFrom')}</Typography.Text>
        <DatePicker aria-label={t('programmes.preview.noticeFrom')} size="small" value={noticeFrom ? dayjs(noticeFrom) : null} onChange={(d) => setNoticeFrom(d ? d.format('YYYY-MM-DD') : undefined)} />
      </Space>
      {q.error && <Alert type="error" showIcon title={errorText(q.error, t)} />}
      {!q.data && !q.error && <Empty description={t('programmes.preview.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {q.data && (
        <Tabs
          size="small"
          items={q.data.types.map((ty) => ({
            key: ty.id,
            label: txt(ty.name, lang),
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Typography.Text strong>{t('programmes.preview.form')}</Typography.Text>
                <FormPreview type={ty} />
                <Typography.Text strong>{t('programmes.preview.steps')}</Typography.Text>
                <StepsPreview type={ty} />
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  );
}
