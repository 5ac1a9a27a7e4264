// Why each expert on a panel, and why not each other candidate (conflict rule, decline, load,
// regional cap, lower score, needed elsewhere): the engine's explanation with names attached.
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/authz/actor.js';
import { AppError } from '../../platform/http/errors.js';
import { explainApplication } from '../assignment/index.js';
import { currentInstance, fromStored, roundOf } from './round-store.js';

export async function explainRound(db: Db, actor: Actor, id: string, applicationId: string, opts: { limit?: number; expertIds?: string[] | undefined } = {}) {
  const round = await roundOf(db, actor, id, 'read');
  const stored = round.proposal;
  if (!stored || !stored.applicationIds.includes(applicationId)) throw new AppError('not_found');
  const { inst, names } = await currentInstance(db, round, stored.applicationIds, stored.seed);
  const e = explainApplication(inst, fromStored(stored, inst, inst.params), applicationId, opts.expertIds?.length ? { expertIds: opts.expertIds } : { limit: opts.limit ?? 30 });
  const name = (id: string) => names.get(id) ?? '';
  return {
    applicationId,
    panel: e.panel.map((p) => ({ expertId: p.expertId, name: name(p.expertId), score: p.score, source: p.source, matchedFields: [...p.matchedFields], matchedKeywords: [...p.matchedKeywords], because: p.because })),
    excluded: e.excluded.map((x) => ({ expertId: x.expertId, name: name(x.expertId), score: x.score, code: x.code, ...(x.rule ? { rule: x.rule } : {}), because: x.because })),
  };
}
