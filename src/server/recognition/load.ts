// Loading an application with its call, programme version and procedure machine. The row is read
// through the data scope, so an id outside it is simply not found (404).
import { and, eq } from 'drizzle-orm';
import { findType, procedureMachine, type BaseTypeDef, type Programme } from '../../regulation/index.js';
import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/authz/actor.js';
import type { Action } from '../platform/authz/policy.js';
import { AppError } from '../platform/http/errors.js';
import { domainActorOf, partyOf } from './actor-map.js';
import { programmeOf } from './programmes.js';
import { applicationScope } from './scope.js';
import { applications, calls } from './tables.js';

export type ApplicationRow = typeof applications.$inferSelect;
export type CallRow = typeof calls.$inferSelect;

export async function loadApplication(db: Db, actor: Actor, id: string, action: Action = 'read', opts: { lock?: boolean } = {}): Promise<ApplicationRow> {
  const q = db.select().from(applications).where(and(eq(applications.id, id), applicationScope(actor, action)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw new AppError('not_found');
  return row;
}

export function typeOf(programme: Programme, typeId: string): BaseTypeDef {
  const t = findType(programme, typeId);
  if (!t) throw new Error(`type ${typeId} missing from ${programme.lineage}@${programme.version}`);
  return t;
}

export async function callOf(db: Db, callId: string): Promise<CallRow> {
  const [c] = await db.select().from(calls).where(eq(calls.id, callId));
  if (!c) throw new AppError('not_found');
  return c;
}

/** The machine for this application, bound to the party as seen by `actor`. */
export async function procedureFor(db: Db, app: ApplicationRow, actor: Actor | null) {
  const programme = await programmeOf(db, app.programmeKey);
  const type = typeOf(programme, app.typeId);
  const call = await callOf(db, app.callId);
  const viewer = actor ? domainActorOf(actor) : null;
  const machine = procedureMachine({ procedure: type.procedure, procedureClause: type.procedureClause, party: partyOf(app, viewer), deadline: call.deadline });
  return { programme, type, call, viewer, machine };
}
