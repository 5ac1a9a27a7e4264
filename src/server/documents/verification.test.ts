import { describe, expect, it } from 'vitest';
import { generateSm2KeyPair, sm2PublicKeyFingerprint, sm2Verify } from '../platform/crypto/sm.js';
import {
  canonicalJson,
  CanonicalJsonError,
  checkVerificationCode,
  makeVerificationCode,
  normalizeVerificationCode,
  sealDocument,
  signatureFingerprint,
  signedPayloadOf,
  verificationPath,
  verifySeal,
} from './verification.js';

const secret = 'test-verification-secret-0123456789';
const doc = { docNumber: '国科外字〔2026〕12号', bases: [{ nameZh: '中德先进制造国际联合研究中心', order: 1 }], ok: true, none: null };

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', { z: 0, y: false }], c: undefined } })).toBe('{"a":{"d":[1,"x",{"y":false,"z":0}]},"b":1}');
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
    expect(canonicalJson('国合\u2028"')).toBe(JSON.stringify('国合\u2028"'));
  });
  it('rejects what is not JSON data', () => {
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
    expect(() => canonicalJson([undefined])).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ b: 1n })).toThrow(CanonicalJsonError);
    const cyc: Record<string, unknown> = {};
    cyc.self = cyc;
    expect(() => canonicalJson(cyc)).toThrow(/cycle/);
    const shared = { a: 1 };
    expect(canonicalJson({ x: shared, y: shared })).toBe('{"x":{"a":1},"y":{"a":1}}'); // repeats are not cycles
  });
});

describe('verification codes', () => {
  it('are 16 Crockford base32 characters in four groups, deterministic and content-bound', () => {
    const code = makeVerificationCode(doc, secret);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(makeVerificationCode(JSON.parse(JSON.stringify(doc)), secret)).toBe(code);
    expect(makeVerificationCode({ ...doc, docNumber: '国科外字〔2026〕13号' }, secret)).not.toBe(code);
    expect(makeVerificationCode(doc, `${secret}x`)).not.toBe(code);
    expect(() => makeVerificationCode(doc, 'short')).toThrow(/16 bytes/);
    expect(verificationPath(code)).toBe(`/verify/${code}`);
  });

  it('accept what people type', () => {
    const code = makeVerificationCode(doc, secret);
    expect(normalizeVerificationCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normalizeVerificationCode('0000-1111-AAAA-ZZZZ'.replace(/0/g, 'o').replace(/1/g, 'l'))).toBe('0000-1111-AAAA-ZZZZ');
    expect(normalizeVerificationCode('ABCD-EFGH-JKMN-PQRU')).toBeNull(); // U is not in the alphabet
    expect(normalizeVerificationCode('ABCD')).toBeNull();
    expect(checkVerificationCode(doc, secret, code.toLowerCase())).toBe(true);
    expect(checkVerificationCode(doc, secret, 'ABCD-EFGH-JKMN-PQRS')).toBe(false);
    expect(checkVerificationCode(doc, secret, 'garbage')).toBe(false);
  });
});

describe('document seals (SM2 over the canonical payload)', () => {
  const keys = { ...generateSm2KeyPair(), secret };

  it('round-trip', () => {
    const seal = sealDocument(doc, keys);
    expect(seal.algorithm).toBe('SM2-SM3');
    expect(seal.verificationCode).toBe(makeVerificationCode(doc, secret));
    expect(seal.verifyPath).toBe(`/verify/${seal.verificationCode}`);
    expect(seal.signatureFingerprint).toBe(signatureFingerprint(seal.signatureB64));
    expect(seal.publicKeyFingerprint).toBe(sm2PublicKeyFingerprint(keys.publicKeyPem));
    expect(sm2Verify(signedPayloadOf(doc, seal.verificationCode), seal.signatureB64, keys.publicKeyPem)).toBe(true);
    expect(verifySeal(doc, seal, keys)).toEqual({ ok: true, codeOk: true, signatureOk: true, keyOk: true });
    // A verifier with only the public key still checks the signature (which covers the code).
    expect(verifySeal(doc, seal, { publicKeyPem: keys.publicKeyPem }).ok).toBe(true);
  });

  it('detect tampering with the document, the code, the signature or the key', () => {
    const seal = sealDocument(doc, keys);
    const altered = { ...doc, bases: [{ nameZh: '中德先进制造国际联合研究中心（冒名）', order: 1 }] };
    expect(verifySeal(altered, seal, keys)).toMatchObject({ ok: false, codeOk: false, signatureOk: false });
    expect(verifySeal(altered, seal, { publicKeyPem: keys.publicKeyPem })).toMatchObject({ ok: false, signatureOk: false });

    const otherCode = { ...seal, verificationCode: makeVerificationCode(altered, secret) };
    expect(verifySeal(doc, otherCode, keys)).toMatchObject({ ok: false, codeOk: false, signatureOk: false });

    const sig = Buffer.from(seal.signatureB64, 'base64');
    sig[8]! ^= 0x40;
    expect(verifySeal(doc, { ...seal, signatureB64: sig.toString('base64') }, keys)).toMatchObject({ ok: false, signatureOk: false });

    const stranger = generateSm2KeyPair();
    expect(verifySeal(doc, seal, { ...keys, publicKeyPem: stranger.publicKeyPem })).toMatchObject({ ok: false, signatureOk: false, keyOk: false });
    const forged = sealDocument(doc, { ...stranger, secret });
    expect(verifySeal(doc, forged, keys)).toMatchObject({ ok: false, signatureOk: false, keyOk: false });
  });
});
