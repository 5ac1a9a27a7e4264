import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZCall } from '../../../contracts/recognition';
import { get, post } from '../../app/api';
import { useMe } from '../../app/session';
import { scopeOf } from '../../app/permissions';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { applyFieldErrors } from '../../shared/errors';
import { roundStatusColor, type Round } from './http';

type Call = z.infer<typeof ZCall>;
interface CreateValues { callId: string; typeId: string; title?: string; min: number; max: number; maxLoad: number; maxPerProvince: number }

/** The review rounds the organizing body runs (a5.p2–a8.p2), and a new one. */
export default function RoundsPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const me = useMe();
  const nav = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<CreateValues>();
  const callId = Form.useWatch('callId', form);
  const canCreate = scopeOf(me, 'review', 'create') !== null;

  const rounds = useQuery({ queryKey: ['review', 'rounds'], queryFn: () => get<Round[]>('/api/review/rounds') });
  const calls = useQuery({ queryKey: ['recognition', 'calls'], queryFn: () => get<Call[]>('/api/recognition/calls'), enabled: open });
  const call = calls.data?.find((c) => c.id === callId);

  const create = useMutation({
    mutationFn: (v: CreateValues) => post<Round>('/api/review/rounds', {
      callId: v.callId, typeId: v.typeId, title: v.title || undefined,
      params: { reviewers: { min: v.min, max: v.max }, maxLoad: v.maxLoad, maxPerProvince: v.maxPerProvince },
    }),
    onSuccess: (r) => {
      void message.success(t('review.rounds.created'));
      void qc.invalidateQueries({ queryKey: ['review', 'rounds'] });
      setOpen(false);
      void nav(`/review/rounds/${r.id}`);
    },
    onError: (e) => applyFieldErrors(form, e),
  });

  return (
    <>
      <PageHeader
        title={t('review.rounds.title')}
        clause={<ClauseTag clause="a5.p2" />}
        description={t('review.rounds.description')}
        extra={canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid={testIds.reviewRoundCreate}>
            {t('review.rounds.create')}
          </Button>
        )}
      />
      <ErrorAlert error={rounds.error} onRetry={() => void rounds.refetch()} />
      <Table<Round>
        data-testid={testIds.reviewRoundsTable}
        rowKey="id"
        loading={rounds.isFetching}
        dataSource={rounds.data ?? []}
        locale={{ emptyText: t('review.rounds.empty') }}
        pagination={false}
        onRow={(r) => ({ 'data-testid': testIds.reviewRoundRow(r.id), 'data-status': r.status }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('review.rounds.colTitle'), dataIndex: 'title', render: (v: string, r) => <Link to={`/review/rounds/${r.id}`}>{v}</Link> },
          { title: t('review.rounds.colType'), dataIndex: 'typeId', width: 200, render: (v: string) => t(`bases.type.${v}`, { defaultValue: v }) },
          { title: t('review.rounds.colYear'), dataIndex: 'year', width: 90 },
          { title: t('review.rounds.colApps'), key: 'apps', width: 100, render: (_, r) => r.proposal?.applicationIds.length ?? '—' },
          { title: t('review.rounds.colStatus'), dataIndex: 'status', width: 130, render: (s: string) => <Tag color={roundStatusColor[s]}>{t(`review.status.${s}`)}</Tag> },
          {
            title: t('common.actions'), key: 'actions', width: 200,
            render: (_, r) => (
              <Space size={4}>
                <Link to={`/review/rounds/${r.id}`} data-testid={testIds.reviewRoundOpen(r.id)}>{t('review.rounds.open')}</Link>
                {(r.status === 'applied' || r.status === 'panel') && (
                  <Link to={`/review/rounds/${r.id}/panel`} data-testid={testIds.reviewRoundPanel(r.id)}>{t('review.rounds.panel')}</Link>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t('review.rounds.create')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        okButtonProps={{ 'data-testid': testIds.reviewRoundSave } as never}
        destroyOnHidden
      >
        <ErrorAlert error={create.error} />
        <Form<CreateValues> form={form} layout="vertical" data-testid={testIds.reviewRoundForm} onFinish={(v) => create.mutate(v)}
          initialValues={{ min: 5, max: 7, maxLoad: 3, maxPerProvince: 2 }}>
          <Form.Item name="callId" label={t('review.rounds.call')} rules={[{ required: true }]}>
            <Select data-testid={testIds.reviewRoundField('callId')} loading={calls.isFetching}
              options={(calls.data ?? []).map((c) => ({ value: c.id, label: `${c.year} · ${en ? c.titleEn : c.titleZh}` }))} />
          </Form.Item>
          <Form.Item name="typeId" label={t('review.rounds.type')} rules={[{ required: true }]}>
            <Select data-testid={testIds.reviewRoundField('typeId')} options={(call?.types ?? []).map((ty) => ({ value: ty.id, label: en ? ty.name.en : ty.name.zh }))} />
          </Form.Item>
          <Form.Item name="title" label={t('review.rounds.roundTitle')}>
            <Input data-testid={testIds.reviewRoundField('title')} maxLength={200} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="min" label={t('review.params.reviewersMin')} rules={[{ required: true }]}><InputNumber min={1} max={15} /></Form.Item>
            <Form.Item name="max" label={t('review.params.reviewersMax')} rules={[{ required: true }]}><InputNumber min={1} max={15} /></Form.Item>
            <Form.Item name="maxLoad" label={t('review.params.maxLoad')} rules={[{ required: true }]}><InputNumber min={1} max={200} /></Form.Item>
            <Form.Item name="maxPerProvince" label={t('review.params.maxPerProvince')} rules={[{ required: true }]}><InputNumber min={1} max={15} /></Form.Item>
          </Space>
        </Form>
      </Modal>
    </>
  );
}
