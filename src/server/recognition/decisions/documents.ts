// The recognition document (one per decision) and the plaque certificate (one per base), signed
// with the system's SM2 key and a verification code the public can check at /api/verify/:code.
import { BASE_TYPE_INFO, type BaseType } from '../../documents/base-types.js';
import { DocumentInputError, plaqueCertificatePayload, recognitionDocumentPayload, renderPlaqueCertificate, renderRecognitionDocument } from '../../documents/recognition-pdf.js';
import { sealDocument } from '../../documents/verification.js';
import { hmacSm3, sm3Hex, type SmKeys } from '../../platform/crypto/sm.js';
import { AppError } from '../../platform/http/errors.js';

/** Programme type id → the document module's base type. */
export const DOCUMENT_TYPE: Record<string, BaseType> = {
  innovation_park: 'international_innovation_park',
  joint_research_center: 'international_joint_research_center',
  tech_transfer_center: 'international_technology_transfer_center',
  demonstration_base: 'demonstration_base',
};

export function documentTypeOf(typeId: string): BaseType {
  const t = DOCUMENT_TYPE[typeId];
  if (!t) throw new AppError('validation_failed', { fields: [{ field: 'typeId', rule: 'unsupported', message: `no document template for ${typeId}` }] });
  return t;
}

export const issuingBodiesOf = (typeId: string) => [...BASE_TYPE_INFO[documentTypeOf(typeId)].issuingBodies];

/**
 * The secret behind verification codes. No separate key is configured, so it is derived from the
 * SM2 private key (HMAC-SM3 with a fixed label): secret like the key, stable across restarts and
 * instances that share the key, and codes are not computable from public data.
 */
export const verificationSecret = (keys: SmKeys) => hmacSm3(keys.sm2.privateKeyPem, 'guohe:document-verification-code').toString('hex');

function sealWith(keys: SmKeys, payload: unknown) {
  return sealDocument(payload, { secret: verificationSecret(keys), privateKeyPem: keys.sm2.privateKeyPem, publicKeyPem: keys.sm2.publicKeyPem });
}

function inputError(err: unknown): never {
  if (err instanceof DocumentInputError) throw new AppError('validation_failed', { fields: [{ field: 'document', rule: 'invalid', message: err.message }] });
  throw err;
}

export type RecognizedEntry = { nameZh: string; nameEn: string; hostInstitution: string; recommendingDepartment: string; baseCode: string };

export async function recognitionDocument(keys: SmKeys, publicBaseUrl: string, typeId: string, docNumber: string, issueDate: string, entries: RecognizedEntry[]) {
  try {
    const input = { baseType: documentTypeOf(typeId), docNumber, issueDate, bases: entries };
    const payload = recognitionDocumentPayload(input);
    const seal = sealWith(keys, payload);
    const pdf = await renderRecognitionDocument({ ...input, seal, publicBaseUrl });
    return { payload, seal, pdf, sm3: sm3Hex(pdf) };
  } catch (err) {
    return inputError(err);
  }
}

export async function plaqueDocument(keys: SmKeys, publicBaseUrl: string, typeId: string, entry: RecognizedEntry, issueDate: string) {
  try {
    const input = { baseType: documentTypeOf(typeId), nameZh: entry.nameZh, nameEn: entry.nameEn, hostInstitution: entry.hostInstitution, year: Number(issueDate.slice(0, 4)), baseCode: entry.baseCode, issueDate };
    const payload = plaqueCertificatePayload(input);
    const seal = sealWith(keys, payload);
    const pdf = await renderPlaqueCertificate({ ...input, seal, publicBaseUrl });
    return { payload, seal, pdf, sm3: sm3Hex(pdf) };
  } catch (err) {
    return inputError(err);
  }
}
