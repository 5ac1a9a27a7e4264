import { z } from 'zod';

/**
 * Schemas of the WebAuthn API (issue 8): the options the browser passes to navigator.credentials and
 * the answers it sends back, in the JSON form of WebAuthn Level 3 (binary fields as base64url).
 */

const b64url = (max: number) => z.string().max(max).regex(/^[A-Za-z0-9_-]*$/, 'base64url');
const ZTransport = z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']);
const ZDescriptor = z.object({ id: b64url(1400), type: z.literal('public-key'), transports: z.array(ZTransport).optional() });
const ZExtensions = z.record(z.string(), z.unknown());
/** The only extension the server asks for: credProps (whether a discoverable credential was made). */
const ZExtensionInputs = z.object({ credProps: z.boolean().optional() });

export const ZRegistrationOptions = z.object({
  rp: z.object({ id: z.string().optional(), name: z.string() }),
  user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
  challenge: z.string(),
  pubKeyCredParams: z.array(z.object({ type: z.literal('public-key'), alg: z.number().int() })),
  timeout: z.number().int().optional(),
  excludeCredentials: z.array(ZDescriptor).optional(),
  authenticatorSelection: z
    .object({
      authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
      requireResidentKey: z.boolean().optional(),
      residentKey: z.enum(['discouraged', 'preferred', 'required']).optional(),
      userVerification: z.enum(['discouraged', 'preferred', 'required']).optional(),
    })
    .optional(),
  hints: z.array(z.enum(['hybrid', 'security-key', 'client-device'])).optional(),
  attestation: z.enum(['direct', 'enterprise', 'indirect', 'none']).optional(),
  extensions: ZExtensionInputs.optional(),
});

export const ZAuthenticationOptions = z.object({
  challenge: z.string(),
  timeout: z.number().int().optional(),
  rpId: z.string().optional(),
  allowCredentials: z.array(ZDescriptor).optional(),
  userVerification: z.enum(['discouraged', 'preferred', 'required']).optional(),
  hints: z.array(z.enum(['hybrid', 'security-key', 'client-device'])).optional(),
  extensions: ZExtensionInputs.optional(),
});

const credentialBase = {
  id: b64url(1400).min(1),
  rawId: b64url(1400).min(1),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: ZExtensions,
  type: z.literal('public-key'),
};

/** What navigator.credentials.create() answered (attestation), as @simplewebauthn/browser sends it. */
export const ZRegistrationResponse = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: b64url(4000).min(1),
    attestationObject: b64url(20_000).min(1),
    authenticatorData: b64url(4000).optional(),
    transports: z.array(ZTransport).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: b64url(4000).optional(),
  }),
});

/** What navigator.credentials.get() answered (assertion). */
export const ZAuthenticationResponse = z.object({
  ...credentialBase,
  response: z.object({
    clientDataJSON: b64url(4000).min(1),
    authenticatorData: b64url(4000).min(1),
    signature: b64url(1000).min(1),
    userHandle: b64url(200).optional(),
  }),
});

export const ZRegisterSecurityKey = z.object({
  /** The user's name for the key, e.g. "USB key (office)". */
  name: z.string().trim().min(1).max(60),
  response: ZRegistrationResponse,
});

export const ZSecurityKey = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  /** singleDevice (a hardware key) or multiDevice (a synced passkey). */
  deviceType: z.string(),
  backedUp: z.boolean(),
  transports: z.array(z.string()),
});

/** Removing a key is proven again: the account password, or a current TOTP / recovery code. */
export const ZRemoveSecurityKey = z.object({
  password: z.string().min(1).max(200).optional(),
  code: z.string().trim().min(6).max(20).optional(),
});

export const ZWebauthnSignInOptions = z.object({ challengeId: z.uuid() });
export const ZWebauthnSignIn = z.object({ challengeId: z.uuid(), response: ZAuthenticationResponse });
