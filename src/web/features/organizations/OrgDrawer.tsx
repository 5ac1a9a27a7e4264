import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Descriptions, Drawer, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ZOrganizationPatch, type Organization } from '../../../contracts/organizations';
import { ApiError, get, patch, type FieldError } from '../../app/api';
import { useMe } from '../../app/session';
import { testIds } from '../../app/testids';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { applyFieldErrors } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { regionLabel } from '../../shared/regions';
import { useFormDraft } from '../../shared/useFormDraft';
import { zodRule } from '../../shared/zodRule';
import type { Lang } from '../../i18n';
import { orgStatusColor } from './status';

interface EditValues extends Record<string, unknown> {
  version: number;
  nameZh: string;
  nameEn: string;
  registeredOn: string | null;
}

const editable = ['nameZh', 'nameEn', 'registeredOn'] as const;

export function OrgDrawer(props: { id: string; startEditing: boolean; canEdit: boolean; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const [editing, setEditing] = useState(props.startEditing);
  const { data: org, error, isPending } = useQuery({
    queryKey: ['organization', props.id],
    queryFn: () => get<Organization>(`/api/organizations/${props.id}`),
  });

  return (
    <Drawer
      open
      size={640}
      onClose={props.onClose}
      title={editing ? t('org.editTitle') : t('org.detailTitle')}
      loading={isPending}
      extra={
        !editing && props.canEdit && org ? (
          <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid={testIds.orgDrawerEdit}>
            {t('common.edit')}
          </Button>
        ) : undefined
      }
    >
      <div data-testid={testIds.orgDrawer}>
      {error && <ErrorAlert error={error} />}
      {org && !editing && (
        <Descriptions
          column={1}
          bordered
          size="middle"
          styles={{ label: { width: 170 } }}
          items={[
            { key: 'nameZh', label: t('org.nameZh'), children: org.nameZh },
            { key: 'nameEn', label: t('org.nameEn'), children: org.nameEn || '—' },
            { key: 'kind', label: t('org.kind'), children: t(`orgKind.${org.kind}`, { defaultValue: org.kind }) },
            { key: 'uscc', label: t('org.uscc'), children: <span style={{ fontFamily: 'monospace' }}>{org.uscc ?? '—'}</span> },
            { key: 'region', label: t('org.region'), children: regionLabel(org.regionCode, lang) || org.country || '—' },
            { key: 'recommender', label: t('org.recommender'), children: org.recommenderNameZh ?? '—' },
            { key: 'registeredOn', label: t('org.registeredOn'), children: formatDate(org.registeredOn) || '—' },
            { key: 'status', label: t('org.status'), children: <Tag color={orgStatusColor[org.status] ?? 'default'}>{t(`orgStatus.${org.status}`, { defaultValue: org.status })}</Tag> },
            { key: 'version', label: t('org.version'), children: org.version },
          ]}
        />
      )}
      {org && editing && <OrgEditForm org={org} onDone={() => setEditing(false)} />}
      </div>
    </Drawer>
  );
}

function OrgEditForm({ org, onDone }: { org: Organization; onDone(): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const [error, setError] = useState<unknown>(null);
  const [stray, setStray] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<{ mine: EditValues; latest: Record<string, unknown> } | null>(null);
  const draft = useFormDraft(form, { formKey: `org-edit:${org.id}`, userKey: me.id, server: true });

  useEffect(() => {
    if (draft.restored) void message.info(t('org.draftRestored'));
  }, [draft.restored]); // eslint-disable-line react-hooks/exhaustive-deps

  const submit = async (values: EditValues) => {
    setBusy(true);
    setError(null);
    setStray([]);
    draft.save(values); // kept even if the session has expired and the user must sign in again
    try {
      const body = { version: values.version, nameZh: values.nameZh, nameEn: values.nameEn ?? '', registeredOn: values.registeredOn || null };
      const saved = await patch<{ id: string; version: number }>(`/api/organizations/${org.id}`, body);
      draft.clear();
      void message.success(t('org.saved', { version: saved.version }));
      await qc.invalidateQueries({ queryKey: ['organization', org.id] });
      await qc.invalidateQueries({ queryKey: ['organizations'] });
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'conflict' && e.body.data?.current) {
        setConflict({ mine: values, latest: e.body.data.current as Record<string, unknown> });
      } else {
        setStray(applyFieldErrors(form, e, ['version', ...editable]));
        setError(e);
      }
    } finally {
      setBusy(false);
    }
  };

  const fieldLabel = { nameZh: t('org.nameZh'), nameEn: t('org.nameEn'), registeredOn: t('org.registeredOn') };
  const shape = ZOrganizationPatch.shape;

  return (
    <>
      {error ? <ErrorAlert error={error} fields={stray} onClose={() => setError(null)} /> : null}
      <Form<EditValues>
        form={form}
        layout="vertical"
        data-testid={testIds.orgEditForm}
        initialValues={{ version: org.version, nameZh: org.nameZh, nameEn: org.nameEn, registeredOn: org.registeredOn }}
        onValuesChange={(_, all) => draft.save(all)}
        onFinish={submit}
      >
        <Form.Item name="version" hidden>
          <Input />
        </Form.Item>
        <Form.Item name="nameZh" label={fieldLabel.nameZh} rules={[{ required: true, whitespace: true, message: t('validation.required', { label: fieldLabel.nameZh }) }, zodRule(shape.nameZh.unwrap(), t, fieldLabel.nameZh)]}>
          <Input maxLength={100} showCount data-testid={testIds.orgEditField('nameZh')} />
        </Form.Item>
        <Form.Item name="nameEn" label={fieldLabel.nameEn} rules={[zodRule(shape.nameEn, t, fieldLabel.nameEn, { optional: true })]}>
          <Input maxLength={200} data-testid={testIds.orgEditField('nameEn')} />
        </Form.Item>
        <Form.Item
          name="registeredOn"
          label={fieldLabel.registeredOn}
          getValueProps={(v: string | null) => ({ value: v ? dayjs(v) : null })}
          normalize={(d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} data-testid={testIds.orgEditField('registeredOn')} />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('org.version')}{t('common.colon')}{org.version}
        </Typography.Paragraph>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid={testIds.orgEditSave}>
            {t('common.save')}
          </Button>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
        </Space>
      </Form>

      {conflict && (
        <Modal
          open
          width={720}
          title={t('org.conflictTitle')}
          onCancel={() => setConflict(null)}
          footer={[
            <Button
              key="latest"
              data-testid={testIds.orgConflictTakeLatest}
              onClick={() => {
                const l = conflict.latest;
                form.setFieldsValue({ version: Number(l.version), nameZh: String(l.nameZh ?? ''), nameEn: String(l.nameEn ?? ''), registeredOn: (l.registeredOn as string | null) ?? null });
                draft.clear();
                setConflict(null);
                void qc.invalidateQueries({ queryKey: ['organization', org.id] });
              }}
            >
              {t('org.takeLatest')}
            </Button>,
            <Button
              key="mine"
              type="primary"
              data-testid={testIds.orgConflictKeepMine}
              onClick={() => {
                const next = { ...conflict.mine, version: Number(conflict.latest.version) };
                form.setFieldsValue({ version: next.version });
                setConflict(null);
                void submit(next);
              }}
            >
              {t('org.keepMine')}
            </Button>,
          ]}
        >
          <div data-testid={testIds.orgConflict}>
          <Alert type="warning" showIcon title={t('org.conflictBody')} style={{ marginBottom: 16 }} />
          <Table
            size="small"
            pagination={false}
            rowKey="field"
            dataSource={editable.map((f) => ({
              field: f,
              mine: (conflict.mine[f] as string | null) ?? '',
              latest: String(conflict.latest[f] ?? ''),
            }))}
            columns={[
              { title: '', dataIndex: 'field', width: 150, render: (f: (typeof editable)[number]) => <strong>{fieldLabel[f]}</strong> },
              {
                title: t('org.yours', { version: conflict.mine.version }),
                dataIndex: 'mine',
                render: (v: string, r) => <span style={v !== r.latest ? { background: '#fff7e6', padding: '0 4px' } : undefined}>{v || '—'}</span>,
              },
              {
                title: t('org.latest', { version: String(conflict.latest.version) }),
                dataIndex: 'latest',
                render: (v: string, r) => <span style={v !== r.mine ? { background: '#e6f4ff', padding: '0 4px' } : undefined}>{v || '—'}</span>,
              },
            ]}
          />
          </div>
        </Modal>
      )}
    </>
  );
}
