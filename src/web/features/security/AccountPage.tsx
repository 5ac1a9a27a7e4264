import { useState, type HTMLAttributes } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Flex, Form, Input, Modal, Row, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  CheckCircleFilled, CloseCircleFilled, DownloadOutlined, ExclamationCircleFilled, KeyOutlined, LaptopOutlined, LockOutlined, LogoutOutlined,
  ReloadOutlined, SafetyCertificateOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, download, get, post } from '../../app/api';
import { useMe, useSession } from '../../app/session';
import { testIds } from '../../app/testids';
import { PageHeader } from '../../shared/PageHeader';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { applyFieldErrors } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import type { Lang } from '../../i18n';
import {
  describeAgent, groupSecret, parseOtpauth, restrictionOf, type MfaStatus, type PasswordPolicy, type RecoveryCodes, type SessionInfo,
  type SignInEvent, type TotpEnrolment,
} from './model';
import { SecurityKeysCard } from './SecurityKeysCard';
import { browserHasWebAuthn } from './webauthn';

const mono = { fontFamily: 'monospace', fontSize: 12 } as const;

/** Re-read /api/auth/me: a password change or an enrolment lifts the session's restriction. */
function useRefreshMe() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['auth', 'me'] });
}

function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'zh';
}

// ---- Sessions ------------------------------------------------------------------------------------

function SessionsCard() {
  const { t } = useTranslation();
  const lang = useLang();
  const { modal, message } = App.useApp();
  const { signOut } = useSession();
  const { data, error, isFetching, refetch } = useQuery({ queryKey: ['security', 'sessions'], queryFn: () => get<{ items: SessionInfo[] }>('/api/auth/sessions') });
  const revoke = useMutation({
    mutationFn: (id: string) => api('DELETE', `/api/auth/sessions/${id}`),
    onSuccess: () => {
      void message.success(t('security.sessions.signedOut'));
      void refetch();
    },
  });

  const onSignOut = (s: SessionInfo) =>
    modal.confirm({
      title: t('security.sessions.signOut'),
      content: s.current ? t('security.sessions.signOutCurrentConfirm') : t('security.sessions.signOutConfirm'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      // The current session is ended by the ordinary sign-out, which also clears the app's state.
      onOk: () => (s.current ? signOut().catch(() => undefined) : revoke.mutateAsync(s.id)),
    });

  const columns: ColumnsType<SessionInfo> = [
    {
      title: t('security.sessions.device'),
      dataIndex: 'userAgent',
      render: (ua: string | null, s) => (
        <Space>
          <LaptopOutlined />
          <span title={ua ?? ''}>{describeAgent(ua) ?? t('security.common.unknown')}</span>
          {s.current && <Tag color="blue">{t('security.common.current')}</Tag>}
        </Space>
      ),
    },
    { title: t('security.sessions.ip'), dataIndex: 'ip', width: 140, render: (v: string | null) => v ?? '—' },
    { title: t('security.sessions.createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v, lang) },
    { title: t('security.sessions.lastSeenAt'), dataIndex: 'lastSeenAt', width: 150, render: (v: string) => formatDateTime(v, lang) },
    { title: t('security.sessions.expiresAt'), dataIndex: 'expiresAt', width: 150, render: (v: string) => formatDateTime(v, lang) },
    {
      key: 'op',
      width: 130,
      render: (_: unknown, s) => (
        <Button size="small" danger={!s.current} icon={<LogoutOutlined />} onClick={() => onSignOut(s)} data-testid={testIds.secSessionSignOut(s.id)}>
          {t('security.sessions.signOut')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={t('security.sessions.title')}
      extra={<Button size="small" icon={<ReloadOutlined />} onClick={() => void refetch()}>{t('security.common.refresh')}</Button>}
      data-testid={testIds.secSessions}
    >
      <Typography.Paragraph type="secondary">{t('security.sessions.hint')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} />}
      {revoke.error && <ErrorAlert error={revoke.error} onClose={() => revoke.reset()} />}
      <Table<SessionInfo>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 860 }}
        onRow={(s) => ({ 'data-testid': testIds.secSessionRow(s.id), 'data-current': String(s.current) }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('security.sessions.empty')} /> }}
      />
    </Card>
  );
}

// ---- Sign-in history -------------------------------------------------------------------------------

function HistoryCard() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, isFetching } = useQuery({ queryKey: ['security', 'sign-ins'], queryFn: () => get<{ items: SignInEvent[] }>('/api/auth/sign-ins') });
  const columns: ColumnsType<SignInEvent> = [
    { title: t('security.history.at'), dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v, lang) },
    {
      title: t('security.history.result'),
      dataIndex: 'ok',
      width: 100,
      render: (ok: boolean) => (ok ? <Tag color="success">{t('security.history.ok')}</Tag> : <Tag color="error">{t('security.history.failed')}</Tag>),
    },
    { title: t('security.history.reason'), dataIndex: 'reason', width: 160, render: (v: string | null) => (v ? <span style={mono}>{v}</span> : '—') },
    { title: t('security.sessions.ip'), dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
    { title: t('security.sessions.device'), dataIndex: 'userAgent', render: (ua: string | null) => <span title={ua ?? ''}>{describeAgent(ua) ?? '—'}</span> },
  ];
  return (
    <Card title={t('security.history.title')} data-testid={testIds.secHistory}>
      <Typography.Paragraph type="secondary">{t('security.history.hint')}</Typography.Paragraph>
      {error && <ErrorAlert error={error} />}
      <Table<SignInEvent>
        rowKey={(e, i) => `${e.at}-${i}`}
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
        scroll={{ x: 700 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('security.history.empty')} /> }}
      />
    </Card>
  );
}

// ---- Password ---------------------------------------------------------------------------------------

interface PasswordForm {
  current: string;
  next: string;
  confirm: string;
}

function PasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refreshMe = useRefreshMe();
  const [form] = Form.useForm<PasswordForm>();
  const [stray, setStray] = useState<{ error: unknown; fields: ReturnType<typeof applyFieldErrors> } | null>(null);
  const policy = useQuery({ queryKey: ['security', 'password-policy'], queryFn: () => get<PasswordPolicy>('/api/auth/password-policy') });
  const change = useMutation({
    mutationFn: (v: PasswordForm) => post<{ ok: true; otherSessionsRevoked: number }>('/api/auth/password', { current: v.current, next: v.next }),
    onSuccess: (r) => {
      form.resetFields();
      setStray(null);
      void message.success(r.otherSessionsRevoked > 0 ? t('security.password.changedOthers', { count: r.otherSessionsRevoked }) : t('security.password.changed'));
      void refreshMe();
    },
    onError: (e) => {
      // Each broken rule comes back as a field error naming the rule; shown under its field.
      const elsewhere = applyFieldErrors(form, e, ['current', 'next']);
      const onForm = elsewhere.length === 0 && (e as { fields?: unknown[] }).fields?.length;
      setStray(onForm ? null : { error: e, fields: elsewhere });
    },
  });

  const p = policy.data;
  return (
    <Card title={<Space><LockOutlined />{t('security.password.title')}</Space>}>
      {p && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid={testIds.secPasswordPolicy}
          title={t('security.password.policy')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              <li>{t('security.password.ruleLength', { n: p.minLength })}</li>
              <li>{t('security.password.ruleClasses', { n: p.minClasses })}</li>
              <li>{p.history > 0 ? t('security.password.ruleHistory', { n: p.history }) : t('security.password.ruleNoHistory')}</li>
              <li>{t('security.password.ruleUsername')}</li>
              {p.maxAgeDaysOfficials > 0 && <li>{t('security.password.ruleMaxAge', { n: p.maxAgeDaysOfficials })}</li>}
            </ul>
          }
        />
      )}
      {policy.error && <ErrorAlert error={policy.error} />}
      {stray && <ErrorAlert error={stray.error} fields={stray.fields} onClose={() => setStray(null)} />}
      <Form<PasswordForm> form={form} layout="vertical" requiredMark={false} onFinish={(v) => change.mutate(v)} data-testid={testIds.secPasswordForm} style={{ maxWidth: 420 }}>
        <Form.Item name="current" label={t('security.password.current')} rules={[{ required: true, message: t('security.password.required') }]}>
          <Input.Password autoComplete="current-password" data-testid={testIds.secPasswordField('current')} />
        </Form.Item>
        <Form.Item name="next" label={t('security.password.next')} rules={[{ required: true, message: t('security.password.required') }]}>
          <Input.Password autoComplete="new-password" data-testid={testIds.secPasswordField('next')} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('security.password.confirm')}
          dependencies={['next']}
          rules={[
            { required: true, message: t('security.password.required') },
            ({ getFieldValue }) => ({
              validator: (_, v) => (!v || v === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(t('security.password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid={testIds.secPasswordField('confirm')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending} data-testid={testIds.secPasswordSubmit}>
          {t('security.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}

// ---- Second factor -----------------------------------------------------------------------------------

function RecoveryCodesModal({ codes, username, onDone }: { codes: string[]; username: string; onDone(): void }) {
  const { t } = useTranslation();
  const save = () => {
    const blob = new Blob([`Guohe recovery codes — ${username}\n${new Date().toISOString()}\n\n${codes.join('\n')}\n`], { type: 'text/plain' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `guohe-recovery-codes-${username}.txt`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <Modal
      open
      title={t('security.mfa.recoveryTitle')}
      maskClosable={false}
      keyboard={false}
      closable={false}
      footer={
        <Space>
          <Button icon={<DownloadOutlined />} onClick={save} data-testid={testIds.secRecoveryDownload}>
            {t('security.mfa.recoveryDownload')}
          </Button>
          <Button type="primary" onClick={onDone} data-testid={testIds.secRecoveryDone}>
            {t('security.mfa.recoverySaved')}
          </Button>
        </Space>
      }
    >
      <div data-testid={testIds.secRecoveryCodes}>
        <Alert type="warning" showIcon title={t('security.mfa.recoveryHint')} style={{ marginBottom: 16 }} />
        <Row gutter={[12, 8]}>
          {codes.map((c) => (
            <Col span={12} key={c}>
              <Typography.Text code style={{ fontSize: 15 }}>{c}</Typography.Text>
            </Col>
          ))}
        </Row>
        <Typography.Paragraph copyable={{ text: codes.join('\n') }} style={{ marginTop: 12, marginBottom: 0 }} type="secondary">
          {t('security.mfa.copy')}
        </Typography.Paragraph>
      </div>
    </Modal>
  );
}

/** Asks for a current code, then runs `action` with it (disable, new recovery codes). */
function CodePrompt(props: { open: boolean; title: string; hint: string; busy: boolean; error: unknown; onSubmit(code: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  return (
    <Modal
      open={props.open}
      title={props.title}
      onCancel={props.onCancel}
      onOk={() => props.onSubmit(code)}
      okButtonProps={{ disabled: code.trim().length < 6, loading: props.busy }}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      destroyOnHidden
      afterClose={() => setCode('')}
    >
      <Typography.Paragraph type="secondary">{props.hint}</Typography.Paragraph>
      {!!props.error && <ErrorAlert error={props.error} />}
      <Input value={code} onChange={(e) => setCode(e.target.value)} placeholder={t('security.mfa.codeOrRecovery')} autoComplete="one-time-code" autoFocus style={{ maxWidth: 260 }} />
    </Modal>
  );
}

function MfaCard() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const refreshMe = useRefreshMe();
  const restricted = restrictionOf(me) !== null;
  const status = useQuery({ queryKey: ['security', 'mfa'], queryFn: () => get<MfaStatus>('/api/auth/mfa') });
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [prompt, setPrompt] = useState<'disable' | 'regenerate' | null>(null);

  const start = useMutation({ mutationFn: () => post<TotpEnrolment>('/api/auth/mfa/totp'), onSuccess: (e) => { setEnrolment(e); setCode(''); } });
  const confirm = useMutation({
    mutationFn: () => post<RecoveryCodes>('/api/auth/mfa/totp/confirm', { code: code.trim() }),
    onSuccess: (r) => {
      setEnrolment(null);
      setCodes(r.recoveryCodes);
      void message.success(t('security.mfa.confirmed'));
      void status.refetch();
    },
  });
  const disable = useMutation({
    mutationFn: (c: string) => post('/api/auth/mfa/totp/disable', { code: c.trim() }),
    onSuccess: () => {
      setPrompt(null);
      void message.success(t('security.mfa.disabledOk'));
      void status.refetch();
    },
  });
  const regenerate = useMutation({
    mutationFn: (c: string) => post<RecoveryCodes>('/api/auth/mfa/recovery-codes', { code: c.trim() }),
    onSuccess: (r) => {
      setPrompt(null);
      setCodes(r.recoveryCodes);
      void status.refetch();
    },
  });

  const s = status.data;
  const parsed = enrolment ? parseOtpauth(enrolment.otpauthUri) : null;
  return (
    <Card
      title={<Space><SafetyCertificateOutlined />{t('security.mfa.title')}</Space>}
      data-testid={testIds.secMfa}
      data-enabled={s ? String(s.totpEnabled) : undefined}
      extra={s && (s.totpEnabled ? <Tag color="success" icon={<CheckCircleFilled />}>{t('security.mfa.enabled')}</Tag> : <Tag icon={<CloseCircleFilled />}>{t('security.mfa.disabled')}</Tag>)}
    >
      <Typography.Paragraph type="secondary">{t('security.mfa.hint')}</Typography.Paragraph>
      {status.error && <ErrorAlert error={status.error} />}
      {s?.required && !s.totpEnabled && s.securityKeys === 0 && <Alert type="warning" showIcon title={t('security.mfa.required')} style={{ marginBottom: 16 }} />}
      {s?.totpEnabled && (
        <>
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'at', label: t('security.mfa.enabledAt'), children: formatDateTime(s.totpEnabledAt, lang) || '—' },
              { key: 'left', label: t('security.mfa.recoveryLeft'), children: <Tag color={s.recoveryCodesLeft <= 2 ? 'warning' : 'default'}>{s.recoveryCodesLeft}</Tag> },
            ]}
          />
          <Space wrap>
            {!restricted && (
              <Button icon={<KeyOutlined />} onClick={() => setPrompt('regenerate')} data-testid={testIds.secMfaRegenerate}>
                {t('security.mfa.regenerate')}
              </Button>
            )}
            {!restricted && !s.required && (
              <Button danger onClick={() => setPrompt('disable')} data-testid={testIds.secMfaDisable}>
                {t('security.mfa.disable')}
              </Button>
            )}
          </Space>
        </>
      )}
      {s && !s.totpEnabled && !enrolment && (
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={start.isPending} onClick={() => start.mutate()} data-testid={testIds.secMfaEnrol}>
          {t('security.mfa.enrol')}
        </Button>
      )}
      {start.error && <ErrorAlert error={start.error} onClose={() => start.reset()} />}
      {enrolment && parsed && (
        <div style={{ maxWidth: 640 }}>
          <Typography.Paragraph strong>1. {t('security.mfa.step1')}</Typography.Paragraph>
          <Descriptions
            size="small"
            column={1}
            bordered
            style={{ marginBottom: 16 }}
            items={[
              {
                key: 'uri',
                label: t('security.mfa.uri'),
                children: (
                  <Typography.Text copyable={{ text: enrolment.otpauthUri }} style={{ ...mono, wordBreak: 'break-all' }} data-testid={testIds.secMfaUri}>
                    {enrolment.otpauthUri}
                  </Typography.Text>
                ),
              },
              {
                key: 'secret',
                label: t('security.mfa.secret'),
                children: (
                  <Typography.Text copyable={{ text: parsed.secret ?? '' }} style={{ ...mono, fontSize: 15, letterSpacing: 1 }} data-testid={testIds.secMfaSecret}>
                    {groupSecret(parsed.secret ?? '')}
                  </Typography.Text>
                ),
              },
              ...(parsed.issuer ? [{ key: 'issuer', label: t('security.mfa.issuer'), children: `${parsed.issuer}${parsed.label ? ` · ${parsed.label}` : ''}` }] : []),
            ]}
          />
          <Typography.Paragraph strong>2. {t('security.mfa.step2')}</Typography.Paragraph>
          {confirm.error && <ErrorAlert error={confirm.error} onClose={() => confirm.reset()} />}
          <Space.Compact>
            <Input
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\s/g, ''))}
              onPressEnter={() => code.length >= 6 && confirm.mutate()}
              placeholder={t('security.mfa.codePlaceholder')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              style={{ width: 160, ...mono, fontSize: 16 }}
              data-testid={testIds.secMfaCode}
            />
            <Button type="primary" disabled={code.length < 6} loading={confirm.isPending} onClick={() => confirm.mutate()} data-testid={testIds.secMfaConfirm}>
              {t('security.mfa.confirm')}
            </Button>
          </Space.Compact>
        </div>
      )}
      <CodePrompt
        open={prompt !== null}
        title={prompt === 'disable' ? t('security.mfa.disable') : t('security.mfa.regenerate')}
        hint={prompt === 'disable' ? t('security.mfa.disableHint') : t('security.mfa.regenerateHint')}
        busy={disable.isPending || regenerate.isPending}
        error={prompt === 'disable' ? disable.error : regenerate.error}
        onSubmit={(c) => (prompt === 'disable' ? disable.mutate(c) : regenerate.mutate(c))}
        onCancel={() => {
          setPrompt(null);
          disable.reset();
          regenerate.reset();
        }}
      />
      {codes && (
        <RecoveryCodesModal
          codes={codes}
          username={me.username}
          onDone={() => {
            setCodes(null);
            // Enrolment may lift an mfa_enrolment_required restriction: read the session again.
            void refreshMe();
          }}
        />
      )}
    </Card>
  );
}

/** TOTP, and security keys where the browser offers WebAuthn: either meets the policy. */
function SecondFactors() {
  if (!browserHasWebAuthn()) return <MfaCard />;
  return (
    <Flex vertical gap={16}>
      <MfaCard />
      <SecurityKeysCard />
    </Flex>
  );
}

// ---- My data -----------------------------------------------------------------------------------------

function DataCard() {
  const { t } = useTranslation();
  const me = useMe();
  const { message } = App.useApp();
  const exp = useMutation({
    mutationFn: () => download('/api/me/data', undefined, `guohe-my-data-${me.username}-${new Date().toISOString().slice(0, 10)}.json`),
    onSuccess: (name) => void message.success(t('security.data.exported', { name })),
  });
  return (
    <Card title={t('security.data.title')}>
      <Typography.Paragraph type="secondary">{t('security.data.hint')}</Typography.Paragraph>
      {exp.error && <ErrorAlert error={exp.error} onClose={() => exp.reset()} />}
      <Button icon={<DownloadOutlined />} loading={exp.isPending} onClick={() => exp.mutate()} data-testid={testIds.secExportData}>
        {t('security.data.export')}
      </Button>
    </Card>
  );
}

// ---- The page -------------------------------------------------------------------------------------------

/**
 * My account (every signed-in user): sessions with remote sign-out, sign-in history, password
 * change, TOTP enrolment with recovery codes, export of my personal data. A restricted session
 * (expired password, second factor required) sees only what lifts the restriction — the server
 * refuses everything else.
 */
export default function AccountPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const restriction = restrictionOf(me);
  const en = i18n.language === 'en';
  const roleNames = me.roles.map((r) => t(`role.${r}`, { defaultValue: r })).join(en ? ', ' : '、');

  return (
    <div data-testid={testIds.secAccountPage} data-restriction={restriction ?? ''}>
      <PageHeader
        title={t('security.account.title')}
        description={t('security.account.description')}
      />
      {restriction && (
        <Alert
          type="warning"
          showIcon
          icon={<ExclamationCircleFilled />}
          style={{ marginBottom: 16 }}
          data-testid={testIds.secRestriction}
          title={t(`security.restriction.${restriction}`)}
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'who', label: t('security.account.who'), children: `${me.displayName} (${me.username})` },
          { key: 'org', label: t('security.account.org'), children: en ? me.org.nameEn || me.org.nameZh : me.org.nameZh },
          { key: 'roles', label: t('security.account.roles'), children: roleNames || '—' },
        ]}
      />
      <Flex vertical gap={16}>
        {restriction === 'password_expired' ? (
          <PasswordCard />
        ) : restriction === 'mfa_enrolment_required' ? (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}><SecondFactors /></Col>
            <Col xs={24} xl={10}><PasswordCard /></Col>
          </Row>
        ) : (
          <>
            <SessionsCard />
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={14}><SecondFactors /></Col>
              <Col xs={24} xl={10}><PasswordCard /></Col>
            </Row>
            <HistoryCard />
            <DataCard />
          </>
        )}
      </Flex>
    </div>
  );
}
