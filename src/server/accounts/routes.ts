import { z } from 'zod';
import { desc, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZDecideRegistration, ZRegister, ZRegistration, ZSignIn } from '../../contracts/auth.js';
import { ZOk, ZPageQuery, zPage } from '../../contracts/common.js';
import type { Api, AppContext } from '../platform/http/context.js';
import { auditActor, requestLang, requireActor } from '../platform/http/context.js';
import { AppError } from '../platform/http/errors.js';
import { getSecuritySettings } from '../security/settings.js';
import {
  ZChangePassword, ZCode, ZContact, ZMfaSignIn, ZMfaStatus, ZMyData, ZPasswordPolicy, ZRecoveryCodes, ZSessionInfo, ZSignedIn,
  ZSignInAnswer, ZSignInEvent, ZTotpEnrolment,
} from './contracts.js';
import { changePassword } from './password-change.js';
import { confirmTotp, disableTotp, mfaStatus, regenerateRecoveryCodes, startTotpEnrolment } from './mfa.js';
import { exportMyData, myContact, updateMyContact } from './my-data.js';
import { recordAudit } from '../platform/audit/audit.js';
import { describeMe } from './me.js';
import { completeMfaSignIn, signIn, type SignInResult } from './sign-in.js';
import { registerInstitution } from './register.js';
import { decideRegistration, listRegistrations } from './registrations.js';
import { listActiveSessions, resolveSession, restrictionOf, revokeAllSessions, revokeSession, revokeSessionByHandle, SESSION_COOKIE } from './sessions.js';
import { drafts, loginEvents } from './tables.js';
import { and } from 'drizzle-orm';
import { webauthnRoutes } from './webauthn-routes.js';

export function authRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const policy = { idleMinutes: ctx.config.sessionIdleMinutes, absoluteHours: ctx.config.sessionAbsoluteHours, cacheMs: ctx.config.sessionCacheMs };
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.cookieSecure };
  const tags = ['accounts'];

  const keys = ctx.keys;
  if (!keys) throw new Error('authRoutes: SM keys are not loaded (buildApp loads them into the context)');
  const ring = keys.sm4;
  const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] ?? null });

  /** A finished sign-in: set the cookie, answer with the user and any restriction of the session. */
  const signedIn = async (reply: FastifyReply, result: SignInResult) => {
    if (result.kind === 'mfa') return { mfaRequired: true as const, challengeId: result.challengeId, methods: result.methods };
    const actor = await resolveSession(db, result.token, policy);
    reply.setCookie(SESSION_COOKIE, result.token, cookieOpts);
    return { ...describeMe(actor!), restriction: result.restriction };
  };

  app.post('/api/auth/sign-in', { schema: { tags, summary: 'Sign in with username and password; answers a challenge when a second factor is enrolled', body: ZSignIn, response: { 200: ZSignInAnswer } } }, async (req, reply) =>
    signedIn(reply, await signIn(db, { ...req.body, ...meta(req) }, policy)));

  app.post('/api/auth/sign-in/mfa', { schema: { tags, summary: 'Complete a sign-in with a TOTP code or a recovery code', body: ZMfaSignIn, response: { 200: ZSignedIn } } }, async (req, reply) =>
    signedIn(reply, await completeMfaSignIn(db, ring, { ...req.body, ...meta(req) }, policy)) as Promise<z.infer<typeof ZSignedIn>>);

  app.get('/api/auth/me', { schema: { tags, summary: 'The signed-in user', response: { 200: ZSignedIn } } }, async (req) => {
    const actor = requireActor(req);
    return { ...describeMe(actor), restriction: restrictionOf(actor) };
  });

  app.post('/api/auth/sign-out', { schema: { tags, summary: 'Sign out this session', response: { 200: ZOk } } }, async (req, reply) => {
    const actor = requireActor(req);
    await db.transaction(async (tx) => {
      await revokeSession(tx, actor.sessionId);
      await recordAudit(tx, auditActor(req), { action: 'session.sign_out', entityType: 'user', entityId: actor.userId });
    });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.post('/api/auth/sign-out-everywhere', { schema: { tags, summary: 'Sign out every session of this user', response: { 200: z.object({ revoked: z.number() }) } } }, async (req, reply) => {
    const actor = requireActor(req);
    const revoked = await db.transaction(async (tx) => {
      const n = await revokeAllSessions(tx, actor.userId);
      await recordAudit(tx, auditActor(req), { action: 'session.sign_out_everywhere', entityType: 'user', entityId: actor.userId, after: { revoked: n } });
      return n;
    });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { revoked };
  });

  app.post('/api/auth/password', { schema: { tags, summary: 'Change my password (policy: length, character classes, history)', body: ZChangePassword, response: { 200: z.object({ ok: z.literal(true), otherSessionsRevoked: z.number().int() }) } } }, async (req) =>
    changePassword(db, requireActor(req), req.body, requestLang(req), auditActor(req)));

  app.get('/api/auth/password-policy', { schema: { tags, summary: 'The password rules, for forms', response: { 200: ZPasswordPolicy } } }, async () => {
    const s = await getSecuritySettings(db);
    return { minLength: s.passwordMinLength, minClasses: s.passwordMinClasses, history: s.passwordHistory, maxAgeDaysOfficials: s.passwordMaxAgeDaysOfficials };
  });

  // Second factor (TOTP, RFC 6238) with recovery codes.
  app.get('/api/auth/mfa', { schema: { tags, summary: 'My second-factor status', response: { 200: ZMfaStatus } } }, async (req) => mfaStatus(db, requireActor(req)));
  app.post('/api/auth/mfa/totp', { schema: { tags, summary: 'Start TOTP enrolment: the secret is returned once, as an otpauth URI', response: { 200: ZTotpEnrolment } } }, async (req) =>
    startTotpEnrolment(db, ring, requireActor(req), auditActor(req)));
  app.post('/api/auth/mfa/totp/confirm', { schema: { tags, summary: 'Confirm TOTP enrolment with a code; answers 10 recovery codes, shown once', body: ZCode, response: { 200: ZRecoveryCodes } } }, async (req) =>
    confirmTotp(db, ring, requireActor(req), req.body.code, auditActor(req)));
  app.post('/api/auth/mfa/totp/disable', { schema: { tags, summary: 'Remove my TOTP second factor (needs a current code; refused when the policy requires it)', body: ZCode, response: { 200: ZOk } } }, async (req) =>
    disableTotp(db, ring, requireActor(req), req.body.code, auditActor(req)));
  app.post('/api/auth/mfa/recovery-codes', { schema: { tags, summary: 'Replace my recovery codes (needs a current code)', body: ZCode, response: { 200: ZRecoveryCodes } } }, async (req) =>
    regenerateRecoveryCodes(db, ring, requireActor(req), req.body.code, auditActor(req)));

  // Second factor with a security key (WebAuthn).
  webauthnRoutes(app, ctx, { ring, policy, signedIn });

  // Sessions and sign-in history.
  app.get('/api/auth/sessions', { schema: { tags, summary: 'My active sessions', response: { 200: z.object({ items: z.array(ZSessionInfo) }) } } }, async (req) => {
    const actor = requireActor(req);
    return { items: await listActiveSessions(db, actor.userId, policy, actor.sessionId) };
  });
  app.delete('/api/auth/sessions/:id', { schema: { tags, summary: 'Sign out one of my sessions (remote sign-out)', params: z.object({ id: z.uuid() }), response: { 200: ZOk } } }, async (req, reply) => {
    const actor = requireActor(req);
    await db.transaction(async (tx) => {
      const revoked = await revokeSessionByHandle(tx, actor.userId, req.params.id);
      if (!revoked) throw new AppError('not_found');
      await recordAudit(tx, auditActor(req), { action: 'session.remote_sign_out', entityType: 'user', entityId: actor.userId, after: { session: req.params.id } });
      if (revoked === actor.sessionId) reply.clearCookie(SESSION_COOKIE, { path: '/' });
    });
    return { ok: true as const };
  });
  app.get('/api/auth/sign-ins', { schema: { tags, summary: 'My last 50 sign-in attempts', response: { 200: z.object({ items: z.array(ZSignInEvent) }) } } }, async (req) => {
    const actor = requireActor(req);
    const rows = await db.select().from(loginEvents).where(eq(loginEvents.userId, actor.userId)).orderBy(desc(loginEvents.at)).limit(50);
    return { items: rows.map((e) => ({ at: e.at.toISOString(), ip: e.ip, userAgent: e.userAgent, ok: e.ok, reason: e.reason })) };
  });

  // Personal information (PIPL): see, export and correct my own data.
  app.get('/api/me/data', { schema: { tags, summary: 'Export all my personal data (JSON)', response: { 200: ZMyData } } }, async (req) =>
    exportMyData(db, ring, requireActor(req), auditActor(req)));
  app.get('/api/me/contact', { schema: { tags, summary: 'My contact details', response: { 200: ZContact } } }, async (req) => myContact(db, ring, requireActor(req).userId));
  app.put('/api/me/contact', { schema: { tags, summary: 'Correct my contact details (stored SM4-encrypted)', body: ZContact, response: { 200: ZContact } } }, async (req) =>
    updateMyContact(db, ring, requireActor(req).userId, req.body, auditActor(req)));

  app.post('/api/auth/register', { schema: { tags, summary: 'Register a new institution and its first account (reviewed by the local S&T department)', body: ZRegister, response: { 201: z.object({ id: z.uuid(), status: z.string() }) } } }, async (req, reply) => {
    const reg = await registerInstitution(db, req.body, req.ip, { ring, lang: requestLang(req) });
    return reply.status(201).send({ id: reg.id, status: reg.status });
  });

  app.get('/api/registrations', { schema: { tags, summary: 'Registrations awaiting or reviewed by my department', querystring: ZPageQuery.extend({ status: z.enum(['pending', 'approved', 'rejected']).optional() }), response: { 200: zPage(ZRegistration) } } }, async (req) =>
    listRegistrations(db, requireActor(req), req.query));

  app.post('/api/registrations/:id/decide', { schema: { tags, summary: 'Approve or reject a registration', params: z.object({ id: z.uuid() }), body: ZDecideRegistration, response: { 200: z.object({ id: z.uuid(), status: z.string() }) } } }, async (req) =>
    decideRegistration(db, requireActor(req), req.params.id, req.body, req.ip));

  // Drafts: the server copy of a form in progress (the browser keeps one too).
  const draftParams = z.object({ key: z.string().regex(/^[a-z0-9:_-]{1,100}$/) });
  app.get('/api/drafts/:key', { schema: { tags, summary: 'My saved draft of a form', params: draftParams, response: { 200: z.object({ data: z.unknown().nullable(), updatedAt: z.string().nullable() }) } } }, async (req) => {
    const actor = requireActor(req);
    const [row] = await db.select().from(drafts).where(and(eq(drafts.userId, actor.userId), eq(drafts.key, req.params.key)));
    return { data: row?.data ?? null, updatedAt: row?.updatedAt.toISOString() ?? null };
  });
  app.put('/api/drafts/:key', { schema: { tags, summary: 'Save my draft of a form', params: draftParams, body: z.object({ data: z.record(z.string(), z.unknown()) }), response: { 200: ZOk } } }, async (req) => {
    const actor = requireActor(req);
    await db.insert(drafts).values({ userId: actor.userId, key: req.params.key, data: req.body.data })
      .onConflictDoUpdate({ target: [drafts.userId, drafts.key], set: { data: req.body.data, updatedAt: new Date() } });
    return { ok: true as const };
  });
}
