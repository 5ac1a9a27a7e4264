// China working days: weekdays, minus the State Council's holidays, plus the 调休 make-up
// working days on weekends. Data: the chinese-days package's JSON table (holidays and make-up
// days by date). We read the table, not the package's date functions, because those parse dates
// in the process's time zone and shift a day west of UTC. The table covers a fixed range of
// years; outside it we refuse with 'calendar_year_missing' instead of guessing by weekday —
// a 公示 period computed on a wrong calendar is a wrong decision.
import table from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDays, parseIsoDate, yearOf, type IsoDate } from './dates.js';

export type CalendarYearMissing = { ok: false; code: 'calendar_year_missing'; clause: string; year: number };
export type WorkingDayResult = { ok: true; date: IsoDate } | CalendarYearMissing;

const holidays: Record<string, string> = table.holidays;
const makeUpWorkdays: Record<string, string> = table.workdays;

// Every published year has holidays (春节 at least), so the years with holiday rows are the years covered.
const coveredYears = new Set(Object.keys(holidays).map((d) => Number(d.slice(0, 4))));

export const calendarCovers = (year: number): boolean => coveredYears.has(year);

export function isWorkingDay(date: IsoDate, clause = 'a5.p2'): { ok: true; working: boolean } | CalendarYearMissing {
  const year = yearOf(date);
  if (!calendarCovers(year)) return { ok: false, code: 'calendar_year_missing', clause, year };
  if (makeUpWorkdays[date]) return { ok: true, working: true };
  if (holidays[date]) return { ok: true, working: false };
  const { y, m, d } = parseIsoDate(date);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return { ok: true, working: weekday !== 0 && weekday !== 6 };
}

/**
 * The date of the n-th working day after `from` (`from` itself is not counted: a period starts
 * the day after the event that opens it). n = 0 returns `from`. `clause` is cited if the
 * calendar is missing.
 */
export function addWorkingDays(from: IsoDate, n: number, clause = 'a5.p2'): WorkingDayResult {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let date = from;
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    const w = isWorkingDay(date, clause);
    if (!w.ok) return w;
    if (w.working) left -= 1;
  }
  return { ok: true, date };
}
