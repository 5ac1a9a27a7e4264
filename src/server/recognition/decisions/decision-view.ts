// Decisions as the API shows them, and their documents (PDF download within scope).
import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import { findType } from '../../../regulation/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { scopeWhere } from '../../platform/authz/scope-sql.js';
import { AppError } from '../../platform/http/errors.js';
import { bases } from '../../bases/tables.js';
import { requireNationalBody } from '../guards.js';
import { programmeOf } from '../programmes.js';
import { applicationScope } from '../scope.js';
import { applications, decisions, documents, objections, publicNotices } from '../tables.js';

type DecisionRow = typeof decisions.$inferSelect;

export const baseScopeCols = { orgId: bases.hostOrgId, recommenderId: bases.recommenderId, zoneId: bases.zoneId, regionCode: bases.regionCode };

async function view(db: Db, d: DecisionRow) {
  const programme = await programmeOf(db, d.programmeKey);
  const [notice] = await db.select().from(publicNotices).where(eq(publicNotices.decisionId, d.id));
  const objs = notice ? await db.select().from(objections).where(eq(objections.noticeId, notice.id)).orderBy(asc(objections.receivedAt)) : [];
  const docs = await db.select({ id: documents.id, kind: documents.kind, baseId: documents.baseId, verificationCode: documents.verificationCode, sm3: documents.sm3, createdAt: documents.createdAt })
    .from(documents).where(eq(documents.decisionId, d.id)).orderBy(asc(documents.createdAt));
  return {
    id: d.id, programmeKey: d.programmeKey, typeId: d.typeId, typeName: findType(programme, d.typeId)?.name ?? { zh: d.typeId, en: d.typeId },
    documentNumber: d.documentNumber, issuedOn: d.issuedOn, issuingBodies: d.issuingBodies, applicationIds: d.applicationIds, opinion: d.opinion,
    status: d.status as 'notice' | 'awaiting_cosign' | 'issued' | 'withdrawn', signatures: d.signatures,
    notice: notice ? {
      id: notice.id, startsOn: notice.startsOn, endsOn: notice.endsOn, workingDays: notice.workingDays, status: notice.status as 'open' | 'closed',
      objections: objs.map((o) => ({ id: o.id, applicationId: o.applicationId, text: o.text, contact: o.contact, status: o.status as 'open' | 'upheld' | 'dismissed', resolution: o.resolution, receivedAt: o.receivedAt.toISOString(), resolvedAt: o.resolvedAt?.toISOString() ?? null })),
    } : null,
    documents: docs.map((x) => ({ ...x, kind: x.kind as 'recognition' | 'plaque', createdAt: x.createdAt.toISOString() })),
    baseIds: docs.filter((x) => x.baseId).map((x) => x.baseId!),
    version: d.version,
  };
}

export async function listDecisions(db: Db, actor: Actor) {
  requireNationalBody(actor);
  const rows = await db.select().from(decisions).orderBy(desc(decisions.createdAt));
  return Promise.all(rows.map((r) => view(db, r)));
}

export async function getDecision(db: Db, actor: Actor, id: string) {
  requireNationalBody(actor);
  const [row] = await db.select().from(decisions).where(eq(decisions.id, id));
  if (!row) throw new AppError('not_found');
  return view(db, row);
}

/** A document's PDF: a plaque within the base's scope, a recognition document within the scope of one of its applications. */
export async function documentPdf(db: Db, actor: Actor, id: string) {
  const [doc] = await db.select().from(documents).where(eq(documents.id, id));
  if (!doc) throw new AppError('not_found');
  const [decision] = await db.select({ applicationIds: decisions.applicationIds }).from(decisions).where(eq(decisions.id, doc.decisionId));
  const viaBase = doc.baseId ? await db.select({ id: bases.id }).from(bases).where(and(eq(bases.id, doc.baseId), scopeWhere(actor, 'base', 'read', baseScopeCols))) : [];
  const viaApp = decision?.applicationIds.length
    ? await db.select({ id: applications.id }).from(applications).where(and(inArray(applications.id, decision.applicationIds), applicationScope(actor, 'read'))).limit(1)
    : [];
  if (!viaBase.length && !viaApp.length) throw new AppError('not_found');
  return doc;
}

/** Documents of a base (recognition and plaque), within the base's scope. */
export async function baseDocuments(db: Db, actor: Actor, baseId: string) {
  const [base] = await db.select({ id: bases.id, applicationId: bases.applicationId }).from(bases).where(and(eq(bases.id, baseId), scopeWhere(actor, 'base', 'read', baseScopeCols)));
  if (!base) throw new AppError('not_found');
  const plaque = await db.select({ decisionId: documents.decisionId }).from(documents).where(eq(documents.baseId, base.id));
  const decisionIds = [...new Set(plaque.map((p) => p.decisionId))];
  if (!decisionIds.length) return [];
  const rows = await db.select({ id: documents.id, kind: documents.kind, baseId: documents.baseId, verificationCode: documents.verificationCode, sm3: documents.sm3, createdAt: documents.createdAt })
    .from(documents).where(and(inArray(documents.decisionId, decisionIds), or(eq(documents.baseId, base.id), eq(documents.kind, 'recognition'))));
  return rows.map((x) => ({ ...x, kind: x.kind as 'recognition' | 'plaque', createdAt: x.createdAt.toISOString() }));
}
