/**
 * Chinese commercial cryptography (商用密码) wrappers over Node's own OpenSSL 3 build:
 * SM3 (GB/T 32905), SM4 (GB/T 32907) and SM2 signatures (GB/T 32918.2). No extra package.
 *
 * Key configuration (environment; see loadSmKeys):
 *
 *   GUOHE_SM2_PRIVATE_KEY  The SM2 signing key as a PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----").
 *                          Real newlines or literal "\n" sequences are both accepted, so the PEM can
 *                          sit on one line in an env file. Generate one with
 *                          `openssl genpkey -algorithm SM2 -out sm2.pem`.
 *                          The public key is derived from it; it is not configured separately.
 *
 *   GUOHE_SM4_KEYS         The SM4 key ring: comma-separated `<keyId>:<32 hex digits>` entries, e.g.
 *                          `2025a:00112233445566778899aabbccddeeff,2026a:ffeeddccbbaa99887766554433221100`.
 *                          keyId: 1–32 of [A-Za-z0-9_-]. Every entry can decrypt; the LAST entry is the
 *                          active key that encrypts. Rotation = append a new entry (keep the old ones
 *                          until a re-encryption pass with sm4Reencrypt has run), then drop old ones.
 *                          Generate a key with `openssl rand -hex 16`.
 *
 * Without these variables, and only outside production (NODE_ENV !== 'production', or when
 * allowDevFallback is passed explicitly), keys are generated once and persisted under
 * `<dataDir>/keys/` (sm2-private.pem, sm4-keys.txt; mode 0600). Those files belong to one machine:
 * in a multi-instance deployment every instance must get the same keys from the environment.
 *
 * SM2 notes (verified on Node 20.20 / OpenSSL 3.0.19):
 *  - A KeyObject that comes straight from generateKeyPairSync('ec', { namedCurve: 'SM2' }) is an
 *    OpenSSL "EC" key and crypto.sign('sm3', …) then produces ECDSA-with-SM3, NOT an SM2 signature.
 *    A key re-imported from PEM is an OpenSSL "SM2" key and gives a true GB/T 32918.2 signature.
 *    That is why every function here takes and returns PEM strings and re-imports them.
 *  - OpenSSL 3.0 computes Z_A with an EMPTY signer ID (ENTL = 0), not GM/T 0009's default
 *    "1234567812345678"; Node has no way to set it. Third-party verifiers (GmSSL, sm-crypto, BouncyCastle)
 *    must be told to use the empty ID. The tests check this with an independent BigInt verifier.
 *
 * SM4 ciphertext format: `v1:<keyId>:<ivHex>:<cipherHex>` where cipherHex is the SM4-CBC (PKCS#7)
 * ciphertext followed by a 32-byte HMAC-SM3 tag (encrypt-then-MAC; Node's OpenSSL 3.0 has no SM4-GCM).
 * The tag covers `v1:<keyId>:<ivHex>:`, the ciphertext and the optional associated data (e.g. the
 * table/column/row the value belongs to), so values cannot be altered or moved between rows unnoticed.
 * Encryption and MAC keys are derived from the configured key with HMAC-SM3 and distinct labels.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign as nodeSign,
  timingSafeEqual,
  verify as nodeVerify,
  type KeyObject,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// ---------------------------------------------------------------------------------------------
// SM3

/** SM3 digest as 64 lowercase hex digits. Strings are hashed as UTF-8. */
export function sm3Hex(data: string | Uint8Array): string {
  return createHash('sm3').update(data).digest('hex');
}

/** HMAC-SM3 (raw bytes). */
export function hmacSm3(key: string | Uint8Array, data: string | Uint8Array): Buffer {
  return createHmac('sm3', key).update(data).digest();
}

// ---------------------------------------------------------------------------------------------
// SM4 key ring

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const FORMAT_VERSION = 'v1';
const TAG_BYTES = 32;
const IV_BYTES = 16;

export interface Sm4KeyRing {
  /** The key id new values are encrypted with. */
  readonly activeKeyId: string;
  /** All keys that can decrypt, by id: 16-byte SM4 keys. */
  readonly keys: ReadonlyMap<string, Buffer>;
}

export class CryptoConfigError extends Error {
  override name = 'CryptoConfigError';
}

export class Sm4DecryptError extends Error {
  override name = 'Sm4DecryptError';
}

/** A fresh random SM4 key as 32 hex digits. */
export function generateSm4KeyHex(): string {
  return randomBytes(16).toString('hex');
}

function parseKeyHex(keyId: string, hex: string): Buffer {
  if (!KEY_ID.test(keyId)) throw new CryptoConfigError(`SM4 key id "${keyId}" must be 1–32 of [A-Za-z0-9_-]`);
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new CryptoConfigError(`SM4 key "${keyId}" must be 32 hex digits (16 bytes)`);
  return Buffer.from(hex, 'hex');
}

/** Parses the GUOHE_SM4_KEYS format (see the file comment). The last entry is active. */
export function parseSm4KeyRing(spec: string): Sm4KeyRing {
  const entries = spec
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'));
  if (entries.length === 0) throw new CryptoConfigError('SM4 key ring is empty');
  const keys = new Map<string, Buffer>();
  let activeKeyId = '';
  for (const entry of entries) {
    const i = entry.indexOf(':');
    if (i < 0) throw new CryptoConfigError('SM4 key ring entries must look like <keyId>:<32 hex digits>');
    const keyId = entry.slice(0, i).trim();
    if (keys.has(keyId)) throw new CryptoConfigError(`SM4 key id "${keyId}" appears twice`);
    keys.set(keyId, parseKeyHex(keyId, entry.slice(i + 1).trim()));
    activeKeyId = keyId;
  }
  return { activeKeyId, keys };
}

/** The inverse of parseSm4KeyRing (active key last). */
export function formatSm4KeyRing(ring: Sm4KeyRing): string {
  const active = ring.keys.get(ring.activeKeyId);
  if (!active) throw new CryptoConfigError(`active SM4 key "${ring.activeKeyId}" is not in the ring`);
  const rest = [...ring.keys].filter(([id]) => id !== ring.activeKeyId);
  return [...rest, [ring.activeKeyId, active] as const].map(([id, k]) => `${id}:${k.toString('hex')}`).join(',');
}

/** A new ring with one more key; by default the new key becomes the active one (rotation). */
export function addSm4Key(ring: Sm4KeyRing, keyId: string, keyHex: string, options: { activate?: boolean } = {}): Sm4KeyRing {
  if (ring.keys.has(keyId)) throw new CryptoConfigError(`SM4 key id "${keyId}" already exists`);
  const keys = new Map(ring.keys);
  keys.set(keyId, parseKeyHex(keyId, keyHex));
  return { activeKeyId: options.activate === false ? ring.activeKeyId : keyId, keys };
}

function subkeys(key: Buffer): { enc: Buffer; mac: Buffer } {
  return {
    enc: hmacSm3(key, 'guohe/sm4-cbc/enc/v1').subarray(0, 16),
    mac: hmacSm3(key, 'guohe/sm4-cbc/mac/v1'),
  };
}

function tagOf(macKey: Buffer, header: string, ciphertext: Buffer, aad: string): Buffer {
  const aadBytes = Buffer.from(aad, 'utf8');
  const aadLen = Buffer.alloc(4);
  aadLen.writeUInt32BE(aadBytes.length);
  return createHmac('sm3', macKey).update(header).update(ciphertext).update(aadLen).update(aadBytes).digest();
}

/**
 * Encrypts a string with the ring's active key: `v1:<keyId>:<ivHex>:<cipherHex>`.
 * `aad` (associated data, not stored) must be given again, identically, to decrypt.
 */
export function sm4Encrypt(plaintext: string, ring: Sm4KeyRing, aad = ''): string {
  const key = ring.keys.get(ring.activeKeyId);
  if (!key) throw new CryptoConfigError(`active SM4 key "${ring.activeKeyId}" is not in the ring`);
  const { enc, mac } = subkeys(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('sm4-cbc', enc, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const header = `${FORMAT_VERSION}:${ring.activeKeyId}:${iv.toString('hex')}:`;
  const tag = tagOf(mac, header, ciphertext, aad);
  return header + Buffer.concat([ciphertext, tag]).toString('hex');
}

interface ParsedToken {
  keyId: string;
  header: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

function parseToken(token: string): ParsedToken {
  const parts = token.split(':');
  if (parts.length !== 4 || parts[0] !== FORMAT_VERSION) throw new Sm4DecryptError('not a v1 SM4 ciphertext');
  const [, keyId = '', ivHex = '', body = ''] = parts;
  if (!KEY_ID.test(keyId) || !/^[0-9a-f]{32}$/.test(ivHex) || !/^(?:[0-9a-f]{32})+$/.test(body)) {
    throw new Sm4DecryptError('malformed SM4 ciphertext');
  }
  const bytes = Buffer.from(body, 'hex');
  if (bytes.length < 16 + TAG_BYTES) throw new Sm4DecryptError('malformed SM4 ciphertext');
  return {
    keyId,
    header: `${FORMAT_VERSION}:${keyId}:${ivHex}:`,
    iv: Buffer.from(ivHex, 'hex'),
    ciphertext: bytes.subarray(0, bytes.length - TAG_BYTES),
    tag: bytes.subarray(bytes.length - TAG_BYTES),
  };
}

/** The key id a ciphertext was made with (throws on malformed input). */
export function sm4KeyIdOf(token: string): string {
  return parseToken(token).keyId;
}

/** True when the ciphertext was not made with the active key (i.e. a rotation pass should rewrite it). */
export function sm4NeedsReencrypt(token: string, ring: Sm4KeyRing): boolean {
  return sm4KeyIdOf(token) !== ring.activeKeyId;
}

/** Decrypts a value made with any key still in the ring. Throws Sm4DecryptError on any failure. */
export function sm4Decrypt(token: string, ring: Sm4KeyRing, aad = ''): string {
  const t = parseToken(token);
  const key = ring.keys.get(t.keyId);
  if (!key) throw new Sm4DecryptError(`SM4 key "${t.keyId}" is not in the key ring`);
  const { enc, mac } = subkeys(key);
  const expected = tagOf(mac, t.header, t.ciphertext, aad);
  if (!timingSafeEqual(expected, t.tag)) throw new Sm4DecryptError('SM4 ciphertext failed authentication');
  try {
    const decipher = createDecipheriv('sm4-cbc', enc, t.iv);
    return Buffer.concat([decipher.update(t.ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new Sm4DecryptError('SM4 decryption failed');
  }
}

/** Re-encrypts with the active key if needed; returns the token unchanged when it already uses it. */
export function sm4Reencrypt(token: string, ring: Sm4KeyRing, aad = ''): string {
  if (!sm4NeedsReencrypt(token, ring)) return token;
  return sm4Encrypt(sm4Decrypt(token, ring, aad), ring, aad);
}

// ---------------------------------------------------------------------------------------------
// SM2

export interface Sm2KeyPair {
  /** PKCS#8 PEM. */
  privateKeyPem: string;
  /** SubjectPublicKeyInfo PEM. */
  publicKeyPem: string;
}

/** DER prefix of an SM2 SubjectPublicKeyInfo: id-ecPublicKey + curve sm2p256v1 (1.2.156.10197.1.301). */
const SM2_SPKI_PREFIX = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d03420004', 'hex');

function normalisePem(pem: string): string {
  return pem.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem;
}

function assertSm2(publicKey: KeyObject): void {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  // OpenSSL loads a PEM on the SM2 curve as its own "SM2" key type, which Node reports as undefined;
  // an 'ec' type here would mean ECDSA semantics (see the file comment).
  if (publicKey.asymmetricKeyType !== undefined || der.length !== 91 || !der.subarray(0, SM2_SPKI_PREFIX.length).equals(SM2_SPKI_PREFIX)) {
    throw new CryptoConfigError('not an SM2 key (expected a PEM key on curve sm2p256v1)');
  }
}

function importPrivate(privateKeyPem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(normalisePem(privateKeyPem));
  } catch {
    throw new CryptoConfigError('SM2 private key is not a readable PEM');
  }
  assertSm2(createPublicKey(key));
  return key;
}

function importPublic(publicKeyPem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(normalisePem(publicKeyPem));
  } catch {
    throw new CryptoConfigError('SM2 public key is not a readable PEM');
  }
  assertSm2(key);
  return key;
}

/** A new SM2 key pair as PEM strings. */
export function generateSm2KeyPair(): Sm2KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The public key (SPKI PEM) belonging to a private key PEM. */
export function sm2PublicKeyFromPrivate(privateKeyPem: string): string {
  return createPublicKey(importPrivate(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString();
}

/** SM2 signature (SM3 digest, empty signer ID) of data, as base64 of the DER SEQUENCE{r, s}. */
export function sm2Sign(data: string | Uint8Array, privateKeyPem: string): string {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return nodeSign('sm3', bytes, importPrivate(privateKeyPem)).toString('base64');
}

/**
 * Verifies an sm2Sign signature. Returns false for a wrong or malformed signature; throws
 * CryptoConfigError only when the public key itself is unusable.
 */
export function sm2Verify(data: string | Uint8Array, signatureB64: string, publicKeyPem: string): boolean {
  const key = importPublic(publicKeyPem);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signatureB64)) return false;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  try {
    return nodeVerify('sm3', bytes, key, Buffer.from(signatureB64, 'base64'));
  } catch {
    return false;
  }
}

/** Groups hex digits for display: "abcd ef01 …" (uppercase). */
export function groupHex(hex: string, group = 4, separator = ' '): string {
  return (hex.toUpperCase().match(new RegExp(`.{1,${group}}`, 'g')) ?? []).join(separator);
}

/** SM3 of the public key's DER SubjectPublicKeyInfo, 64 hex digits. */
export function sm2PublicKeyFingerprint(publicKeyPem: string): string {
  return sm3Hex(importPublic(publicKeyPem).export({ type: 'spki', format: 'der' }));
}

// ---------------------------------------------------------------------------------------------
// Loading keys

export interface SmKeys {
  sm2: Sm2KeyPair;
  sm4: Sm4KeyRing;
  /** Where the keys came from: the environment or the development files under dataDir/keys. */
  source: { sm2: 'env' | 'dev-file'; sm4: 'env' | 'dev-file' };
}

export interface LoadSmKeysOptions {
  /** Data directory for the development fallback (keys go to `<dataDir>/keys/`). */
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  /** Default: true unless env.NODE_ENV === 'production'. */
  allowDevFallback?: boolean;
}

/** Creates `file` with content from make() unless it exists; safe when two processes race. */
function readOrCreate(file: string, make: () => string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, make(), { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(tmp, file); // fails with EEXIST if another process won the race
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    fs.unlinkSync(tmp);
  }
  return fs.readFileSync(file, 'utf8');
}

/**
 * Loads the SM2 signing key and SM4 key ring from GUOHE_SM2_PRIVATE_KEY / GUOHE_SM4_KEYS, falling
 * back (outside production) to keys generated once under `<dataDir>/keys/`. No global state: call it
 * once at start-up and pass the result on.
 */
export function loadSmKeys(options: LoadSmKeysOptions): SmKeys {
  const env = options.env ?? process.env;
  const allowDev = options.allowDevFallback ?? env.NODE_ENV !== 'production';
  const keysDir = path.join(options.dataDir, 'keys');

  const need = (name: string) =>
    new CryptoConfigError(`${name} is not set; it is required when NODE_ENV=production (see src/server/platform/crypto/sm.ts)`);

  let sm2Source: 'env' | 'dev-file';
  let privateKeyPem: string;
  if (env.GUOHE_SM2_PRIVATE_KEY?.trim()) {
    privateKeyPem = normalisePem(env.GUOHE_SM2_PRIVATE_KEY.trim()) + '\n';
    sm2Source = 'env';
  } else if (allowDev) {
    privateKeyPem = readOrCreate(path.join(keysDir, 'sm2-private.pem'), () => generateSm2KeyPair().privateKeyPem);
    sm2Source = 'dev-file';
  } else {
    throw need('GUOHE_SM2_PRIVATE_KEY');
  }
  const publicKeyPem = sm2PublicKeyFromPrivate(privateKeyPem);

  let sm4Source: 'env' | 'dev-file';
  let sm4: Sm4KeyRing;
  if (env.GUOHE_SM4_KEYS?.trim()) {
    sm4 = parseSm4KeyRing(env.GUOHE_SM4_KEYS);
    sm4Source = 'env';
  } else if (allowDev) {
    sm4 = parseSm4KeyRing(readOrCreate(path.join(keysDir, 'sm4-keys.txt'), () => `dev1:${generateSm4KeyHex()}\n`));
    sm4Source = 'dev-file';
  } else {
    throw need('GUOHE_SM4_KEYS');
  }

  return { sm2: { privateKeyPem, publicKeyPem }, sm4, source: { sm2: sm2Source, sm4: sm4Source } };
}
