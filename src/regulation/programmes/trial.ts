// a23.s1: the 2011 Measures repealed 《国际科技合作基地管理办法（试行）》 on their entry into force.
// A minimal record of that predecessor, so that the versioning is exercised with a real second
// version: its content is not in the repository, so it has no base types — nothing can be
// applied for under it, but a call dated before 2011-07-29 resolves to it, not to the 2011 text.
import { loadProgramme } from '../programme/validate.js';
import { MEASURES_2011_EFFECTIVE, NATIONAL_LINEAGE } from './national-2011.js';

export const trialMeasures = loadProgramme({
  lineage: NATIONAL_LINEAGE,
  version: 'trial',
  level: 'national',
  issuer: { orgKind: 'ministry', name: { zh: '科学技术部', en: 'Ministry of Science and Technology' } },
  document: { title: { zh: '国际科技合作基地管理办法（试行）', en: 'Measures for International S&T Cooperation Bases (trial)' }, clauseIds: [] },
  issuedOn: null,
  effectiveFrom: null, // not recorded here
  effectiveUntil: MEASURES_2011_EFFECTIVE,
  status: 'superseded',
  replaces: null,
  source: 'named in a23.s1 of the 2011 Measures; text not held',
  types: [],
  callRules: { quota: [{ from: '2000-01-01', value: null, source: 'not held' }], oneBasePerType: true, clauses: ['a23.s1'] },
  grading: { thresholds: [{ from: '2000-01-01', value: { excellent: 90, good: 75, pass: 60 }, source: 'not held' }], clauses: ['a23.s1'] },
  annualReport: { dueMonthDay: '12-31', clauses: ['a23.s1'] },
  consequences: { failedYearsForNotice: 3, banYears: 3, lateReportIsFail: false, commendGrades: ['excellent'], clauses: ['a23.s1'] },
});
