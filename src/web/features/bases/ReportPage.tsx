import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert, Anchor, App, Button, Card, Checkbox, Col, Descriptions, Flex, Form, Input, InputNumber, Modal, Popconfirm, Row, Space, Statistic, Steps, Table, Tag,
  Timeline, Typography,
} from 'antd';
import { ArrowLeftOutlined, CheckOutlined, DeleteOutlined, PlusOutlined, RollbackOutlined, SaveOutlined, SendOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, get, post, put } from '../../app/api';
import { useMe } from '../../app/session';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { PageSpinner } from '../../shared/PageSpinner';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { formatDateTime } from '../../shared/format';
import { useFormDraft } from '../../shared/useFormDraft';
import { ReportStatusTag, useLang } from './common';
import { cell, countryName, wan, type Report, type ReportContent, type ReportPrefill } from './model';
import { AttachmentLink, AttachmentUpload } from '../recognition/parts';
import { AllianceAttendance } from '../alliance/AllianceAttendance';

type FormValues = ReportContent & { narrative: string };

/** A submitted report is read, not edited: disabled fields in full-strength text. */
const READONLY_CSS = `
[data-testid="report-form"] .ant-input-disabled, [data-testid="report-form"] .ant-input-number-disabled,
[data-testid="report-form"] .ant-input-number-disabled input, [data-testid="report-form"] textarea.ant-input-disabled {
  color: rgba(0, 0, 0, 0.88); background: #fafafa; cursor: text; -webkit-text-fill-color: rgba(0, 0, 0, 0.88);
}
[data-testid="report-form"] .ant-checkbox-wrapper-disabled { color: rgba(0, 0, 0, 0.88); cursor: default; }
`;

const SECTIONS = ['goals', 'projects', 'partners', 'talent', 'trainings', 'papers', 'patents', 'standards', 'transfer', 'funding', 'difficulties', 'narrative', 'attachments'] as const;
type Section = (typeof SECTIONS)[number];

/** Which of the flow's steps a report is at (for the Steps bar). */
function stepOf(status: string): number {
  return status === 'draft' || status === 'returned' ? 0 : status === 'submitted' ? 1 : status === 'signed_by_recommender' ? 2 : 3;
}

/**
 * One plan or summary (a14.s1): the base fills it (autosaved), submits; the recommending unit
 * returns it with reasons or signs its opinion (a named person, a time); the ministry confirms receipt.
 */
export default function ReportPage() {
  const { reportId = '', id: baseId = '' } = useParams();
  const { data: report, error, isPending, refetch } = useQuery({ queryKey: ['bases', 'report', reportId], queryFn: () => get<Report>(`/api/reports/${reportId}`) });
  if (isPending) return <PageSpinner />;
  if (error || !report) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  return <ReportView key={`${report.id}:${report.version}`} report={report} baseId={baseId || report.baseId} onReload={() => void refetch()} />;
}

function ReportView({ report, baseId, onReload }: { report: Report; baseId: string; onReload(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const isBase = cell(me, 'annual_report', 'update') !== null;
  const decide = cell(me, 'annual_report', 'decide');
  const editable = isBase && (report.status === 'draft' || report.status === 'returned');
  const summary = report.kind === 'summary';
  const initial: FormValues = useMemo(() => ({ ...report.content, narrative: report.narrative }), [report]);
  const draft = useFormDraft<FormValues>(form, { formKey: `annual-report:${report.id}`, userKey: me.id, server: true, disabled: !editable });
  const [savedAt, setSavedAt] = useState<string | null>(null);
  // The files the report includes: uploaded at once, saved into the report with the form.
  const [files, setFiles] = useState<Report['attachments']>(report.attachments ?? []);

  const prefill = useQuery({
    queryKey: ['bases', 'prefill', baseId, report.year, report.kind],
    queryFn: () => get<ReportPrefill>(`/api/bases/${baseId}/reports/prefill`, { year: report.year, kind: report.kind }),
    enabled: editable,
  });

  const refresh = async (next?: Report) => {
    if (next) qc.setQueryData(['bases', 'report', report.id], next);
    await qc.invalidateQueries({ queryKey: ['bases'] });
  };

  const saveDraft = useMutation({
    mutationFn: () => {
      const v = form.getFieldsValue(true) as FormValues;
      const { narrative, ...content } = v;
      return put<Report>(`/api/reports/${report.id}`, { version: report.version, content, narrative: narrative ?? '', attachmentIds: files.map((f) => f.id) });
    },
  });
  const act = useMutation({
    mutationFn: (body: Record<string, unknown>) => post<Report>(`/api/reports/${report.id}/actions`, body),
  });

  const onSave = async () => {
    try {
      const next = await saveDraft.mutateAsync();
      draft.clear();
      setSavedAt(new Date().toISOString());
      void message.success(t('bases.report.savedToServer'));
      await refresh(next);
    } catch {
      /* shown below */
    }
  };

  const onSubmit = async () => {
    try {
      await form.validateFields();
    } catch {
      void message.error(t('bases.report.fixErrors'));
      return;
    }
    modal.confirm({
      title: t('bases.report.submitConfirmTitle'),
      content: t('bases.report.submitConfirm', { due: formatDateTime(report.due, lang) }),
      okText: t('bases.report.submit'),
      onOk: async () => {
        try {
          const saved = await saveDraft.mutateAsync();
          draft.clear();
          const next = await act.mutateAsync({ type: 'submit' });
          void message.success(t('bases.report.submitted'));
          await refresh(next ?? saved);
        } catch {
          /* shown below */
        }
      },
    });
  };

  const doAction = async (body: Record<string, unknown>, done: string) => {
    try {
      const next = await act.mutateAsync(body);
      void message.success(done);
      await refresh(next);
    } catch {
      /* shown below */
    }
  };

  const conflict = saveDraft.error instanceof ApiError && saveDraft.error.status === 409;
  const reviewerTurn = !!decide && decide !== 'all' && report.status === 'submitted';
  const ministryTurn = decide === 'all' && report.status === 'signed_by_recommender';
  const lastReturn = [...report.history].reverse().find((e) => e.action === 'return');
  const title = t(summary ? 'bases.report.titleSummary' : 'bases.report.titlePlan', { year: report.year });

  return (
    <div data-testid={testIds.reportPage} data-report-status={report.status} data-report-kind={report.kind}>
      <PageHeader
        title={
          <Space wrap>
            <span>{title}</span>
            <ReportStatusTag status={report.status} />
            {report.late && <Tag color="red" data-testid={testIds.reportLate}>{t('bases.reports.late')}</Tag>}
          </Space>
        }
        clause={<ClauseTag clause="a14.s1" />}
        description={
          <span>
            {lang === 'en' ? report.baseNameEn || report.baseNameZh : report.baseNameZh} · {t('bases.report.due', { due: formatDateTime(report.due, lang) })}
          </span>
        }
        extra={
          <Link to={`/bases/${baseId}`}>
            <Button icon={<ArrowLeftOutlined />}>{t('bases.report.backToBase')}</Button>
          </Link>
        }
      />

      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={stepOf(report.status)}
          status={report.status === 'returned' ? 'error' : report.status === 'received_by_ministry' ? 'finish' : 'process'}
          data-testid={testIds.reportSteps}
          items={[
            { title: t('bases.report.step.fill'), content: report.status === 'returned' ? t('bases.reportStatus.returned') : t('bases.report.step.fillWho') },
            { title: t('bases.report.step.review'), content: t('bases.report.step.reviewWho') },
            { title: t('bases.report.step.toMinistry'), content: t('bases.report.step.toMinistryWho') },
            { title: t('bases.report.step.received'), content: t('bases.report.step.receivedWho') },
          ]}
        />
      </Card>

      {!editable && <style>{READONLY_CSS}</style>}
      {((reviewerTurn) || (ministryTurn)) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={reviewerTurn ? t('bases.report.yourTurnReview') : t('bases.report.yourTurnReceive')}
          action={
            <Button size="small" type="primary" href="#report-review">
              {t('bases.report.goToReview')}
            </Button>
          }
        />
      )}
      {report.status === 'returned' && lastReturn && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid={testIds.reportReturnReason}
          title={t('bases.report.returnedTitle', { at: formatDateTime(lastReturn.at, lang) })}
          description={<div style={{ whiteSpace: 'pre-wrap' }}>{lastReturn.text}</div>}
        />
      )}
      {editable && draft.restored && (
        <Alert
          type="info"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          title={t('bases.report.draftRestored')}
          action={
            <Button
              size="small"
              onClick={() => {
                draft.clear();
                form.setFieldsValue(initial);
              }}
            >
              {t('bases.report.discardDraft')}
            </Button>
          }
        />
      )}
      {editable && prefill.data && prefill.data.carried.length > 0 && (
        <Alert
          type="success"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          data-testid={testIds.reportPrefill}
          title={t(summary ? 'bases.report.prefilledSummary' : 'bases.report.prefilled', {
            year: prefill.data.fromYear ?? '—',
            what: prefill.data.carried.map((c) => t(`bases.report.sections.${c}`, { defaultValue: c })).join(lang === 'zh' ? '、' : ', '),
          })}
          action={
            <Popconfirm
              title={t('bases.report.prefillAgainConfirm')}
              onConfirm={() => {
                const p = prefill.data!;
                form.setFieldsValue({ goals: p.content.goals, partners: p.content.partners });
                draft.save();
              }}
            >
              <Button size="small">{t('bases.report.prefillAgain')}</Button>
            </Popconfirm>
          }
        />
      )}

      <Row gutter={16}>
        <Col xs={24} xl={19}>
          <Form<FormValues>
            form={form}
            layout="vertical"
            initialValues={initial}
            disabled={!editable}
            onValuesChange={() => {
              draft.save();
              setSavedAt(new Date().toISOString());
            }}
            data-testid={testIds.reportForm}
          >
            <ReportSections report={report} summary={summary} editable={editable} />
          </Form>
          <AttachmentsCard
            n={SECTIONS.filter((x) => x !== 'attachments' && (summary || !['talent', 'trainings', 'papers', 'patents', 'standards', 'transfer'].includes(x))).length + 1}
            reportId={report.id}
            files={files}
            editable={editable}
            onChange={(next) => {
              setFiles(next);
              setSavedAt(null);
            }}
          />

          {conflict && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('bases.report.conflict')}
              action={
                <Button size="small" onClick={onReload}>
                  {t('common.refresh')}
                </Button>
              }
            />
          )}
          {!conflict && (saveDraft.error || act.error) && <ErrorAlert error={saveDraft.error ?? act.error} />}

          {editable && (
            <Card size="small" style={{ position: 'sticky', bottom: 0, zIndex: 5, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Typography.Text type="secondary" data-testid={testIds.reportAutosave}>
                  {savedAt ? t('bases.report.autosaved', { at: formatDateTime(savedAt, lang) }) : t('bases.report.autosaveHint')}
                </Typography.Text>
                <Space>
                  <Button icon={<SaveOutlined />} onClick={onSave} loading={saveDraft.isPending && !act.isPending} data-testid={testIds.reportSave}>
                    {t('bases.report.saveDraft')}
                  </Button>
                  <Button type="primary" icon={<SendOutlined />} onClick={onSubmit} loading={act.isPending} data-testid={testIds.reportSubmit}>
                    {t('bases.report.submit')}
                  </Button>
                </Space>
              </Flex>
            </Card>
          )}
          {isBase && report.status === 'submitted' && (
            <Card size="small">
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Typography.Text type="secondary">{t('bases.report.withdrawHint')}</Typography.Text>
                <Popconfirm title={t('bases.report.withdrawConfirm')} onConfirm={() => void doAction({ type: 'withdraw' }, t('bases.report.withdrawn'))}>
                  <Button icon={<UndoOutlined />} loading={act.isPending} data-testid={testIds.reportWithdraw}>
                    {t('bases.report.withdraw')}
                  </Button>
                </Popconfirm>
              </Flex>
            </Card>
          )}

          <OpinionCard report={report} />
          {reviewerTurn && <ReviewPanel busy={act.isPending} onAct={doAction} />}
          {ministryTurn && (
            <Card id="report-review" size="small" style={{ marginTop: 16 }} data-testid={testIds.reportReceivePanel}>
              <Flex justify="space-between" align="center" wrap gap={8}>
                <Space>
                  {t('bases.report.receiveHint')}
                  <ClauseTag clause="a14.s1" />
                </Space>
                <Button type="primary" icon={<CheckOutlined />} loading={act.isPending} onClick={() => void doAction({ type: 'receive' }, t('bases.report.receivedDone'))} data-testid={testIds.reportReceive}>
                  {t('bases.report.receive')}
                </Button>
              </Flex>
            </Card>
          )}
          <HistoryCard report={report} />
        </Col>
        <Col xs={0} xl={5}>
          <Anchor
            offsetTop={80}
            items={[
              ...SECTIONS.filter((s) => summary || !['talent', 'trainings', 'papers', 'patents', 'standards', 'transfer'].includes(s)).map((s, i) => ({
                key: s,
                href: `#report-${s}`,
                title: `${i + 1}. ${t(`bases.report.sections.${s}`)}`,
              })),
              ...(reviewerTurn || ministryTurn ? [{ key: 'review', href: '#report-review', title: <b>{reviewerTurn ? t('bases.report.reviewTitle') : t('bases.report.receive')}</b> }] : []),
            ]}
          />
        </Col>
      </Row>
    </div>
  );
}

function SectionCard({ id, n, title, clause, hint, children }: { id: Section; n: number; title: string; clause?: string; hint?: string; children: React.ReactNode }) {
  return (
    <Card
      id={`report-${id}`}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={testIds.reportSection(id)}
      title={
        <Space>
          <span>
            {n}. {title}
          </span>
          {clause && <ClauseTag clause={clause} />}
        </Space>
      }
    >
      {hint && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 0 }}>
          {hint}
        </Typography.Paragraph>
      )}
      {children}
    </Card>
  );
}

/** A number the records hold (not typed here), with where it comes from. */
function Computed({ label, value }: { label: string; value: string | number }) {
  return <Statistic title={label} value={value} styles={{ content: { fontSize: 20 } }} />;
}

function ReportSections({ report, summary, editable }: { report: Report; summary: boolean; editable: boolean }) {
  // Read-only (submitted, or not the base): no placeholders, no add/remove buttons.
  const ph = (text: string) => (editable ? text : undefined);
  const { t } = useTranslation();
  const lang = useLang();
  const c = report.computed;
  const fromRecords = report.status === 'draft' || report.status === 'returned' ? t('bases.report.fromRecordsLive') : t('bases.report.fromRecordsSnapshot');
  let n = 0;
  const next = () => ++n;
  const pair = (name: string, a: string, b: string, c3?: string) => (
    <Row gutter={16}>
      <Col xs={12} md={8}>
        <Form.Item name={[name, a]} label={t(`bases.report.fields.${name}_${a}`)}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} data-testid={testIds.reportField(`${name}.${a}`)} />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name={[name, b]} label={t(`bases.report.fields.${name}_${b}`)}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} data-testid={testIds.reportField(`${name}.${b}`)} />
        </Form.Item>
      </Col>
      {c3 && (
        <Col xs={12} md={8}>
          <Form.Item name={[name, c3]} label={t(`bases.report.fields.${name}_${c3}`)}>
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} data-testid={testIds.reportField(`${name}.${c3}`)} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );

  return (
    <>
      <SectionCard id="goals" n={next()} title={t('bases.report.sections.goals')} hint={t(summary ? 'bases.report.goalsHintSummary' : 'bases.report.goalsHintPlan')}>
        <Form.List name="goals">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Row key={f.key} gutter={8} align="top" data-testid={testIds.reportGoal(i)}>
                  <Col flex="24px" style={{ paddingTop: 6 }}>
                    {i + 1}.
                  </Col>
                  <Col flex="auto">
                    <Form.Item name={[f.name, 'goal']} rules={[{ required: true, message: t('bases.report.goalRequired') }, { max: 500 }]} style={{ marginBottom: 8 }}>
                      <Input placeholder={ph(t('bases.report.goalPlaceholder'))} maxLength={500} />
                    </Form.Item>
                    {summary && (
                      <Row gutter={8}>
                        <Col flex="auto">
                          <Form.Item name={[f.name, 'result']} rules={[{ max: 2000 }]} style={{ marginBottom: 8 }}>
                            <Input.TextArea rows={2} placeholder={ph(t('bases.report.resultPlaceholder'))} maxLength={2000} />
                          </Form.Item>
                        </Col>
                        <Col flex="110px">
                          <Form.Item name={[f.name, 'achieved']} valuePropName="checked" style={{ marginBottom: 8 }}>
                            <Checkbox>{t('bases.report.achieved')}</Checkbox>
                          </Form.Item>
                        </Col>
                      </Row>
                    )}
                  </Col>
                  {editable && (
                    <Col flex="32px">
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('bases.report.remove')} />
                    </Col>
                  )}
                </Row>
              ))}
              {!fields.length && !editable && <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
              {editable && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ goal: '', result: '', achieved: false })} data-testid={testIds.reportAddGoal}>
                  {t('bases.report.addGoal')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </SectionCard>

      <SectionCard id="projects" n={next()} title={t('bases.report.sections.projects')} clause="a16.s1" hint={`${fromRecords} ${t('bases.report.projectsHint')}`}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.projects}
          locale={{ emptyText: t('bases.report.noProjects', { year: report.year }) }}
          columns={[
            { title: t('bases.projects.kind'), dataIndex: 'kind', width: 140, render: (k: string) => t(`bases.projectKind.${k}`, { defaultValue: k }) },
            { title: t('bases.projects.title'), dataIndex: 'title' },
            { title: t('bases.projects.partner'), key: 'p', render: (_, p) => `${countryName(p.partnerCountry, lang)} ${p.partnerInstitution ?? ''}` },
            { title: t('bases.projects.period'), key: 'period', width: 100, render: (_, p) => `${p.startYear}–${p.endYear}` },
            { title: t('bases.projects.funding'), dataIndex: 'fundingWan', width: 120, align: 'right', render: (v: number) => wan(v, lang) },
            { title: t('bases.projects.matching'), dataIndex: 'matchingWan', width: 140, align: 'right', render: (v: number) => wan(v, lang) },
          ]}
        />
        <Link to={`/bases/${report.baseId}`} style={{ fontSize: 12 }}>
          {t('bases.report.editProjects')}
        </Link>
      </SectionCard>

      <SectionCard id="partners" n={next()} title={t('bases.report.sections.partners')} hint={t('bases.report.partnersHint')}>
        <Form.List name="partners">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row key={f.key} gutter={8}>
                  <Col flex="auto">
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: t('bases.report.partnerRequired') }]} style={{ marginBottom: 8 }}>
                      <Input placeholder={ph(t('bases.report.partnerName'))} maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col flex="160px">
                    <Form.Item name={[f.name, 'country']} rules={[{ required: true, pattern: /^[A-Z]{2}$/, message: t('bases.form.countryCode') }]} style={{ marginBottom: 8 }} normalize={(v: string) => v?.toUpperCase()}>
                      <Input placeholder={ph(t('bases.report.countryPlaceholder'))} maxLength={2} />
                    </Form.Item>
                  </Col>
                  <Col flex="140px">
                    <Form.Item name={[f.name, 'agreement']} valuePropName="checked" style={{ marginBottom: 8 }}>
                      <Checkbox>{t('bases.report.agreement')}</Checkbox>
                    </Form.Item>
                  </Col>
                  {editable && (
                    <Col flex="32px">
                      <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('bases.report.remove')} />
                    </Col>
                  )}
                </Row>
              ))}
              {!fields.length && !editable && <Typography.Text type="secondary">{t('common.none')}</Typography.Text>}
              {editable && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', country: '', agreement: false })}>
                  {t('bases.report.addPartner')}
                </Button>
              )}
            </>
          )}
        </Form.List>
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col span={8}>
            <Computed label={t('bases.report.visitsIn')} value={c.visits.incoming} />
          </Col>
          <Col span={8}>
            <Computed label={t('bases.report.visitsOut')} value={c.visits.outgoing} />
          </Col>
          <Col span={8}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {fromRecords}
            </Typography.Text>
          </Col>
        </Row>
      </SectionCard>

      {summary && (
        <>
          <SectionCard id="talent" n={next()} title={t('bases.report.sections.talent')} clause="a17.s1" hint={fromRecords}>
            <Row gutter={16}>
              <Col span={8}>
                <Computed label={t('bases.report.talentIntroduced')} value={c.talent.introduced} />
              </Col>
              <Col span={8}>
                <Computed label={t('bases.report.talentTrained')} value={c.talent.trained} />
              </Col>
            </Row>
          </SectionCard>
          <SectionCard id="trainings" n={next()} title={t('bases.report.sections.trainings')} clause="a17.s1" hint={fromRecords}>
            <Row gutter={16}>
              <Col span={8}>
                <Computed label={t('bases.report.trainingsHeld')} value={c.trainings.held} />
              </Col>
              <Col span={8}>
                <Computed label={t('bases.report.trainees')} value={c.trainings.trainees} />
              </Col>
              <Col span={8}>
                <Computed label={t('bases.report.infoServices')} value={c.trainings.infoServices} />
              </Col>
            </Row>
            {c.alliance && <AllianceAttendance a={c.alliance} />}
          </SectionCard>
          <SectionCard id="papers" n={next()} title={t('bases.report.sections.papers')}>
            {pair('papers', 'total', 'international')}
          </SectionCard>
          <SectionCard id="patents" n={next()} title={t('bases.report.sections.patents')}>
            {pair('patents', 'filed', 'granted', 'international')}
          </SectionCard>
          <SectionCard id="standards" n={next()} title={t('bases.report.sections.standards')}>
            {pair('standards', 'total', 'international')}
          </SectionCard>
          <SectionCard id="transfer" n={next()} title={t('bases.report.sections.transfer')}>
            {pair('techTransfer', 'contracts', 'valueWan')}
          </SectionCard>
        </>
      )}

      <SectionCard id="funding" n={next()} title={t('bases.report.sections.funding')} clause="a16.s2" hint={fromRecords}>
        <Row gutter={16}>
          <Col span={8}>
            <Computed label={t('bases.report.programmeFunding')} value={wan(c.funding.programmeWan, lang)} />
          </Col>
          <Col span={8}>
            <Computed label={t('bases.report.matchingFunding')} value={wan(c.funding.matchingWan, lang)} />
          </Col>
        </Row>
      </SectionCard>

      <SectionCard id="difficulties" n={next()} title={t('bases.report.sections.difficulties')}>
        <Form.Item name="difficulties" rules={[{ max: 4000 }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount placeholder={ph(t('bases.report.difficultiesPlaceholder'))} data-testid={testIds.reportField('difficulties')} />
        </Form.Item>
      </SectionCard>

      <SectionCard id="narrative" n={next()} title={t('bases.report.sections.narrative')} hint={t(summary ? 'bases.report.narrativeHintSummary' : 'bases.report.narrativeHintPlan')}>
        <Form.Item name="narrative" rules={[{ max: 20000 }]}>
          <Input.TextArea rows={10} maxLength={20000} showCount data-testid={testIds.reportField('narrative')} />
        </Form.Item>
      </SectionCard>
    </>
  );
}

/** 审核意见: what the recommending unit signed, by whom and when. */
function OpinionCard({ report }: { report: Report }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!report.opinion) return null;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid={testIds.reportOpinion}
      title={
        <Space>
          {t('bases.report.opinionTitle')}
          <ClauseTag clause="a14.s1" />
        </Space>
      }
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{report.opinion}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={3}
        items={[
          { key: 'by', label: t('bases.report.signedBy'), children: report.opinionSignedBy },
          { key: 'at', label: t('bases.report.signedAt'), children: formatDateTime(report.opinionSignedAt, lang) },
          ...(report.recommenderScore !== null ? [{ key: 'score', label: t('bases.report.rating'), children: report.recommenderScore }] : []),
        ]}
      />
    </Card>
  );
}

/** The recommending unit: sign the opinion (named person) or return with reasons. */
function ReviewPanel({ busy, onAct }: { busy: boolean; onAct(body: Record<string, unknown>, done: string): Promise<void> }) {
  const { t } = useTranslation();
  const me = useMe();
  const [form] = Form.useForm<{ opinion: string; signedBy: string; score?: number }>();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  useEffect(() => form.setFieldsValue({ signedBy: me.displayName }), [form, me.displayName]);
  return (
    <Card
      id="report-review"
      size="small"
      style={{ marginTop: 16 }}
      data-testid={testIds.reportReviewPanel}
      title={
        <Space>
          {t('bases.report.reviewTitle')}
          <ClauseTag clause="a14.s1" />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('bases.report.reviewHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void onAct({ type: 'sign', opinion: v.opinion, signedBy: v.signedBy, score: v.score ?? undefined }, t('bases.report.signedDone'))}>
        <Form.Item name="opinion" label={t('bases.report.opinion')} rules={[{ required: true, whitespace: true, message: t('bases.report.opinionRequired') }]}>
          <Input.TextArea rows={4} maxLength={4000} showCount placeholder={t('bases.report.opinionPlaceholder')} data-testid={testIds.reportOpinionInput} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item name="signedBy" label={t('bases.report.signedBy')} rules={[{ required: true, whitespace: true, message: t('bases.report.signerRequired') }]} extra={t('bases.report.signerHint')}>
              <Input maxLength={60} data-testid={testIds.reportSignedBy} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="score" label={t('bases.report.rating')} extra={t('bases.report.ratingHint')}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} data-testid={testIds.reportScore} />
            </Form.Item>
          </Col>
        </Row>
        <Flex gap={8} justify="end">
          <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid={testIds.reportReturn}>
            {t('bases.report.return')}
          </Button>
          <Button type="primary" htmlType="submit" icon={<CheckOutlined />} loading={busy} data-testid={testIds.reportSign}>
            {t('bases.report.sign')}
          </Button>
        </Flex>
      </Form>
      <Modal
        open={returning}
        title={t('bases.report.returnTitle')}
        onCancel={() => setReturning(false)}
        okText={t('bases.report.return')}
        okButtonProps={{ danger: true, disabled: !reason.trim(), 'data-testid': testIds.reportReturnSubmit } as never}
        confirmLoading={busy}
        onOk={async () => {
          await onAct({ type: 'return', reason }, t('bases.report.returnedDone'));
          setReturning(false);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('bases.report.returnHint')}</Typography.Paragraph>
        <Input.TextArea rows={5} maxLength={4000} showCount value={reason} onChange={(e) => setReason(e.target.value)} data-testid={testIds.reportReturnReasonInput} />
      </Modal>
    </Card>
  );
}

/** 附件 (a14.s1): uploaded through the attachment storage; included when the draft is saved or submitted. */
function AttachmentsCard({ n, reportId, files, editable, onChange }: { n: number; reportId: string; files: Report['attachments']; editable: boolean; onChange(next: Report['attachments']): void }) {
  const { t } = useTranslation();
  return (
    <SectionCard id="attachments" n={n} title={t('bases.report.sections.attachments')} clause="a14.s1" hint={editable ? t('bases.report.attachmentsHint') : undefined}>
      <Space orientation="vertical" style={{ width: '100%' }} data-testid={testIds.reportAttachments}>
        {files.map((f) => (
          <Flex key={f.id} gap={8} align="center">
            <AttachmentLink id={f.id} name={f.filename} size={f.size} href={`/api/report-attachments/${f.id}`} />
            {editable && (
              <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('bases.report.attachmentRemove')} onClick={() => onChange(files.filter((x) => x.id !== f.id))} />
            )}
          </Flex>
        ))}
        {!files.length && !editable && <Typography.Text type="secondary">{t('bases.report.attachmentsNone')}</Typography.Text>}
        {editable && (
          <AttachmentUpload applicationId="" uploadUrl={`/api/reports/${reportId}/attachments`} testId={testIds.reportUpload} onUploaded={(m) => onChange([...files, m])} />
        )}
      </Space>
    </SectionCard>
  );
}

function HistoryCard({ report }: { report: Report }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!report.history.length) return null;
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('bases.report.history')} data-testid={testIds.reportHistory}>
      <Timeline
        items={report.history.map((e, i) => ({
          key: i,
          color: e.action === 'return' ? 'red' : e.action === 'receive' ? 'green' : 'blue',
          title: formatDateTime(e.at, lang),
          content: (
            <div>
              <Typography.Text strong>{t(`bases.report.action.${e.action}`, { defaultValue: e.action })}</Typography.Text>
              {e.late && (
                <Tag color="red" style={{ marginInlineStart: 8 }}>
                  {t('bases.reports.late')}
                </Tag>
              )}
              {e.text && <div style={{ whiteSpace: 'pre-wrap', color: '#595959' }}>{e.text}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

