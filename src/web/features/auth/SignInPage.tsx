import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Divider, Form, Input, Typography } from 'antd';
import { LockOutlined, SafetyCertificateOutlined, UsbOutlined, UserOutlined } from '@ant-design/icons';
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { ApiError, post, setCsrfToken } from '../../app/api';
import { restrictionOf, type SignedIn, type SignInAnswer } from '../security/model';
import { testIds } from '../../app/testids';
import { LangSwitch } from '../../shared/LangSwitch';
import { Emblem } from '../../shared/Emblem';
import { errorText } from '../../shared/errors';
import { browserHasWebAuthn, isCeremonyAbort } from '../security/webauthn';

/** Only same-site paths may be the target after sign-in (no open redirect). */
function safeFrom(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/sign-in') ? from : '/workbench';
}

export default function SignInPage() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = safeFrom(params.get('from'));
  const en = i18n.language === 'en';
  // Second step (issue 8): the sign-in answered with a challenge for the TOTP or a recovery code.
  const [challengeId, setChallengeId] = useState<string | null>(null);
  const [methods, setMethods] = useState<string[]>([]);
  // A security key is offered when the account has one and the browser speaks WebAuthn.
  const keyUsable = methods.includes('webauthn') && browserHasWebAuthn();
  const codeUsable = methods.includes('totp') || !keyUsable;

  // A session that must first change its password or enrol a second factor goes to My account.
  const target = (who: SignedIn | typeof me) => (restrictionOf(who) ? '/account' : from);
  if (me) return <Navigate to={target(me)} replace />;

  /** The session layer's signIn would take a challenge for a user: both steps are answered here. */
  const accept = (next: SignedIn) => {
    setCsrfToken(next.csrfToken);
    qc.setQueryData(['auth', 'me'], next);
    navigate(target(next), { replace: true });
  };

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await post<SignInAnswer>('/api/auth/sign-in', { username: v.username.trim(), password: v.password }, { noReauth: true });
      if ('mfaRequired' in answer) {
        setMethods(answer.methods);
        setChallengeId(answer.challengeId);
      } else accept(answer);
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  /** The second step with a security key: options bound to this sign-in, then navigator.credentials.get(). */
  const onKey = async () => {
    if (!challengeId) return;
    setBusy(true);
    setError(null);
    try {
      const optionsJSON = await post<PublicKeyCredentialRequestOptionsJSON>('/api/auth/sign-in/webauthn/options', { challengeId }, { noReauth: true });
      const response = await startAuthentication({ optionsJSON });
      accept(await post<SignedIn>('/api/auth/sign-in/webauthn', { challengeId, response }, { noReauth: true }));
    } catch (e) {
      setError(isCeremonyAbort(e) ? t('security.signIn.keyCancelled') : errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const onCode = async (v: { code: string }) => {
    if (!challengeId) return;
    setBusy(true);
    setError(null);
    try {
      accept(await post<SignedIn>('/api/auth/sign-in/mfa', { challengeId, code: v.code.trim() }, { noReauth: true }));
    } catch (e) {
      // An unknown or expired challenge: start again with the password.
      if (e instanceof ApiError && e.status !== 401 && e.status !== 429) {
        setChallengeId(null);
        setError(e.status === 404 || e.status === 410 ? t('security.signIn.expired') : errorText(e, t));
      } else setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="guohe-signin">
      <div className="guohe-signin-top">
        <span style={{ opacity: 0.85, fontSize: 13 }}>{t('app.shortName')}</span>
        <LangSwitch dark />
      </div>
      <main className="guohe-signin-main">
        <section className="guohe-signin-intro">
          <Emblem size={64} />
          <h1>{t('app.name')}</h1>
          {/* The other language's name as a subtitle, as bilingual government systems do. */}
          <p className="en">{i18n.getFixedT(en ? 'zh' : 'en')('app.name')}</p>
          <p className="basis">{t('app.basis')}</p>
        </section>
        <Card className="guohe-signin-card" title={<span style={{ fontSize: 18 }}>{t('auth.title')}</span>}>
          {challengeId ? (
            <Form layout="vertical" size="large" onFinish={onCode} requiredMark={false} key="mfa">
              <Typography.Paragraph>
                <SafetyCertificateOutlined /> <strong>{t('security.signIn.mfaTitle')}</strong>
              </Typography.Paragraph>
              {keyUsable && (
                <>
                  <Typography.Paragraph type="secondary">{t('security.signIn.keyHint')}</Typography.Paragraph>
                  <Button type={codeUsable ? 'default' : 'primary'} icon={<UsbOutlined />} block loading={busy} onClick={() => void onKey()} data-testid={testIds.signInUseKey}>
                    {t('security.signIn.useKey')}
                  </Button>
                  {codeUsable && <Divider plain>{t('security.signIn.keyOr')}</Divider>}
                  {!codeUsable && error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} data-testid={testIds.signInError} />}
                </>
              )}
              {codeUsable && (
              <>
              <Typography.Paragraph type="secondary">{t('security.signIn.mfaHint')}</Typography.Paragraph>
              <Form.Item name="code" label={t('security.signIn.code')} rules={[{ required: true, whitespace: true, min: 6, message: t('security.signIn.codeRequired') }]}>
                <Input autoFocus autoComplete="one-time-code" inputMode="text" maxLength={20} data-testid={testIds.signInMfaCode} />
              </Form.Item>
              {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid={testIds.signInError} />}
              <Button type="primary" htmlType="submit" block loading={busy} data-testid={testIds.signInMfaSubmit}>
                {t('security.signIn.submit')}
              </Button>
              </>
              )}
              <Button
                type="link"
                block
                style={{ marginTop: 8 }}
                onClick={() => {
                  setChallengeId(null);
                  setError(null);
                }}
                data-testid={testIds.signInMfaBack}
              >
                {t('security.signIn.back')}
              </Button>
            </Form>
          ) : (
          <Form layout="vertical" size="large" onFinish={onFinish} requiredMark={false} autoComplete="on">
            <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true, message: t('auth.usernamePlaceholder') }]}>
              <Input prefix={<UserOutlined />} placeholder={t('auth.usernamePlaceholder')} autoComplete="username" autoFocus data-testid={testIds.signInUsername} />
            </Form.Item>
            <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.passwordPlaceholder') }]}>
              <Input.Password prefix={<LockOutlined />} placeholder={t('auth.passwordPlaceholder')} autoComplete="current-password" data-testid={testIds.signInPassword} />
            </Form.Item>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid={testIds.signInError} />}
            <Button type="primary" htmlType="submit" block loading={busy} data-testid={testIds.signInSubmit}>
              {t('auth.submit')}
            </Button>
          </Form>
          )}
          <Typography.Paragraph style={{ marginTop: 20, marginBottom: 0, textAlign: 'center' }} type="secondary">
            {t('auth.noAccount')}{' '}
            <Link to="/register" data-testid={testIds.signInRegisterLink}>
              {t('auth.register')}
            </Link>
          </Typography.Paragraph>
        </Card>
      </main>
      <footer className="guohe-signin-foot">{t('app.browserHint')}</footer>
    </div>
  );
}
