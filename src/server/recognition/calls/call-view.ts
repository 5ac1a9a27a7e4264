import type { Programme } from '../../../regulation/index.js';
import { findType } from '../../../regulation/index.js';
import type { calls } from '../tables.js';

type CallRow = typeof calls.$inferSelect;

export function callView(c: CallRow, programme: Programme, now = new Date()) {
  return {
    id: c.id, year: c.year, programmeKey: c.programmeKey, titleZh: c.titleZh, titleEn: c.titleEn, typeIds: c.typeIds,
    types: c.typeIds.flatMap((id) => {
      const t = findType(programme, id);
      return t ? [{ id, name: t.name, procedureClause: t.procedureClause }] : [];
    }),
    opensAt: c.opensAt.toISOString(), deadline: c.deadline.toISOString(),
    quota: (c.quota ?? null) as { perRecommenderKind: Record<string, number>; scope: 'all_types' | 'per_type' } | null,
    status: c.status as 'draft' | 'open' | 'closed',
    acceptingNow: c.status === 'open' && now >= c.opensAt && now <= c.deadline,
    version: c.version,
  };
}
