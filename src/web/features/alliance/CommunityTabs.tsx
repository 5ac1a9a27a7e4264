import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, List, Modal, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../app/api';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { formatDate } from '../../shared/format';
import { provinceOptions, regionLabel } from '../../shared/regions';
import { useLang } from '../bases/common';
import { fieldIds, memberBases, resourceKinds, type Announcement, type Group, type Member, type Overview, type Resource } from './model';

/** Member directory (members, the secretariat, the ministry). */
export function MembersTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data = [], error, isLoading } = useQuery({ queryKey: ['alliance', 'members'], queryFn: () => get<Member[]>('/api/alliance/members') });
  return (
    <>
      {error && <ErrorAlert error={error} />}
      <Table<Member> rowKey="baseId" size="small" loading={isLoading} dataSource={data} pagination={{ pageSize: 20 }} data-testid="alliance-members"
        locale={{ emptyText: t('alliance.members.empty') }}
        columns={[
          { title: t('alliance.members.code'), dataIndex: 'code', render: (c: string) => <Typography.Text code>{c}</Typography.Text> },
          { title: t('alliance.members.name'), render: (_, m) => (lang === 'en' && m.nameEn ? m.nameEn : m.nameZh) },
          { title: t('alliance.members.host'), dataIndex: 'hostNameZh' },
          { title: t('alliance.members.region'), render: (_, m) => regionLabel(m.regionCode, lang) },
          { title: t('alliance.members.fields'), render: (_, m) => m.fields.map((f) => <Tag key={f}>{t(`bases.field.${f}`)}</Tag>) },
          { title: t('alliance.members.joinedOn'), render: (_, m) => formatDate(m.joinedOn) },
        ]} />
    </>
  );
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['alliance'] });
}

export function GroupsTab({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const refresh = useInvalidate();
  const mine = memberBases(overview);
  const { data = [], error } = useQuery({ queryKey: ['alliance', 'groups'], queryFn: () => get<Group[]>('/api/alliance/groups') });
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{ kind: 'field' | 'region'; fieldId?: string; provinceCode?: string; nameZh: string; nameEn?: string; descriptionZh?: string }>();
  const kind = Form.useWatch('kind', form);
  const create = useMutation({
    mutationFn: (v: Record<string, unknown>) => post('/api/alliance/groups', v),
    onSuccess: async () => { void message.success(t('alliance.groups.created')); setCreating(false); form.resetFields(); await refresh(); },
  });
  const join = useMutation({
    mutationFn: ({ groupId, baseId }: { groupId: string; baseId: string }) => post(`/api/alliance/groups/${groupId}/members`, { baseId }),
    onSuccess: async () => { void message.success(t('alliance.groups.joined')); await refresh(); },
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {overview.canDecide && <Button type="primary" onClick={() => setCreating(true)}>{t('alliance.groups.create')}</Button>}
      {(error || join.error) && <ErrorAlert error={error ?? join.error} />}
      {data.length === 0 && <Empty description={t('alliance.groups.empty')} />}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: 12 }} data-testid="alliance-groups">
        {data.map((g) => {
          const joinable = mine.filter((b) => !g.members.some((m) => m.baseId === b.baseId));
          return (
            <Card key={g.id} size="small" title={lang === 'en' && g.nameEn ? g.nameEn : g.nameZh}
              extra={<Tag>{t(`alliance.groups.kind.${g.kind}`)}{g.fieldId ? ` · ${t(`bases.field.${g.fieldId}`)}` : ''}{g.provinceCode ? ` · ${regionLabel(`${g.provinceCode}0000`, lang)}` : ''}</Tag>}>
              {g.descriptionZh && <Typography.Paragraph type="secondary">{g.descriptionZh}</Typography.Paragraph>}
              <Typography.Text strong>{t('alliance.groups.members')}（{g.members.length}）</Typography.Text>
              <div style={{ marginTop: 4 }}>{g.members.map((m) => <Tag key={m.baseId}>{m.nameZh}</Tag>)}</div>
              {joinable.map((b) => (
                <Button key={b.baseId} size="small" style={{ marginTop: 8 }} onClick={() => join.mutate({ groupId: g.id, baseId: b.baseId })}>{t('alliance.groups.join')}：{b.nameZh}</Button>
              ))}
            </Card>
          );
        })}
      </div>
      <Modal open={creating} title={t('alliance.groups.create')} onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending}>
        {create.error && <ErrorAlert error={create.error} />}
        <Form form={form} layout="vertical" initialValues={{ kind: 'field' }} onFinish={(v) => create.mutate(v)}>
          <Form.Item name="kind" label={t('alliance.groups.kind.field')}><Segmented options={(['field', 'region'] as const).map((k) => ({ value: k, label: t(`alliance.groups.kind.${k}`) }))} /></Form.Item>
          {kind === 'region'
            ? <Form.Item name="provinceCode" label={t('alliance.groups.province')} rules={[{ required: true }]}><Select options={provinceOptions(lang).map((o) => ({ value: String(o.value).slice(0, 2), label: o.label }))} /></Form.Item>
            : <Form.Item name="fieldId" label={t('alliance.groups.field')} rules={[{ required: true }]}><Select options={fieldIds.map((f) => ({ value: f, label: t(`bases.field.${f}`) }))} /></Form.Item>}
          <Form.Item name="nameZh" label={t('alliance.groups.name')} rules={[{ required: true, min: 2 }]}><Input /></Form.Item>
          <Form.Item name="nameEn" label={t('alliance.groups.nameEn')}><Input /></Form.Item>
          <Form.Item name="descriptionZh" label={t('alliance.groups.description')}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

export function ResourcesTab({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const refresh = useInvalidate();
  const mine = memberBases(overview);
  const [kind, setKind] = useState<string>('all');
  const { data = [], error } = useQuery({ queryKey: ['alliance', 'resources', kind], queryFn: () => get<Resource[]>('/api/alliance/resources', { kind: kind === 'all' ? undefined : kind }) });
  const [posting, setPosting] = useState(false);
  const [form] = Form.useForm();
  const postIt = useMutation({
    mutationFn: (v: Record<string, unknown>) => post('/api/alliance/resources', v),
    onSuccess: async () => { void message.success(t('alliance.resources.posted')); setPosting(false); form.resetFields(); await refresh(); },
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Segmented value={kind} onChange={(v) => setKind(String(v))} options={[{ value: 'all', label: t('alliance.resources.all') }, ...resourceKinds.map((k) => ({ value: k, label: t(`alliance.resources.kind.${k}`) }))]} />
        {mine.length > 0 && <Button type="primary" onClick={() => setPosting(true)}>{t('alliance.resources.post')}</Button>}
      </Space>
      {error && <ErrorAlert error={error} />}
      <List<Resource> bordered dataSource={data} locale={{ emptyText: t('alliance.resources.empty') }} data-testid="alliance-resources"
        renderItem={(r) => (
          <List.Item>
            <List.Item.Meta title={<Space><Tag color="geekblue">{t(`alliance.resources.kind.${r.kind}`)}</Tag>{lang === 'en' && r.titleEn ? r.titleEn : r.titleZh}</Space>}
              description={<>{r.descriptionZh}<br /><Typography.Text type="secondary">{t('alliance.resources.base')}：{r.baseNameZh} · {t('alliance.resources.contact')}：{r.contact || '—'} · {formatDate(r.postedAt)}</Typography.Text></>} />
          </List.Item>
        )} />
      <Modal open={posting} title={t('alliance.resources.post')} onCancel={() => setPosting(false)} onOk={() => form.submit()} confirmLoading={postIt.isPending}>
        {postIt.error && <ErrorAlert error={postIt.error} />}
        <Form form={form} layout="vertical" initialValues={{ kind: 'equipment', baseId: mine[0]?.baseId }} onFinish={(v) => postIt.mutate(v)}>
          <Form.Item name="baseId" label={t('alliance.resources.base')}><Select options={mine.map((b) => ({ value: b.baseId, label: b.nameZh }))} /></Form.Item>
          <Form.Item name="kind"><Segmented options={resourceKinds.map((k) => ({ value: k, label: t(`alliance.resources.kind.${k}`) }))} /></Form.Item>
          <Form.Item name="titleZh" label={t('alliance.resources.title')} rules={[{ required: true, min: 2, max: 200 }]}><Input /></Form.Item>
          <Form.Item name="descriptionZh" label={t('alliance.resources.description')}><Input.TextArea rows={3} /></Form.Item>
          <Form.Item name="contact" label={t('alliance.resources.contact')}><Input /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

export function AnnouncementsTab({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const refresh = useInvalidate();
  const { data = [], error } = useQuery({ queryKey: ['alliance', 'announcements'], queryFn: () => get<Announcement[]>('/api/alliance/announcements') });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const publish = useMutation({
    mutationFn: (v: Record<string, unknown>) => post('/api/alliance/announcements', v),
    onSuccess: async () => { void message.success(t('alliance.announcements.published')); setOpen(false); form.resetFields(); await refresh(); },
  });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {overview.canDecide && <Button type="primary" onClick={() => setOpen(true)}>{t('alliance.announcements.publish')}</Button>}
      {error && <ErrorAlert error={error} />}
      <List<Announcement> dataSource={data} locale={{ emptyText: t('alliance.announcements.empty') }} data-testid="alliance-announcements"
        renderItem={(a) => (
          <List.Item extra={<Typography.Text type="secondary">{formatDate(a.publishedAt)}</Typography.Text>}>
            <List.Item.Meta title={lang === 'en' && a.titleEn ? a.titleEn : a.titleZh} description={lang === 'en' && a.bodyEn ? a.bodyEn : a.bodyZh} />
          </List.Item>
        )} />
      <Modal open={open} title={t('alliance.announcements.publish')} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={publish.isPending}>
        {publish.error && <ErrorAlert error={publish.error} />}
        <Form form={form} layout="vertical" onFinish={(v) => publish.mutate(v)}>
          <Form.Item name="titleZh" label={t('alliance.announcements.title')} rules={[{ required: true, min: 2, max: 200 }]}><Input /></Form.Item>
          <Form.Item name="bodyZh" label={t('alliance.announcements.body')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={5} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
