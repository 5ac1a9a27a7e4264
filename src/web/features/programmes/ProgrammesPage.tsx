// 地方基地办法: the programmes an issuing body (a provincial S&T department or a State Council
// department) keeps as data (a21.s1) — its drafts and published versions — and a new programme
// started from a template modelled on the national Measures.
import { useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Empty, Form, Input, Modal, Result, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, get, post } from '../../app/api';
import { useMe } from '../../app/session';
import { PageHeader } from '../../shared/PageHeader';
import { ClauseTag } from '../../shared/ClauseTag';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useLang } from './parts';
import { issuesOf, starterProgramme, txt, type NewProgrammeInput, type ProgrammeVersion } from './model';
import { progIds } from './testids';

function CreateModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewProgrammeInput>();
  const [error, setError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: (v: NewProgrammeInput) => post<ProgrammeVersion>('/api/programmes', { data: starterProgramme(v, me.org.kind) }),
    onSuccess: (p) => {
      void message.success(t('programmes.create.created', { title: txt(p.title, lang) }));
      navigate(`/programmes/${p.id}`);
    },
    onError: (e) => {
      // lineage_taken / version_taken name their field; show them there.
      const issues = issuesOf(e);
      const fieldOf: Record<string, keyof NewProgrammeInput> = { lineage: 'lineage', version: 'version', 'document.title.zh': 'titleZh', 'document.title.en': 'titleEn' };
      const placed = issues.filter((i) => fieldOf[i.path]);
      form.setFields(placed.map((i) => ({ name: fieldOf[i.path]!, errors: [lang === 'en' ? i.message.en : i.message.zh] })));
      setError(placed.length === issues.length && issues.length > 0 ? null : e);
    },
  });
  const required = (label: string) => ({ required: true, message: t('validation.required', { label }) });
  return (
    <Modal open={open} title={t('programmes.create.title')} onCancel={onClose} okText={t('programmes.create.submit')} onOk={() => form.submit()} okButtonProps={{ loading: create.isPending, 'data-testid': progIds.createSubmit } as never} destroyOnHidden width={640}>
      <Typography.Paragraph type="secondary">{t('programmes.create.hint')} <ClauseTag clause="a21.s1" /></Typography.Paragraph>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form
        form={form}
        layout="vertical"
        data-testid={progIds.createForm}
        initialValues={{ version: String(new Date().getFullYear()), issuerZh: me.org.nameZh, issuerEn: me.org.nameEn, typeZh: t('programmes.create.templateType'), typeEn: t('programmes.create.templateTypeEn') }}
        onFinish={(v) => create.mutate(v)}
      >
        <Space align="start" size={16} wrap>
          <Form.Item name="lineage" label={t('programmes.create.lineage')} extra={t('programmes.create.lineageHint')} style={{ width: 360 }} rules={[required(t('programmes.create.lineage')), { pattern: /^[a-z0-9][a-z0-9-]{1,39}$/, message: t('programmes.create.lineageHint') }]}>
            <Input data-testid={progIds.createField('lineage')} />
          </Form.Item>
          <Form.Item name="version" label={t('programmes.create.version')} extra={t('programmes.create.versionHint')} rules={[required(t('programmes.create.version'))]}>
            <Input style={{ width: 140 }} data-testid={progIds.createField('version')} />
          </Form.Item>
        </Space>
        <Form.Item name="titleZh" label={t('programmes.create.titleZh')} rules={[required(t('programmes.create.titleZh'))]}>
          <Input data-testid={progIds.createField('titleZh')} />
        </Form.Item>
        <Form.Item name="titleEn" label={t('programmes.create.titleEn')}>
          <Input data-testid={progIds.createField('titleEn')} />
        </Form.Item>
        <Space align="start" size={16} wrap>
          <Form.Item name="issuerZh" label={t('programmes.create.issuerName')} rules={[required(t('programmes.create.issuerName'))]} style={{ width: 280 }}>
            <Input data-testid={progIds.createField('issuerZh')} />
          </Form.Item>
          <Form.Item name="issuerEn" label={t('programmes.create.issuerNameEn')} style={{ width: 280 }}>
            <Input data-testid={progIds.createField('issuerEn')} />
          </Form.Item>
        </Space>
        <Form.Item name="typeZh" hidden><Input /></Form.Item>
        <Form.Item name="typeEn" hidden><Input /></Form.Item>
      </Form>
    </Modal>
  );
}

export default function ProgrammesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: ['programmes', 'list'], queryFn: () => get<ProgrammeVersion[]>('/api/programmes'), retry: false });
  if (list.error instanceof ApiError && list.error.status === 403) return <Result status="403" title={t('programmes.list.title')} subTitle={t('programmes.list.forbidden')} />;
  return (
    <div>
      <PageHeader
        title={t('programmes.list.title')}
        description={t('programmes.list.description')}
        clause={<ClauseTag clause="a21.s1" />}
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid={progIds.create}>{t('programmes.list.create')}</Button>}
      />
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<ProgrammeVersion>
        rowKey="id"
        size="middle"
        data-testid={progIds.list}
        loading={list.isFetching}
        dataSource={list.data ?? []}
        pagination={false}
        onRow={(p) => ({ 'data-testid': progIds.row(p.id) }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('programmes.list.empty')} /> }}
        columns={[
          { title: t('programmes.list.titleCol'), key: 'title', render: (_, p) => <Typography.Link onClick={() => navigate(`/programmes/${p.id}`)}>{txt(p.title, lang)}</Typography.Link> },
          { title: t('programmes.list.keyCol'), key: 'key', width: 220, render: (_, p) => <Typography.Text code>{p.publishedKey ?? `${p.lineage}@${p.label}`}</Typography.Text> },
          { title: t('programmes.list.statusCol'), key: 'status', width: 100, render: (_, p) => <Tag color={p.status === 'published' ? 'green' : 'blue'}>{t(`programmes.status.${p.status}`)}</Tag> },
          { title: t('programmes.list.typesCol'), key: 'types', render: (_, p) => p.types.map((ty) => <Tag key={ty.id}>{txt(ty.name, lang)}</Tag>) },
          { title: t('programmes.list.effectiveCol'), dataIndex: 'effectiveFrom', width: 120 },
          { title: t('programmes.list.updatedCol'), key: 'updated', width: 120, render: (_, p) => p.updatedAt.slice(0, 10) },
          { title: t('common.actions'), key: 'open', width: 90, render: (_, p) => <Button size="small" onClick={() => navigate(`/programmes/${p.id}`)} data-testid={progIds.openRow(p.id)}>{t('programmes.list.open')}</Button> },
        ]}
      />
      <CreateModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
