// a23.s1 / a22.s1: measures succeed one another; an application is judged under the version in
// force when its call opened. In force on day D: effectiveFrom ≤ D < effectiveUntil (an unknown
// start is open-ended backwards; a null end means still in force).
import { beijingDateOf, compareDates, type IsoDate } from '../dates.js';
import type { BaseTypeDef, Programme } from './schema.js';

export function inForceOn(p: Programme, day: IsoDate): boolean {
  if (p.effectiveFrom && compareDates(day, p.effectiveFrom) < 0) return false;
  if (p.effectiveUntil && compareDates(day, p.effectiveUntil) >= 0) return false;
  return true;
}

/** The version in force on `at` (a civil date, or an instant read in Beijing time), within a lineage. */
export function programmeVersionAt(programmes: readonly Programme[], at: IsoDate | Date, lineage?: string): Programme | undefined {
  const day = at instanceof Date ? beijingDateOf(at) : at;
  const candidates = programmes.filter((p) => (lineage === undefined || p.lineage === lineage) && inForceOn(p, day));
  if (candidates.length > 1 && lineage !== undefined) throw new Error(`two versions of ${lineage} in force on ${day}`);
  return candidates[0];
}

export const findType = (p: Programme, typeId: string): BaseTypeDef | undefined => p.types.find((t) => t.id === typeId);

export const programmeKey = (p: Programme): string => `${p.lineage}@${p.version}`;
