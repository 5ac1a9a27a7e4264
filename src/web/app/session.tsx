import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { LockOutlined, UsbOutlined, UserOutlined } from '@ant-design/icons';
import { startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../contracts/auth';
import { ApiError, get, post, setCsrfToken, setReauthHandler } from './api';
import { adoptUserLocale } from '../i18n';
import { testIds } from './testids';
import { browserHasWebAuthn, isCeremonyAbort } from '../features/security/webauthn';

/** The answer to a password when the account has a second factor: not signed in yet. */
export type MfaChallenge = { mfaRequired: true; challengeId: string; methods: ('totp' | 'webauthn')[] };

interface Session {
  me: Me | null;
  loading: boolean;
  /** Why there is no session: the user signed out (start afresh) or it expired (come back here). */
  exit: 'signed_out' | 'expired' | null;
  /** Signs in, or answers the second-factor challenge when the account has TOTP. */
  signIn(username: string, password: string): Promise<Me | MfaChallenge>;
  completeMfa(challengeId: string, code: string): Promise<Me>;
  /** Answers the challenge with a security key (WebAuthn) instead of a code. */
  completeWithKey(challengeId: string): Promise<Me>;
  signOut(): Promise<void>;
  signOutEverywhere(): Promise<number>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user; only for components rendered under RequireSession. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}

const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<Me | null> {
  try {
    return await get<Me>('/api/auth/me', undefined, { noReauth: true });
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const { data: me = null, isPending } = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: 1 });
  const [exit, setExit] = useState<Session['exit']>(null);

  useEffect(() => {
    setCsrfToken(me?.csrfToken ?? null);
    if (me) adoptUserLocale(me.locale);
  }, [me]);

  const accept = useCallback(
    (next: Me | null) => {
      setCsrfToken(next?.csrfToken ?? null);
      qc.setQueryData(ME_KEY, next);
    },
    [qc],
  );

  const signIn = useCallback(
    async (username: string, password: string) => {
      const next = await post<Me | MfaChallenge>('/api/auth/sign-in', { username, password }, { noReauth: true });
      if ('mfaRequired' in next) return next; // not signed in yet: the caller asks for the code
      setExit(null);
      accept(next);
      return next;
    },
    [accept],
  );

  const completeMfa = useCallback(
    async (challengeId: string, code: string) => {
      const next = await post<Me>('/api/auth/sign-in/mfa', { challengeId, code }, { noReauth: true });
      setExit(null);
      accept(next);
      return next;
    },
    [accept],
  );

  const completeWithKey = useCallback(
    async (challengeId: string) => {
      const optionsJSON = await post<PublicKeyCredentialRequestOptionsJSON>('/api/auth/sign-in/webauthn/options', { challengeId }, { noReauth: true });
      const response = await startAuthentication({ optionsJSON });
      const next = await post<Me>('/api/auth/sign-in/webauthn', { challengeId, response }, { noReauth: true });
      setExit(null);
      accept(next);
      return next;
    },
    [accept],
  );

  const forget = useCallback((why: 'signed_out' | 'expired') => {
    setExit(why);
    accept(null);
    // Nothing of the previous user stays in the cache.
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  }, [accept, qc]);

  const signOut = useCallback(async () => {
    try {
      await post('/api/auth/sign-out', {}, { noReauth: true });
    } finally {
      forget('signed_out');
    }
  }, [forget]);

  const signOutEverywhere = useCallback(async () => {
    const { revoked } = await post<{ revoked: number }>('/api/auth/sign-out-everywhere', {}, { noReauth: true });
    forget('signed_out');
    return revoked;
  }, [forget]);

  // ---- Signing in again when the session expires mid-work -------------------------------------
  const meRef = useRef(me);
  meRef.current = me;
  const [reauth, setReauth] = useState<{ username: string; method: string } | null>(null);
  const waiters = useRef<Array<(ok: boolean) => void>>([]);

  useEffect(() => {
    setReauthHandler(({ method }) => {
      const current = meRef.current;
      if (!current) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        waiters.current.push(resolve);
        setReauth((r) => r ?? { username: current.username, method });
      });
    });
    return () => setReauthHandler(null);
  }, []);

  const settle = useCallback((ok: boolean) => {
    const list = waiters.current;
    waiters.current = [];
    setReauth(null);
    for (const resolve of list) resolve(ok);
  }, []);

  const value = useMemo<Session>(() => ({ me, loading: isPending, exit, signIn, completeMfa, completeWithKey, signOut, signOutEverywhere }), [me, isPending, exit, signIn, completeMfa, completeWithKey, signOut, signOutEverywhere]);

  return (
    <SessionContext.Provider value={value}>
      {children}
      {reauth && (
        <ReauthModal
          username={reauth.username}
          writing={reauth.method !== 'GET'}
          onSignedIn={() => settle(true)}
          onCancel={() => {
            settle(false);
            forget('expired');
          }}
          signIn={signIn}
          completeMfa={completeMfa}
          completeWithKey={completeWithKey}
        />
      )}
    </SessionContext.Provider>
  );
}

function ReauthModal(props: {
  username: string;
  writing: boolean;
  signIn: Session['signIn'];
  completeMfa: Session['completeMfa'];
  completeWithKey: Session['completeWithKey'];
  onSignedIn(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string; code?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Accounts with TOTP answer the password with a challenge; the code completes the sign-in.
  const [challenge, setChallenge] = useState<string | null>(null);
  const [methods, setMethods] = useState<MfaChallenge['methods']>([]);
  const keyUsable = methods.includes('webauthn') && browserHasWebAuthn();
  const codeUsable = methods.includes('totp') || !keyUsable;

  const submit = async ({ password, code }: { password: string; code?: string }, withKey = false) => {
    setBusy(true);
    setError(null);
    try {
      if (challenge) {
        if (withKey || !codeUsable) await props.completeWithKey(challenge);
        else await props.completeMfa(challenge, code ?? '');
      } else {
        const result = await props.signIn(props.username, password);
        if ('mfaRequired' in result) {
          setMethods(result.methods);
          setChallenge(result.challengeId);
          return;
        }
      }
      props.onSignedIn();
    } catch (e) {
      setError(isCeremonyAbort(e) ? t('security.signIn.keyCancelled') : e instanceof ApiError ? e.message || t('error.unknown', { status: e.status }) : t('error.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('auth.sessionExpiredTitle')}
      maskClosable={false}
      keyboard={false}
      onCancel={props.onCancel}
      footer={null}
      destroyOnHidden
    >
      <div data-testid={testIds.reauthModal}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={props.writing ? t('auth.sessionExpiredBody') : t('auth.sessionExpiredBrowse')} />
      <Typography.Paragraph type="secondary">{t('auth.otherUser', { username: props.username })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => submit(v)} requiredMark={false}>
        <Form.Item label={t('auth.username')}>
          <Input prefix={<UserOutlined />} value={props.username} disabled />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.required') }]}>
          <Input.Password prefix={<LockOutlined />} autoFocus autoComplete="current-password" data-testid={testIds.reauthPassword} />
        </Form.Item>
        {challenge && keyUsable && (
          <Button icon={<UsbOutlined />} block loading={busy} style={{ marginBottom: 16 }} onClick={() => void submit({ password: '' }, true)} data-testid={testIds.signInUseKey}>
            {t('security.signIn.useKey')}
          </Button>
        )}
        {challenge && codeUsable && (
          <Form.Item name="code" label={t('security.signIn.mfaTitle')} extra={t('security.signIn.mfaHint')} rules={[{ required: true, message: t('auth.required') }]}>
            <Input autoFocus autoComplete="one-time-code" inputMode="numeric" data-testid={testIds.signInMfaCode} />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid={testIds.reauthSubmit}>
          {t('auth.signInAgain')}
        </Button>
      </Form>
      </div>
    </Modal>
  );
}
