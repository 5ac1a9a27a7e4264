import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Empty, Form, Input, Modal, Segmented, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post } from '../../app/api';
import { useMe } from '../../app/session';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { formatDate } from '../../shared/format';
import { FailedYearsView, StatusTag, useLang } from './common';
import { isMinistry, thisYear, type NoticeProposal, type ThreeYearRow } from './model';

/**
 * a13.s3: the notices (通报) the system proposes for bases that failed three assessment years in a
 * row — each with its year-by-year reading — confirmed by the ministry with a document number, or
 * dismissed with a reason; below, every base with a current run of failed years.
 */
export default function NoticesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const ministry = isMinistry(me);
  const [status, setStatus] = useState<'proposed' | 'confirmed' | 'dismissed' | 'all'>('proposed');
  const { data = [], error, isFetching } = useQuery({
    queryKey: ['bases', 'notices', status],
    queryFn: () => get<NoticeProposal[]>('/api/notice-proposals', { status: status === 'all' ? undefined : status }),
  });
  return (
    <div>
      <PageHeader title={t('bases.notices.title')} clause={<ClauseTag clause="a13.s3" />} description={t('bases.notices.description')} />
      <Segmented
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        style={{ marginBottom: 16 }}
        data-testid={testIds.noticesStatus}
        options={(['proposed', 'confirmed', 'dismissed', 'all'] as const).map((s) => ({ value: s, label: t(`bases.notices.status.${s}`) }))}
      />
      {error && <ErrorAlert error={error} />}
      {!isFetching && data.length === 0 && <Empty description={t('bases.notices.empty')} style={{ margin: '24px 0' }} />}
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid={testIds.noticesList}>
        {data.map((p) => (
          <ProposalCard key={p.id} p={p} ministry={ministry} />
        ))}
      </Space>
      <RunsTable />
    </div>
  );
}

function ProposalCard({ p, ministry }: { p: NoticeProposal; ministry: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [mode, setMode] = useState<'confirm' | 'dismiss' | null>(null);
  const [form] = Form.useForm<{ documentNumber: string; on: Dayjs; note?: string; reason?: string }>();
  const m = useMutation({
    mutationFn: (v: { documentNumber: string; on: Dayjs; note?: string; reason?: string }) =>
      mode === 'confirm'
        ? post(`/api/notice-proposals/${p.id}/confirm`, { documentNumber: v.documentNumber, on: v.on.format('YYYY-MM-DD'), note: v.note || undefined })
        : post(`/api/notice-proposals/${p.id}/dismiss`, { reason: v.reason ?? '' }),
    onSuccess: async () => {
      void message.success(mode === 'confirm' ? t('bases.notices.confirmed') : t('bases.notices.dismissed'));
      setMode(null);
      await qc.invalidateQueries({ queryKey: ['bases'] });
    },
  });
  return (
    <Card
      size="small"
      data-testid={testIds.noticeCard(p.id)}
      data-status={p.status}
      title={
        <Space wrap>
          <Link to={`/bases/${p.baseId}`}>{p.nameZh}</Link>
          <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
            {p.code}
          </Typography.Text>
          <Tag color={p.status === 'proposed' ? 'orange' : p.status === 'confirmed' ? 'red' : 'default'}>{t(`bases.notices.status.${p.status}`, { defaultValue: p.status })}</Tag>
        </Space>
      }
      extra={
        ministry && p.status === 'proposed' ? (
          <Space>
            <Button size="small" icon={<CloseOutlined />} onClick={() => setMode('dismiss')} data-testid={testIds.noticeDismiss(p.id)}>
              {t('bases.notices.dismiss')}
            </Button>
            <Button size="small" type="primary" danger icon={<CheckOutlined />} onClick={() => setMode('confirm')} data-testid={testIds.noticeConfirm(p.id)}>
              {t('bases.notices.confirm')}
            </Button>
          </Space>
        ) : p.documentNumber ? (
          <span>
            {t('bases.notices.document', { doc: p.documentNumber, on: formatDate(p.decidedOn) })}
          </span>
        ) : null
      }
    >
      <Typography.Paragraph>
        {t('bases.notices.proposedBecause', { year: p.triggeredInYear, run: p.run.join(lang === 'zh' ? '、' : ', ') })}
      </Typography.Paragraph>
      <FailedYearsView reading={p.reading} compact />
      <Modal
        open={mode !== null}
        title={
          <Space>
            {mode === 'confirm' ? t('bases.notices.confirmTitle') : t('bases.notices.dismissTitle')}
            <ClauseTag clause="a13.s3" />
          </Space>
        }
        onCancel={() => setMode(null)}
        onOk={() => form.submit()}
        okText={mode === 'confirm' ? t('bases.notices.confirm') : t('bases.notices.dismiss')}
        okButtonProps={{ danger: mode === 'confirm', 'data-testid': testIds.noticeSubmit } as never}
        confirmLoading={m.isPending}
        destroyOnHidden
      >
        <div data-testid={testIds.noticeForm}>
          <Typography.Paragraph type="secondary">{mode === 'confirm' ? t('bases.notices.confirmHint', { name: p.nameZh }) : t('bases.notices.dismissHint')}</Typography.Paragraph>
          {m.error && <ErrorAlert error={m.error} />}
          <Form form={form} layout="vertical" initialValues={{ on: dayjs() }} onFinish={(v) => m.mutate(v)}>
            {mode === 'confirm' ? (
              <>
                <Form.Item name="documentNumber" label={t('bases.page.docNumber')} rules={[{ required: true, min: 3, message: t('bases.form.docNumberRequired') }]}>
                  <Input maxLength={80} placeholder={t('bases.form.docNumberPlaceholder')} data-testid={testIds.noticeDocNumber} />
                </Form.Item>
                <Form.Item name="on" label={t('bases.page.docOn')} rules={[{ required: true, message: t('bases.form.required') }]}>
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="note" label={t('bases.form.note')}>
                  <Input.TextArea rows={3} maxLength={2000} />
                </Form.Item>
              </>
            ) : (
              <Form.Item name="reason" label={t('bases.notices.reason')} rules={[{ required: true, whitespace: true, message: t('bases.form.required') }]}>
                <Input.TextArea rows={4} maxLength={2000} data-testid={testIds.noticeReason} />
              </Form.Item>
            )}
          </Form>
        </div>
      </Modal>
    </Card>
  );
}

/** Every base in scope with a run of failed assessment years (a13.s3), with its reading. */
function RunsTable() {
  const { t } = useTranslation();
  const lang = useLang();
  const year = thisYear();
  const { data = [], error, isFetching } = useQuery({ queryKey: ['bases', 'failed-years', year], queryFn: () => get<ThreeYearRow[]>('/api/bases/failed-years', { year, minRun: 1 }) });
  return (
    <Card
      size="small"
      style={{ marginTop: 24 }}
      title={
        <Space>
          {t('bases.notices.runsTitle')}
          <ClauseTag clause="a13.s3" />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('bases.notices.runsHint')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} />}
      <Table<ThreeYearRow>
        size="small"
        rowKey="baseId"
        loading={isFetching}
        dataSource={data}
        pagination={false}
        data-testid={testIds.noticesRuns}
        onRow={(r) => ({ 'data-base-id': r.baseId }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('bases.notices.noRuns') }}
        expandable={{ expandedRowRender: (r) => <FailedYearsView reading={r.reading} compact /> }}
        columns={[
          { title: t('bases.list.code'), dataIndex: 'code', width: 170, render: (v: string) => <span style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>{v}</span> },
          { title: t('bases.list.name'), dataIndex: 'nameZh', render: (v: string, r) => <Link to={`/bases/${r.baseId}`}>{v}</Link> },
          { title: t('bases.list.status'), dataIndex: 'status', width: 100, render: (s: string) => <StatusTag status={s} /> },
          { title: t('bases.board.failedRun'), key: 'run', width: 200, render: (_, r) => <Tag color={r.reading.triggered ? 'red' : 'orange'}>{r.reading.run.join(lang === 'zh' ? '、' : ', ')}</Tag> },
          { title: t('bases.notices.conclusionCol'), key: 'because', render: (_, r) => r.reading.because[lang] },
        ]}
      />
    </Card>
  );
}

