// Local programmes (a21.s1): an issuing body — a provincial S&T department or a State Council
// department — keeps its measures as data: drafts it edits, versions it publishes (immutable once
// published; a change is a new draft version that `replaces` its predecessor, a23), calls it opens
// under a published version, and the issuing step of its applications. Scope: an issuer sees and
// edits only its own programmes (another's id is simply not found); the ministry sees all.
// Nothing here names a province: who may do what follows from the actor's organization.
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { z, type ZodType } from 'zod';
import { addWorkingDays, beijingDateOf, beijingInstant, conditionKinds, endOfBeijingDay, findType, orgKinds, refuse, roles, stepKinds, valueAt, type Programme } from '../../regulation/index.js';
import type { LocalCallInput, ProgrammePreview, ProgrammeVersionOut } from '../../contracts/programmes.js';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import { recordAudit, type AuditActor } from '../platform/audit/audit.js';
import { canonicalJson } from '../platform/canonical-json.js';
import { sm3Hex } from '../platform/crypto/sm.js';
import { AppError } from '../platform/http/errors.js';
import { organizations } from '../organizations/tables.js';
import { bases } from '../bases/tables.js';
import { domainActorOf } from '../recognition/actor-map.js';
import { callView } from '../recognition/calls/call-view.js';
import { loadApplication, procedureFor } from '../recognition/load.js';
import { programmeOf } from '../recognition/programmes.js';
import { refusalError, ruleError } from '../recognition/refusal.js';
import { calls, programmes } from '../recognition/tables.js';
import { checkVersion, transition, type TransitionDeps } from '../recognition/transition.js';
import { checkedProgramme, issuesError } from './validation.js';
import { programmeDrafts } from './tables.js';

type Row = typeof programmeDrafts.$inferSelect;

/** The bodies that may issue local measures modelled on the national ones (a21.s1). */
const ISSUER_KINDS = ['provincial_st_department', 'state_council_department'] as const;

const isMinistry = (actor: Actor) => actor.roles.includes('ministry_officer');

/** The issuing body's domain kind, or 403: only officers of an issuing body edit programmes. */
function issuerKindOf(actor: Actor): string {
  const kind = domainActorOf(actor)?.orgKind;
  if (!kind || !(ISSUER_KINDS as readonly string[]).includes(kind) || !actor.roles.includes('recommender_officer')) throw new AppError('forbidden');
  return kind;
}

/** Read scope: the ministry sees every programme, an issuer its own, nobody else any. */
function visibleWhere(actor: Actor): SQL | undefined {
  if (isMinistry(actor)) return undefined;
  issuerKindOf(actor);
  return eq(programmeDrafts.ownerOrgId, actor.orgId);
}

async function loadRow(db: Db, actor: Actor, id: string, opts: { lock?: boolean; edit?: boolean } = {}): Promise<Row> {
  const where = opts.edit ? (issuerKindOf(actor), eq(programmeDrafts.ownerOrgId, actor.orgId)) : visibleWhere(actor);
  const q = db.select().from(programmeDrafts).where(and(eq(programmeDrafts.id, id), where));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found');
  return row;
}

async function view(db: Db, row: Row): Promise<ProgrammeVersionOut> {
  const [org] = await db.select({ id: organizations.id, nameZh: organizations.nameZh, nameEn: organizations.nameEn, kind: organizations.kind }).from(organizations).where(eq(organizations.id, row.ownerOrgId));
  const d = row.data as Partial<Programme>;
  return {
    id: row.id, ownerOrg: org!, lineage: row.lineage, label: row.label,
    title: d.document?.title ?? { zh: '', en: '' },
    status: row.status as 'draft' | 'published', publishedKey: row.publishedKey, publishedAt: row.publishedAt?.toISOString() ?? null,
    replaces: d.replaces ?? null, replacesId: row.replacesId, effectiveFrom: d.effectiveFrom ?? null,
    types: (d.types ?? []).map((t) => ({ id: t.id, name: t.name })),
    data: row.data as Record<string, unknown>, version: row.version, updatedAt: row.updatedAt.toISOString(),
  };
}

/** A lineage belongs to the body that first used it; national lineages are the ministry's. */
async function checkLineage(db: Db, actor: Actor, p: Programme) {
  const [other] = await db.select({ id: programmeDrafts.id }).from(programmeDrafts).where(and(eq(programmeDrafts.lineage, p.lineage)));
  const [inTable] = await db.select({ level: programmes.level }).from(programmes).where(eq(programmes.lineage, p.lineage)).limit(1);
  const [mine] = await db.select({ id: programmeDrafts.id }).from(programmeDrafts).where(and(eq(programmeDrafts.lineage, p.lineage), eq(programmeDrafts.ownerOrgId, actor.orgId))).limit(1);
  if ((other && !mine) || (inTable && inTable.level !== 'local') || (inTable && !mine)) {
    throw issuesError([{ path: 'lineage', rule: 'lineage_taken', message: { zh: `办法系列 ${p.lineage} 已被其他机关使用`, en: `lineage ${p.lineage} belongs to another body` } }]);
  }
}

async function checkLabelFree(db: Db, p: Programme, exceptId?: string) {
  const [dup] = await db.select({ id: programmeDrafts.id }).from(programmeDrafts).where(and(eq(programmeDrafts.lineage, p.lineage), eq(programmeDrafts.label, p.version)));
  if (dup && dup.id !== exceptId) throw issuesError([{ path: 'version', rule: 'version_taken', message: { zh: `版本 ${p.version} 已存在`, en: `version ${p.version} already exists` } }]);
}

/** The params an issuer fills in, as the editor renders them (input side: defaults are optional). */
const paramsSchema = (s: ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;

/** The library of condition and step kinds (a21.s1) for the editor of an issuing body or the ministry. */
export function programmeLibrary(actor: Actor) {
  if (!isMinistry(actor)) issuerKindOf(actor);
  return {
    conditionKinds: Object.values(conditionKinds).map((k) => ({ id: k.id, name: k.name, machineCheckable: k.machineCheckable, params: paramsSchema(k.params as ZodType) })),
    stepKinds: Object.values(stepKinds).map((k) => ({ id: k.id, name: k.name, mode: k.mode, params: paramsSchema(k.params as ZodType) })),
    orgKinds: [...orgKinds],
    roles: [...roles],
  };
}

export async function listProgrammes(db: Db, actor: Actor, q: { status?: 'draft' | 'published' | undefined }) {
  const where = [visibleWhere(actor), q.status ? eq(programmeDrafts.status, q.status) : undefined].filter((x): x is SQL => !!x);
  const rows = await db.select().from(programmeDrafts).where(and(...where)).orderBy(programmeDrafts.lineage, desc(programmeDrafts.createdAt));
  return Promise.all(rows.map((r) => view(db, r)));
}

export async function getProgramme(db: Db, actor: Actor, id: string) {
  return view(db, await loadRow(db, actor, id));
}

export async function createProgramme(db: Db, actor: Actor, audit: AuditActor, data: unknown) {
  const p = checkedProgramme(data, issuerKindOf(actor));
  return db.transaction(async (tx) => {
    await checkLineage(tx, actor, p);
    await checkLabelFree(tx, p);
    const [row] = await tx.insert(programmeDrafts).values({ ownerOrgId: actor.orgId, lineage: p.lineage, label: p.version, data: data as object, createdBy: actor.userId }).returning();
    await recordAudit(tx, audit, { action: 'programme.create', entityType: 'programme', entityId: row!.id, scopeOrgId: actor.orgId, after: { lineage: p.lineage, version: p.version } });
    return view(tx, row!);
  });
}

const publishedRefusal = (row: Row) => new AppError('conflict', {
  message: { zh: `已发布的版本（${row.publishedKey}）不能修改，请基于它新建版本`, en: `A published version (${row.publishedKey}) never changes; create a new version from it` },
  data: { code: 'programme_published', publishedKey: row.publishedKey },
});

export async function editProgramme(db: Db, actor: Actor, audit: AuditActor, id: string, input: { version: number; data: unknown }) {
  const kind = issuerKindOf(actor);
  return db.transaction(async (tx) => {
    const cur = await loadRow(tx, actor, id, { lock: true, edit: true });
    if (cur.status !== 'draft') throw publishedRefusal(cur);
    if (cur.version !== input.version) throw new AppError('conflict', { data: { currentVersion: cur.version } });
    const p = checkedProgramme(input.data, kind);
    if (p.lineage !== cur.lineage) throw issuesError([{ path: 'lineage', rule: 'fixed', message: { zh: '办法系列不可更改', en: 'the lineage of a programme does not change' } }]);
    await checkLabelFree(tx, p, cur.id);
    const [row] = await tx.update(programmeDrafts).set({ data: input.data as object, label: p.version, updatedAt: new Date(), version: cur.version + 1 }).where(eq(programmeDrafts.id, id)).returning();
    await recordAudit(tx, audit, { action: 'programme.edit', entityType: 'programme', entityId: id, scopeOrgId: actor.orgId, before: { version: cur.version }, after: { version: row!.version, label: p.version } });
    return view(tx, row!);
  });
}

/** Publish a draft: it becomes `lineage@version` in the programme table, where calls cite it. */
export async function publishProgramme(db: Db, actor: Actor, audit: AuditActor, id: string, version: number) {
  const kind = issuerKindOf(actor);
  return db.transaction(async (tx) => {
    const cur = await loadRow(tx, actor, id, { lock: true, edit: true });
    if (cur.status !== 'draft') throw publishedRefusal(cur);
    if (cur.version !== version) throw new AppError('conflict', { data: { currentVersion: cur.version } });
    const p = checkedProgramme(cur.data, kind);
    const key = `${p.lineage}@${p.version}`;
    const [taken] = await tx.select({ key: programmes.key }).from(programmes).where(eq(programmes.key, key));
    if (taken) throw new AppError('duplicate', { data: { key } });
    const data = JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
    await tx.insert(programmes).values({
      key, lineage: p.lineage, version: p.version, level: p.level, data,
      effectiveFrom: p.effectiveFrom, effectiveUntil: p.effectiveUntil, status: p.status, digest: sm3Hex(canonicalJson(data)),
    });
    // The predecessor's data stays as published; its record in the table notes it was superseded.
    if (p.replaces) {
      await tx.update(programmes).set({ status: 'superseded', ...(p.effectiveFrom ? { effectiveUntil: p.effectiveFrom } : {}) })
        .where(and(eq(programmes.key, p.replaces), eq(programmes.level, 'local'), eq(programmes.lineage, p.lineage)));
    }
    const now = new Date();
    const [row] = await tx.update(programmeDrafts).set({ status: 'published', publishedKey: key, publishedAt: now, updatedAt: now, version: cur.version + 1 }).where(eq(programmeDrafts.id, id)).returning();
    await recordAudit(tx, audit, { action: 'programme.publish', entityType: 'programme', entityId: id, scopeOrgId: actor.orgId, after: { key, digest: sm3Hex(canonicalJson(data)) } });
    return view(tx, row!);
  });
}

/** A new draft version from a published one (a23): same lineage, `replaces` the published key. */
export async function newVersion(db: Db, actor: Actor, audit: AuditActor, id: string, input: { label: string; effectiveFrom?: string | undefined; issuedOn?: string | undefined }) {
  const kind = issuerKindOf(actor);
  return db.transaction(async (tx) => {
    const cur = await loadRow(tx, actor, id, { lock: true, edit: true });
    if (cur.status !== 'published') throw new AppError('conflict', { message: { zh: '只能基于已发布的版本新建版本', en: 'A new version starts from a published one' }, data: { code: 'programme_not_published' } });
    const data = { ...(cur.data as Record<string, unknown>), version: input.label, replaces: cur.publishedKey, status: 'in_force',
      ...(input.effectiveFrom ? { effectiveFrom: input.effectiveFrom } : {}), ...(input.issuedOn ? { issuedOn: input.issuedOn } : {}) };
    const p = checkedProgramme(data, kind);
    await checkLabelFree(tx, p);
    const [row] = await tx.insert(programmeDrafts).values({ ownerOrgId: actor.orgId, lineage: cur.lineage, label: p.version, data, replacesId: cur.id, createdBy: actor.userId }).returning();
    await recordAudit(tx, audit, { action: 'programme.new_version', entityType: 'programme', entityId: row!.id, scopeOrgId: actor.orgId, after: { lineage: cur.lineage, version: p.version, replaces: cur.publishedKey } });
    return view(tx, row!);
  });
}

/** The application form and step bar the programme produces, as the editor previews them. */
export async function previewProgramme(db: Db, actor: Actor, id: string, noticeFrom?: string): Promise<ProgrammePreview> {
  const row = await loadRow(db, actor, id);
  const [org] = await db.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, row.ownerOrgId));
  const p = checkedProgramme(row.data, domainKindOfOrg(org?.kind));
  const from = noticeFrom ?? beijingDateOf(new Date());
  return {
    id: row.id, key: `${p.lineage}@${p.version}`, status: row.status as 'draft' | 'published',
    types: p.types.map((t) => {
      const order: string[] = [];
      for (const c of t.conditions) if (!order.includes(c.clauses[0]!)) order.push(c.clauses[0]!);
      return {
        id: t.id, name: t.name, definitionClause: t.definitionClause, procedureClause: t.procedureClause,
        sections: order.map((clause) => ({
          clause,
          conditions: t.conditions.filter((c) => c.clauses[0] === clause).map((c) => {
            const k = conditionKinds[c.kind];
            const params = k.params.parse(c.params ?? {}) as Record<string, unknown>;
            const doc = c.kind === 'holdsDocument' ? params as { kind: string; label?: { zh: string; en: string } } : null;
            return {
              kind: c.kind, kindName: k.name, clauses: c.clauses, machineCheckable: k.machineCheckable, params,
              ...(doc ? { upload: { kind: doc.kind, label: doc.label ?? { zh: doc.kind, en: doc.kind } } } : {}),
            };
          }),
        })),
        steps: t.procedure.map((s, index) => {
          const params = stepKinds[s.kind].params.parse(s.params ?? {}) as Record<string, unknown>;
          let notice;
          if (s.kind === 'publicNotice') {
            const workingDays = params.workingDays as number;
            const end = addWorkingDays(from, workingDays, s.clauses[0]);
            if (!end.ok) throw refusalError(refuse('calendar_year_missing', s.clauses[0]!, undefined, { year: end.year, step: s.id, typeId: t.id }));
            notice = { workingDays, from, endsOn: end.date };
          }
          return {
            index, id: s.id, kind: s.kind, name: stepKinds[s.kind].name, clauses: s.clauses,
            actor: { orgKinds: [...s.actor.orgKinds], role: s.actor.role, joint: s.actor.joint },
            deciding: s.deciding, phase: s.phase, deadlineBound: s.deadlineBound, params, ...(notice ? { notice } : {}),
          };
        }),
      };
    }),
    callRules: JSON.parse(JSON.stringify(p.callRules)) as Record<string, unknown>,
    consequences: JSON.parse(JSON.stringify(p.consequences)) as Record<string, unknown>,
  };
}

function domainKindOfOrg(kind: string | undefined): string {
  return kind === 'state_council_department' ? 'state_council_department' : kind === 'provincial_st_department' ? 'provincial_st_department' : (kind ?? '');
}

// --- Calls under a published version ------------------------------------------------------------

async function publishedOwned(db: Db, actor: Actor, id: string) {
  const row = await loadRow(db, actor, id, { edit: true });
  if (row.status !== 'published' || !row.publishedKey) throw new AppError('conflict', { message: { zh: '请先发布该版本，再据此发布申报通知', en: 'Publish this version before opening calls under it' }, data: { code: 'programme_not_published' } });
  return { row, programme: await programmeOf(db, row.publishedKey) };
}

/** The call's quota is the programme's, as in force on the opening day (zDated). */
export async function createLocalCall(db: Db, actor: Actor, audit: AuditActor, id: string, input: LocalCallInput) {
  const { row, programme } = await publishedOwned(db, actor, id);
  const opensAt = beijingInstant(input.opensOn);
  const deadline = endOfBeijingDay(input.deadlineOn);
  const bad = (field: string, message: string) => new AppError('validation_failed', { fields: [{ field, rule: 'invalid', message }] });
  if (deadline <= opensAt) throw bad('deadlineOn', 'the deadline must follow the opening');
  for (const t of input.typeIds) if (!findType(programme, t)) throw bad('typeIds', `unknown type ${t} in ${row.publishedKey}`);
  const quota = valueAt(programme.callRules.quota, input.opensOn) ?? null;
  return db.transaction(async (tx) => {
    const [c] = await tx.insert(calls).values({
      year: input.year, programmeKey: row.publishedKey!, titleZh: input.titleZh, titleEn: input.titleEn ?? '', typeIds: input.typeIds,
      opensAt, deadline, quota, status: 'draft', createdBy: actor.userId,
    }).returning();
    await recordAudit(tx, audit, { action: 'programme.call.create', entityType: 'recognition_call', entityId: c!.id, scopeOrgId: actor.orgId, after: c });
    return callView(c!, programme);
  });
}

async function ownedCall(db: Db, actor: Actor, callId: string, lock = false) {
  issuerKindOf(actor);
  const q = db.select().from(calls).where(eq(calls.id, callId));
  const [c] = lock ? await q.for('update') : await q;
  if (!c) throw new AppError('not_found');
  const [own] = await db.select({ id: programmeDrafts.id }).from(programmeDrafts).where(and(eq(programmeDrafts.publishedKey, c.programmeKey), eq(programmeDrafts.ownerOrgId, actor.orgId)));
  if (!own) throw new AppError('not_found');
  return c;
}

export async function listLocalCalls(db: Db, actor: Actor, id: string) {
  const row = await loadRow(db, actor, id);
  if (!row.publishedKey) return [];
  const programme = await programmeOf(db, row.publishedKey);
  const rows = await db.select().from(calls).where(eq(calls.programmeKey, row.publishedKey)).orderBy(desc(calls.opensAt));
  return rows.map((c) => callView(c, programme));
}

/**
 * Open (or close) a call. Opening checks that China's calendar covers the 公示 the call may lead
 * to: a notice opening on the deadline day must be computable, or the administrator is told which
 * year is missing (calendar_year_missing) instead of the system guessing later.
 */
export async function setLocalCallStatus(db: Db, actor: Actor, audit: AuditActor, callId: string, version: number, status: 'open' | 'closed') {
  return db.transaction(async (tx) => {
    const cur = await ownedCall(tx, actor, callId, true);
    if (cur.version !== version) throw new AppError('conflict', { data: { currentVersion: cur.version } });
    const programme = await programmeOf(tx, cur.programmeKey);
    if (status === 'open') {
      const from = beijingDateOf(cur.deadline);
      for (const t of cur.typeIds) {
        for (const s of findType(programme, t)?.procedure ?? []) {
          if (s.kind !== 'publicNotice') continue;
          const end = addWorkingDays(from, (s.params as { workingDays: number }).workingDays, s.clauses[0]);
          if (!end.ok) throw refusalError(refuse('calendar_year_missing', s.clauses[0]!, undefined, { year: end.year, step: s.id, typeId: t }));
        }
      }
    }
    const [row] = await tx.update(calls).set({ status, updatedAt: new Date(), version: cur.version + 1 }).where(eq(calls.id, callId)).returning();
    await recordAudit(tx, audit, { action: `programme.call.${status}`, entityType: 'recognition_call', entityId: callId, scopeOrgId: actor.orgId, before: { status: cur.status }, after: { status } });
    return callView(row!, programme);
  });
}

// --- The issuing step of a local programme ------------------------------------------------------

/**
 * The issuing body signs the recognition document at the issueDocument step: the step is approved
 * through the procedure machine (signed event, audit), and the base is recorded under the version
 * it was judged by, recommended by the issuer's own organization so that the province (and the
 * ministry) see it.
 */
export async function issueLocal(db: Db, deps: TransitionDeps, actor: Actor, applicationId: string, input: { version?: number | undefined; documentNumber: string; opinion: string }, now = new Date()) {
  issuerKindOf(actor);
  return db.transaction(async (tx) => {
    const app = await loadApplication(tx, actor, applicationId, 'read', { lock: true });
    checkVersion(app, input.version);
    const [own] = await tx.select({ id: programmeDrafts.id }).from(programmeDrafts).where(and(eq(programmeDrafts.publishedKey, app.programmeKey), eq(programmeDrafts.ownerOrgId, actor.orgId)));
    if (!own) throw new AppError('not_found');
    const { programme, type, machine } = await procedureFor(tx, app, actor);
    const step = type.procedure[app.stepIndex];
    if (step?.kind !== 'issueDocument') throw refusalError(refuse('out_of_turn', step?.clauses[0] ?? type.procedureClause, undefined, { currentStep: app.stepId }));
    const d = domainActorOf(actor)!;
    const { row } = await transition(tx, deps, app, machine, d, actor, { type: 'approve', opinion: `${input.opinion}（${input.documentNumber}）` }, now);
    let base: { id: string; code: string } | null = null;
    if (row.status === 'recognized') {
      const [host] = await tx.select().from(organizations).where(eq(organizations.id, app.applicantOrgId));
      const on = beijingDateOf(now);
      const code = `GH-L-${on.slice(0, 4)}-${app.id.slice(0, 8).toUpperCase()}`;
      const [b] = await tx.insert(bases).values({
        code, programmeKey: app.programmeKey, typeId: app.typeId, nameZh: app.title, nameEn: app.titleEn,
        hostOrgId: app.applicantOrgId, recommenderId: actor.orgId, zoneId: app.zoneId, regionCode: app.regionCode ?? host?.regionCode ?? null,
        fields: app.fields, foreignPartners: app.foreignPartners as Array<Record<string, unknown>>, recognizedOn: on, applicationId: app.id,
        documents: [{ kind: 'recognition', number: input.documentNumber, on, title: `${programme.document.title.zh}：${type.name.zh}` }],
      }).returning({ id: bases.id, code: bases.code });
      base = b!;
      await recordAudit(tx, deps.audit, { action: 'programme.base.recognize', entityType: 'base', entityId: b!.id, scopeOrgId: actor.orgId, after: { code, programmeKey: app.programmeKey, typeId: app.typeId, documentNumber: input.documentNumber } });
    } else if (row.status !== 'in_progress') {
      throw ruleError('invalid_state', type.procedureClause, { zh: '申请状态不允许发文', en: 'The application cannot be issued in its state' });
    }
    return { id: row.id, status: row.status, stepId: row.stepId, version: row.version, baseId: base?.id ?? null, baseCode: base?.code ?? null };
  });
}
