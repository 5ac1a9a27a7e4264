import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, Card, Col, DatePicker, Divider, Flex, Form, Input, Result, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { institutionKinds, ZRegister } from '../../../contracts/auth';
import { usccInvalidReason } from '../../../server/organizations/registry/uscc';
import { post, type FieldError } from '../../app/api';
import { testIds } from '../../app/testids';
import { ClauseTag } from '../../shared/ClauseTag';
import { Emblem } from '../../shared/Emblem';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { LangSwitch } from '../../shared/LangSwitch';
import { applyFieldErrors } from '../../shared/errors';
import { locationOptions, reviewingDepartment } from '../../shared/regions';
import { useFormDraft } from '../../shared/useFormDraft';
import { zodRule } from '../../shared/zodRule';
import type { Lang } from '../../i18n';

interface Values extends Record<string, unknown> {
  org: { nameZh: string; nameEn?: string; kind: string; uscc: string; regionCode: string; registeredOn?: string | null };
  user: { username: string; displayName: string; password: string; confirmPassword: string; email?: string; phone?: string };
}

const knownFields = ['org.nameZh', 'org.nameEn', 'org.kind', 'org.uscc', 'org.regionCode', 'org.registeredOn', 'user.username', 'user.displayName', 'user.password', 'user.email', 'user.phone'];

export default function RegisterPage() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh';
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [stray, setStray] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ name: string; username: string; regionCode: string } | null>(null);
  // Public page: the draft belongs to this browser; passwords are never stored.
  const draft = useFormDraft(form as never, { formKey: 'register', userKey: 'anonymous' });
  const regionCode = Form.useWatch(['org', 'regionCode'], form);
  const reviewer = reviewingDepartment(regionCode, lang);
  const locations = useMemo(() => locationOptions(lang), [lang]);
  const org = ZRegister.shape.org.shape;
  const user = ZRegister.shape.user.shape;

  const L = {
    nameZh: t('register.nameZh'),
    nameEn: t('register.nameEn'),
    kind: t('register.kind'),
    uscc: t('register.uscc'),
    region: t('register.region'),
    registeredOn: t('register.registeredOn'),
    username: t('register.username'),
    displayName: t('register.displayName'),
    password: t('register.password'),
    confirmPassword: t('register.confirmPassword'),
    email: t('register.email'),
    phone: t('register.phone'),
  };
  const required = (label: string, select = false) => ({ required: true, whitespace: !select, message: t(select ? 'validation.select' : 'validation.required', { label }) });

  const usccMessages: Record<string, string> = {
    length: t('validation.uscc'),
    charset: t('validation.usccCharset'),
    region: t('validation.usccRegion'),
    check_digit: t('validation.usccCheckDigit'),
    org_code_check_digit: t('validation.usccCheckDigit'),
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    setStray([]);
    const { confirmPassword: _confirm, ...u } = v.user;
    const body = {
      org: { ...v.org, nameEn: v.org.nameEn?.trim() ?? '', uscc: v.org.uscc.trim().toUpperCase(), registeredOn: v.org.registeredOn || undefined },
      user: { ...u, email: u.email?.trim() || undefined, phone: u.phone?.trim() || undefined },
    };
    try {
      await post<{ id: string; status: string }>('/api/auth/register', body, { noReauth: true });
      draft.clear();
      setDone({ name: v.org.nameZh, username: v.user.username, regionCode: v.org.regionCode });
    } catch (e) {
      setStray(applyFieldErrors(form, e, knownFields));
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const body = done ? (
    <Card>
      <Result
        data-testid={testIds.registerSuccess}
        status="success"
        title={t('register.successTitle')}
        subTitle={
          reviewingDepartment(done.regionCode, lang)
            ? t('register.successBody', { name: done.name, dept: reviewingDepartment(done.regionCode, lang), username: done.username })
            : t('register.successBodyNoDept', { name: done.name, username: done.username })
        }
        extra={
          <Link to="/sign-in">
            <Button type="primary">{t('register.backToSignIn')}</Button>
          </Link>
        }
      />
    </Card>
  ) : (
    <Card
      title={
        <Flex align="center" gap={10}>
          <span>{t('register.title')}</span>
          <ClauseTag clause="a11.s0" />
        </Flex>
      }
    >
      <Alert type="info" showIcon title={t('register.intro')} style={{ marginBottom: 20 }} />
      {error ? <ErrorAlert error={error} fields={stray} onClose={() => setError(null)} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid={testIds.registerForm}
        onFinish={submit}
        onValuesChange={(_, all) => draft.save({ ...all, user: { ...all.user, password: undefined, confirmPassword: undefined } } as never)}
        scrollToFirstError
      >
        <Divider titlePlacement="start">{t('register.orgSection')}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['org', 'nameZh']} label={L.nameZh} rules={[required(L.nameZh), zodRule(org.nameZh, t, L.nameZh)]}>
              <Input maxLength={100} data-testid={testIds.registerField('nameZh')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['org', 'nameEn']} label={L.nameEn} rules={[zodRule(org.nameEn, t, L.nameEn, { optional: true })]}>
              <Input maxLength={200} data-testid={testIds.registerField('nameEn')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['org', 'kind']} label={L.kind} rules={[required(L.kind, true), zodRule(org.kind, t, L.kind)]}>
              <Select options={institutionKinds.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} data-testid={testIds.registerField('kind')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['org', 'uscc']}
              label={L.uscc}
              extra={t('register.usccHelp')}
              normalize={(v: string) => v?.toUpperCase().replace(/\s/g, '')}
              rules={[
                required(L.uscc),
                zodRule(org.uscc, t, L.uscc, { format: t('validation.uscc') }),
                {
                  // The GB 32100-2015 check digit, the same function the server applies.
                  validator: async (_r, v: string) => {
                    if (!v || v.length !== 18) return;
                    const reason = usccInvalidReason(v);
                    if (reason) throw new Error(usccMessages[reason] ?? t('validation.uscc'));
                  },
                },
              ]}
            >
              <Input maxLength={18} style={{ fontFamily: 'monospace', letterSpacing: 1 }} data-testid={testIds.registerField('uscc')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['org', 'regionCode']}
              label={L.region}
              rules={[required(L.region, true), zodRule(org.regionCode, t, L.region)]}
              extra={reviewer ? t('register.reviewer', { dept: reviewer }) : undefined}
            >
              <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t('register.regionPlaceholder')} options={locations} data-testid={testIds.registerField('regionCode')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['org', 'registeredOn']}
              label={L.registeredOn}
              getValueProps={(v: string | null) => ({ value: v ? dayjs(v) : null })}
              normalize={(d: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null)}
            >
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} data-testid={testIds.registerField('registeredOn')} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('register.userSection')}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['user', 'username']} label={L.username} extra={t('register.usernameHelp')} rules={[required(L.username), zodRule(user.username, t, L.username, { format: t('validation.username') })]}>
              <Input autoComplete="username" data-testid={testIds.registerField('username')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['user', 'displayName']} label={L.displayName} rules={[required(L.displayName), zodRule(user.displayName, t, L.displayName)]}>
              <Input maxLength={50} data-testid={testIds.registerField('displayName')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['user', 'password']} label={L.password} extra={t('register.passwordHelp')} rules={[required(L.password), zodRule(user.password, t, L.password)]}>
              <Input.Password autoComplete="new-password" data-testid={testIds.registerField('password')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['user', 'confirmPassword']}
              label={L.confirmPassword}
              dependencies={[['user', 'password']]}
              rules={[
                required(L.confirmPassword),
                ({ getFieldValue }) => ({
                  validator: async (_r, v: string) => {
                    if (v && v !== getFieldValue(['user', 'password'])) throw new Error(t('validation.passwordMismatch'));
                  },
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid={testIds.registerField('confirmPassword')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['user', 'email']} label={L.email} rules={[zodRule(user.email, t, L.email, { optional: true, format: t('validation.email') })]}>
              <Input type="email" autoComplete="email" data-testid={testIds.registerField('email')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['user', 'phone']} label={L.phone} rules={[zodRule(user.phone, t, L.phone, { optional: true, format: t('validation.phone') })]}>
              <Input autoComplete="tel" maxLength={11} data-testid={testIds.registerField('phone')} />
            </Form.Item>
          </Col>
        </Row>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Typography.Text type="secondary">
            {t('register.hasAccount')} <Link to="/sign-in">{t('register.backToSignIn')}</Link>
          </Typography.Text>
          <Button type="primary" size="large" htmlType="submit" loading={busy} data-testid={testIds.registerSubmit}>
            {t('register.submit')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );

  return (
    <div className="guohe-public">
      <div className="guohe-public-bar">
        <Link to="/sign-in" style={{ color: '#fff', display: 'flex', alignItems: 'center', gap: 10 }}>
          <Emblem size={32} />
          <span className="guohe-public-title">{t('app.name')}</span>
        </Link>
        <LangSwitch />
      </div>
      <div className="guohe-public-body">{body}</div>
    </div>
  );
}
