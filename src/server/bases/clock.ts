// One clock for the bases capability, so that tests can stand on a given day (deadlines, late
// reports, the year of a reading) without touching the system time.
import { beijingDateOf } from '../../regulation/index.js';

export const clock = {
  now: (): Date => new Date(),
};

/** Today's civil date in Beijing. */
export const today = (): string => beijingDateOf(clock.now());
