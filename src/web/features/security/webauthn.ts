import { WebAuthnError } from '@simplewebauthn/browser';

/** WebAuthn needs the browser's PublicKeyCredential; without it security keys are not offered at all. */
export function browserHasWebAuthn(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}

/** The browser's own refusal (user cancelled, timed out, key already registered): not an error of ours. */
export function isCeremonyAbort(e: unknown): boolean {
  return e instanceof WebAuthnError || (e instanceof Error && (e.name === 'NotAllowedError' || e.name === 'AbortError' || e.name === 'InvalidStateError'));
}
