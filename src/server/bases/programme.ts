// Which programme governs a base: the one it was recognized under (a23: bases of the trial
// measures are administered under the 2011 Measures, which replaced them).
import { national2011, programmeKey, type Programme } from '../../regulation/index.js';

export const NATIONAL_KEY = programmeKey(national2011);

export const programmeOf = (_key: string): Programme => national2011;
