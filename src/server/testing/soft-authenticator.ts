// A software WebAuthn authenticator for tests: P-256 keys from node:crypto, and attestation ('none')
// and assertion responses built by hand per WebAuthn Level 3 §6.1 (authenticator data), §6.5.4
// (attestation object), §5.8.1 (client data) and RFC 9053 (COSE EC2 key). No browser involved: the
// server's checks are exercised byte for byte, including the ways a response can be wrong.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

type Cbor = number | string | Uint8Array | Cbor[] | Map<Cbor, Cbor> | { [k: string]: Cbor };

function cborHead(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  if (n < 0x10000) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}

/** A small CBOR encoder (RFC 8949): integers, byte and text strings, arrays, maps; enough for WebAuthn. */
export function cbor(v: Cbor): Buffer {
  if (typeof v === 'number') return v >= 0 ? cborHead(0, v) : cborHead(1, -1 - v);
  if (typeof v === 'string') {
    const bytes = Buffer.from(v, 'utf8');
    return Buffer.concat([cborHead(3, bytes.length), bytes]);
  }
  if (v instanceof Uint8Array) return Buffer.concat([cborHead(2, v.length), v]);
  if (Array.isArray(v)) return Buffer.concat([cborHead(4, v.length), ...v.map(cbor)]);
  const entries = v instanceof Map ? [...v.entries()] : Object.entries(v);
  return Buffer.concat([cborHead(5, entries.length), ...entries.flatMap(([k, val]) => [cbor(k), cbor(val)])]);
}

const b64url = (b: Uint8Array) => Buffer.from(b).toString('base64url');
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest();

// Authenticator data flags (WebAuthn §6.1).
export const FLAG_UP = 0x01;
export const FLAG_UV = 0x04;
export const FLAG_AT = 0x40;

interface Held {
  id: Buffer;
  privateKey: KeyObject;
  cose: Buffer;
  counter: number;
  userHandle: string | null;
}

export interface Overrides {
  origin?: string;
  rpId?: string;
  /** Sign with this counter instead of the next one (a cloned key, a replay). */
  counter?: number;
  /** Answer with this credential, whatever the options allow. */
  credentialId?: string;
  flags?: number;
  type?: string;
  challenge?: string;
}

export class SoftAuthenticator {
  private readonly held = new Map<string, Held>();
  constructor(readonly origin: string, readonly rpId: string) {}

  /** The credential ids this authenticator holds (base64url). */
  get credentialIds(): string[] {
    return [...this.held.keys()];
  }

  setCounter(credentialId: string, counter: number) {
    this.held.get(credentialId)!.counter = counter;
  }

  private clientData(type: string, challenge: string, o: Overrides): Buffer {
    return Buffer.from(JSON.stringify({ type: o.type ?? type, challenge: o.challenge ?? challenge, origin: o.origin ?? this.origin, crossOrigin: false }));
  }

  private authData(flags: number, counter: number, o: Overrides, attested?: Buffer): Buffer {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    return Buffer.concat([sha256(o.rpId ?? this.rpId), Buffer.from([o.flags ?? flags]), c, ...(attested ? [attested] : [])]);
  }

  /** navigator.credentials.create(): a new P-256 key, attestation format 'none'. */
  create(options: { challenge: string; user: { id: string } }, o: Overrides = {}) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    // COSE_Key: kty 2 (EC2), alg -7 (ES256), crv 1 (P-256), x, y.
    const cose = cbor(new Map<Cbor, Cbor>([[1, 2], [3, -7], [-1, 1], [-2, Buffer.from(jwk.x!, 'base64url')], [-3, Buffer.from(jwk.y!, 'base64url')]]));
    const id = randomBytes(32);
    const counter = o.counter ?? 0;
    const len = Buffer.alloc(2);
    len.writeUInt16BE(id.length);
    const attested = Buffer.concat([Buffer.alloc(16) /* AAGUID: none */, len, id, cose]);
    const authData = this.authData(FLAG_UP | FLAG_UV | FLAG_AT, counter, o, attested);
    this.held.set(b64url(id), { id, privateKey, cose, counter, userHandle: options.user.id });
    return {
      id: b64url(id),
      rawId: b64url(id),
      type: 'public-key' as const,
      clientExtensionResults: {},
      authenticatorAttachment: 'cross-platform' as const,
      response: {
        clientDataJSON: b64url(this.clientData('webauthn.create', options.challenge, o)),
        attestationObject: b64url(cbor({ fmt: 'none', attStmt: {}, authData })),
        transports: ['usb' as const],
      },
    };
  }

  /** navigator.credentials.get(): an ES256 signature over authenticatorData ‖ SHA-256(clientDataJSON). */
  get(options: { challenge: string; allowCredentials?: { id: string }[] }, o: Overrides = {}) {
    const id = o.credentialId ?? options.allowCredentials?.map((c) => c.id).find((c) => this.held.has(c)) ?? this.credentialIds[0];
    const key = id ? this.held.get(id) : undefined;
    if (!key) throw new Error('soft authenticator: no matching credential');
    const counter = o.counter ?? key.counter + 1;
    key.counter = Math.max(key.counter, counter);
    const authenticatorData = this.authData(FLAG_UP | FLAG_UV, counter, o);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, o);
    const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(clientDataJSON)]), { key: key.privateKey, dsaEncoding: 'der' });
    return {
      id: b64url(key.id),
      rawId: b64url(key.id),
      type: 'public-key' as const,
      clientExtensionResults: {},
      authenticatorAttachment: 'cross-platform' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authenticatorData),
        signature: b64url(signature),
        ...(key.userHandle ? { userHandle: key.userHandle } : {}),
      },
    };
  }
}
