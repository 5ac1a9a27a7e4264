import { useEffect, useState, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Form, InputNumber, Row, Space, Switch, Tag, Typography } from 'antd';
import { ClockCircleOutlined, LockOutlined, SafetyCertificateOutlined, SaveOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { get, put } from '../../app/api';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { applyFieldErrors } from '../../shared/errors';
import { PageSpinner } from '../../shared/PageSpinner';
import { SecurityAdminOnly } from './SecurityAdminOnly';
import type { SecuritySettings } from './model';

type NumberField = { [K in keyof SecuritySettings]: SecuritySettings[K] extends number ? K : never }[keyof SecuritySettings];
type Unit = 'chars' | 'classes' | 'times' | 'days' | 'minutes';

/** Bounds of ZSecuritySettings (server: security/settings.ts), so the form refuses what the server would. */
const bounds: Record<NumberField, [number, number, Unit]> = {
  passwordMinLength: [8, 128, 'chars'],
  passwordMinClasses: [1, 4, 'classes'],
  passwordHistory: [0, 24, 'times'],
  passwordMaxAgeDaysOfficials: [0, 3650, 'days'],
  accountMaxFailures: [3, 50, 'times'],
  accountLockMinutes: [1, 1440, 'minutes'],
  addressMaxFailures: [5, 10_000, 'times'],
  addressWindowMinutes: [1, 1440, 'minutes'],
};

function Settings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<SecuritySettings>();
  const [dirty, setDirty] = useState(false);
  const { data, error, refetch } = useQuery({ queryKey: ['security', 'settings'], queryFn: () => get<SecuritySettings>('/api/security/settings') });
  const save = useMutation({
    mutationFn: (v: SecuritySettings) => put<SecuritySettings>('/api/security/settings', v),
    onSuccess: (next) => {
      qc.setQueryData(['security', 'settings'], next);
      void qc.invalidateQueries({ queryKey: ['security', 'password-policy'] });
      form.setFieldsValue(next);
      setDirty(false);
      void message.success(t('security.settings.saved'));
    },
    onError: (e) => applyFieldErrors(form, e),
  });

  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);

  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!data) return <PageSpinner />;

  const num = (field: NumberField) => {
    const [min, max, unit] = bounds[field];
    return (
      <Form.Item name={field} label={t(`security.settings.${field}`)} rules={[{ required: true, type: 'number', min, max }]} extra={`${min} – ${max}`}>
        <InputNumber min={min} max={max} precision={0} style={{ width: 180 }} suffix={t(`security.settings.unit.${unit}`)} data-testid={testIds.secSettingsField(field)} />
      </Form.Item>
    );
  };
  const flag = (field: 'requireMfaForOfficials' | 'requireMfaForExperts') => (
    <Form.Item name={field} label={t(`security.settings.${field}`)} valuePropName="checked">
      <Switch checkedChildren={t('security.common.yes')} unCheckedChildren={t('security.common.no')} data-testid={testIds.secSettingsField(field)} />
    </Form.Item>
  );

  return (
    <Form<SecuritySettings>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={data}
      onValuesChange={() => setDirty(true)}
      onFinish={(v) => save.mutate({ ...data, ...v })}
      data-testid={testIds.secSettingsForm}
    >
      {save.error && <ErrorAlert error={save.error} onClose={() => save.reset()} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={<Space><LockOutlined />{t('security.settings.passwordSection')}</Space>} extra={<Tag bordered={false} color="geekblue">GB/T 22239 8.1.4.1 a</Tag>} style={{ height: '100%' }}>
            {num('passwordMinLength')}
            {num('passwordMinClasses')}
            {num('passwordHistory')}
            {num('passwordMaxAgeDaysOfficials')}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Flexish>
            <Card title={<Space><StopOutlined />{t('security.settings.lockoutSection')}</Space>} extra={<Tag bordered={false} color="geekblue">GB/T 22239 8.1.4.1 b</Tag>}>
              <Row gutter={16}>
                <Col span={12}>{num('accountMaxFailures')}</Col>
                <Col span={12}>{num('accountLockMinutes')}</Col>
                <Col span={12}>{num('addressMaxFailures')}</Col>
                <Col span={12}>{num('addressWindowMinutes')}</Col>
              </Row>
            </Card>
            <Card title={<Space><SafetyCertificateOutlined />{t('security.settings.mfaSection')}</Space>} extra={<Tag bordered={false} color="geekblue">GB/T 22239 8.1.4.1 d</Tag>}>
              <Row gutter={16}>
                <Col span={12}>{flag('requireMfaForOfficials')}</Col>
                <Col span={12}>{flag('requireMfaForExperts')}</Col>
              </Row>
            </Card>
            <Card title={<Space><ClockCircleOutlined />{t('security.settings.sessionSection')}</Space>}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'idle', label: t('security.settings.idleTimeout'), children: t('security.settings.idleTimeoutValue') },
                  { key: 'abs', label: t('security.settings.absoluteLifetime'), children: t('security.settings.absoluteLifetimeValue') },
                ]}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('security.settings.sessionHint')}</Typography.Text>
            </Card>
          </Flexish>
        </Col>
      </Row>
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} disabled={!dirty} data-testid={testIds.secSettingsSave}>
          {t('security.settings.save')}
        </Button>
        <Button
          icon={<UndoOutlined />}
          disabled={!dirty}
          onClick={() => {
            form.resetFields();
            form.setFieldsValue(data);
            setDirty(false);
          }}
        >
          {t('security.settings.reset')}
        </Button>
      </Space>
    </Form>
  );
}

function Flexish({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>{children}</div>;
}

/** Security policy (security administrator): password rules, lockout, second factor; audited on save. */
export default function SecuritySettingsPage() {
  const { t } = useTranslation();
  return (
    <SecurityAdminOnly>
      <PageHeader title={t('security.settings.title')} description={t('security.settings.description')} />
      <Settings />
    </SecurityAdminOnly>
  );
}
