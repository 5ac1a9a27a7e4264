// 认定决定: the decisions issued (文号, date, issuing bodies), their 公示 with the objections received
// and how each was resolved, the second signature of a joint document (a7.p2.i3), and the
// recognition document and plaque certificate PDFs.
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Flex, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { get, post } from '../../app/api';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { appTitle, beijing, statusColor, txt, type ApplicationDetail, type Decision } from './data';
import { DocLink, RefusalAlert, useLang } from './parts';

type Sign = { decision: Decision; kind: 'cosign' | 'take-effect' };
type Objection = NonNullable<Decision['notice']>['objections'][number];

function SignModal({ sign, onClose }: { sign: Sign | null; onClose(): void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ opinion: string }>();
  const [error, setError] = useState<unknown>(null);
  const run = useMutation({
    mutationFn: (opinion: string) => post(`/api/recognition/decisions/${sign!.decision.id}/${sign!.kind}`, { opinion }),
    onSuccess: () => {
      void message.success(t('recognition.decisions.signed'));
      void qc.invalidateQueries({ queryKey: ['recognition'] });
      onClose();
    },
    onError: (e) => setError(e),
  });
  if (!sign) return null;
  return (
    <Modal
      open
      title={t(sign.kind === 'cosign' ? 'recognition.decisions.cosign' : 'recognition.decisions.takeEffect')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('recognition.decisions.sign')}
      okButtonProps={{ loading: run.isPending, 'data-testid': testIds.recDecisionSignSubmit } as never}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t(sign.kind === 'cosign' ? 'recognition.decisions.cosignHint' : 'recognition.decisions.takeEffectHint')}{' '}
        <ClauseTag clause={sign.kind === 'cosign' ? 'a7.p2.i3' : 'a10.s0'} />
      </Typography.Paragraph>
      <RefusalAlert error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v.opinion.trim())}>
        <Form.Item name="opinion" label={t('recognition.actions.opinionLabel')} rules={[{ required: true, whitespace: true, message: t('recognition.actions.opinionRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} data-testid={testIds.recDecisionSignOpinion} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ObjectionModal({ decision, titles, onClose }: { decision: Decision | null; titles: Map<string, string>; onClose(): void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ text: string; contact: string; applicationId?: string }>();
  const [error, setError] = useState<unknown>(null);
  const run = useMutation({
    mutationFn: (v: { text: string; contact: string; applicationId?: string }) => post(`/api/recognition/decisions/${decision!.id}/objections`, v),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['recognition'] });
      onClose();
    },
    onError: (e) => setError(e),
  });
  if (!decision) return null;
  return (
    <Modal open title={t('recognition.decisions.addObjection')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: run.isPending, 'data-testid': testIds.recObjectionSave } as never} destroyOnHidden>
      <RefusalAlert error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" onFinish={(v) => run.mutate(v)}>
        <Form.Item name="applicationId" label={t('recognition.decisions.objectionAgainst')}>
          <Select allowClear data-testid={testIds.recObjectionField('applicationId')} options={decision.applicationIds.map((id, i) => ({ value: id, label: titles.get(id) ?? `${i + 1}. ${id.slice(0, 8)}` }))} placeholder={t('recognition.decisions.objectionWhole')} />
        </Form.Item>
        <Form.Item name="text" label={t('recognition.decisions.objectionText')} rules={[{ required: true, whitespace: true, message: t('validation.required', { label: t('recognition.decisions.objectionText') }) }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} data-testid={testIds.recObjectionField('text')} />
        </Form.Item>
        <Form.Item name="contact" label={t('recognition.decisions.objectionContact')} rules={[{ required: true, whitespace: true, message: t('validation.required', { label: t('recognition.decisions.objectionContact') }) }]}>
          <Input data-testid={testIds.recObjectionField('contact')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResolveModal({ target, onClose }: { target: { decision: Decision; objection: Objection } | null; onClose(): void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ upheld: boolean; resolution: string }>();
  const [error, setError] = useState<unknown>(null);
  const run = useMutation({
    mutationFn: (v: { upheld: boolean; resolution: string }) => post(`/api/recognition/decisions/${target!.decision.id}/objections/${target!.objection.id}/resolve`, v),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['recognition'] });
      onClose();
    },
    onError: (e) => setError(e),
  });
  if (!target) return null;
  return (
    <Modal open title={t('recognition.decisions.resolve')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: run.isPending, 'data-testid': testIds.recObjectionSave } as never} destroyOnHidden>
      <Typography.Paragraph style={{ background: '#fafafa', padding: 8, whiteSpace: 'pre-wrap' }}>{target.objection.text}</Typography.Paragraph>
      <RefusalAlert error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" initialValues={{ upheld: false }} onFinish={(v) => run.mutate(v)}>
        <Form.Item name="upheld" label={t('recognition.decisions.outcome')} extra={t('recognition.decisions.upheldHint')}>
          <Radio.Group data-testid={testIds.recObjectionUpheld}>
            <Radio value={false}>{t('recognition.decisions.dismissed')}</Radio>
            <Radio value={true}>{t('recognition.decisions.upheld')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="resolution" label={t('recognition.decisions.resolution')} rules={[{ required: true, whitespace: true, message: t('validation.required', { label: t('recognition.decisions.resolution') }) }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} data-testid={testIds.recObjectionResolution} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function DecisionsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [sign, setSign] = useState<Sign | null>(null);
  const [objecting, setObjecting] = useState<Decision | null>(null);
  const [resolving, setResolving] = useState<{ decision: Decision; objection: Objection } | null>(null);
  const list = useQuery({ queryKey: ['recognition', 'decisions'], queryFn: () => get<Decision[]>('/api/recognition/decisions') });
  // Every decision opens expanded (notice, objections, PDFs are what a clerk comes for); folding is remembered.
  const [folded, setFolded] = useState<string[]>([]);
  // The decision names its applications by id only: their titles (and the base each became) come from the applications.
  const appIds = [...new Set((list.data ?? []).flatMap((d) => d.applicationIds))].slice(0, 200);
  const apps = useQueries({
    queries: appIds.map((id) => ({ queryKey: ['recognition', 'application', id], queryFn: () => get<ApplicationDetail>(`/api/recognition/applications/${id}`), staleTime: 60_000 })),
  });
  const appById = new Map(apps.flatMap((q) => (q.data ? [[q.data.id, q.data] as const] : [])));
  const titleOfBase = new Map(apps.flatMap((q) => (q.data?.baseId ? [[q.data.baseId, appTitle(q.data, lang)] as const] : [])));

  const columns: ColumnsType<Decision> = [
    { title: t('recognition.decision.documentNumber'), dataIndex: 'documentNumber', width: 200, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    { title: t('recognition.list.type'), key: 'type', width: 200, render: (_, d) => txt(d.typeName, lang) },
    { title: t('recognition.decision.issuedOn'), dataIndex: 'issuedOn', width: 110 },
    { title: t('recognition.decision.issuingBodies'), key: 'bodies', width: 200, render: (_, d) => t(`recognition.decision.issuers.${d.typeId}`, { defaultValue: d.issuingBodies.join('、') }) },
    { title: t('recognition.decisions.count'), key: 'count', width: 90, render: (_, d) => d.applicationIds.length },
    { title: t('recognition.list.status'), dataIndex: 'status', width: 120, render: (s: string) => <Tag color={statusColor[s]}>{t(`recognition.decisions.status.${s}`)}</Tag> },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      fixed: 'right',
      render: (_, d) => (
        <Space size={4} wrap>
          {d.status === 'awaiting_cosign' && (
            <Button size="small" type="primary" onClick={() => setSign({ decision: d, kind: 'cosign' })} data-testid={testIds.recDecisionCosign(d.id)}>
              {t('recognition.decisions.cosign')}
            </Button>
          )}
          {d.status === 'notice' && (
            <>
              <Button size="small" onClick={() => setObjecting(d)} data-testid={testIds.recObjectionAdd(d.id)}>
                {t('recognition.decisions.addObjection')}
              </Button>
              <Button size="small" type="primary" onClick={() => setSign({ decision: d, kind: 'take-effect' })} data-testid={testIds.recDecisionTakeEffect(d.id)}>
                {t('recognition.decisions.takeEffect')}
              </Button>
            </>
          )}
        </Space>
      ),
    },
  ];

  const expanded = (d: Decision) => (
    <Flex vertical gap={12} style={{ padding: '4px 8px' }}>
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'opinion', label: t('recognition.decision.opinion'), children: d.opinion, span: 2 },
          {
            key: 'signatures',
            label: t('recognition.decisions.signatures'),
            children: d.signatures.length ? d.signatures.map((s) => `${t(`recognition.actor.${s.orgKind}`, { defaultValue: s.orgKind })} ${beijing(s.at)}`).join('；') : '—',
            span: 2,
          },
          {
            key: 'applications',
            label: t('recognition.decisions.applications'),
            span: 2,
            children: (
              <Space wrap>
                {d.applicationIds.map((id, i) => (
                  <Link key={id} to={`/recognition/applications/${id}`}>
                    {appById.get(id) ? appTitle(appById.get(id)!, lang) : t('recognition.decisions.applicationN', { n: i + 1 })}
                  </Link>
                ))}
              </Space>
            ),
          },
        ]}
      />
      {d.notice && (
        <Card size="small" title={<Flex gap={8}>{t('recognition.decisions.notice', { from: d.notice.startsOn, to: d.notice.endsOn, n: d.notice.workingDays })}<Tag>{t(`recognition.decisions.noticeStatus.${d.notice.status}`)}</Tag></Flex>}>
          {d.notice.objections.length ? (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.notice.objections}
              columns={[
                { title: t('recognition.decisions.receivedAt'), dataIndex: 'receivedAt', width: 140, render: (v: string) => beijing(v) },
                { title: t('recognition.decisions.objectionText'), dataIndex: 'text', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
                { title: t('recognition.decisions.objectionContact'), dataIndex: 'contact', width: 140 },
                { title: t('recognition.decisions.outcome'), dataIndex: 'status', width: 100, render: (s: string) => <Tag color={s === 'open' ? 'warning' : s === 'upheld' ? 'error' : 'default'}>{t(`recognition.decisions.objectionStatus.${s}`)}</Tag> },
                { title: t('recognition.decisions.resolution'), dataIndex: 'resolution', render: (v: string | null) => v ?? '—' },
                {
                  title: t('common.actions'),
                  key: 'a',
                  width: 90,
                  render: (_: unknown, o: Objection) =>
                    o.status === 'open' ? (
                      <Button size="small" type="link" onClick={() => setResolving({ decision: d, objection: o })} data-testid={testIds.recObjectionResolve(o.id)}>
                        {t('recognition.decisions.resolve')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          ) : (
            <Typography.Text type="secondary">{t('recognition.decisions.noObjections')}</Typography.Text>
          )}
        </Card>
      )}
      <Flex gap={16} wrap>
        {d.documents.length ? d.documents.map((doc) => <DocLink key={doc.id} id={doc.id} kind={doc.kind} code={doc.verificationCode} of={doc.baseId ? titleOfBase.get(doc.baseId) : undefined} />) : <Typography.Text type="secondary">{t('recognition.decisions.noDocuments')}</Typography.Text>}
      </Flex>
    </Flex>
  );

  return (
    <div>
      <PageHeader
        title={t('recognition.decisions.title')}
        description={t('recognition.decisions.description')}
        clause={<ClauseTag clause="a10.s0" />}
        extra={
          <Link to="/recognition/evaluation">
            <Button>{t('recognition.eval.title')}</Button>
          </Link>
        }
      />
      {list.error && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<Decision>
        data-testid={testIds.recDecisionTable}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.isFetching}
        scroll={{ x: 1150 }}
        pagination={false}
        expandable={{
          expandedRowRender: expanded,
          expandedRowKeys: (list.data ?? []).map((d) => d.id).filter((id) => !folded.includes(id)),
          onExpand: (open, d) => setFolded((f) => (open ? f.filter((x) => x !== d.id) : [...f, d.id])),
        }}
        onRow={(d) => ({ 'data-testid': testIds.recDecisionRow(d.id) }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recognition.decisions.empty')} /> }}
      />
      <SignModal sign={sign} onClose={() => setSign(null)} />
      <ObjectionModal decision={objecting} titles={new Map([...appById].map(([id, a]) => [id, appTitle(a, lang)]))} onClose={() => setObjecting(null)} />
      <ResolveModal target={resolving} onClose={() => setResolving(null)} />
    </div>
  );
}
