// Meetings, trainings (a17.s1) and delegations run by the secretariat (a18.s2): member bases
// register, the secretariat records who attended; attendance then reaches each base's annual
// summary (contribution.ts). Materials are files kept like recognition attachments.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { registrationVerdict } from '../../regulation/alliance.js';
import type { ZAttendanceInput, ZEventInput, ZRegistrationInput } from '../../contracts/alliance.js';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.js';
import { AppError } from '../platform/http/errors.js';
import { today } from '../bases/clock.js';
import { bases } from '../bases/tables.js';
import { acceptFile, checkStoredDigest, type IncomingFile } from '../platform/files/accept-file.js';
import { memberBase } from './community.js';
import { requireMemberView, requireSecretariat, seesAll, memberBasesOf } from './scope.js';
import { allianceEvents, allianceMaterials, allianceRegistrations } from './tables.js';

export const MAX_MATERIAL_BYTES = 20 * 1024 * 1024;

// Correlated subqueries name the outer row explicitly: drizzle leaves columns unqualified here.
const outerId = sql.raw('"alliance_events"."id"');
const eventSummary = {
  e: allianceEvents,
  registered: sql<number>`(select coalesce(sum(${allianceRegistrations.participants}), 0)::int from ${allianceRegistrations} where ${allianceRegistrations.eventId} = ${outerId})`,
  attended: sql<number | null>`(select sum(${allianceRegistrations.attendees})::int from ${allianceRegistrations} where ${allianceRegistrations.eventId} = ${outerId} and ${allianceRegistrations.attended})`,
};
type EventRow = { e: typeof allianceEvents.$inferSelect; registered: number; attended: number | null };
const eventOut = ({ e, registered, attended }: EventRow) => ({
  id: e.id, kind: e.kind as 'meeting' | 'training' | 'delegation', titleZh: e.titleZh, titleEn: e.titleEn, descriptionZh: e.descriptionZh,
  startsOn: e.startsOn, endsOn: e.endsOn, place: e.place, country: e.country, capacity: e.capacity, registrationCloses: e.registrationCloses,
  status: e.status, version: e.version, registered, attended: e.status === 'held' ? (attended ?? 0) : null,
});

export async function listEvents(db: Db, actor: Actor, year?: number) {
  await requireMemberView(db, actor);
  const where = year ? sql`extract(year from ${allianceEvents.startsOn}) = ${year}` : undefined;
  return (await db.select(eventSummary).from(allianceEvents).where(where).orderBy(desc(allianceEvents.startsOn)).limit(500)).map(eventOut);
}

export async function eventDetail(db: Db, actor: Actor, id: string) {
  await requireMemberView(db, actor);
  const [row] = await db.select(eventSummary).from(allianceEvents).where(eq(allianceEvents.id, id));
  if (!row) throw new AppError('not_found');
  // The secretariat sees every registration; a member base sees its own (others' staff names stay private).
  const own = seesAll(actor) ? null : await memberBasesOf(db, actor);
  const regs = await db.select({ r: allianceRegistrations, baseCode: bases.code, baseNameZh: bases.nameZh }).from(allianceRegistrations)
    .innerJoin(bases, eq(bases.id, allianceRegistrations.baseId))
    .where(and(eq(allianceRegistrations.eventId, id), own ? (own.length ? inArray(allianceRegistrations.baseId, own) : sql`false`) : undefined))
    .orderBy(asc(bases.code));
  const materials = await db.select({ id: allianceMaterials.id, filename: allianceMaterials.filename, mime: allianceMaterials.mime, size: allianceMaterials.size, sm3: allianceMaterials.sm3, createdAt: allianceMaterials.createdAt })
    .from(allianceMaterials).where(eq(allianceMaterials.eventId, id)).orderBy(asc(allianceMaterials.createdAt));
  return {
    ...eventOut(row),
    registrations: regs.map(({ r, baseCode, baseNameZh }) => ({ id: r.id, baseId: r.baseId, baseCode, baseNameZh, participants: r.participants, names: r.names, registeredAt: r.registeredAt.toISOString(), attended: r.attended, attendees: r.attendees })),
    materials: materials.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
  };
}

export async function createEvent(db: Db, actor: Actor, who: AuditActor, input: z.infer<typeof ZEventInput>) {
  requireSecretariat(actor);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(allianceEvents).values({ ...input, createdBy: actor.userId }).returning({ id: allianceEvents.id });
    await recordAudit(tx, who, { action: 'alliance.event.create', entityType: 'alliance_event', entityId: row!.id, after: { ...input, clause: input.kind === 'training' ? 'a17.s1' : 'a18.s2' } });
    return row!.id;
  });
}

export async function register(db: Db, actor: Actor, who: AuditActor, eventId: string, input: z.infer<typeof ZRegistrationInput>) {
  await requireMemberView(db, actor);
  return db.transaction(async (tx) => {
    const [ev] = await tx.select().from(allianceEvents).where(eq(allianceEvents.id, eventId)).for('update');
    if (!ev) throw new AppError('not_found');
    const base = await memberBase(tx, actor, input.baseId);
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`coalesce(sum(${allianceRegistrations.participants}), 0)::int` }).from(allianceRegistrations).where(eq(allianceRegistrations.eventId, eventId));
    const v = registrationVerdict({ status: ev.status, registrationCloses: ev.registrationCloses, capacity: ev.capacity, registered: n }, today(), input.participants);
    if (!v.met) throw new AppError('rule_refused', { clause: v.clause, message: v.because, data: { code: 'invalid_state', ...(v.data ?? {}) } });
    const inserted = await tx.insert(allianceRegistrations).values({ eventId, baseId: base.id, participants: input.participants, names: input.names, registeredBy: actor.userId })
      .onConflictDoNothing().returning({ id: allianceRegistrations.id });
    if (!inserted.length) throw new AppError('duplicate', { message: { zh: '该基地已报名此活动', en: 'This base has already registered for the event' } });
    await recordAudit(tx, who, { action: 'alliance.event.register', entityType: 'alliance_event', entityId: eventId, scopeOrgId: base.recommenderId, after: { baseId: base.id, participants: input.participants } });
    return inserted[0]!.id;
  });
}

/** The secretariat records attendance (a18.s2); the event is then held and counts in reports (a17.s1). */
export async function recordAttendance(db: Db, actor: Actor, who: AuditActor, eventId: string, input: z.infer<typeof ZAttendanceInput>) {
  requireSecretariat(actor);
  await db.transaction(async (tx) => {
    const [ev] = await tx.select().from(allianceEvents).where(eq(allianceEvents.id, eventId)).for('update');
    if (!ev) throw new AppError('not_found');
    if (ev.version !== input.version) throw new AppError('conflict', { data: { version: ev.version } });
    if (ev.startsOn > today()) throw new AppError('rule_refused', { clause: 'a18.s2', message: { zh: '活动尚未开始，不能登记出勤', en: 'The event has not started; attendance cannot be recorded yet' }, data: { code: 'invalid_state' } });
    const regs = await tx.select({ id: allianceRegistrations.id }).from(allianceRegistrations).where(eq(allianceRegistrations.eventId, eventId));
    const known = new Set(regs.map((r) => r.id));
    const unknown = input.items.findIndex((i) => !known.has(i.registrationId));
    if (unknown >= 0) throw new AppError('validation_failed', { fields: [{ field: `items.${unknown}.registrationId`, rule: 'not_registered', message: 'not a registration of this event' }] });
    for (const i of input.items) {
      await tx.update(allianceRegistrations).set({ attended: i.attended, attendees: i.attended ? i.attendees : 0, recordedBy: actor.userId, recordedAt: new Date() }).where(eq(allianceRegistrations.id, i.registrationId));
    }
    await tx.update(allianceEvents).set({ status: 'held', version: ev.version + 1 }).where(eq(allianceEvents.id, eventId));
    await recordAudit(tx, who, { action: 'alliance.event.attendance', entityType: 'alliance_event', entityId: eventId, before: { status: ev.status }, after: { status: 'held', items: input.items, clause: 'a17.s1' } });
  });
}

export async function uploadMaterial(db: Db, actor: Actor, who: AuditActor, eventId: string, incoming: IncomingFile) {
  requireSecretariat(actor);
  const file = await acceptFile(incoming, MAX_MATERIAL_BYTES);
  const { filename, sm3 } = file;
  return db.transaction(async (tx) => {
    const [ev] = await tx.select({ id: allianceEvents.id }).from(allianceEvents).where(eq(allianceEvents.id, eventId));
    if (!ev) throw new AppError('not_found');
    const [row] = await tx.insert(allianceMaterials).values({ eventId, filename, mime: file.mime, size: file.size, sm3, content: file.content, uploadedBy: actor.userId })
      .returning({ id: allianceMaterials.id, filename: allianceMaterials.filename, mime: allianceMaterials.mime, size: allianceMaterials.size, sm3: allianceMaterials.sm3, createdAt: allianceMaterials.createdAt });
    await recordAudit(tx, who, { action: 'alliance.material.upload', entityType: 'alliance_material', entityId: row!.id, after: { eventId, filename, mime: file.mime, size: file.size, sm3 } });
    return { ...row!, createdAt: row!.createdAt.toISOString() };
  });
}

export async function downloadMaterial(db: Db, actor: Actor, id: string) {
  await requireMemberView(db, actor);
  const [m] = await db.select().from(allianceMaterials).where(eq(allianceMaterials.id, id));
  if (!m) throw new AppError('not_found');
  checkStoredDigest(m.content, m.sm3, { zh: '材料', en: 'Material' }, { materialId: id });
  return m;
}
