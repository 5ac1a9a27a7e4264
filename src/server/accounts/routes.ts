import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { ZDecideRegistration, ZMe, ZRegister, ZRegistration, ZSignIn } from '../../contracts/auth.js';
import { ZOk, ZPageQuery, zPage } from '../../contracts/common.js';
import type { Api, AppContext } from '../platform/http/context.js';
import { auditActor, requireActor } from '../platform/http/context.js';
import { recordAudit } from '../platform/audit/audit.js';
import { describeMe } from './me.js';
import { signIn } from './sign-in.js';
import { registerInstitution } from './register.js';
import { decideRegistration, listRegistrations } from './registrations.js';
import { resolveSession, revokeAllSessions, revokeSession, SESSION_COOKIE } from './sessions.js';
import { drafts } from './tables.js';
import { and } from 'drizzle-orm';

export function authRoutes(app: Api, ctx: AppContext) {
  const db = ctx.database.db;
  const policy = { idleMinutes: ctx.config.sessionIdleMinutes, absoluteHours: ctx.config.sessionAbsoluteHours };
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: ctx.config.cookieSecure };
  const tags = ['accounts'];

  app.post('/api/auth/sign-in', { schema: { tags, summary: 'Sign in', body: ZSignIn, response: { 200: ZMe } } }, async (req, reply) => {
    const { token } = await signIn(db, { ...req.body, ip: req.ip, userAgent: req.headers['user-agent'] ?? null }, policy);
    const actor = await resolveSession(db, token, policy);
    reply.setCookie(SESSION_COOKIE, token, cookieOpts);
    return describeMe(actor!);
  });

  app.get('/api/auth/me', { schema: { tags, summary: 'The signed-in user', response: { 200: ZMe } } }, async (req) => describeMe(requireActor(req)));

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

  app.post('/api/auth/register', { schema: { tags, summary: 'Register a new institution and its first account (reviewed by the local S&T department)', body: ZRegister, response: { 201: z.object({ id: z.uuid(), status: z.string() }) } } }, async (req, reply) => {
    const reg = await registerInstitution(db, req.body, req.ip);
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
