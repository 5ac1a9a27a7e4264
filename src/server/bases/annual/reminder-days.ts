// When the deadline reminders of a14.s1 are due: N and 1 working days before a report's due date.
// Pure (no I/O), so the schedule is tested without a clock or a database.
//
// Reading: "k working days before the deadline" is the k-th working day counting back from the
// due date (the due date itself not counted), on China's calendar (调休 included). Where the
// published calendar does not yet cover a year (the State Council publishes it each November),
// Monday–Friday stands in: a reminder a day early or late is harmless, unlike a 公示 period.
// A missed day (no instance running) is caught up: the latest stage already reached and not yet
// sent is the one sent, and nothing is sent after the due date.
import { addDays, isWorkingDay, parseIsoDate, type IsoDate } from '../../../regulation/index.js';

function working(date: IsoDate): boolean {
  const w = isWorkingDay(date, 'a14.s1');
  if (w.ok) return w.working;
  const { y, m, d } = parseIsoDate(date);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The k-th working day before `due` (k ≥ 1). */
export function workingDaysBefore(due: IsoDate, k: number): IsoDate {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`working days must be a whole number ≥ 1: ${k}`);
  let date = due;
  let left = k;
  while (left > 0) {
    date = addDays(date, -1);
    if (working(date)) left -= 1;
  }
  return date;
}

/**
 * The reminder stage to send on `today` for a report due on `due`, or null. `stages` are the
 * working-day offsets (e.g. [5, 1]); the smallest stage whose day has come wins.
 */
export function reminderStageOn(due: IsoDate, today: IsoDate, stages: readonly number[]): number | null {
  if (today > due) return null;
  const reached = [...new Set(stages)].sort((a, b) => a - b).find((k) => today >= workingDaysBefore(due, k));
  return reached ?? null;
}
