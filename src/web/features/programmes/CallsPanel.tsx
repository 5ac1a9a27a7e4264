// Calls under a published programme version: created as drafts with the programme's quota, then
// opened (the server checks China's holiday calendar covers the 公示 the call may lead to).
import { useState, type HTMLAttributes } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, DatePicker, Empty, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { PlayCircleOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post } from '../../app/api';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { applyFieldErrors, errorText } from '../../shared/errors';
import { useLang } from './parts';
import { txt, type Call, type ProgrammeVersion } from './model';
import { progIds } from './testids';

interface CallValues { year: number; titleZh: string; titleEn?: string; typeIds: string[]; opensOn: Dayjs; deadlineOn: Dayjs }

function CallModal({ programme, open, onClose }: { programme: ProgrammeVersion; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<CallValues>();
  const [error, setError] = useState<unknown>(null);
  const save = useMutation({
    mutationFn: (v: CallValues) =>
      post<Call>(`/api/programmes/${programme.id}/calls`, { year: v.year, titleZh: v.titleZh, titleEn: v.titleEn ?? '', typeIds: v.typeIds, opensOn: v.opensOn.format('YYYY-MM-DD'), deadlineOn: v.deadlineOn.format('YYYY-MM-DD') }),
    onSuccess: () => {
      void message.success(t('programmes.calls.created'));
      void qc.invalidateQueries({ queryKey: ['programmes', programme.id, 'calls'] });
      onClose();
    },
    onError: (e) => {
      const stray = applyFieldErrors(form, e, ['year', 'titleZh', 'titleEn', 'typeIds', 'opensOn', 'deadlineOn']);
      setError(stray.length || !(e as { fields?: unknown[] }).fields?.length ? e : null);
    },
  });
  const year = dayjs().year();
  const required = (label: string) => [{ required: true, message: t('validation.required', { label }) }];
  return (
    <Modal open={open} title={t('programmes.calls.create')} onCancel={onClose} okText={t('programmes.calls.create')} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending, 'data-testid': progIds.callSave } as never} destroyOnHidden width={600}>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form
        form={form}
        layout="vertical"
        data-testid={progIds.callForm}
        initialValues={{ year, titleZh: `${year}年度${programme.title.zh}申报`, titleEn: `${year} call: ${programme.title.en}`, typeIds: programme.types.map((x) => x.id), opensOn: dayjs(), deadlineOn: dayjs().add(30, 'day') }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="year" label={t('programmes.calls.year')} rules={required(t('programmes.calls.year'))}>
          <InputNumber min={2000} max={2100} data-testid={progIds.callField('year')} />
        </Form.Item>
        <Form.Item name="titleZh" label={t('programmes.calls.titleZh')} rules={required(t('programmes.calls.titleZh'))}>
          <Input data-testid={progIds.callField('titleZh')} />
        </Form.Item>
        <Form.Item name="titleEn" label={t('programmes.calls.titleEn')}>
          <Input data-testid={progIds.callField('titleEn')} />
        </Form.Item>
        <Form.Item name="typeIds" label={t('programmes.calls.types')} rules={required(t('programmes.calls.types'))}>
          <Checkbox.Group options={programme.types.map((ty) => ({ value: ty.id, label: txt(ty.name, lang) }))} data-testid={progIds.callField('typeIds')} />
        </Form.Item>
        <Space size={16}>
          <Form.Item name="opensOn" label={t('programmes.calls.opensOn')} rules={required(t('programmes.calls.opensOn'))}>
            <DatePicker data-testid={progIds.callField('opensOn')} />
          </Form.Item>
          <Form.Item name="deadlineOn" label={t('programmes.calls.deadlineOn')} rules={required(t('programmes.calls.deadlineOn'))}>
            <DatePicker data-testid={progIds.callField('deadlineOn')} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

const day = (iso: string) => dayjs(iso).format('YYYY-MM-DD');

export function CallsPanel({ programme }: { programme: ProgrammeVersion }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const published = programme.status === 'published';
  const calls = useQuery({ queryKey: ['programmes', programme.id, 'calls'], queryFn: () => get<Call[]>(`/api/programmes/${programme.id}/calls`), enabled: published });
  const setStatus = useMutation({
    mutationFn: ({ c, to }: { c: Call; to: 'open' | 'close' }) => post<Call>(`/api/programmes/calls/${c.id}/${to}`, { version: c.version }),
    onSuccess: (c) => {
      void message.success(t(c.status === 'open' ? 'programmes.calls.opened' : 'programmes.calls.closed'));
      void qc.invalidateQueries({ queryKey: ['programmes', programme.id, 'calls'] });
      void qc.invalidateQueries({ queryKey: ['recognition', 'calls'] });
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  if (!published) return <Alert type="info" showIcon title={t('programmes.calls.needPublished')} />;
  return (
    <div>
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('programmes.calls.hint')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid={progIds.callCreate}>{t('programmes.calls.create')}</Button>
      </Space>
      <Table<Call>
        rowKey="id"
        size="small"
        data-testid={progIds.callTable}
        loading={calls.isFetching}
        dataSource={calls.data ?? []}
        pagination={false}
        onRow={(c) => ({ 'data-testid': progIds.callRow(c.id) }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('programmes.calls.empty')} /> }}
        columns={[
          { title: t('programmes.calls.year'), dataIndex: 'year', width: 70 },
          { title: t('programmes.calls.titleZh'), key: 'title', render: (_, c) => (lang === 'en' ? c.titleEn || c.titleZh : c.titleZh) },
          { title: t('programmes.calls.types'), key: 'types', render: (_, c) => c.types.map((ty) => <Tag key={ty.id}>{txt(ty.name, lang)}</Tag>) },
          { title: t('programmes.calls.period'), key: 'period', width: 200, render: (_, c) => `${day(c.opensAt)} – ${day(c.deadline)}` },
          { title: t('programmes.calls.quota'), key: 'quota', width: 160, render: (_, c) => (c.quota ? Object.entries(c.quota.perRecommenderKind).map(([k, n]) => `${t(`programmes.orgKind.${k}`)} ${n}`).join('；') : t('programmes.preview.quotaNone')) },
          { title: t('programmes.list.statusCol'), key: 'status', width: 90, render: (_, c) => <Tag color={c.status === 'open' ? 'green' : c.status === 'draft' ? 'default' : 'red'}>{t(`programmes.calls.status.${c.status}`)}</Tag> },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            render: (_, c) =>
              c.status === 'draft' ? (
                <Button size="small" type="primary" icon={<PlayCircleOutlined />} loading={setStatus.isPending} onClick={() => setStatus.mutate({ c, to: 'open' })} data-testid={progIds.callOpen(c.id)}>{t('programmes.calls.open')}</Button>
              ) : c.status === 'open' ? (
                <Button size="small" danger icon={<StopOutlined />} loading={setStatus.isPending} onClick={() => setStatus.mutate({ c, to: 'close' })}>{t('programmes.calls.close')}</Button>
              ) : null,
          },
        ]}
      />
      <CallModal programme={programme} open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
