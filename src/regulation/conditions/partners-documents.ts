// Foreign partners (a6.p1.i5, a5.p1.i4) and documents held (e.g. a land lease under local measures).
import { z } from 'zod';
import { met, unmet } from '../verdict.js';
import { defineConditionKind } from './kind.js';

export const hasForeignPartners = defineConditionKind({
  id: 'hasForeignPartners',
  name: { zh: '国外合作伙伴', en: 'Foreign partners' },
  machineCheckable: true,
  params: z.object({
    minCount: z.number().int().positive().default(1),
    /** Count only partners with a signed agreement (a call may demand it; the Measures do not). */
    agreementsRequired: z.boolean().default(false),
    minCountries: z.number().int().positive().default(1),
  }),
  evaluate(facts, params, _asOf, clause) {
    const partners = facts.foreignPartners.filter((p) => !params.agreementsRequired || p.agreementSigned);
    const countries = new Set(partners.map((p) => p.country)).size;
    const data = { partners: partners.length, countries, ...params };
    const ok = partners.length >= params.minCount && countries >= params.minCountries;
    return ok
      ? met(clause, { zh: `有${partners.length}个国外合作伙伴（${countries}个国家）`, en: `${partners.length} foreign partner(s) in ${countries} countr(ies)` }, data)
      : unmet(clause, { zh: '国外合作伙伴不满足要求', en: 'Not enough foreign partners' }, data);
  },
});

export const holdsDocument = defineConditionKind({
  id: 'holdsDocument',
  name: { zh: '持有规定文件', en: 'Holds a required document' },
  machineCheckable: true,
  params: z.object({ kind: z.string().min(1), label: z.object({ zh: z.string(), en: z.string() }).optional() }),
  evaluate(facts, params, _asOf, clause) {
    const label = params.label ?? { zh: params.kind, en: params.kind };
    return facts.documents.some((d) => d.kind === params.kind)
      ? met(clause, { zh: `已提供${label.zh}`, en: `${label.en} provided` }, { kind: params.kind })
      : unmet(clause, { zh: `缺少${label.zh}`, en: `${label.en} missing` }, { kind: params.kind });
  },
});
