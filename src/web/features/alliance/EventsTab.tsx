import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { AttachmentUpload } from '../recognition/parts';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { get, post, download } from '../../app/api';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { formatDate } from '../../shared/format';
import { useLang } from '../bases/common';
import { eventColor, eventKinds, memberBases, type AllianceEvent, type EventDetail, type Overview } from './model';

/** Meetings, trainings (a17.s1) and delegations: registration by member bases, attendance by the secretariat. */
export function EventsTab({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data = [], error, isLoading } = useQuery({ queryKey: ['alliance', 'events'], queryFn: () => get<AllianceEvent[]>('/api/alliance/events') });
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={<>{t('alliance.events.a17')} <ClauseTag clause="a17.s1" /></>} />
      {overview.canDecide && <Button type="primary" onClick={() => setCreating(true)}>{t('alliance.events.create')}</Button>}
      {error && <ErrorAlert error={error} />}
      <Table<AllianceEvent> rowKey="id" size="small" loading={isLoading} dataSource={data} pagination={false} data-testid="alliance-events"
        locale={{ emptyText: t('alliance.events.empty') }} onRow={(e) => ({ onClick: () => setOpenId(e.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('alliance.events.dates'), render: (_, e) => (e.startsOn === e.endsOn ? formatDate(e.startsOn) : `${formatDate(e.startsOn)} – ${formatDate(e.endsOn)}`) },
          { title: t('alliance.events.title'), render: (_, e) => <Space><Tag color={eventColor[e.kind]}>{t(`alliance.events.kind.${e.kind}`)}</Tag><a>{lang === 'en' && e.titleEn ? e.titleEn : e.titleZh}</a></Space> },
          { title: t('alliance.events.place'), render: (_, e) => [e.place, e.country].filter(Boolean).join(' · ') },
          { title: t('alliance.events.registered'), render: (_, e) => (e.capacity ? `${e.registered} / ${e.capacity}` : e.registered) },
          { title: t('alliance.events.attended'), render: (_, e) => e.attended ?? '—' },
          { title: '', render: (_, e) => <Tag color={e.status === 'held' ? 'success' : e.status === 'open' ? 'processing' : 'default'}>{t(`alliance.events.status.${e.status}`)}</Tag> },
        ]} />
      {openId && <EventDrawer id={openId} overview={overview} onClose={() => setOpenId(null)} />}
      {creating && <CreateEvent onClose={() => setCreating(false)} />}
    </Space>
  );
}

function EventDrawer({ id, overview, onClose }: { id: string; overview: Overview; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ['alliance'] });
  const { data: e, error } = useQuery({ queryKey: ['alliance', 'event', id], queryFn: () => get<EventDetail>(`/api/alliance/events/${id}`) });
  const mine = memberBases(overview).filter((b) => !e?.registrations.some((r) => r.baseId === b.baseId));
  const [reg] = Form.useForm<{ baseId: string; participants: number; names?: string }>();
  const register = useMutation({
    mutationFn: (v: { baseId: string; participants: number; names?: string }) => post(`/api/alliance/events/${id}/registrations`, v),
    onSuccess: async () => { void message.success(t('alliance.events.registeredOk')); reg.resetFields(); await refresh(); },
  });
  const [marks, setMarks] = useState<Record<string, { attended: boolean; attendees: number }>>({});
  const attendance = useMutation({
    mutationFn: () => post(`/api/alliance/events/${id}/attendance`, {
      version: e!.version,
      items: e!.registrations.map((r) => { const m = marks[r.id] ?? { attended: r.attended ?? true, attendees: r.attendees ?? r.participants }; return { registrationId: r.id, attended: m.attended, attendees: m.attended ? m.attendees : 0 }; }),
    }),
    onSuccess: async () => { void message.success(t('alliance.events.attendanceSaved')); await refresh(); },
  });
  const mark = (rid: string, fallback: { attended: boolean; attendees: number }) => marks[rid] ?? fallback;
  return (
    <Drawer open onClose={onClose} size="large" title={e ? (lang === 'en' && e.titleEn ? e.titleEn : e.titleZh) : t('alliance.events.detail')} data-testid="alliance-event-drawer">
      {error && <ErrorAlert error={error} />}
      {e && (
        <Space orientation="vertical" style={{ width: '100%' }} size={16}>
          <Space wrap>
            <Tag color={eventColor[e.kind]}>{t(`alliance.events.kind.${e.kind}`)}</Tag>
            <Tag>{t(`alliance.events.status.${e.status}`)}</Tag>
            <span>{formatDate(e.startsOn)} – {formatDate(e.endsOn)}</span>
            {e.place && <span>{e.place}</span>}
            {e.registrationCloses && <Typography.Text type="secondary">{t('alliance.events.closes')}：{formatDate(e.registrationCloses)}</Typography.Text>}
          </Space>
          {e.descriptionZh && <Typography.Paragraph>{e.descriptionZh}</Typography.Paragraph>}
          {e.status === 'open' && mine.length > 0 && (
            <Form form={reg} layout="inline" initialValues={{ baseId: mine[0]!.baseId, participants: 1 }} onFinish={(v) => register.mutate(v)}>
              <Form.Item name="baseId"><Select style={{ width: 220 }} options={mine.map((b) => ({ value: b.baseId, label: b.nameZh }))} /></Form.Item>
              <Form.Item name="participants" label={t('alliance.events.participants')}><InputNumber min={1} max={200} /></Form.Item>
              <Form.Item name="names"><Input placeholder={t('alliance.events.names')} /></Form.Item>
              <Button type="primary" htmlType="submit" loading={register.isPending} data-testid="alliance-register">{t('alliance.events.register')}</Button>
            </Form>
          )}
          {(register.error || attendance.error) && <ErrorAlert error={register.error ?? attendance.error} />}
          <Typography.Title level={5} style={{ margin: 0 }}>{t('alliance.events.registrations')}</Typography.Title>
          <Table rowKey="id" size="small" pagination={false} dataSource={e.registrations}
            columns={[
              { title: t('alliance.membership.base'), render: (_, r) => r.baseNameZh },
              { title: t('alliance.events.participants'), dataIndex: 'participants' },
              { title: t('alliance.events.names'), dataIndex: 'names' },
              { title: t('alliance.events.present'), render: (_, r) => overview.canDecide
                ? <Switch checked={mark(r.id, { attended: r.attended ?? true, attendees: r.attendees ?? r.participants }).attended} onChange={(v) => setMarks({ ...marks, [r.id]: { ...mark(r.id, { attended: true, attendees: r.attendees ?? r.participants }), attended: v } })} />
                : r.attended === null ? '—' : r.attended ? '✓' : '✗' },
              { title: t('alliance.events.attendees'), render: (_, r) => overview.canDecide
                ? <InputNumber min={0} max={200} value={mark(r.id, { attended: r.attended ?? true, attendees: r.attendees ?? r.participants }).attendees} onChange={(v) => setMarks({ ...marks, [r.id]: { ...mark(r.id, { attended: r.attended ?? true, attendees: r.participants }), attendees: Number(v ?? 0) } })} />
                : r.attendees ?? '—' },
            ]} />
          {overview.canDecide && e.registrations.length > 0 && e.startsOn <= dayjs().format('YYYY-MM-DD') && (
            <Button type="primary" onClick={() => attendance.mutate()} loading={attendance.isPending}>{t('alliance.events.saveAttendance')}</Button>
          )}
          <Typography.Title level={5} style={{ margin: 0 }}>{t('alliance.events.materials')}</Typography.Title>
          {e.materials.length === 0 ? <Typography.Text type="secondary">{t('alliance.events.noMaterials')}</Typography.Text> : (
            <ul style={{ margin: 0 }}>{e.materials.map((m) => <li key={m.id}><a onClick={() => void download(`/api/alliance/materials/${m.id}`, {}, m.filename)}>{m.filename}</a> <Typography.Text type="secondary">({Math.ceil(m.size / 1024)} KB)</Typography.Text></li>)}</ul>
          )}
          {overview.canDecide && <MaterialUpload eventId={e.id} onDone={refresh} />}
        </Space>
      )}
    </Drawer>
  );
}

/** Materials through the recognition attachment uploader (same type and size rules, SM3 kept on the server). */
function MaterialUpload({ eventId, onDone }: { eventId: string; onDone: () => void }) {
  return <AttachmentUpload applicationId={eventId} uploadUrl={`/api/alliance/events/${eventId}/materials`} onUploaded={() => onDone()} testId="alliance-material-upload" />;
}

function CreateEvent({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ kind: string; titleZh: string; dates: [Dayjs, Dayjs]; place?: string; country?: string; capacity?: number; closes?: Dayjs; descriptionZh?: string }>();
  const create = useMutation({
    mutationFn: (v: { kind: string; titleZh: string; dates: [Dayjs, Dayjs]; place?: string; country?: string; capacity?: number; closes?: Dayjs; descriptionZh?: string }) => post('/api/alliance/events', {
      kind: v.kind, titleZh: v.titleZh, startsOn: v.dates[0].format('YYYY-MM-DD'), endsOn: v.dates[1].format('YYYY-MM-DD'), place: v.place ?? '',
      country: v.country ? v.country.toUpperCase() : null, capacity: v.capacity ?? null, registrationCloses: v.closes ? v.closes.format('YYYY-MM-DD') : null, descriptionZh: v.descriptionZh ?? '',
    }),
    onSuccess: async () => { void message.success(t('alliance.events.created')); onClose(); await qc.invalidateQueries({ queryKey: ['alliance'] }); },
  });
  return (
    <Drawer open onClose={onClose} title={t('alliance.events.create')} size="default" extra={<Button type="primary" onClick={() => form.submit()} loading={create.isPending}>{t('alliance.events.create')}</Button>}>
      {create.error && <ErrorAlert error={create.error} />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'training' }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="kind"><Select options={eventKinds.map((k) => ({ value: k, label: t(`alliance.events.kind.${k}`) }))} /></Form.Item>
        <Form.Item name="titleZh" label={t('alliance.events.title')} rules={[{ required: true, min: 2, max: 200 }]}><Input /></Form.Item>
        <Form.Item name="dates" label={t('alliance.events.dates')} rules={[{ required: true }]}><DatePicker.RangePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="place" label={t('alliance.events.place')}><Input /></Form.Item>
        <Form.Item name="country" label={t('alliance.events.country')} rules={[{ pattern: /^[A-Za-z]{2}$/ }]}><Input maxLength={2} placeholder="DE" /></Form.Item>
        <Form.Item name="capacity" label={t('alliance.events.capacity')}><InputNumber min={1} max={10000} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="closes" label={t('alliance.events.closes')}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="descriptionZh" label={t('alliance.events.description')}><Input.TextArea rows={3} /></Form.Item>
      </Form>
    </Drawer>
  );
}
