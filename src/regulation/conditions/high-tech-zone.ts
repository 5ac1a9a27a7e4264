// a7.p1.i1: "依托国家高新区建设" — the applicant is located in a national high-tech zone.
// Optionally restricted to a list of zone ids (a local programme may name its own parks).
import { z } from 'zod';
import { met, unmet } from '../verdict.js';
import { defineConditionKind } from './kind.js';

export const locatedInHighTechZone = defineConditionKind({
  id: 'locatedInHighTechZone',
  name: { zh: '依托国家高新区', en: 'Located in a national high-tech zone' },
  machineCheckable: true,
  params: z.object({ zoneIds: z.array(z.string()).optional() }),
  evaluate(facts, params, _asOf, clause) {
    if (!facts.zoneId) return unmet(clause, { zh: '申报机构不在国家高新区内', en: 'The applicant is not in a national high-tech zone' });
    if (params.zoneIds && !params.zoneIds.includes(facts.zoneId)) {
      return unmet(clause, { zh: '申报机构所在园区不在规定范围内', en: 'The applicant’s zone is not among those allowed' }, { zoneId: facts.zoneId });
    }
    return met(clause, { zh: '申报机构位于国家高新区内', en: 'The applicant is in a national high-tech zone' }, { zoneId: facts.zoneId });
  },
});
