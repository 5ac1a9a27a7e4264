import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Flex, Form, Input, Modal, Row, Space, Switch, Table, Tabs, Tag, Timeline, Typography,
} from 'antd';
import { ArrowLeftOutlined, EditOutlined, ExclamationCircleOutlined, FileTextOutlined, StopOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { ApiError, get, patch, post } from '../../app/api';
import { useMe } from '../../app/session';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { PageSpinner } from '../../shared/PageSpinner';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { formatDate } from '../../shared/format';
import { regionLabel } from '../../shared/regions';
import { FailedYearsView, FieldTags, GradeTag, StatusTag, TypeTag, useLang } from './common';
import { ProjectsSection } from './ProjectsSection';
import { BaseReportsSection } from './BaseReportsSection';
import { cell, countryName, isMinistry, type BaseDetail, type MayApplyAgain } from './model';

/** The base page: who it is, what happened to it, how it was assessed, its projects and reports. */
export default function BasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const [tab, setTab] = useState('overview');
  const { data: base, error, isPending, refetch } = useQuery({ queryKey: ['bases', 'detail', id], queryFn: () => get<BaseDetail>(`/api/bases/${id}`) });

  if (isPending) return <PageSpinner />;
  if (error || !base) return <ErrorAlert error={error} onRetry={() => void refetch()} />;

  const ministry = isMinistry(me);
  const name = lang === 'en' ? base.nameEn || base.nameZh : base.nameZh;
  const other = lang === 'en' ? base.nameZh : base.nameEn;

  return (
    <div data-testid={testIds.basePage} data-base-id={base.id} data-status={base.status}>
      <PageHeader
        title={
          <Space wrap size={8}>
            <span>{name}</span>
            <StatusTag status={base.status} />
          </Space>
        }
        description={
          <span>
            {other && <>{other} · </>}
            <span style={{ fontFamily: 'monospace' }}>{base.code}</span>
          </span>
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/bases')}>
              {t('bases.page.backToList')}
            </Button>
            {ministry && base.status !== 'revoked' && <ViolationButton base={base} />}
            {ministry && base.status === 'notified' && <RevokeButton base={base} />}
          </>
        }
      />

      <StatusBanner base={base} onOpenAssessment={() => setTab('assessment')} />

      <Tabs
        activeKey={tab}
        onChange={setTab}
        data-testid={testIds.baseTabs}
        items={[
          { key: 'overview', label: t('bases.page.tabs.overview'), children: <Overview base={base} /> },
          { key: 'timeline', label: t('bases.page.tabs.timeline'), children: <BaseTimeline base={base} /> },
          { key: 'assessment', label: t('bases.page.tabs.assessment'), children: <AssessmentHistory base={base} /> },
          { key: 'projects', label: t('bases.page.tabs.projects'), children: <ProjectsSection base={base} /> },
          { key: 'reports', label: t('bases.page.tabs.reports'), children: <BaseReportsSection base={base} /> },
        ]}
      />
    </div>
  );
}

/** Notified or revoked: say so at the top, with the document and the date, and a13.s5 for revoked. */
function StatusBanner({ base, onOpenAssessment }: { base: BaseDetail; onOpenAssessment(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const ban = useQuery({
    queryKey: ['bases', 'ban', base.hostOrgId],
    queryFn: () => get<MayApplyAgain>(`/api/organizations/${base.hostOrgId}/may-apply-again`),
    enabled: base.status === 'revoked',
  });
  const doc = [...base.documents].reverse().find((d) => d.kind === (base.status === 'revoked' ? 'revocation' : 'notice'));
  if (base.status === 'notified') {
    return (
      <Alert
        type="warning"
        showIcon
        icon={<WarningOutlined />}
        style={{ marginBottom: 16 }}
        data-testid={testIds.baseStatusBanner}
        title={
          <Space wrap>
            {t('bases.page.notifiedBanner', { on: formatDate(base.statusChangedOn), doc: doc?.number ?? '—' })}
            <ClauseTag clause="a13.s3" />
          </Space>
        }
        description={
          <span>
            {t('bases.reading.conclusion')}
            {base.failedYears.because[lang]}{' '}
            <Typography.Link onClick={onOpenAssessment}>{t('bases.page.seeReading')}</Typography.Link>
            <br />
            {t('bases.page.notifiedNext')} <ClauseTag clause="a13.s4" />
          </span>
        }
      />
    );
  }
  if (base.status === 'revoked') {
    return (
      <Alert
        type="error"
        showIcon
        icon={<StopOutlined />}
        style={{ marginBottom: 16 }}
        data-testid={testIds.baseStatusBanner}
        title={
          <Space wrap>
            {t('bases.page.revokedBanner', { on: formatDate(base.statusChangedOn), doc: doc?.number ?? '—' })}
            <ClauseTag clause="a13.s4" />
          </Space>
        }
        description={
          <Space wrap data-testid={testIds.baseMayApplyAgain}>
            {ban.data?.mayApplyFrom
              ? t('bases.page.mayApplyAgain', { date: formatDate(ban.data.mayApplyFrom) })
              : ban.isPending
                ? t('common.loading')
                : t('bases.page.mayApplyUnknown')}
            <ClauseTag clause="a13.s5" />
          </Space>
        }
      />
    );
  }
  if (base.failedYears.run.length > 0) {
    return (
      <Alert
        type={base.failedYears.triggered ? 'error' : 'warning'}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid={testIds.baseStatusBanner}
        title={
          <Space wrap>
            {t('bases.page.atRiskBanner', { n: base.failedYears.run.length, years: base.failedYears.run.join(lang === 'zh' ? '、' : ', ') })}
            <ClauseTag clause="a13.s3" />
            <Typography.Link onClick={onOpenAssessment}>{t('bases.page.seeReading')}</Typography.Link>
          </Space>
        }
      />
    );
  }
  return null;
}

function Overview({ base }: { base: BaseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const hostName = lang === 'en' ? base.host.nameEn || base.host.nameZh : base.host.nameZh;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card title={t('bases.page.basics')} size="small" data-testid={testIds.baseOverview}>
          <Descriptions
            column={1}
            size="small"
            styles={{ label: { width: 170 } }}
            items={[
              { key: 'type', label: t('bases.page.type'), children: <TypeTag typeId={base.typeId} /> },
              { key: 'code', label: t('bases.list.code'), children: <span style={{ fontFamily: 'monospace' }}>{base.code}</span> },
              { key: 'recognizedOn', label: t('bases.list.recognizedOn'), children: formatDate(base.recognizedOn) },
              {
                key: 'status',
                label: t('bases.list.status'),
                children: (
                  <Space>
                    <StatusTag status={base.status} />
                    {base.statusChangedOn && <Typography.Text type="secondary">{t('bases.page.since', { date: formatDate(base.statusChangedOn) })}</Typography.Text>}
                  </Space>
                ),
              },
              {
                key: 'host',
                label: t('bases.page.host'),
                children: (
                  <div data-testid={testIds.baseHost}>
                    <div>
                      {hostName} <Tag>{t(`orgKind.${base.host.kind}`, { defaultValue: base.host.kind })}</Tag>
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('bases.page.affiliation')}
                      {(lang === 'en' ? base.host.affiliationNameEn || base.host.affiliationNameZh : base.host.affiliationNameZh) ?? t('bases.page.noAffiliation')}
                      {' — '}
                      {t('bases.page.affiliationUnchanged')} <ClauseTag clause={base.affiliationRule.clause} />
                    </Typography.Text>
                  </div>
                ),
              },
              { key: 'recommender', label: t('bases.list.recommender'), children: (lang === 'en' ? base.recommenderNameEn || base.recommenderNameZh : base.recommenderNameZh) ?? '—' },
              { key: 'region', label: t('bases.list.region'), children: regionLabel(base.regionCode, lang) || '—' },
              {
                key: 'fields',
                label: t('bases.list.fields'),
                children: (
                  <Space size={8} wrap>
                    <FieldTags fields={base.fields} />
                    <ClauseTag clause="a15.s1" />
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <OperatingModel base={base} />
      </Col>
      <Col xs={24} xl={14}>
        <Card title={t('bases.page.partners')} size="small" data-testid={testIds.basePartners}>
          <Table
            size="small"
            rowKey={(r) => `${r.nameEn}:${r.country}`}
            pagination={false}
            dataSource={base.foreignPartners}
            locale={{ emptyText: t('common.noData') }}
            columns={[
              { title: t('bases.page.partnerName'), key: 'name', render: (_, r) => (lang === 'zh' && r.nameZh ? `${r.nameZh}（${r.nameEn}）` : r.nameEn) },
              { title: t('bases.page.country'), dataIndex: 'country', width: 130, render: (c: string) => countryName(c, lang) },
              {
                title: t('bases.page.agreement'),
                dataIndex: 'agreementSigned',
                width: 120,
                render: (v?: boolean) => (v ? <Tag color="green">{t('bases.page.agreementSigned')}</Tag> : <Tag>{t('bases.page.agreementNone')}</Tag>),
              },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card title={t('bases.page.plaques')} size="small" data-testid={testIds.basePlaques}>
          <Table
            size="small"
            rowKey={(r) => `${r.partner}:${r.on ?? ''}`}
            pagination={false}
            dataSource={base.foreignPlaques}
            locale={{ emptyText: t('bases.page.noPlaques') }}
            columns={[
              { title: t('bases.page.country'), dataIndex: 'country', width: 110, render: (c: string) => countryName(c, lang) },
              { title: t('bases.page.partnerName'), dataIndex: 'partner' },
              { title: t('bases.page.plaqueOn'), dataIndex: 'on', width: 110, render: (v: string | null) => formatDate(v) || '—' },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24}>
        <Card title={t('bases.page.documents')} size="small" data-testid={testIds.baseDocuments}>
          <Table
            size="small"
            rowKey={(r) => `${r.kind}:${r.number}`}
            pagination={false}
            dataSource={base.documents}
            locale={{ emptyText: t('common.noData') }}
            columns={[
              { title: t('bases.page.docKind'), dataIndex: 'kind', width: 160, render: (k: string) => <Tag icon={<FileTextOutlined />}>{t(`bases.docKind.${k}`, { defaultValue: k })}</Tag> },
              { title: t('bases.page.docNumber'), dataIndex: 'number', width: 220, render: (v: string) => <Typography.Text copyable>{v}</Typography.Text> },
              { title: t('bases.page.docTitle'), dataIndex: 'title' },
              { title: t('bases.page.docOn'), dataIndex: 'on', width: 120, render: (v: string) => formatDate(v) },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

/** a12.s2: the base records its own operating model; optimistic concurrency by version. */
function OperatingModel({ base }: { base: BaseDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(base.operatingModel ?? '');
  // a12.s2 is the base's own record: only its users edit it (the server also lets the ministry).
  const canEdit = cell(me, 'base', 'update') === 'own_org' && base.status !== 'revoked';
  const save = useMutation({
    mutationFn: () => patch<{ id: string; version: number }>(`/api/bases/${base.id}`, { version: base.version, operatingModel: text }),
    onSuccess: async () => {
      setEditing(false);
      void message.success(t('bases.page.saved'));
      await qc.invalidateQueries({ queryKey: ['bases', 'detail', base.id] });
    },
  });
  const conflict = save.error instanceof ApiError && save.error.status === 409;
  return (
    <Card
      size="small"
      data-testid={testIds.baseOperatingModel}
      title={
        <Space>
          {t('bases.page.operatingModel')}
          <ClauseTag clause="a12.s2" />
        </Space>
      }
      extra={
        canEdit && !editing ? (
          <Button size="small" icon={<EditOutlined />} onClick={() => { setText(base.operatingModel ?? ''); setEditing(true); }} data-testid={testIds.baseOperatingModelEdit}>
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      {editing ? (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('bases.page.operatingModelHint')}
          </Typography.Paragraph>
          <Input.TextArea rows={7} maxLength={4000} showCount value={text} onChange={(e) => setText(e.target.value)} data-testid={testIds.baseOperatingModelInput} />
          {conflict ? (
            <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('bases.page.conflict')} action={<Button size="small" onClick={() => void qc.invalidateQueries({ queryKey: ['bases', 'detail', base.id] })}>{t('common.refresh')}</Button>} />
          ) : (
            save.error && <ErrorAlert error={save.error} />
          )}
          <Flex gap={8} justify="end" style={{ marginTop: 12 }}>
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => save.mutate()} data-testid={testIds.baseOperatingModelSave}>
              {t('common.save')}
            </Button>
          </Flex>
        </>
      ) : base.operatingModel ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{base.operatingModel}</Typography.Paragraph>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bases.page.operatingModelEmpty')} />
      )}
    </Card>
  );
}

const eventColor: Record<string, string> = { recognized: 'green', notified: 'orange', revoked: 'red', violation: 'red', foreign_plaque: 'blue', report_submitted: 'blue', report_signed: 'blue', report_received: 'green', report_returned: 'orange' };

type TimelineItem = { sort: string; key: string; title: string; color: string; content: React.ReactNode };

function BaseTimeline({ base }: { base: BaseDetail }) {
  const { t } = useTranslation();
  // The server's events (recognition, plaques, notice, violations, revocation) and the yearly
  // assessment results, newest first: what happened lately is what a clerk looks for.
  const results: TimelineItem[] = base.assessments.map((a) => ({
    sort: `${a.year}-12-31~`,
    key: `result-${a.year}`,
    title: t('bases.page.yearLabel', { year: a.year }),
    color: a.grade === 'fail' ? 'red' : a.grade === 'not_eligible' ? 'gray' : 'green',
    content: (
      <div data-event-kind="assessment">
        <Space wrap size={6}>
          <Typography.Text strong>{t('bases.event.assessed', { year: a.year })}</Typography.Text>
          <GradeTag grade={a.grade} />
          {a.score !== null && <Typography.Text type="secondary">{t('bases.page.scoreOf', { score: a.score.toFixed(1) })}</Typography.Text>}
          <ClauseTag clause="a10.i4" />
        </Space>
      </div>
    ),
  }));
  const events: TimelineItem[] = base.timeline.map((e) => ({
          sort: e.on,
          key: e.id,
          color: eventColor[e.kind] ?? 'gray',
          title: formatDate(e.on),
          content: (
            <div data-event-kind={e.kind}>
              <Space wrap size={6}>
                {e.report ? (
                  <Link to={`/bases/${base.id}/reports/${e.report.id}`}>
                    <Typography.Text strong>
                      {t(`bases.event.${e.kind}`, { what: t(e.report.kind === 'plan' ? 'bases.event.planOf' : 'bases.event.summaryOf', { year: e.report.year }), defaultValue: e.kind })}
                    </Typography.Text>
                  </Link>
                ) : (
                  <Typography.Text strong>{t(`bases.event.${e.kind}`, { defaultValue: e.kind })}</Typography.Text>
                )}
                {e.report?.late && <Tag color="red">{t('bases.reports.late')}</Tag>}
                {e.clauses.map((c) => (
                  <ClauseTag key={c} clause={c} />
                ))}
              </Space>
              {e.documentNumber && (
                <div>
                  <Typography.Text type="secondary">{t('bases.page.docNumber')}：</Typography.Text>
                  {e.documentNumber}
                </div>
              )}
              {e.note && (
                <div style={{ color: '#595959', whiteSpace: 'pre-wrap' }}>
                  {e.kind === 'report_signed' ? t('bases.event.signedBy', { name: e.note }) : e.kind === 'report_returned' ? t('bases.event.returnReason', { reason: e.note }) : e.note}
                </div>
              )}
            </div>
          ),
  }));
  const items = [...events, ...results].sort((a, b) => (a.sort < b.sort ? 1 : a.sort > b.sort ? -1 : 0));
  if (!items.length) return <Empty description={t('common.noData')} />;
  return (
    <Card size="small">
      <Timeline
        data-testid={testIds.baseTimeline}
        mode="start"
        titleSpan={4}
        items={items.map(({ key, title, color, content }) => ({ key, title, color, content }))}
      />
    </Card>
  );
}

/** a13.s2: the assessment history travels with the base; a13.s3: the three-year reading. */
function AssessmentHistory({ base }: { base: BaseDetail }) {
  const { t } = useTranslation();
  const rows = [...base.assessments].reverse();
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={9}>
        <Card
          size="small"
          data-testid={testIds.baseAssessments}
          title={
            <Space>
              {t('bases.page.assessmentHistory')}
              <ClauseTag clause="a13.s2" />
            </Space>
          }
        >
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('bases.page.assessmentHistoryHint')}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="year"
            pagination={false}
            dataSource={rows}
            locale={{ emptyText: t('bases.page.noAssessments') }}
            onRow={(r) => ({ 'data-year': r.year, 'data-grade': r.grade }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('bases.reading.year'), dataIndex: 'year', width: 80 },
              { title: t('bases.assessment.grade'), dataIndex: 'grade', render: (g: string) => <GradeTag grade={g} /> },
              { title: t('bases.assessment.score'), dataIndex: 'score', width: 90, render: (s: number | null) => (s === null ? '—' : s.toFixed(1)) },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} xl={15}>
        <Card
          size="small"
          title={
            <Space>
              {t('bases.reading.title')}
              <ClauseTag clause="a13.s3" />
            </Space>
          }
        >
          <FailedYearsView reading={base.failedYears} />
        </Card>
      </Col>
    </Row>
  );
}

type DayForm = { on: Dayjs; documentNumber?: string; description?: string; serious?: boolean; note?: string };

/** a13.s4: the ministry records a violation (serious or not). */
function ViolationButton({ base }: { base: BaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<DayForm>();
  const m = useMutation({
    mutationFn: (v: DayForm) =>
      post(`/api/bases/${base.id}/violations`, { on: v.on.format('YYYY-MM-DD'), serious: !!v.serious, description: v.description ?? '', documentNumber: v.documentNumber || undefined }),
    onSuccess: async () => {
      setOpen(false);
      form.resetFields();
      void message.success(t('bases.page.violationRecorded'));
      await qc.invalidateQueries({ queryKey: ['bases'] });
    },
  });
  return (
    <>
      <Button danger icon={<ExclamationCircleOutlined />} onClick={() => setOpen(true)} data-testid={testIds.baseViolation}>
        {t('bases.page.recordViolation')}
      </Button>
      <Modal
        open={open}
        title={
          <Space>
            {t('bases.page.recordViolation')}
            <ClauseTag clause="a13.s4" />
          </Space>
        }
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        confirmLoading={m.isPending}
        destroyOnHidden
      >
        <div data-testid={testIds.baseViolationForm}>
          <Typography.Paragraph type="secondary">{t('bases.page.violationHint')}</Typography.Paragraph>
          {m.error && <ErrorAlert error={m.error} />}
          <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)} initialValues={{ serious: false }}>
            <Form.Item name="on" label={t('bases.page.violationOn')} rules={[{ required: true, message: t('bases.form.required') }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="description" label={t('bases.page.violationDescription')} rules={[{ required: true, min: 2, message: t('bases.form.required') }]}>
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
            <Form.Item name="serious" label={t('bases.page.violationSerious')} valuePropName="checked" extra={t('bases.page.violationSeriousHint')}>
              <Switch data-testid={testIds.baseViolationSerious} />
            </Form.Item>
            <Form.Item name="documentNumber" label={t('bases.page.docNumberOptional')}>
              <Input maxLength={80} />
            </Form.Item>
          </Form>
        </div>
      </Modal>
    </>
  );
}

/** a13.s4: revoke a notified base with a serious violation on record; the document number is required. */
function RevokeButton({ base }: { base: BaseDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<DayForm>();
  const m = useMutation({
    mutationFn: (v: DayForm) => post(`/api/bases/${base.id}/revoke`, { on: v.on.format('YYYY-MM-DD'), documentNumber: v.documentNumber ?? '', note: v.note || undefined }),
    onSuccess: async () => {
      setOpen(false);
      void message.success(t('bases.page.revoked'));
      await qc.invalidateQueries({ queryKey: ['bases'] });
    },
  });
  return (
    <>
      <Button danger type="primary" icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid={testIds.baseRevoke}>
        {t('bases.page.revoke')}
      </Button>
      <Modal
        open={open}
        title={
          <Space>
            {t('bases.page.revoke')}
            <ClauseTag clause="a13.s4" />
          </Space>
        }
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('bases.page.revokeConfirm')}
        okButtonProps={{ danger: true, 'data-testid': testIds.baseRevokeSubmit } as never}
        confirmLoading={m.isPending}
        destroyOnHidden
      >
        <div data-testid={testIds.baseRevokeForm}>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('bases.page.revokeHint')} description={<Space>{t('bases.page.revokeBan')}<ClauseTag clause="a13.s5" /></Space>} />
          {m.error && <ErrorAlert error={m.error} />}
          <Form form={form} layout="vertical" onFinish={(v) => m.mutate(v)}>
            <Form.Item name="documentNumber" label={t('bases.page.docNumber')} rules={[{ required: true, min: 3, message: t('bases.form.docNumberRequired') }]}>
              <Input maxLength={80} placeholder={t('bases.form.docNumberPlaceholder')} data-testid={testIds.baseRevokeDoc} />
            </Form.Item>
            <Form.Item name="on" label={t('bases.page.docOn')} rules={[{ required: true, message: t('bases.form.required') }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="note" label={t('bases.form.note')}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
          </Form>
        </div>
      </Modal>
    </>
  );
}

