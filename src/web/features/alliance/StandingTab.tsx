import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../app/api';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { formatDate } from '../../shared/format';
import { useLang } from '../bases/common';
import { iurPartnerKinds, linkKinds, membershipColor, type Alignment, type Membership, type Overview } from './model';

/** My bases' membership (a18.s1) and a20.s1 links; for the secretariat, the applications to decide (a18.s2). */
export function StandingTab({ overview }: { overview: Overview }) {
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {overview.canDecide && <PendingApplications />}
      {overview.role !== 'secretariat' && overview.role !== 'ministry' && <MyBases overview={overview} />}
    </Space>
  );
}

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['alliance'] });
}

function PendingApplications() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const { data = [], error } = useQuery({ queryKey: ['alliance', 'memberships', 'applied'], queryFn: () => get<Membership[]>('/api/alliance/memberships', { status: 'applied' }) });
  const [declining, setDeclining] = useState<Membership | null>(null);
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: ({ m, accept }: { m: Membership; accept: boolean }) => post(`/api/alliance/memberships/${m.id}/${accept ? 'accept' : 'decline'}`, { version: m.version, note: accept ? '' : note }),
    onSuccess: async (_r, v) => { void message.success(t(v.accept ? 'alliance.membership.accepted' : 'alliance.membership.declined')); setDeclining(null); setNote(''); await refresh(); },
  });
  return (
    <Card size="small" title={<Space>{t('alliance.membership.pending')}<ClauseTag clause="a18.s2" /></Space>} data-testid="alliance-pending">
      {error && <ErrorAlert error={error} />}
      {decide.error && <ErrorAlert error={decide.error} />}
      <Table<Membership> rowKey="id" size="small" pagination={false} dataSource={data} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          { title: t('alliance.membership.base'), render: (_, m) => <Space><Typography.Text code>{m.baseCode}</Typography.Text>{m.baseNameZh}</Space> },
          { title: t('alliance.membership.statement'), dataIndex: 'statement' },
          { title: t('alliance.membership.appliedAt'), render: (_, m) => formatDate(m.appliedAt) },
          { title: t('alliance.membership.actions'), render: (_, m) => (
            <Space>
              <Button size="small" type="primary" loading={decide.isPending} onClick={() => decide.mutate({ m, accept: true })} data-testid={`alliance-accept-${m.baseCode}`}>{t('alliance.membership.accept')}</Button>
              <Button size="small" danger onClick={() => setDeclining(m)}>{t('alliance.membership.decline')}</Button>
            </Space>
          ) },
        ]} />
      <Modal open={!!declining} title={t('alliance.membership.decline')} onCancel={() => setDeclining(null)} onOk={() => declining && decide.mutate({ m: declining, accept: false })} confirmLoading={decide.isPending}>
        <Form layout="vertical"><Form.Item label={t('alliance.membership.declineReason')} required><Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} /></Form.Item></Form>
      </Modal>
    </Card>
  );
}

function MyBases({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [applying, setApplying] = useState<string | null>(null);
  const [statement, setStatement] = useState('');
  const apply = useMutation({
    mutationFn: (baseId: string) => post('/api/alliance/memberships', { baseId, statement }),
    onSuccess: async () => { void message.success(t('alliance.membership.applied')); setApplying(null); setStatement(''); await refresh(); },
  });
  const leave = useMutation({
    mutationFn: (m: Membership) => post(`/api/alliance/memberships/${m.id}/leave`, { version: m.version, reason: '' }),
    onSuccess: async () => { void message.success(t('alliance.membership.left')); await refresh(); },
  });
  if (!overview.bases.length) return <Empty description={t('alliance.membership.noBases')} />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {(apply.error || leave.error) && <ErrorAlert error={apply.error ?? leave.error} />}
      {overview.bases.map((b) => {
        const m = b.membership;
        const open = m && (m.status === 'applied' || m.status === 'member');
        return (
          <Card key={b.baseId} size="small" data-testid={`alliance-base-${b.code}`}
            title={<Space wrap><Typography.Text code>{b.code}</Typography.Text>{lang === 'en' && b.nameEn ? b.nameEn : b.nameZh}
              <Tag color={m ? membershipColor[m.status] : 'default'}>{m ? t(`alliance.membership.status.${m.status}`) : t('alliance.membership.none')}</Tag></Space>}
            extra={overview.role === 'recommender' ? null : open ? (
              <Popconfirm title={t('alliance.membership.leaveConfirm')} onConfirm={() => leave.mutate(m!)}>
                <Button size="small" danger>{m!.status === 'applied' ? t('alliance.membership.withdraw') : t('alliance.membership.leave')}</Button>
              </Popconfirm>
            ) : (
              <Button size="small" type="primary" disabled={!b.join.met} onClick={() => setApplying(b.baseId)} data-testid={`alliance-apply-${b.code}`}>{t('alliance.membership.apply')}</Button>
            )}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {!open && <Typography.Text type={b.join.met ? 'secondary' : 'warning'}>{lang === 'en' ? b.join.because.en : b.join.because.zh} <ClauseTag clause={b.join.clause} /></Typography.Text>}
              {m?.joinedOn && m.status === 'member' && <Typography.Text type="secondary">{t('alliance.membership.joinedOn')}{t('common.colon')}{formatDate(m.joinedOn)}</Typography.Text>}
              <Links baseId={b.baseId} />
            </Space>
          </Card>
        );
      })}
      <Modal open={!!applying} title={t('alliance.membership.applyTitle')} onCancel={() => setApplying(null)} onOk={() => applying && apply.mutate(applying)} confirmLoading={apply.isPending}>
        <Form layout="vertical"><Form.Item label={t('alliance.membership.statement')}><Input.TextArea rows={3} value={statement} onChange={(e) => setStatement(e.target.value)} maxLength={2000} /></Form.Item></Form>
      </Modal>
    </Space>
  );
}

/** a20.s1: links to departmental/local programmes and 产学研 partners, with the reading. */
function Links({ baseId }: { baseId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data } = useQuery({ queryKey: ['alliance', 'alignment', baseId], queryFn: () => get<Alignment>(`/api/alliance/bases/${baseId}/alignment`) });
  const [form] = Form.useForm<{ kind: string; name: string; partnerKind?: string }>();
  const kind = Form.useWatch('kind', form);
  const add = useMutation({
    mutationFn: (v: { kind: string; name: string; partnerKind?: string }) => post('/api/alliance/links', { baseId, kind: v.kind, name: v.name, partnerKind: v.kind === 'iur_partner' ? v.partnerKind ?? null : null }),
    onSuccess: async () => { void message.success(t('alliance.links.added')); form.resetFields(); await qc.invalidateQueries({ queryKey: ['alliance', 'alignment', baseId] }); },
  });
  if (!data) return null;
  return (
    <div data-testid="alliance-links">
      <Typography.Text strong>{t('alliance.links.title')}</Typography.Text> <ClauseTag clause="a20.s1" />
      <div style={{ margin: '6px 0' }}>
        <Tag color={data.verdict.met ? 'success' : 'warning'}>{lang === 'en' ? data.verdict.because.en : data.verdict.because.zh}</Tag>
      </div>
      {data.links.length === 0 ? <Typography.Text type="secondary">{t('alliance.links.none')}</Typography.Text> : (
        <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }}>
          {data.links.map((l) => (
            <li key={l.id}>{t(`alliance.links.kind.${l.kind}`)}：{l.name}{l.partnerKind ? `（${t(`alliance.links.partnerKind.${l.partnerKind}`)}）` : ''} <Typography.Text type="secondary">— {l.byOrgNameZh}</Typography.Text></li>
          ))}
        </ul>
      )}
      {add.error && <ErrorAlert error={add.error} />}
      <Form form={form} layout="inline" onFinish={(v) => add.mutate(v)} initialValues={{ kind: 'iur_partner', partnerKind: 'enterprise' }}>
        <Form.Item name="kind"><Select style={{ width: 200 }} options={linkKinds.map((k) => ({ value: k, label: t(`alliance.links.kind.${k}`) }))} /></Form.Item>
        {kind === 'iur_partner' && <Form.Item name="partnerKind"><Select style={{ width: 120 }} options={iurPartnerKinds.map((k) => ({ value: k, label: t(`alliance.links.partnerKind.${k}`) }))} /></Form.Item>}
        <Form.Item name="name" rules={[{ required: true, min: 2, max: 200 }]}><Input placeholder={t('alliance.links.name')} style={{ width: 240 }} /></Form.Item>
        <Button htmlType="submit" loading={add.isPending}>{t('alliance.links.add')}</Button>
      </Form>
    </div>
  );
}
