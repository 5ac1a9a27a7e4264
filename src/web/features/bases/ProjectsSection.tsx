import { useState, type HTMLAttributes } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ZActivityInput, ZBaseProjectInput } from '../../../contracts/bases';
import { del, get, post, put } from './http';
import { useMe } from '../../app/session';
import { testIds } from '../../app/testids';
import { ClauseTag } from '../../shared/ClauseTag';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { applyFieldErrors } from '../../shared/errors';
import { GradeTag, useLang } from './common';
import { activityKinds, baseProjectKinds, cell, countryName, fieldIds, projectStatuses, thisYear, wan, type Activity, type BaseDetail, type BaseProject } from './model';

type ProjectForm = Omit<BaseProject, 'id'>;

/** a16: the base's cooperation projects — programme funding (a16.s1), matching funds (a16.s2) — and a17.s1 records. */
export function ProjectsSection({ base }: { base: BaseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const canEdit = cell(me, 'base', 'update') !== null && base.status !== 'revoked';
  const [editing, setEditing] = useState<BaseProject | 'new' | null>(null);
  const projects = base.projects;
  const funding = projects.reduce((s, p) => s + p.fundingWan, 0);
  const matching = projects.reduce((s, p) => s + p.matchingWan, 0);
  const remove = useMutation({
    mutationFn: (id: string) => del(`/api/bases/${base.id}/projects/${id}`),
    onSuccess: async () => {
      void message.success(t('bases.projects.deleted'));
      await qc.invalidateQueries({ queryKey: ['bases', 'detail', base.id] });
    },
    onError: (e) => void message.error(String((e as Error).message)),
  });

  const columns: ColumnsType<BaseProject> = [
    { title: t('bases.projects.kind'), dataIndex: 'kind', width: 150, render: (k: string) => <Tag color={k === 'national_special' ? 'red' : 'blue'}>{t(`bases.projectKind.${k}`, { defaultValue: k })}</Tag> },
    { title: t('bases.projects.title'), dataIndex: 'title' },
    { title: t('bases.projects.partner'), key: 'partner', width: 220, render: (_, p) => <span>{countryName(p.partnerCountry, lang)}{p.partnerInstitution ? ` · ${p.partnerInstitution}` : ''}</span> },
    { title: t('bases.projects.period'), key: 'period', width: 110, render: (_, p) => `${p.startYear}–${p.endYear}` },
    { title: t('bases.projects.funding'), dataIndex: 'fundingWan', width: 130, align: 'right', render: (v: number) => wan(v, lang) },
    {
      title: (
        <Space size={4}>
          {t('bases.projects.matching')}
          <ClauseTag clause="a16.s2" />
        </Space>
      ),
      dataIndex: 'matchingWan',
      width: 170,
      align: 'right',
      render: (v: number, p) => (p.kind === 'national_special' && v === 0 ? <Tag color="orange">{t('bases.projects.noMatching')}</Tag> : wan(v, lang)),
    },
    { title: t('bases.projects.status'), dataIndex: 'status', width: 100, render: (s: string) => <Tag>{t(`bases.projectStatus.${s}`, { defaultValue: s })}</Tag> },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(p)} data-testid={testIds.baseProjectEdit(p.id)}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('bases.projects.deleteConfirm')} onConfirm={() => remove.mutate(p.id)}>
            <Button type="link" size="small" danger icon={<DeleteOutlined />} />
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {/* a13.s2: wherever the base's projects are considered, its assessment history is in view. */}
      <Card size="small" data-testid={testIds.baseProjectsHistory}>
        <Space wrap>
          <Typography.Text strong>{t('bases.projects.historyLabel')}</Typography.Text>
          {base.assessments.length === 0 && <Typography.Text type="secondary">{t('bases.page.noAssessments')}</Typography.Text>}
          {base.assessments.slice(-6).map((a) => (
            <span key={a.year}>
              {a.year} <GradeTag grade={a.grade} />
            </span>
          ))}
          <ClauseTag clause="a13.s2" />
        </Space>
      </Card>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('bases.projects.count')} value={projects.length} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={<Space size={4}>{t('bases.projects.fundingTotal')}<ClauseTag clause="a16.s1" /></Space>} value={wan(funding, lang)} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={<Space size={4}>{t('bases.projects.matchingTotal')}<ClauseTag clause="a16.s2" /></Space>} value={wan(matching, lang)} />
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={t('bases.projects.listTitle')}
        extra={
          canEdit && (
            <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid={testIds.baseProjectAdd}>
              {t('bases.projects.add')}
            </Button>
          )
        }
      >
        <Table<BaseProject>
          data-testid={testIds.baseProjects}
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={projects}
          pagination={false}
          onRow={(p) => ({ 'data-project-id': p.id }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('bases.projects.empty') }}
        />
      </Card>
      <ActivitiesCard base={base} canEdit={canEdit} />
      {editing && <ProjectModal base={base} project={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}

function ProjectModal({ base, project, onClose }: { base: BaseDetail; project: BaseProject | null; onClose(): void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [form] = Form.useForm<ProjectForm>();
  const [stray, setStray] = useState<unknown>(null);
  const save = useMutation({
    mutationFn: (v: ProjectForm) => {
      const body = ZBaseProjectInput.parse({ ...v, partnerCountry: (v.partnerCountry ?? '').toUpperCase(), partnerInstitution: v.partnerInstitution ?? '', field: v.field ?? null });
      return project ? put(`/api/bases/${base.id}/projects/${project.id}`, body) : post(`/api/bases/${base.id}/projects`, body);
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['bases', 'detail', base.id] });
      onClose();
    },
    onError: (e) => {
      applyFieldErrors(form, e);
      setStray(e);
    },
  });
  const year = thisYear();
  return (
    <Modal
      open
      width={720}
      title={project ? t('bases.projects.edit') : t('bases.projects.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <div data-testid={testIds.baseProjectForm}>
        {stray ? <ErrorAlert error={stray} /> : null}
        <Form<ProjectForm>
          form={form}
          layout="vertical"
          initialValues={project ?? { kind: 'national_special', startYear: year, endYear: year + 2, fundingWan: 0, matchingWan: 0, status: 'ongoing' }}
          onFinish={(v) => save.mutate(v)}
        >
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="kind" label={t('bases.projects.kind')} rules={[{ required: true }]}>
                <Select options={baseProjectKinds.map((k) => ({ value: k, label: t(`bases.projectKind.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="field" label={t('bases.list.field')}>
                <Select allowClear options={fieldIds.map((k) => ({ value: k, label: t(`bases.field.${k}`) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="title" label={t('bases.projects.title')} rules={[{ required: true, min: 2, message: t('bases.form.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="partnerCountry" label={t('bases.projects.country')} rules={[{ required: true, pattern: /^[A-Za-z]{2}$/, message: t('bases.form.countryCode') }]}>
                <Input maxLength={2} placeholder="FR" />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="partnerInstitution" label={t('bases.projects.institution')}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name="startYear" label={t('bases.projects.startYear')} rules={[{ required: true }]}>
                <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="endYear" label={t('bases.projects.endYear')} rules={[{ required: true }]}>
                <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="fundingWan" label={t('bases.projects.funding')} rules={[{ required: true }]}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="matchingWan" label={<Space size={4}>{t('bases.projects.matching')}<ClauseTag clause="a16.s2" /></Space>}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="status" label={t('bases.projects.status')}>
            <Select options={projectStatuses.map((k) => ({ value: k, label: t(`bases.projectStatus.${k}`) }))} style={{ width: 200 }} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

/** a17.s1: talent introduced and trained, trainings, information services and visits, by year. */
function ActivitiesCard({ base, canEdit }: { base: BaseDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [year, setYear] = useState(thisYear());
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<{ kind: string; title: string; people: number; country?: string }>();
  const key = ['bases', 'activities', base.id, year];
  const { data = [], error } = useQuery({ queryKey: key, queryFn: () => get<Activity[]>(`/api/bases/${base.id}/activities`, { year }) });
  const add = useMutation({
    mutationFn: (v: { kind: string; title: string; people: number; country?: string }) =>
      post(`/api/bases/${base.id}/activities`, ZActivityInput.parse({ ...v, year, country: v.country ? v.country.toUpperCase() : null })),
    onSuccess: async () => {
      form.resetFields();
      setAdding(false);
      await qc.invalidateQueries({ queryKey: ['bases', 'activities', base.id] });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => del(`/api/bases/${base.id}/activities/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['bases', 'activities', base.id] }),
  });
  const years = Array.from({ length: 6 }, (_, i) => thisYear() - i);
  return (
    <Card
      size="small"
      data-testid={testIds.baseActivities}
      title={
        <Space>
          {t('bases.activities.title')}
          <ClauseTag clause="a17.s1" />
        </Space>
      }
      extra={
        <Space>
          <Select size="small" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 90 }} />
          {canEdit && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid={testIds.baseActivityAdd}>
              {t('bases.activities.add')}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('bases.activities.hint')}
      </Typography.Paragraph>
      {error && <ErrorAlert error={error} />}
      <Table<Activity>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data}
        locale={{ emptyText: t('bases.activities.empty', { year }) }}
        columns={[
          { title: t('bases.activities.kind'), dataIndex: 'kind', width: 150, render: (k: string) => <Tag>{t(`bases.activityKind.${k}`, { defaultValue: k })}</Tag> },
          { title: t('bases.activities.what'), dataIndex: 'title' },
          { title: t('bases.activities.people'), dataIndex: 'people', width: 90, align: 'right' },
          { title: t('bases.page.country'), dataIndex: 'country', width: 110, render: (c: string | null) => countryName(c, lang) || '—' },
          ...(canEdit
            ? [{
                title: '',
                key: 'x',
                width: 50,
                render: (_: unknown, a: Activity) => (
                  <Popconfirm title={t('bases.projects.deleteConfirm')} onConfirm={() => remove.mutate(a.id)}>
                    <Button type="link" size="small" danger icon={<DeleteOutlined />} />
                  </Popconfirm>
                ),
              }]
            : []),
        ]}
      />
      <Modal open={adding} title={t('bases.activities.add')} onCancel={() => setAdding(false)} onOk={() => form.submit()} confirmLoading={add.isPending} okText={t('common.save')} destroyOnHidden>
        {add.error && <ErrorAlert error={add.error} />}
        <Form form={form} layout="vertical" initialValues={{ kind: 'talent_trained', people: 1 }} onFinish={(v) => add.mutate(v)}>
          <Form.Item label={t('bases.reading.year')}>
            <Input value={year} disabled />
          </Form.Item>
          <Form.Item name="kind" label={t('bases.activities.kind')} rules={[{ required: true }]}>
            <Select options={activityKinds.map((k) => ({ value: k, label: t(`bases.activityKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('bases.activities.what')} rules={[{ required: true, message: t('bases.form.required') }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Space>
            <Form.Item name="people" label={t('bases.activities.people')}>
              <InputNumber min={0} max={100000} />
            </Form.Item>
            <Form.Item name="country" label={t('bases.projects.country')} rules={[{ pattern: /^[A-Za-z]{2}$/, message: t('bases.form.countryCode') }]}>
              <Input maxLength={2} style={{ width: 80 }} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Card>
  );
}
