// 申报批次: the ministry opens calls per year and type with a deadline (a4.s1 分类认定; a10 the
// ministry organizes recognition). Institutions (and, for an innovation park, the provincial
// government, a5.p2.i2) start their application from an open call here.
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Checkbox, DatePicker, Empty, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, TimePicker, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, FormOutlined, PlayCircleOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { ZApplicationCreate, ZCallInput } from '../../../contracts/recognition';
import { get, patch, post, type Page } from '../../app/api';
import { useMe } from '../../app/session';
import { scopeOf } from '../../app/permissions';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { ClauseTag } from '../../shared/ClauseTag';
import { applyFieldErrors, errorText } from '../../shared/errors';
import { zodRule } from '../../shared/zodRule';
import type { Organization } from '../../../contracts/organizations';
import { beijing, beijingToday, fieldIds, statusColor, txt, type Call, type ProgrammeSummary, type TransitionResult } from './data';
import { RefusalAlert, useLang } from './parts';

/** The ministry's cells (application.decide and base.decide over the whole country): calls are its own (a10). */
export function useCanManageCalls() {
  const me = useMe();
  return scopeOf(me, 'application', 'decide') === 'all' && scopeOf(me, 'base', 'decide') === 'all';
}

interface CallFormValues {
  year: number;
  titleZh: string;
  titleEn?: string;
  typeIds: string[];
  opensOn: Dayjs;
  deadlineOn: Dayjs;
  deadlineTime?: Dayjs | null;
  quotaProvince?: number | null;
  quotaDepartment?: number | null;
  quotaScope?: 'all_types' | 'per_type';
}

/** The form's values for an existing call: Beijing days; a deadline at 23:59 Beijing is a day deadline. */
function valuesOf(c: Call): CallFormValues {
  const deadline = beijing(c.deadline);
  const perKind = c.quota?.perRecommenderKind ?? {};
  return {
    year: c.year, titleZh: c.titleZh, titleEn: c.titleEn, typeIds: c.typeIds,
    opensOn: dayjs(beijing(c.opensAt).slice(0, 10)),
    deadlineOn: dayjs(deadline.slice(0, 10)),
    deadlineTime: deadline.endsWith('23:59') ? null : dayjs(`2000-01-01T${deadline.slice(11)}`),
    quotaProvince: perKind.provincial_st_department ?? null,
    quotaDepartment: perKind.state_council_department ?? null,
    quotaScope: c.quota?.scope ?? 'all_types',
  };
}

/**
 * Create a call, or edit one (`editing`): a draft entirely; an open call only its titles, deadline
 * and quota — units already file against its year, types and opening (the server refuses the rest).
 */
function CallModal({ open, onClose, programmes, editing }: { open: boolean; onClose(): void; programmes: ProgrammeSummary[]; editing?: Call | null }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<CallFormValues>();
  const [error, setError] = useState<unknown>(null);
  const national = programmes.find((p) => p.level === 'national' && p.status === 'in_force') ?? programmes[0];
  const fixed = !!editing && editing.status !== 'draft';
  const save = useMutation({
    mutationFn: (v: CallFormValues) => {
      const deadlineDay = v.deadlineOn.format('YYYY-MM-DD');
      const quota =
        v.quotaProvince || v.quotaDepartment
          ? {
              perRecommenderKind: {
                ...(v.quotaProvince ? { provincial_st_department: v.quotaProvince } : {}),
                ...(v.quotaDepartment ? { state_council_department: v.quotaDepartment } : {}),
              },
              scope: v.quotaScope ?? 'all_types',
            }
          : null;
      const deadline = v.deadlineTime ? { deadlineAt: `${deadlineDay}T${v.deadlineTime.format('HH:mm')}:00+08:00` } : { deadlineOn: deadlineDay };
      const announced = { year: v.year, typeIds: v.typeIds, opensOn: v.opensOn.format('YYYY-MM-DD') };
      const body = { titleZh: v.titleZh, titleEn: v.titleEn ?? '', ...deadline, quota, ...(fixed ? {} : announced) };
      return editing ? patch<Call>(`/api/recognition/calls/${editing.id}`, { ...body, version: editing.version }) : post<Call>('/api/recognition/calls', body);
    },
    onSuccess: (c) => {
      void message.success(t(editing ? 'recognition.calls.updated' : 'recognition.calls.created', { title: c.titleZh }));
      void qc.invalidateQueries({ queryKey: ['recognition', 'calls'] });
      form.resetFields();
      onClose();
    },
    onError: (e) => {
      const stray = applyFieldErrors(form, e, ['year', 'titleZh', 'titleEn', 'typeIds', 'opensOn', 'deadlineOn', 'quota']);
      setError(stray.length || !(e as { fields?: unknown[] }).fields?.length ? e : null);
      // A stale version (409): reload the list so the next attempt starts from the current record.
      if ((e as { status?: number }).status === 409) void qc.invalidateQueries({ queryKey: ['recognition', 'calls'] });
    },
  });
  const year = new Date().getFullYear();
  // The deadline follows the opening; moving an open call's deadline into the past is closing it (use 结束受理).
  const deadlineRule = ({ getFieldValue }: { getFieldValue(name: string): unknown }) => ({
    validator(_: unknown, value: Dayjs | undefined) {
      const opens = getFieldValue('opensOn') as Dayjs | undefined;
      if (value && opens && value.isBefore(opens, 'day')) return Promise.reject(new Error(t('recognition.calls.deadlineBeforeOpening')));
      if (value && fixed && value.format('YYYY-MM-DD') < beijingToday()) return Promise.reject(new Error(t('recognition.calls.deadlineInPast')));
      return Promise.resolve();
    },
  });
  return (
    <Modal
      open={open}
      title={editing ? t('recognition.calls.editTitle', { title: editing.titleZh }) : t('recognition.calls.createTitle')}
      onCancel={onClose}
      width={640}
      okText={editing ? t('recognition.calls.saveChanges') : t('recognition.calls.saveDraft')}
      okButtonProps={{ loading: save.isPending, 'data-testid': testIds.recCallSave } as never}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t(fixed ? 'recognition.calls.editHintOpen' : 'recognition.calls.createHint')} <ClauseTag clause="a4.s1" />
      </Typography.Paragraph>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      <Form
        form={form}
        layout="vertical"
        data-testid={testIds.recCallForm}
        initialValues={editing ? valuesOf(editing) : { year, titleZh: `${year}年度国家国际科技合作基地申报`, quotaScope: 'all_types', typeIds: national?.types.map((x) => x.id) ?? [] }}
        onFinish={(v) => save.mutate(v)}
      >
        <Space size={16} align="start" wrap>
          <Form.Item name="year" label={t('recognition.calls.year')} rules={[{ required: true, message: t('validation.required', { label: t('recognition.calls.year') }) }]}>
            <InputNumber min={2000} max={2100} style={{ width: 120 }} disabled={fixed} data-testid={testIds.recCallField('year')} />
          </Form.Item>
          <Form.Item
            name="titleZh"
            label={t('recognition.calls.titleZh')}
            style={{ width: 420 }}
            rules={[{ required: true, message: t('validation.required', { label: t('recognition.calls.titleZh') }) }, zodRule(ZCallInput.shape.titleZh, t, t('recognition.calls.titleZh'))]}
          >
            <Input data-testid={testIds.recCallField('titleZh')} />
          </Form.Item>
        </Space>
        <Form.Item name="titleEn" label={t('recognition.calls.titleEn')}>
          <Input data-testid={testIds.recCallField('titleEn')} />
        </Form.Item>
        <Form.Item name="typeIds" label={t('recognition.calls.types')} rules={[{ required: true, message: t('recognition.calls.typesRequired') }]} extra={t('recognition.calls.typesHint')}>
          <Checkbox.Group disabled={fixed} data-testid={testIds.recCallField('typeIds')} options={(national?.types ?? []).map((ty) => ({ value: ty.id, label: txt(ty.name, lang) }))} />
        </Form.Item>
        <Space size={16} align="start" wrap>
          <Form.Item name="opensOn" label={t('recognition.calls.opensOn')} rules={[{ required: true, message: t('validation.required', { label: t('recognition.calls.opensOn') }) }]}>
            <DatePicker disabled={fixed} data-testid={testIds.recCallField('opensOn')} />
          </Form.Item>
          <Form.Item
            name="deadlineOn"
            label={t('recognition.calls.deadlineOn')}
            dependencies={['opensOn']}
            rules={[{ required: true, message: t('validation.required', { label: t('recognition.calls.deadlineOn') }) }, deadlineRule]}
          >
            <DatePicker data-testid={testIds.recCallField('deadlineOn')} />
          </Form.Item>
          <Form.Item name="deadlineTime" label={t('recognition.calls.deadlineTime')} extra={t('recognition.calls.deadlineTimeHint')}>
            <TimePicker format="HH:mm" minuteStep={5} data-testid={testIds.recCallField('deadlineTime')} />
          </Form.Item>
        </Space>
        <Typography.Text strong>{t('recognition.calls.quota')}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          {t('recognition.calls.quotaHint')}
        </Typography.Paragraph>
        <Space size={16} align="start" wrap>
          <Form.Item name="quotaProvince" label={t('recognition.calls.quotaProvince')}>
            <InputNumber min={0} max={50} data-testid={testIds.recCallField('quotaProvince')} />
          </Form.Item>
          <Form.Item name="quotaDepartment" label={t('recognition.calls.quotaDepartment')}>
            <InputNumber min={0} max={50} data-testid={testIds.recCallField('quotaDepartment')} />
          </Form.Item>
          <Form.Item name="quotaScope" label={t('recognition.calls.quotaScope')}>
            <Radio.Group data-testid={testIds.recCallField('quotaScope')}>
              <Radio value="all_types">{t('recognition.calls.quotaAllTypes')}</Radio>
              <Radio value="per_type">{t('recognition.calls.quotaPerType')}</Radio>
            </Radio.Group>
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

interface ApplyValues {
  typeId: string;
  applicantOrgId?: string;
  title: string;
  titleEn?: string;
  fields?: string[];
}

/** Start an application in an open call: the type, a title and the a15 fields; the form comes next. */
function ApplyModal({ call, onClose }: { call: Call | null; onClose(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<ApplyValues>();
  const [error, setError] = useState<unknown>(null);
  const typeId = Form.useWatch('typeId', form);
  // A provincial government files for a science park in its province (a5.p2.i2); everyone else for itself.
  const forPark = typeId === 'innovation_park' && me.org.kind === 'provincial_government';
  const parks = useQuery({
    queryKey: ['recognition', 'parks', me.org.regionCode],
    queryFn: () => get<Page<Organization>>('/api/organizations', { kind: 'science_park', pageSize: 200 }),
    enabled: forPark,
  });
  const create = useMutation({
    mutationFn: (v: ApplyValues) => post<TransitionResult>('/api/recognition/applications', { callId: call!.id, ...v, titleEn: v.titleEn ?? '', fields: v.fields ?? [] }),
    onSuccess: (r) => navigate(`/recognition/applications/${r.id}/edit`),
    onError: (e) => {
      const stray = applyFieldErrors(form, e, ['typeId', 'applicantOrgId', 'title', 'titleEn', 'fields']);
      setError(stray.length || !(e as { fields?: unknown[] }).fields?.length ? e : null);
    },
  });
  if (!call) return null;
  return (
    <Modal
      open
      title={t('recognition.apply.title', { call: lang === 'en' ? call.titleEn || call.titleZh : call.titleZh })}
      onCancel={onClose}
      okText={t('recognition.apply.start')}
      okButtonProps={{ loading: create.isPending, 'data-testid': testIds.recApplySubmit } as never}
      onOk={() => form.submit()}
      destroyOnHidden
      width={600}
    >
      <Typography.Paragraph type="secondary">
        {t('recognition.apply.deadline', { deadline: beijing(call.deadline) })}
      </Typography.Paragraph>
      <RefusalAlert error={error} onClose={() => setError(null)} />
      <Form form={form} layout="vertical" data-testid={testIds.recApplyForm} initialValues={{ typeId: call.types.length === 1 ? call.types[0]!.id : undefined }} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="typeId" label={t('recognition.apply.type')} rules={[{ required: true, message: t('validation.select', { label: t('recognition.apply.type') }) }]}>
          <Radio.Group data-testid={testIds.recApplyField('typeId')}>
            <Space orientation="vertical">
              {call.types.map((ty) => (
                <Radio key={ty.id} value={ty.id}>
                  {txt(ty.name, lang)} <ClauseTag clause={ty.procedureClause} />
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {forPark && (
          <Form.Item
            name="applicantOrgId"
            label={t('recognition.apply.park')}
            extra={<>{t('recognition.apply.parkHint')} <ClauseTag clause="a5.p2.i2" /></>}
            rules={[{ required: true, message: t('validation.select', { label: t('recognition.apply.park') }) }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={parks.isFetching}
              data-testid={testIds.recApplyField('applicantOrgId')}
              options={(parks.data?.items ?? []).map((o) => ({ value: o.id, label: lang === 'en' ? o.nameEn || o.nameZh : o.nameZh }))}
            />
          </Form.Item>
        )}
        <Form.Item name="title" label={t('recognition.apply.baseTitle')} extra={t('recognition.apply.baseTitleHint')} rules={[{ required: true, message: t('validation.required', { label: t('recognition.apply.baseTitle') }) }, zodRule(ZApplicationCreate.shape.title, t, t('recognition.apply.baseTitle'))]}>
          <Input data-testid={testIds.recApplyField('title')} />
        </Form.Item>
        <Form.Item name="titleEn" label={t('recognition.apply.baseTitleEn')}>
          <Input data-testid={testIds.recApplyField('titleEn')} />
        </Form.Item>
        <Form.Item name="fields" label={<>{t('recognition.fields.label')}&nbsp;<ClauseTag clause="a15.s1" /></>}>
          <Select mode="multiple" maxCount={8} data-testid={testIds.recApplyField('fields')} options={fieldIds.map((f) => ({ value: f, label: t(`recognition.field.${f}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function CallsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const canManage = useCanManageCalls();
  const canApply = scopeOf(me, 'application', 'create') !== null;
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Call | null>(null);
  const [applying, setApplying] = useState<Call | null>(null);

  const calls = useQuery({ queryKey: ['recognition', 'calls'], queryFn: () => get<Call[]>('/api/recognition/calls') });
  const programmes = useQuery({ queryKey: ['recognition', 'programmes'], queryFn: () => get<ProgrammeSummary[]>('/api/recognition/programmes'), staleTime: 3_600_000 });

  const setStatus = useMutation({
    mutationFn: ({ call, to }: { call: Call; to: 'open' | 'close' }) => post<Call>(`/api/recognition/calls/${call.id}/${to}`, { version: call.version }),
    onSuccess: (c) => {
      void message.success(t(`recognition.calls.nowStatus.${c.status}`));
      void qc.invalidateQueries({ queryKey: ['recognition', 'calls'] });
    },
    onError: (e) => void message.error(errorText(e, t)),
  });

  const confirmStatus = (call: Call, to: 'open' | 'close') =>
    modal.confirm({
      title: t(to === 'open' ? 'recognition.calls.openConfirm' : 'recognition.calls.closeConfirm', { title: lang === 'en' ? call.titleEn || call.titleZh : call.titleZh }),
      content: to === 'open' ? t('recognition.calls.openConfirmBody', { deadline: beijing(call.deadline) }) : t('recognition.calls.closeConfirmBody'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => setStatus.mutateAsync({ call, to }),
    });

  const columns: ColumnsType<Call> = useMemo(
    () => [
      { title: t('recognition.calls.year'), dataIndex: 'year', width: 80 },
      {
        title: t('recognition.calls.titleCol'),
        key: 'title',
        width: 320,
        render: (_, c) => (
          <div>
            <Typography.Text strong>{lang === 'en' ? c.titleEn || c.titleZh : c.titleZh}</Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('recognition.calls.programme', { key: c.programmeKey })}
              </Typography.Text>
            </div>
          </div>
        ),
      },
      {
        title: t('recognition.calls.types'),
        key: 'types',
        width: 300,
        render: (_, c) => (
          <Space size={[4, 4]} wrap>
            {c.types.map((ty) => (
              <Tag key={ty.id}>{txt(ty.name, lang)}</Tag>
            ))}
          </Space>
        ),
      },
      { title: t('recognition.calls.opensAt'), dataIndex: 'opensAt', width: 150, render: (v: string) => beijing(v) },
      {
        title: t('recognition.calls.deadline'),
        dataIndex: 'deadline',
        width: 170,
        render: (v: string) => (
          <span>
            {beijing(v)}
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
              {t('recognition.common.beijingTime')}
            </Typography.Text>
          </span>
        ),
      },
      {
        title: t('recognition.calls.status'),
        key: 'status',
        width: 150,
        render: (_, c) => (
          <Space orientation="vertical" size={2}>
            <Tag color={statusColor[c.status]}>{t(`recognition.calls.statusName.${c.status}`)}</Tag>
            {c.acceptingNow && <Badge status="processing" text={t('recognition.calls.accepting')} />}
          </Space>
        ),
      },
      {
        title: t('common.actions'),
        key: 'actions',
        width: 260,
        fixed: 'right',
        render: (_, c) => (
          <Space size={4} wrap>
            {canManage && c.status !== 'closed' && (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(c)} data-testid={testIds.recCallEdit(c.id)}>
                {t('recognition.calls.edit')}
              </Button>
            )}
            {canManage && c.status === 'draft' && (
              <Button size="small" type="primary" icon={<PlayCircleOutlined />} onClick={() => confirmStatus(c, 'open')} data-testid={testIds.recCallOpen(c.id)}>
                {t('recognition.calls.open')}
              </Button>
            )}
            {canManage && c.status === 'open' && (
              <Button size="small" danger icon={<StopOutlined />} onClick={() => confirmStatus(c, 'close')} data-testid={testIds.recCallClose(c.id)}>
                {t('recognition.calls.close')}
              </Button>
            )}
            {canApply && c.acceptingNow && (
              <Button size="small" type="primary" icon={<FormOutlined />} onClick={() => setApplying(c)} data-testid={testIds.recCallApply(c.id)}>
                {t('recognition.calls.apply')}
              </Button>
            )}
          </Space>
        ),
      },
    ],
    [t, lang, canManage, canApply], // eslint-disable-line react-hooks/exhaustive-deps
  );

  return (
    <div>
      <PageHeader
        title={t('recognition.calls.title')}
        description={canManage ? t('recognition.calls.descriptionMinistry') : t('recognition.calls.description')}
        clause={<ClauseTag clause="a4.s1" />}
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid={testIds.recCallCreate}>
              {t('recognition.calls.create')}
            </Button>
          )
        }
      />
      {calls.error && <ErrorAlert error={calls.error} onRetry={() => void calls.refetch()} />}
      <Table<Call>
        data-testid={testIds.recCallTable}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={calls.data ?? []}
        loading={calls.isFetching}
        scroll={{ x: 1430 }}
        pagination={false}
        onRow={(c) => ({ 'data-testid': testIds.recCallRow(c.id) }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('recognition.calls.empty')} /> }}
      />
      <CallModal open={creating} onClose={() => setCreating(false)} programmes={programmes.data ?? []} />
      {editing && <CallModal key={`${editing.id}:${editing.version}`} open editing={editing} onClose={() => setEditing(null)} programmes={programmes.data ?? []} />}
      <ApplyModal call={applying} onClose={() => setApplying(null)} />
    </div>
  );
}
