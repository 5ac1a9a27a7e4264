// 公示 of recognition results (a5.p2–a8.p2 as practised) on the public column, and objections
// filed from it. The recognition capability keeps the notice and the objection record; an
// objection filed here is received into portal_objections (anonymous filers have no actor that
// recognition's recordObjection accepts: it records objections as a national body), and a ministry
// officer forwards it — through recordObjection itself — into recognition's record.
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { beijingDateOf } from '../../regulation/index.js';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.js';
import { AppError } from '../platform/http/errors.js';
import { organizations } from '../organizations/tables.js';
import { applications, decisions, publicNotices } from '../recognition/tables.js';
import { recordObjection } from '../recognition/decisions/objections.js';
import { requireNationalBody } from '../recognition/guards.js';
import type { TransitionDeps } from '../recognition/transition.js';
import { portalObjections } from './tables.js';

export interface PublicityEntry { titleZh: string; titleEn: string; hostZh: string; hostEn: string }
export interface Publicity {
  noticeId: string; programmeKey: string; typeId: string; startsOn: string; endsOn: string; workingDays: number;
  /** Open for objections today (Beijing): the notice is open and its last day has not passed. */
  accepting: boolean;
  entries: PublicityEntry[];
}

/** Running notices with what they announce (public fields of the applications only). */
export async function openPublicity(db: Db, now = new Date()): Promise<Publicity[]> {
  const rows = await db.select({
    noticeId: publicNotices.id, startsOn: publicNotices.startsOn, endsOn: publicNotices.endsOn, workingDays: publicNotices.workingDays,
    programmeKey: decisions.programmeKey, typeId: decisions.typeId, applicationIds: decisions.applicationIds,
  }).from(publicNotices).innerJoin(decisions, eq(decisions.id, publicNotices.decisionId))
    .where(and(eq(publicNotices.status, 'open'), eq(decisions.status, 'notice'))).orderBy(desc(publicNotices.startsOn));
  const ids = rows.flatMap((r) => r.applicationIds);
  const apps = ids.length ? await db.select({ id: applications.id, titleZh: applications.title, titleEn: applications.titleEn, hostZh: organizations.nameZh, hostEn: organizations.nameEn })
    .from(applications).innerJoin(organizations, eq(organizations.id, applications.applicantOrgId)).where(inArray(applications.id, ids)) : [];
  const byId = new Map(apps.map(({ id, ...a }) => [id, a]));
  const today = beijingDateOf(now);
  return rows.map((r) => ({
    noticeId: r.noticeId, programmeKey: r.programmeKey, typeId: r.typeId, startsOn: r.startsOn, endsOn: r.endsOn, workingDays: r.workingDays,
    accepting: today >= r.startsOn && today <= r.endsOn,
    entries: r.applicationIds.map((id) => byId.get(id)).filter((a): a is PublicityEntry => !!a),
  }));
}

export interface ObjectionForm { entry: number | null; text: string; contact: string }

export function parseObjectionForm(body: Record<string, string>): ObjectionForm | null {
  const text = (body.text ?? '').trim();
  const contact = (body.contact ?? '').trim();
  const entryRaw = (body.entry ?? '').trim();
  const entry = entryRaw === '' ? null : Number(entryRaw);
  if (text.length < 10 || text.length > 5000 || contact.length < 2 || contact.length > 200) return null;
  if (entry !== null && (!Number.isInteger(entry) || entry < 0 || entry > 1000)) return null;
  return { entry, text, contact };
}

const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function newReceipt(): string {
  const bytes = randomBytes(10);
  return `GS-${[...bytes].map((b) => RECEIPT_ALPHABET[b % 32]).join('')}`;
}

/** Receive an objection against a running notice; returns the receipt, or null when the notice is not accepting. */
export async function fileObjection(db: Db, audit: AuditActor, noticeId: string, form: ObjectionForm, now = new Date()): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [n] = await tx.select({ id: publicNotices.id, status: publicNotices.status, startsOn: publicNotices.startsOn, endsOn: publicNotices.endsOn, applicationIds: decisions.applicationIds, decisionStatus: decisions.status })
      .from(publicNotices).innerJoin(decisions, eq(decisions.id, publicNotices.decisionId)).where(eq(publicNotices.id, noticeId));
    const today = beijingDateOf(now);
    if (!n || n.status !== 'open' || n.decisionStatus !== 'notice' || today < n.startsOn || today > n.endsOn) return null;
    const applicationId = form.entry === null ? null : n.applicationIds[form.entry] ?? null;
    if (form.entry !== null && !applicationId) return null;
    const receipt = newReceipt();
    const [row] = await tx.insert(portalObjections).values({ noticeId, applicationId, text: form.text, contact: form.contact, receipt }).returning({ id: portalObjections.id });
    // The contact stays out of the audit trail as well; the record keeps it for the ministry only.
    await recordAudit(tx, audit, { action: 'portal.objection.receive', entityType: 'portal_objection', entityId: row!.id, after: { noticeId, applicationId, receipt } });
    return receipt;
  });
}

export async function listPortalObjections(db: Db, actor: Actor) {
  requireNationalBody(actor);
  return db.select().from(portalObjections).orderBy(asc(portalObjections.status), desc(portalObjections.receivedAt)).limit(1000);
}

/**
 * A national body forwards a received objection into recognition's objection record, through
 * recognition's own use case (inside this transaction, so both records commit together).
 */
export async function forwardObjection(db: Db, deps: TransitionDeps, actor: Actor, id: string, now = new Date()) {
  requireNationalBody(actor);
  return db.transaction(async (tx) => {
    const [o] = await tx.select().from(portalObjections).where(eq(portalObjections.id, id)).for('update');
    if (!o) throw new AppError('not_found');
    if (o.status !== 'received') throw new AppError('conflict', { data: { status: o.status } });
    const [notice] = await tx.select({ decisionId: publicNotices.decisionId }).from(publicNotices).where(eq(publicNotices.id, o.noticeId));
    const recorded = await recordObjection(tx, deps, actor, notice!.decisionId, {
      text: `${o.text}\n（经国合基地专栏提交，回执 ${o.receipt}）`, contact: o.contact, applicationId: o.applicationId ?? undefined,
    });
    const [row] = await tx.update(portalObjections).set({ status: 'forwarded', recognitionObjectionId: recorded.id, forwardedBy: actor.userId, forwardedAt: now })
      .where(eq(portalObjections.id, id)).returning();
    return row!;
  });
}
