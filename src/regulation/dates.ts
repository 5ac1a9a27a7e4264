// Civil dates and Beijing instants. Dates of the regulation (registration, revocation, notices)
// are civil dates 'YYYY-MM-DD' without a time zone; deadlines are instants judged in Beijing
// time. China has used UTC+8 without daylight saving since 1991, so a fixed offset is exact.

/** A civil date, 'YYYY-MM-DD'. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

export function parseIsoDate(date: IsoDate): { y: number; m: number; d: number } {
  const match = ISO.exec(date);
  if (!match) throw new RangeError(`not an ISO date: ${date}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new RangeError(`no such date: ${date}`);
  return { y, m, d };
}

export const isIsoDate = (s: string): boolean => {
  try {
    parseIsoDate(s);
    return true;
  } catch {
    return false;
  }
};

export const isoDate = (y: number, m: number, d: number): IsoDate =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export const daysInMonth = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

export const yearOf = (date: IsoDate): number => parseIsoDate(date).y;

/**
 * Add whole years. Where the target month has no corresponding day (29 Feb in a common year),
 * the period ends on the last day of the month — the rule of the Civil Code, art. 202
 * ("没有对应日的，月末日为期间的最后一日").
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const { y, m, d } = parseIsoDate(date);
  const ty = y + years;
  return isoDate(ty, m, Math.min(d, daysInMonth(ty, m)));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { y, m, d } = parseIsoDate(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Negative, zero or positive; ISO dates compare as strings. */
export const compareDates = (a: IsoDate, b: IsoDate): number => (a < b ? -1 : a > b ? 1 : 0);

/** The civil date in Beijing at an instant. */
export function beijingDateOf(instant: Date): IsoDate {
  const t = new Date(instant.getTime() + BEIJING_OFFSET_MS);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The instant of a Beijing wall-clock time on a civil date. */
export function beijingInstant(date: IsoDate, hh = 0, mm = 0, ss = 0, ms = 0): Date {
  const { y, m, d } = parseIsoDate(date);
  return new Date(Date.UTC(y, m - 1, d, hh, mm, ss, ms) - BEIJING_OFFSET_MS);
}

/** A deadline given as a day ("by 20 May") ends at the last millisecond of that day in Beijing. */
export const endOfBeijingDay = (date: IsoDate): Date => beijingInstant(date, 23, 59, 59, 999);
