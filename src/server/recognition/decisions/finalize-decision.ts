// When the issuing step is complete for every application of a decision, the bases come into
// being: code, type, host, recommending department, fields, foreign partners, a 'recognized'
// event on the timeline, the recognition document and a plaque certificate per base.
import { and, eq, inArray, like } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { SmKeys } from '../../platform/crypto/sm.js';
import { bases, baseEvents } from '../../bases/tables.js';
import { organizations } from '../../organizations/tables.js';
import { applications, decisions, documents } from '../tables.js';
import { plaqueDocument, recognitionDocument, type RecognizedEntry } from './documents.js';
import { findType, type Programme } from '../../../regulation/index.js';
import { registerSigningKey } from '../../platform/crypto/signing-keys.js';

type DecisionRow = typeof decisions.$inferSelect;

const ABBR: Record<string, string> = { innovation_park: 'IIP', joint_research_center: 'JRC', tech_transfer_center: 'ITTC', demonstration_base: 'DB' };

async function nextCode(tx: Db, typeId: string, year: string): Promise<string> {
  const prefix = `GH-${year}-${ABBR[typeId] ?? 'X'}-`;
  const rows = await tx.select({ code: bases.code }).from(bases).where(like(bases.code, `${prefix}%`));
  const max = rows.reduce((m, r) => Math.max(m, Number(r.code.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(max + 1).padStart(4, '0')}`;
}

export async function finalizeDecision(tx: Db, keys: SmKeys, publicBaseUrl: string, decision: DecisionRow, programme: Programme, userId: string) {
  const apps = await tx.select().from(applications).where(inArray(applications.id, decision.applicationIds));
  const orgIds = [...new Set(apps.flatMap((a) => [a.applicantOrgId, a.filedByOrgId, a.recommenderId]).filter((x): x is string => !!x))];
  const orgs = new Map((await tx.select().from(organizations).where(inArray(organizations.id, orgIds))).map((o) => [o.id, o]));
  const type = findType(programme, decision.typeId)!;
  const issueStep = type.procedure.find((s) => s.kind === 'issueDocument')!;
  const entries: (RecognizedEntry & { baseId: string })[] = [];
  for (const a of apps) {
    const host = orgs.get(a.applicantOrgId)!;
    // The recommending department printed on the document: the recommender, or for an innovation
    // park the provincial government that applied (a5.p2.i2).
    const recommending = orgs.get(a.recommenderId ?? a.filedByOrgId)!;
    const code = await nextCode(tx, a.typeId, decision.issuedOn.slice(0, 4));
    const nameEn = a.titleEn || `${host.nameEn} ${type.name.en}`.trim();
    const [base] = await tx.insert(bases).values({
      code, programmeKey: a.programmeKey, typeId: a.typeId, nameZh: a.title, nameEn, hostOrgId: a.applicantOrgId,
      recommenderId: a.recommenderId ?? a.filedByOrgId, zoneId: a.zoneId, regionCode: a.regionCode, fields: a.fields,
      foreignPartners: a.foreignPartners, recognizedOn: decision.issuedOn, status: 'active', statusChangedOn: decision.issuedOn, applicationId: a.id,
    }).returning();
    await tx.insert(baseEvents).values({
      baseId: base!.id, kind: 'recognized', on: decision.issuedOn, clauses: issueStep.clauses, documentNumber: decision.documentNumber,
      note: decision.opinion, data: { decisionId: decision.id, applicationId: a.id }, actorUserId: userId,
    });
    entries.push({ baseId: base!.id, nameZh: a.title, nameEn, hostInstitution: host.nameZh, recommendingDepartment: recommending.nameZh, baseCode: code });
  }
  const rec = await recognitionDocument(keys, publicBaseUrl, decision.typeId, decision.documentNumber, decision.issuedOn, entries);
  // The signing key's public half is kept, so these documents verify after a key rotation.
  await registerSigningKey(tx, keys.sm2.publicKeyPem);
  await tx.insert(documents).values({
    kind: 'recognition', decisionId: decision.id, baseId: null, verificationCode: rec.seal.verificationCode, payload: rec.payload,
    signature: rec.seal.signatureB64, signatureFingerprint: rec.seal.signatureFingerprint, publicKeyFingerprint: rec.seal.publicKeyFingerprint, pdf: rec.pdf, sm3: rec.sm3,
  });
  for (const e of entries) {
    const plaque = await plaqueDocument(keys, publicBaseUrl, decision.typeId, e, decision.issuedOn);
    await tx.insert(documents).values({
      kind: 'plaque', decisionId: decision.id, baseId: e.baseId, verificationCode: plaque.seal.verificationCode, payload: plaque.payload,
      signature: plaque.seal.signatureB64, signatureFingerprint: plaque.seal.signatureFingerprint, publicKeyFingerprint: plaque.seal.publicKeyFingerprint, pdf: plaque.pdf, sm3: plaque.sm3,
    });
  }
  await tx.update(decisions).set({ status: 'issued', effectiveAt: new Date(), version: decision.version + 1 }).where(and(eq(decisions.id, decision.id), eq(decisions.version, decision.version)));
  return entries.map((e) => e.baseId);
}
