// 申报通知: the ministry opens calls per year with the types it opens and a deadline. A deadline
// given as a day ends at the last instant of that day in Beijing (dates.endOfBeijingDay); the
// programme version is the national one in force on the opening day (a23: judged by the measures
// in force when the call opened).
import { eq } from 'drizzle-orm';
import { beijingInstant, endOfBeijingDay, findType, NATIONAL_LINEAGE, programmeKey, programmeVersionAt, ZQuota } from '../../../regulation/index.js';
import type { CallInput } from '../../../contracts/recognition.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/http/errors.js';
import { requireMinistry } from '../guards.js';
import { allProgrammes, programmeOf } from '../programmes.js';
import { calls } from '../tables.js';
import { callView } from './call-view.js';

function invalid(field: string, message: string) {
  return new AppError('validation_failed', { fields: [{ field, rule: 'invalid', message }] });
}

function window(input: Partial<CallInput>, current?: { opensAt: Date; deadline: Date }) {
  const opensAt = input.opensAt ? new Date(input.opensAt) : input.opensOn ? beijingInstant(input.opensOn) : current?.opensAt;
  const deadline = input.deadlineAt ? new Date(input.deadlineAt) : input.deadlineOn ? endOfBeijingDay(input.deadlineOn) : current?.deadline;
  if (!opensAt) throw invalid('opensOn', 'opensOn or opensAt is required');
  if (!deadline) throw invalid('deadlineOn', 'deadlineOn or deadlineAt is required');
  if (deadline <= opensAt) throw invalid('deadlineOn', 'the deadline must follow the opening');
  return { opensAt, deadline };
}

async function checkedProgramme(db: Db, key: string | undefined, opensAt: Date, typeIds: string[]) {
  let programme;
  if (key) programme = await programmeOf(db, key);
  else {
    const found = programmeVersionAt(await allProgrammes(db), opensAt, NATIONAL_LINEAGE);
    if (!found) throw invalid('opensOn', 'no national measures in force on that day');
    programme = found;
  }
  for (const id of typeIds) if (!findType(programme, id)) throw invalid('typeIds', `unknown type ${id} in ${programmeKey(programme)}`);
  return programme;
}

function quotaOf(q: CallInput['quota']) {
  if (q === undefined || q === null) return null;
  const parsed = ZQuota.safeParse(q);
  if (!parsed.success) throw invalid('quota', 'perRecommenderKind must name organization kinds of the measures');
  return parsed.data;
}

export async function createCall(db: Db, actor: Actor, audit: AuditActor, input: CallInput) {
  requireMinistry(actor);
  const { opensAt, deadline } = window(input);
  const programme = await checkedProgramme(db, input.programmeKey, opensAt, input.typeIds);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(calls).values({
      year: input.year, programmeKey: programmeKey(programme), titleZh: input.titleZh, titleEn: input.titleEn ?? '',
      typeIds: input.typeIds, opensAt, deadline, quota: quotaOf(input.quota), status: 'draft', createdBy: actor.userId,
    }).returning();
    await recordAudit(tx, audit, { action: 'recognition.call.create', entityType: 'recognition_call', entityId: row!.id, after: row });
    return callView(row!, programme);
  });
}

/**
 * Once a call is open, units file against what it announced: the year, the types, the opening and
 * the measures stay fixed; the titles, the deadline (extended, or shortened as a correction) and
 * the quota may still change. A closed call is history and is not edited.
 */
function refuseFixedOnceOpen(cur: typeof calls.$inferSelect, input: Partial<CallInput>) {
  if (cur.status === 'closed') {
    throw new AppError('rule_refused', { message: { zh: '已结束受理的批次不能再修改', en: 'A closed call can no longer be edited' }, data: { status: cur.status } });
  }
  const sameTypes = !input.typeIds || (input.typeIds.length === cur.typeIds.length && input.typeIds.every((t) => cur.typeIds.includes(t)));
  const opens = input.opensAt ? new Date(input.opensAt) : input.opensOn ? beijingInstant(input.opensOn) : null;
  const changed = [
    ...(input.year !== undefined && input.year !== cur.year ? ['year'] : []),
    ...(sameTypes ? [] : ['typeIds']),
    ...(opens && opens.getTime() !== cur.opensAt.getTime() ? [input.opensAt ? 'opensAt' : 'opensOn'] : []),
    ...(input.programmeKey !== undefined && input.programmeKey !== cur.programmeKey ? ['programmeKey'] : []),
  ];
  if (changed.length) {
    throw new AppError('validation_failed', { fields: changed.map((field) => ({ field, rule: 'fixed_once_open', message: `${field} cannot change once the call is open` })) });
  }
}

export async function updateCall(db: Db, actor: Actor, audit: AuditActor, id: string, input: Partial<CallInput> & { version: number }) {
  requireMinistry(actor);
  return db.transaction(async (tx) => {
    const [cur] = await tx.select().from(calls).where(eq(calls.id, id)).for('update');
    if (!cur) throw new AppError('not_found');
    if (cur.version !== input.version) throw new AppError('conflict', { data: { currentVersion: cur.version } });
    if (cur.status !== 'draft') refuseFixedOnceOpen(cur, input);
    const { opensAt, deadline } = window(input, cur);
    const typeIds = input.typeIds ?? cur.typeIds;
    // Once open, the programme of a call is fixed: applications are already judged by it.
    const programme = await checkedProgramme(tx, cur.status === 'draft' ? input.programmeKey : cur.programmeKey, opensAt, typeIds);
    const [row] = await tx.update(calls).set({
      year: input.year ?? cur.year, titleZh: input.titleZh ?? cur.titleZh, titleEn: input.titleEn ?? cur.titleEn, typeIds,
      opensAt, deadline, quota: input.quota === undefined ? cur.quota : quotaOf(input.quota), programmeKey: programmeKey(programme),
      updatedAt: new Date(), version: cur.version + 1,
    }).where(eq(calls.id, id)).returning();
    await recordAudit(tx, audit, { action: 'recognition.call.update', entityType: 'recognition_call', entityId: id, before: cur, after: row });
    return callView(row!, programme);
  });
}

export async function setCallStatus(db: Db, actor: Actor, audit: AuditActor, id: string, version: number, status: 'open' | 'closed') {
  requireMinistry(actor);
  return db.transaction(async (tx) => {
    const [cur] = await tx.select().from(calls).where(eq(calls.id, id)).for('update');
    if (!cur) throw new AppError('not_found');
    if (cur.version !== version) throw new AppError('conflict', { data: { currentVersion: cur.version } });
    const [row] = await tx.update(calls).set({ status, updatedAt: new Date(), version: cur.version + 1 }).where(eq(calls.id, id)).returning();
    await recordAudit(tx, audit, { action: `recognition.call.${status}`, entityType: 'recognition_call', entityId: id, before: { status: cur.status }, after: { status } });
    return callView(row!, await programmeOf(tx, row!.programmeKey));
  });
}
