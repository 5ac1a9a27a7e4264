import { z } from 'zod';
import { ZMe } from '../../contracts/auth.js';

/** Schemas of the identification/authentication API (issue 8); the web app may import them. */

export const ZRestriction = z.enum(['mfa_enrolment_required', 'password_expired']).nullable();

/** A signed-in user; `restriction` says what must be fixed before anything else works. */
export const ZSignedIn = ZMe.extend({ restriction: ZRestriction });

export const ZMfaChallenge = z.object({
  mfaRequired: z.literal(true),
  challengeId: z.uuid(),
  /** totp: a code from the app or a recovery code; webauthn: one of the account's security keys. */
  methods: z.array(z.enum(['totp', 'webauthn'])),
});

export const ZSignInAnswer = z.union([ZMfaChallenge, ZSignedIn]);

export const ZMfaSignIn = z.object({
  challengeId: z.uuid(),
  /** Six digits from the authenticator app, or a recovery code (XXXX-XXXX-XXXX). */
  code: z.string().trim().min(6).max(20),
});

export const ZCode = z.object({ code: z.string().trim().min(6).max(20) });

export const ZMfaStatus = z.object({
  totpEnabled: z.boolean(),
  totpEnabledAt: z.string().nullable(),
  enrolmentPending: z.boolean(),
  recoveryCodesLeft: z.number().int(),
  /** Registered security keys (WebAuthn); one of them satisfies the requirement like TOTP does. */
  securityKeys: z.number().int(),
  required: z.boolean(),
});

export const ZTotpEnrolment = z.object({ otpauthUri: z.string() });
export const ZRecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

export const ZChangePassword = z.object({
  current: z.string().min(1).max(200),
  next: z.string().min(1).max(200),
});

export const ZPasswordPolicy = z.object({
  minLength: z.number().int(),
  minClasses: z.number().int(),
  history: z.number().int(),
  maxAgeDaysOfficials: z.number().int(),
});

export const ZSessionInfo = z.object({
  id: z.uuid(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  current: z.boolean(),
});

export const ZSignInEvent = z.object({
  at: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  ok: z.boolean(),
  reason: z.string().nullable(),
});

export const ZContact = z.object({
  email: z.email().max(200).nullable(),
  phone: z.string().regex(/^1\d{10}$/).nullable(),
});

/** PIPL art. 45: a copy of my personal data. */
export const ZMyData = z.object({
  exportedAt: z.string(),
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    locale: z.string(),
    status: z.string(),
    createdAt: z.string(),
    passwordChangedAt: z.string(),
    totpEnabled: z.boolean(),
  }),
  organization: z.object({ id: z.uuid(), nameZh: z.string(), nameEn: z.string(), kind: z.string() }),
  roles: z.array(z.object({ role: z.string(), grantedAt: z.string() })),
  securityKeys: z.array(z.object({ name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })),
  sessions: z.array(ZSessionInfo.omit({ current: true }).extend({ revokedAt: z.string().nullable() })),
  signIns: z.array(ZSignInEvent),
  drafts: z.array(z.object({ key: z.string(), data: z.unknown(), updatedAt: z.string() })),
  notifications: z.array(z.object({ kind: z.string(), params: z.unknown(), link: z.string().nullable(), readAt: z.string().nullable(), createdAt: z.string() })),
  auditTrail: z.array(z.object({ at: z.string(), action: z.string(), entityType: z.string(), entityId: z.string().nullable(), ip: z.string().nullable() })),
});
