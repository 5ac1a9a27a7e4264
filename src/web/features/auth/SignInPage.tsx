import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { testIds } from '../../app/testids';
import { LangSwitch } from '../../shared/LangSwitch';
import { Emblem } from '../../shared/Emblem';
import { errorText } from '../../shared/errors';

/** Only same-site paths may be the target after sign-in (no open redirect). */
function safeFrom(from: string | null): string {
  return from && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/sign-in') ? from : '/workbench';
}

export default function SignInPage() {
  const { t, i18n } = useTranslation();
  const { me, signIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = safeFrom(params.get('from'));
  const en = i18n.language === 'en';

  if (me) return <Navigate to={from} replace />;

  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await signIn(v.username.trim(), v.password);
      navigate(from, { replace: true });
    } catch (e) {
      setError(errorText(e, t));
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
