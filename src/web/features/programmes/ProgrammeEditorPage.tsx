// The editor of one programme version (a21.s1): the document, base types with their conditions
// and procedure, quotas and grades; the server validates on save and its issues appear beside the
// fields they name; the preview shows the resulting application form and step bar. A published
// version is read-only: revising it makes a new draft version that replaces it (a23).
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Modal, Row, Space, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, CloudUploadOutlined, CopyOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { ApiError, get, patch, post } from '../../app/api';
import { useMe } from '../../app/session';
import { PageHeader } from '../../shared/PageHeader';
import { PageSpinner } from '../../shared/PageSpinner';
import { ClauseTag } from '../../shared/ClauseTag';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { errorText } from '../../shared/errors';
import { TypeEditor } from './TypeEditor';
import { CallRulesEditor, DocumentEditor, GradingEditor } from './RulesEditor';
import { PreviewPanel } from './PreviewPanel';
import { CallsPanel } from './CallsPanel';
import { useLang } from './parts';
import { issuesOf, setIn, txt, type Issue, type ProgrammeData, type ProgrammeLibrary, type ProgrammeVersion } from './model';
import { progIds } from './testids';

function IssuesSummary({ issues }: { issues: Issue[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (issues.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid={progIds.issues}
      title={t('programmes.editor.errorsTitle', { count: issues.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {issues.map((i) => (
            <li key={`${i.path}-${i.rule}`}>
              <Typography.Text code>{i.path}</Typography.Text> {lang === 'en' ? i.message.en : i.message.zh}
            </li>
          ))}
        </ul>
      }
    />
  );
}

function NewVersionModal({ programme, open, onClose }: { programme: ProgrammeVersion; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ label: string; effectiveFrom?: Dayjs }>();
  const [error, setError] = useState<unknown>(null);
  const create = useMutation({
    mutationFn: (v: { label: string; effectiveFrom?: Dayjs }) => post<ProgrammeVersion>(`/api/programmes/${programme.id}/versions`, { label: v.label, ...(v.effectiveFrom ? { effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD') } : {}) }),
    onSuccess: (p) => {
      void message.success(t('programmes.editor.newVersionCreated', { label: p.label, replaces: p.replaces ?? '' }));
      onClose();
      navigate(`/programmes/${p.id}`);
    },
    onError: setError,
  });
  return (
    <Modal open={open} title={t('programmes.editor.newVersion')} onCancel={onClose} onOk={() => form.submit()} okButtonProps={{ loading: create.isPending }} destroyOnHidden>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
        <Form.Item name="label" label={t('programmes.editor.newVersionLabel')} rules={[{ required: true, message: t('validation.required', { label: t('programmes.editor.newVersionLabel') }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="effectiveFrom" label={t('programmes.editor.newVersionEffective')}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function Editor({ programme, library }: { programme: ProgrammeVersion; library: ProgrammeLibrary }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [data, setData] = useState<ProgrammeData>(programme.data as unknown as ProgrammeData);
  const [dirty, setDirty] = useState(false);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [typeTab, setTypeTab] = useState('0');
  const [versioning, setVersioning] = useState(false);
  const readOnly = programme.status === 'published';
  useEffect(() => {
    setData(programme.data as unknown as ProgrammeData);
    setDirty(false);
  }, [programme.id, programme.version]); // eslint-disable-line react-hooks/exhaustive-deps

  const set = (path: string, value: unknown) => {
    setData((d) => setIn(d, path, value));
    setDirty(true);
  };
  const onSaved = (p: ProgrammeVersion) => {
    qc.setQueryData(['programmes', p.id], p);
    void qc.invalidateQueries({ queryKey: ['programmes', 'list'] });
    setIssues([]);
    setError(null);
  };
  const onFailed = (e: unknown) => {
    const found = issuesOf(e);
    setIssues(found);
    setError(found.length ? null : e);
  };
  const save = useMutation({
    mutationFn: () => patch<ProgrammeVersion>(`/api/programmes/${programme.id}`, { version: programme.version, data }),
    onSuccess: (p) => {
      onSaved(p);
      void message.success(t('programmes.editor.saved', { version: p.version }));
    },
    onError: onFailed,
  });
  const publish = useMutation({
    mutationFn: async () => {
      // Unsaved edits are saved first, so what is published is what the user sees.
      const cur = dirty ? await patch<ProgrammeVersion>(`/api/programmes/${programme.id}`, { version: programme.version, data }) : programme;
      return post<ProgrammeVersion>(`/api/programmes/${programme.id}/publish`, { version: cur.version });
    },
    onSuccess: (p) => {
      onSaved(p);
      void message.success(t('programmes.editor.published', { key: p.publishedKey }));
    },
    onError: onFailed,
  });
  const key = `${data.lineage}@${data.version}`;
  const confirmPublish = () =>
    modal.confirm({ title: t('programmes.editor.publishConfirm', { key }), content: t('programmes.editor.publishBody'), okText: t('common.confirm'), cancelText: t('common.cancel'), onOk: () => publish.mutateAsync().catch(() => undefined), okButtonProps: { 'data-testid': 'prog-publish-confirm' } as never });

  const addType = () => {
    const n = data.types.length + 1;
    set('types', [...data.types, { ...structuredClone(data.types[0]!), id: `type_${n}`, name: { zh: `${t('programmes.type.nameZh')} ${n}`, en: `Type ${n}` } }]);
    setTypeTab(String(data.types.length));
  };
  const conflict = error instanceof ApiError && error.status === 409 && error.body.data?.code !== 'programme_published';

  return (
    <div data-testid={progIds.editor}>
      <PageHeader
        title={<Space wrap>{txt(data.document.title, lang)}<Tag color={readOnly ? 'green' : 'blue'}>{t(`programmes.status.${programme.status}`)}</Tag><Typography.Text type="secondary" code>{programme.publishedKey ?? key}</Typography.Text></Space>}
        description={t('programmes.doc.legalBasis')}
        clause={<ClauseTag clause="a21.s1" />}
        extra={
          <Space wrap>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/programmes')}>{t('programmes.editor.back')}</Button>
            {!readOnly && (
              <>
                {dirty && <Tag color="orange">{t('programmes.editor.unsaved')}</Tag>}
                <Button icon={<SaveOutlined />} onClick={() => save.mutate()} loading={save.isPending} data-testid={progIds.save}>{t('programmes.editor.save')}</Button>
                <Button type="primary" icon={<CloudUploadOutlined />} onClick={confirmPublish} loading={publish.isPending} data-testid={progIds.publish}>{t('programmes.editor.publish')}</Button>
              </>
            )}
            {readOnly && <Button icon={<CopyOutlined />} onClick={() => setVersioning(true)} data-testid={progIds.newVersion}>{t('programmes.editor.newVersion')}</Button>}
          </Space>
        }
      />
      {readOnly && <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid={progIds.readOnly} title={t('programmes.editor.readOnly', { at: programme.publishedAt?.slice(0, 10) ?? '', key: programme.publishedKey })} />}
      {conflict && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('programmes.editor.conflict')} />}
      {!conflict && <ErrorAlert error={error} onClose={() => setError(null)} />}
      <IssuesSummary issues={issues} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small">
            <Tabs
              items={[
                { key: 'document', label: <span data-testid={progIds.tab('document')}>{t('programmes.editor.tabs.document')}</span>, children: <DocumentEditor data={data} issues={issues} readOnly={readOnly} set={set} /> },
                {
                  key: 'types',
                  label: <span data-testid={progIds.tab('types')}>{t('programmes.editor.tabs.types')}</span>,
                  children: (
                    <Tabs
                      type="card"
                      size="small"
                      activeKey={typeTab}
                      onChange={setTypeTab}
                      tabBarExtraContent={!readOnly && <Button size="small" icon={<PlusOutlined />} onClick={addType} data-testid={progIds.typeAdd}>{t('programmes.type.add')}</Button>}
                      items={data.types.map((ty, ti) => ({
                        key: String(ti),
                        label: txt(ty.name, lang) || ty.id,
                        children: <TypeEditor type={ty} path={`types[${ti}]`} clauseIds={data.document.clauseIds} library={library} issues={issues} readOnly={readOnly} set={set} issuerKind={data.issuer.orgKind || me.org.kind} />,
                      }))}
                    />
                  ),
                },
                { key: 'calls', label: <span data-testid={progIds.tab('calls')}>{t('programmes.editor.tabs.calls')}</span>, children: <CallRulesEditor data={data} issues={issues} readOnly={readOnly} set={set} /> },
                { key: 'grading', label: <span data-testid={progIds.tab('grading')}>{t('programmes.editor.tabs.grading')}</span>, children: <GradingEditor data={data} issues={issues} readOnly={readOnly} set={set} /> },
                { key: 'callsList', label: <span data-testid={progIds.tab('callsList')}>{t('programmes.editor.tabs.callsList')}</span>, children: <CallsPanel programme={programme} /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <PreviewPanel id={programme.id} savedVersion={programme.version} />
        </Col>
      </Row>
      <NewVersionModal programme={programme} open={versioning} onClose={() => setVersioning(false)} />
    </div>
  );
}

export default function ProgrammeEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const programme = useQuery({ queryKey: ['programmes', id], queryFn: () => get<ProgrammeVersion>(`/api/programmes/${id}`) });
  const library = useQuery({ queryKey: ['programmes', 'library'], queryFn: () => get<ProgrammeLibrary>('/api/programmes/library'), staleTime: Infinity });
  if (programme.error || library.error) return <Alert type="error" showIcon title={errorText(programme.error ?? library.error, t)} />;
  if (!programme.data || !library.data) return <PageSpinner />;
  return <Editor key={programme.data.id} programme={programme.data} library={library.data} />;
}
