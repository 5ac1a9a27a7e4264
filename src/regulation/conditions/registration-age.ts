// a7.p1.i1: "……的独立法人机构，依法注册1年以上".
// "以上" includes the number itself (Civil Code art. 1259: "所称的'以上'……包括本数"), so
// exactly one year registered is enough. One year after D is D's anniversary; a 29 February
// registration reaches its anniversary on 28 February of a common year (Civil Code art. 202,
// see dates.addYears). So: met iff asOf ≥ addYears(registeredOn, minYears).
import { z } from 'zod';
import { addYears, compareDates } from '../dates.js';
import { met, unmet } from '../verdict.js';
import { defineConditionKind } from './kind.js';

export const registrationAge = defineConditionKind({
  id: 'registrationAge',
  name: { zh: '依法注册年限', en: 'Years since legal registration' },
  machineCheckable: true,
  params: z.object({ minYears: z.number().int().positive(), requireIndependentLegalEntity: z.boolean().default(true) }),
  evaluate(facts, params, asOf, clause) {
    if (params.requireIndependentLegalEntity && !facts.independentLegalEntity) {
      return unmet(clause, { zh: '申报机构不是独立法人机构', en: 'The applicant is not an independent legal entity' });
    }
    if (!facts.registeredOn) {
      return unmet(clause, { zh: '缺少注册日期', en: 'No registration date on record' });
    }
    const enoughOn = addYears(facts.registeredOn, params.minYears);
    const data = { registeredOn: facts.registeredOn, asOf, enoughOn, minYears: params.minYears };
    return compareDates(asOf, enoughOn) >= 0
      ? met(clause, { zh: `依法注册已满${params.minYears}年（${facts.registeredOn}注册）`, en: `Registered for at least ${params.minYears} year(s) (since ${facts.registeredOn})` }, data)
      : unmet(clause, { zh: `依法注册未满${params.minYears}年，${enoughOn}起方满`, en: `Registered less than ${params.minYears} year(s); reaches it on ${enoughOn}` }, data);
  },
});
