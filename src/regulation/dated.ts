// Dated values (practice 3): a threshold or quota is a list of values, each in force from a day,
// with its source, so the value in force on any day is computable and a change adds a row.
import { z } from 'zod';
import { compareDates, isIsoDate, type IsoDate } from './dates.js';

export const ZIsoDate = z.string().refine(isIsoDate, 'expected a date YYYY-MM-DD');

export type DatedEntry<T> = { from: IsoDate; value: T; source: string };
export type Dated<T> = DatedEntry<T>[];

export const zDated = <T extends z.ZodType>(value: T) =>
  z.array(z.object({ from: ZIsoDate, value, source: z.string().min(1) })).min(1);

/** The value in force on `day`: the latest entry whose `from` is on or before it. */
export function valueAt<T>(dated: Dated<T>, day: IsoDate): T | undefined {
  let found: DatedEntry<T> | undefined;
  for (const entry of dated) {
    if (compareDates(entry.from, day) <= 0 && (!found || compareDates(entry.from, found.from) >= 0)) found = entry;
  }
  return found?.value;
}
