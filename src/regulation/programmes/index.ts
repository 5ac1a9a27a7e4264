import { national2011 } from './national-2011.js';
import { trialMeasures } from './trial.js';

export { national2011, NATIONAL_LINEAGE, MEASURES_2011_EFFECTIVE } from './national-2011.js';
export { trialMeasures } from './trial.js';

/** Every national version, oldest first. Local programmes are data the server loads (loadProgramme). */
export const nationalProgrammes = [trialMeasures, national2011] as const;
