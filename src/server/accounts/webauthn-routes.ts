import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { ZOk } from '../../contracts/common.js';
import type { Api, AppContext } from '../platform/http/context.js';
import { auditActor, requestLang, requireActor } from '../platform/http/context.js';
import type { Sm4KeyRing } from '../platform/crypto/sm.js';
import { ZSignedIn } from './contracts.js';
import type { SignInResult } from './sign-in.js';
import type { SessionPolicy } from './sessions.js';
import { listSecurityKeys, registerSecurityKey, registrationOptions, removeSecurityKey } from './webauthn.js';
import {
  ZAuthenticationOptions, ZRegisterSecurityKey, ZRegistrationOptions, ZRemoveSecurityKey, ZSecurityKey, ZWebauthnSignIn, ZWebauthnSignInOptions,
} from './webauthn-contracts.js';
import { relyingParty } from './webauthn-rp.js';
import { completeWebauthnSignIn, webauthnSignInOptions } from './webauthn-sign-in.js';

interface Deps {
  ring: Sm4KeyRing;
  policy: SessionPolicy;
  /** Sets the cookie and answers the signed-in user (routes.ts). */
  signedIn(reply: FastifyReply, result: SignInResult): Promise<unknown>;
}

/** WebAuthn (security keys) as a second factor beside TOTP (issue 8; GB/T 22239-2019 8.1.4.1 d). */
export function webauthnRoutes(app: Api, ctx: AppContext, deps: Deps) {
  const db = ctx.database.db;
  const tags = ['accounts'];
  const rp = (req: FastifyRequest) => relyingParty(ctx.config, req);
  const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] ?? null });

  app.get('/api/auth/webauthn/credentials', { schema: { tags, summary: 'My security keys (WebAuthn)', response: { 200: z.object({ items: z.array(ZSecurityKey) }) } } }, async (req) =>
    listSecurityKeys(db, requireActor(req)));

  app.post('/api/auth/webauthn/registration/options', { schema: { tags, summary: 'Start adding a security key: options for navigator.credentials.create()', response: { 200: ZRegistrationOptions } } }, async (req) =>
    registrationOptions(db, requireActor(req), rp(req)));

  app.post('/api/auth/webauthn/registration', { schema: { tags, summary: 'Finish adding a security key with the browser\'s attestation (checked against the stored challenge, origin and RP ID)', body: ZRegisterSecurityKey, response: { 200: ZSecurityKey } } }, async (req) =>
    registerSecurityKey(db, requireActor(req), rp(req), { name: req.body.name, response: req.body.response as RegistrationResponseJSON }, requestLang(req), auditActor(req)));

  app.post('/api/auth/webauthn/credentials/:id/remove', { schema: { tags, summary: 'Remove one of my security keys (needs the password or a current code; refused for the last second factor the policy requires)', params: z.object({ id: z.uuid() }), body: ZRemoveSecurityKey, response: { 200: ZOk } } }, async (req) =>
    removeSecurityKey(db, deps.ring, requireActor(req), req.params.id, req.body, requestLang(req), auditActor(req)));

  app.post('/api/auth/sign-in/webauthn/options', { schema: { tags, summary: 'Second step of a sign-in with a security key: options for navigator.credentials.get()', body: ZWebauthnSignInOptions, response: { 200: ZAuthenticationOptions } } }, async (req) =>
    webauthnSignInOptions(db, rp(req), { ...req.body, ...meta(req) }));

  app.post('/api/auth/sign-in/webauthn', { schema: { tags, summary: 'Complete a sign-in with the security key\'s assertion', body: ZWebauthnSignIn, response: { 200: ZSignedIn } } }, async (req, reply) =>
    deps.signedIn(reply, await completeWebauthnSignIn(db, rp(req), { challengeId: req.body.challengeId, response: req.body.response as AuthenticationResponseJSON, ...meta(req) }, deps.policy)) as Promise<z.infer<typeof ZSignedIn>>);
}
