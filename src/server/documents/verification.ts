/**
 * Verification of issued documents (认定文件, 证书): a human-typeable verification code bound to the
 * document's content, and an SM2 signature over a canonical payload. Pure functions: keys and
 * secrets are passed in (see loadSmKeys in platform/crypto/sm.ts for where they come from).
 *
 *   code      = Crockford-base32( first 80 bits of HMAC-SM3(secret, canonicalJson(document)) ),
 *               shown as XXXX-XXXX-XXXX-XXXX. The secret keeps codes unguessable from public data.
 *   payload   = canonicalJson({ v: 1, verificationCode: code, document })
 *   signature = SM2 over the UTF-8 payload (SM3 digest), base64 DER.
 *
 * The verification page (/verify/<code>) looks the stored document up by code and calls verifySeal.
 */
import { timingSafeEqual } from 'node:crypto';
import { hmacSm3, sm2PublicKeyFingerprint, sm2Sign, sm2Verify, sm3Hex } from '../platform/crypto/sm.js';

export class CanonicalJsonError extends Error {
  override name = 'CanonicalJsonError';
}

/**
 * Deterministic JSON: object keys sorted (UTF-16 code unit order, as RFC 8785), no whitespace,
 * numbers as ECMAScript prints them. Accepts only JSON data: plain objects, arrays, strings, finite
 * numbers, booleans, null. Object members whose value is undefined are left out (as JSON.stringify
 * does); anything else (Date, Map, bigint, NaN, undefined in arrays, cycles) is an error rather than
 * a silent conversion, so that what is signed is exactly what is stored.
 */
export function canonicalJson(value: unknown): string {
  const seen = new Set<object>();
  const walk = (v: unknown, at: string): string => {
    if (v === null) return 'null';
    switch (typeof v) {
      case 'string':
        return JSON.stringify(v);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'number':
        if (!Number.isFinite(v)) throw new CanonicalJsonError(`${at}: non-finite number`);
        return JSON.stringify(v);
      case 'object': {
        if (seen.has(v)) throw new CanonicalJsonError(`${at}: cycle`);
        seen.add(v);
        let out: string;
        if (Array.isArray(v)) {
          out = `[${v.map((x, i) => walk(x, `${at}[${i}]`)).join(',')}]`;
        } else {
          const proto = Object.getPrototypeOf(v);
          if (proto !== Object.prototype && proto !== null) throw new CanonicalJsonError(`${at}: not a plain object`);
          const rec = v as Record<string, unknown>;
          const keys = Object.keys(rec)
            .filter((k) => rec[k] !== undefined)
            .sort();
          out = `{${keys.map((k) => `${JSON.stringify(k)}:${walk(rec[k], `${at}.${k}`)}`).join(',')}}`;
        }
        seen.delete(v);
        return out;
      }
      default:
        throw new CanonicalJsonError(`${at}: ${typeof v} is not JSON data`);
    }
  };
  return walk(value, '$');
}

// Crockford base32: no I, L, O, U; readers may type O for 0 and I/L for 1.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base32(bytes: Uint8Array, chars: number): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += ALPHABET[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  return out;
}

function group(code16: string): string {
  return `${code16.slice(0, 4)}-${code16.slice(4, 8)}-${code16.slice(8, 12)}-${code16.slice(12, 16)}`;
}

/** The verification code of a document: 16 Crockford base32 characters as XXXX-XXXX-XXXX-XXXX. */
export function makeVerificationCode(document: unknown, secret: string | Uint8Array): string {
  if (secret.length < 16) throw new Error('verification secret must be at least 16 bytes');
  const mac = hmacSm3(secret, canonicalJson(document));
  return group(base32(mac.subarray(0, 10), 16));
}

/**
 * Normalises what a person typed or a URL carried (case, spaces, dashes, O→0, I/L→1) to the
 * canonical XXXX-XXXX-XXXX-XXXX form; null if it cannot be a code.
 */
export function normalizeVerificationCode(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== 16 || [...s].some((c) => !ALPHABET.includes(c))) return null;
  return group(s);
}

/** True when `code` (in any accepted spelling) is the code of `document` under `secret`. */
export function checkVerificationCode(document: unknown, secret: string | Uint8Array, code: string): boolean {
  const normal = normalizeVerificationCode(code);
  if (normal === null) return false;
  return timingSafeEqual(Buffer.from(makeVerificationCode(document, secret)), Buffer.from(normal));
}

/** The path of the public verification page for a code. */
export function verificationPath(code: string): string {
  return `/verify/${encodeURIComponent(code)}`;
}

/** The exact bytes that are signed: canonical JSON of { v: 1, verificationCode, document }. */
export function signedPayloadOf(document: unknown, verificationCode: string): string {
  return canonicalJson({ v: 1, verificationCode, document });
}

/** SM3 of the raw signature bytes, 64 hex digits (printed on documents as the signature fingerprint). */
export function signatureFingerprint(signatureB64: string): string {
  return sm3Hex(Buffer.from(signatureB64, 'base64'));
}

export interface DocumentSeal {
  algorithm: 'SM2-SM3';
  verificationCode: string;
  /** `/verify/<code>`; prefix it with the public base URL. */
  verifyPath: string;
  signatureB64: string;
  /** SM3 of the signature bytes (hex). */
  signatureFingerprint: string;
  /** SM3 of the signer's DER public key (hex). */
  publicKeyFingerprint: string;
}

export interface SealKeys {
  /** Secret for verification codes (≥ 16 bytes). */
  secret: string | Uint8Array;
  privateKeyPem: string;
  publicKeyPem: string;
}

/** Makes the verification code and the SM2 signature of a document. */
export function sealDocument(document: unknown, keys: SealKeys): DocumentSeal {
  const verificationCode = makeVerificationCode(document, keys.secret);
  const signatureB64 = sm2Sign(signedPayloadOf(document, verificationCode), keys.privateKeyPem);
  return {
    algorithm: 'SM2-SM3',
    verificationCode,
    verifyPath: verificationPath(verificationCode),
    signatureB64,
    signatureFingerprint: signatureFingerprint(signatureB64),
    publicKeyFingerprint: sm2PublicKeyFingerprint(keys.publicKeyPem),
  };
}

export interface SealCheck {
  ok: boolean;
  codeOk: boolean;
  signatureOk: boolean;
  /** The seal names the key that is checking it. */
  keyOk: boolean;
}

/**
 * Checks a stored seal against a stored document. `secret` may be omitted by a verifier that only
 * holds the public key; then the code is taken from the seal and only the signature is checked
 * (the signature covers the code, so the pair still cannot be forged).
 */
export function verifySeal(
  document: unknown,
  seal: Pick<DocumentSeal, 'verificationCode' | 'signatureB64' | 'publicKeyFingerprint'>,
  keys: { publicKeyPem: string; secret?: string | Uint8Array },
): SealCheck {
  const code = normalizeVerificationCode(seal.verificationCode);
  const codeOk = code !== null && (keys.secret === undefined || checkVerificationCode(document, keys.secret, code));
  const signatureOk = code !== null && sm2Verify(signedPayloadOf(document, code), seal.signatureB64, keys.publicKeyPem);
  const keyOk = sm2PublicKeyFingerprint(keys.publicKeyPem) === seal.publicKeyFingerprint.toLowerCase();
  return { ok: codeOk && signatureOk && keyOk, codeOk, signatureOk, keyOk };
}
