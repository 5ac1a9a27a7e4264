import { createHash, generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addSm4Key,
  CryptoConfigError,
  formatSm4KeyRing,
  generateSm2KeyPair,
  generateSm4KeyHex,
  loadSmKeys,
  parseSm4KeyRing,
  sm2PublicKeyFingerprint,
  sm2PublicKeyFromPrivate,
  sm2Sign,
  sm2Verify,
  sm3Hex,
  Sm4DecryptError,
  sm4Decrypt,
  sm4Encrypt,
  sm4KeyIdOf,
  sm4NeedsReencrypt,
  sm4Reencrypt,
} from './sm.js';

// ---- an independent, slow, test-only GB/T 32918.2 verifier (BigInt), to prove that what Node
// produces is a real SM2 signature and not ECDSA-with-SM3 on the SM2 curve.
const P = 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn;
const A = P - 3n;
const B = 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n;
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;
const G: Pt = [
  0x32c4ae2c1f1981195f9904466a39c9948fe30bbff2660be1715a4589334c74c7n,
  0xbc3736a2f4f6779c59bdcee36b692153d0a9877cc62a474002df32e52139f0a0n,
];
type Pt = [bigint, bigint] | null;
const mod = (x: bigint, m: bigint) => ((x % m) + m) % m;
function inv(x: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [mod(x, m), m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return mod(s0, m);
}
function add(p: Pt, q: Pt): Pt {
  if (!p) return q;
  if (!q) return p;
  if (p[0] === q[0] && mod(p[1] + q[1], P) === 0n) return null;
  const l =
    p[0] === q[0] ? mod((3n * p[0] * p[0] + A) * inv(2n * p[1], P), P) : mod((q[1] - p[1]) * inv(q[0] - p[0], P), P);
  const x = mod(l * l - p[0] - q[0], P);
  return [x, mod(l * (p[0] - x) - p[1], P)];
}
function mul(k: bigint, p: Pt): Pt {
  let r: Pt = null;
  for (; k > 0n; k >>= 1n, p = add(p, p)) if (k & 1n) r = add(r, p);
  return r;
}
const be32 = (v: bigint) => Buffer.from(v.toString(16).padStart(64, '0'), 'hex');
const big = (b: Buffer) => BigInt('0x' + b.toString('hex'));
function pointOf(publicKeyPem: string): [bigint, bigint] {
  const b64 = publicKeyPem.replace(/-----[^-]+-----|\s/g, '');
  const der = Buffer.from(b64, 'base64');
  const q = der.subarray(der.length - 64);
  return [big(q.subarray(0, 32)), big(q.subarray(32))];
}
function derRS(sig: Buffer): [bigint, bigint] {
  let i = 2;
  const rl = sig[i + 1]!;
  const r = big(sig.subarray(i + 2, i + 2 + rl));
  i += 2 + rl;
  const sl = sig[i + 1]!;
  return [r, big(sig.subarray(i + 2, i + 2 + sl))];
}
function referenceSm2Verify(msg: Buffer, sig: Buffer, pub: [bigint, bigint], userId: string): boolean {
  const id = Buffer.from(userId);
  const entl = Buffer.from([(id.length * 8) >> 8, (id.length * 8) & 0xff]);
  const z = createHash('sm3')
    .update(Buffer.concat([entl, id, ...[A, B, G![0], G![1], pub[0], pub[1]].map(be32)]))
    .digest();
  const e = big(createHash('sm3').update(Buffer.concat([z, msg])).digest());
  const [r, s] = derRS(sig);
  const t = mod(r + s, N);
  const x = add(mul(s, G), mul(t, pub));
  return x !== null && mod(e + x[0], N) === r;
}

describe('SM3', () => {
  it('matches the GB/T 32905 test vector for "abc"', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
  it('matches the 512-bit "abcd"×16 test vector', () => {
    expect(sm3Hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
  it('hashes strings as UTF-8, same as bytes', () => {
    expect(sm3Hex('国合基地')).toBe(sm3Hex(Buffer.from('国合基地', 'utf8')));
  });
});

describe('SM4 key ring', () => {
  const k1 = '00112233445566778899aabbccddeeff';
  const k2 = 'ffeeddccbbaa99887766554433221100';

  it('round-trips Chinese text', () => {
    const ring = parseSm4KeyRing(`key1:${k1}`);
    const token = sm4Encrypt('身份证号 110101199003071234', ring);
    expect(token).toMatch(/^v1:key1:[0-9a-f]{32}:[0-9a-f]+$/);
    expect(sm4Decrypt(token, ring)).toBe('身份证号 110101199003071234');
    expect(sm4Encrypt('', ring)).not.toBe(sm4Encrypt('', ring)); // random IV
    expect(sm4Decrypt(sm4Encrypt('', ring), ring)).toBe('');
  });

  it('rotates: v1 values stay readable after adding v2, and re-encryption moves them to v2', () => {
    const ring1 = parseSm4KeyRing(`v1:${k1}`);
    const old = sm4Encrypt('联系人手机 13800138000', ring1);
    expect(sm4KeyIdOf(old)).toBe('v1');

    const ring2 = addSm4Key(ring1, 'v2', k2);
    expect(ring2.activeKeyId).toBe('v2');
    expect(sm4Decrypt(old, ring2)).toBe('联系人手机 13800138000');
    expect(sm4NeedsReencrypt(old, ring2)).toBe(true);

    const fresh = sm4Reencrypt(old, ring2);
    expect(sm4KeyIdOf(fresh)).toBe('v2');
    expect(sm4Decrypt(fresh, ring2)).toBe('联系人手机 13800138000');
    expect(sm4Reencrypt(fresh, ring2)).toBe(fresh);
    expect(sm4KeyIdOf(sm4Encrypt('x', ring2))).toBe('v2');

    // The env format round-trips with the active key last; after dropping v1 old values fail loudly.
    expect(formatSm4KeyRing(ring2)).toBe(`v1:${k1},v2:${k2}`);
    expect(parseSm4KeyRing(formatSm4KeyRing(ring2)).activeKeyId).toBe('v2');
    const onlyV2 = parseSm4KeyRing(`v2:${k2}`);
    expect(sm4Decrypt(fresh, onlyV2)).toBe('联系人手机 13800138000');
    expect(() => sm4Decrypt(old, onlyV2)).toThrow(/not in the key ring/);
  });

  it('detects tampering, wrong associated data and wrong keys', () => {
    const ring = parseSm4KeyRing(`a:${k1}`);
    const token = sm4Encrypt('secret', ring, 'experts.id_number#42');
    expect(sm4Decrypt(token, ring, 'experts.id_number#42')).toBe('secret');
    expect(() => sm4Decrypt(token, ring, 'experts.id_number#43')).toThrow(Sm4DecryptError);
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === '0' ? '1' : '0') + s.slice(i + 1);
    const ivAt = token.indexOf(':', 3) + 1;
    expect(() => sm4Decrypt(flip(token, ivAt), ring, 'experts.id_number#42')).toThrow(Sm4DecryptError);
    expect(() => sm4Decrypt(flip(token, token.length - 1), ring, 'experts.id_number#42')).toThrow(Sm4DecryptError);
    expect(() => sm4Decrypt(flip(token, token.length - 70), ring, 'experts.id_number#42')).toThrow(Sm4DecryptError);
    const sameIdOtherKey = parseSm4KeyRing(`a:${k2}`);
    expect(() => sm4Decrypt(token, sameIdOtherKey, 'experts.id_number#42')).toThrow(Sm4DecryptError);
    expect(() => sm4Decrypt('v1:a:zz:00', ring)).toThrow(Sm4DecryptError);
    expect(() => sm4Decrypt('plain text', ring)).toThrow(Sm4DecryptError);
  });

  it('rejects bad key ring specs', () => {
    expect(() => parseSm4KeyRing('')).toThrow(CryptoConfigError);
    expect(() => parseSm4KeyRing('k1:0011')).toThrow(/32 hex/);
    expect(() => parseSm4KeyRing(`bad id:${k1}`)).toThrow(/key id/);
    expect(() => parseSm4KeyRing(`a:${k1},a:${k2}`)).toThrow(/twice/);
    expect(generateSm4KeyHex()).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('SM2', () => {
  const pair = generateSm2KeyPair();

  it('signs and verifies; detects tampered data, signature and key', () => {
    const data = '{"docNumber":"国科外字〔2026〕12号"}';
    const sig = sm2Sign(data, pair.privateKeyPem);
    expect(sm2Verify(data, sig, pair.publicKeyPem)).toBe(true);
    expect(sm2Verify(Buffer.from(data, 'utf8'), sig, pair.publicKeyPem)).toBe(true);
    expect(sm2Verify(data.replace('12', '13'), sig, pair.publicKeyPem)).toBe(false);
    const raw = Buffer.from(sig, 'base64');
    raw[raw.length - 1]! ^= 1;
    expect(sm2Verify(data, raw.toString('base64'), pair.publicKeyPem)).toBe(false);
    expect(sm2Verify(data, 'not base64!', pair.publicKeyPem)).toBe(false);
    expect(sm2Verify(data, '', pair.publicKeyPem)).toBe(false);
    expect(sm2Verify(data, sig, generateSm2KeyPair().publicKeyPem)).toBe(false);
  });

  it('produces GB/T 32918.2 signatures (checked by an independent verifier; empty signer ID)', () => {
    const msg = Buffer.from('国家国际科技合作基地', 'utf8');
    const sig = Buffer.from(sm2Sign(msg, pair.privateKeyPem), 'base64');
    const pub = pointOf(pair.publicKeyPem);
    expect(referenceSm2Verify(msg, sig, pub, '')).toBe(true);
    // OpenSSL 3.0 does not use GM/T 0009's default ID; documented in sm.ts.
    expect(referenceSm2Verify(msg, sig, pub, '1234567812345678')).toBe(false);
  });

  it('refuses non-SM2 keys instead of silently making ECDSA signatures', () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = p256.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => sm2Sign('x', pem)).toThrow(CryptoConfigError);
    expect(() => sm2Sign('x', 'garbage')).toThrow(CryptoConfigError);
    // What the wrapper avoids: a KeyObject straight from generateKeyPairSync gives ECDSA-with-SM3.
    const raw = generateKeyPairSync('ec', { namedCurve: 'SM2' });
    const msg = Buffer.from('x');
    const ecdsa = nodeSign('sm3', msg, raw.privateKey);
    const rawPub = raw.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(referenceSm2Verify(msg, ecdsa, pointOf(rawPub), '')).toBe(false);
  });

  it('derives the public key and a stable fingerprint; accepts "\\n"-escaped PEM', () => {
    expect(sm2PublicKeyFromPrivate(pair.privateKeyPem)).toBe(pair.publicKeyPem);
    const oneLine = pair.privateKeyPem.trim().replace(/\n/g, '\\n');
    expect(sm2Verify('x', sm2Sign('x', oneLine), pair.publicKeyPem)).toBe(true);
    const fp = sm2PublicKeyFingerprint(pair.publicKeyPem);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(sm2PublicKeyFingerprint(pair.publicKeyPem)).toBe(fp);
  });
});

describe('loadSmKeys', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'guohe-keys-'));
    dirs.push(d);
    return d;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('reads keys from the environment', () => {
    const pair = generateSm2KeyPair();
    const keys = loadSmKeys({
      dataDir: tmp(),
      env: {
        NODE_ENV: 'production',
        GUOHE_SM2_PRIVATE_KEY: pair.privateKeyPem.trim().replace(/\n/g, '\\n'),
        GUOHE_SM4_KEYS: `old:${'1'.repeat(32)}, new:${'2'.repeat(32)}`,
      },
    });
    expect(keys.source).toEqual({ sm2: 'env', sm4: 'env' });
    expect(keys.sm2.publicKeyPem).toBe(pair.publicKeyPem);
    expect(keys.sm4.activeKeyId).toBe('new');
    expect([...keys.sm4.keys.keys()]).toEqual(['old', 'new']);
  });

  it('generates and persists development keys under the data dir, and reuses them', () => {
    const dir = tmp();
    const a = loadSmKeys({ dataDir: dir, env: {} });
    expect(a.source).toEqual({ sm2: 'dev-file', sm4: 'dev-file' });
    expect(fs.existsSync(path.join(dir, 'keys', 'sm2-private.pem'))).toBe(true);
    expect(fs.statSync(path.join(dir, 'keys', 'sm2-private.pem')).mode & 0o077).toBe(0);
    const b = loadSmKeys({ dataDir: dir, env: {} });
    expect(b.sm2).toEqual(a.sm2);
    expect(formatSm4KeyRing(b.sm4)).toBe(formatSm4KeyRing(a.sm4));
    const token = sm4Encrypt('x', a.sm4);
    expect(sm4Decrypt(token, b.sm4)).toBe('x');
    expect(sm2Verify('x', sm2Sign('x', a.sm2.privateKeyPem), b.sm2.publicKeyPem)).toBe(true);
  });

  it('refuses the fallback in production', () => {
    const dir = tmp();
    expect(() => loadSmKeys({ dataDir: dir, env: { NODE_ENV: 'production' } })).toThrow(/GUOHE_SM2_PRIVATE_KEY/);
    expect(() =>
      loadSmKeys({ dataDir: dir, env: { NODE_ENV: 'production', GUOHE_SM2_PRIVATE_KEY: generateSm2KeyPair().privateKeyPem } }),
    ).toThrow(/GUOHE_SM4_KEYS/);
    expect(fs.existsSync(path.join(dir, 'keys'))).toBe(false);
  });
});
