import type { Config } from '../platform/config.js';
import { TOTP_ISSUER } from './totp.js';

/** The WebAuthn relying party a request is answered for. */
export interface RelyingParty {
  id: string;
  name: string;
  /** Origins a browser may have signed for (clientDataJSON.origin must be one of them). */
  origins: string[];
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * RP ID and origins come from configuration (GUOHE_WEBAUTHN_RP_ID, GUOHE_WEBAUTHN_ORIGINS). Without
 * it, a request to a loopback host (development, tests) uses that host, and any other request the
 * public base URL: never the Host header of a remote request, which the client chooses.
 */
export function relyingParty(
  config: Pick<Config, 'webauthnRpId' | 'webauthnOrigins' | 'publicBaseUrl'>,
  req: { protocol: string; host: string; hostname: string },
): RelyingParty {
  const base = new URL(config.publicBaseUrl);
  if (config.webauthnRpId) {
    return { id: config.webauthnRpId, name: TOTP_ISSUER, origins: config.webauthnOrigins ?? [base.origin] };
  }
  if (LOOPBACK.has(req.hostname)) {
    return { id: req.hostname.replace(/^\[|\]$/g, ''), name: TOTP_ISSUER, origins: config.webauthnOrigins ?? [new URL(`${req.protocol}://${req.host}`).origin] };
  }
  return { id: base.hostname, name: TOTP_ISSUER, origins: config.webauthnOrigins ?? [base.origin] };
}
