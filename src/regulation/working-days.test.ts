import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarCovers, isWorkingDay } from './working-days.js';
import { addYears, beijingDateOf, beijingInstant, endOfBeijingDay } from './dates.js';

describe('working days (公示 periods)', () => {
  it('counts across the 2026 National Day holiday and its make-up Saturday', () => {
    // 9-25 Mid-autumn, 10-1…10-7 National Day; 9-20 (Sun) and 10-10 (Sat) are make-up working days.
    expect(addWorkingDays('2026-09-30', 1)).toEqual({ ok: true, date: '2026-10-08' });
    expect(isWorkingDay('2026-10-10')).toEqual({ ok: true, working: true });
    expect(isWorkingDay('2026-10-05')).toEqual({ ok: true, working: false });
    // A 10-working-day 公示 published Thu 24 Sep: 28,29,30 Sep; 8,9,10,12,13,14,15 Oct.
    expect(addWorkingDays('2026-09-24', 10)).toEqual({ ok: true, date: '2026-10-15' });
  });

  it('ordinary weeks: weekends skipped, start day not counted', () => {
    expect(addWorkingDays('2025-06-06', 1)).toEqual({ ok: true, date: '2025-06-09' }); // Fri → Mon
    expect(addWorkingDays('2025-06-09', 0)).toEqual({ ok: true, date: '2025-06-09' });
  });

  it('refuses with calendar_year_missing outside the published holiday data, never guessing', () => {
    expect(calendarCovers(2026)).toBe(true);
    expect(calendarCovers(2003)).toBe(false);
    const r = addWorkingDays('2026-12-24', 10);
    expect(r).toMatchObject({ ok: false, code: 'calendar_year_missing', year: 2027 });
    expect(isWorkingDay('2003-05-05')).toMatchObject({ ok: false, code: 'calendar_year_missing', year: 2003 });
  });
});

describe('dates', () => {
  it('adds years with the month-end rule for 29 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addYears('2023-03-01', 1)).toBe('2024-03-01');
  });

  it('reads instants in Beijing time', () => {
    expect(beijingDateOf(new Date('2026-05-20T16:00:00Z'))).toBe('2026-05-21');
    expect(beijingDateOf(new Date('2026-05-20T15:59:59Z'))).toBe('2026-05-20');
    expect(endOfBeijingDay('2026-05-20').toISOString()).toBe('2026-05-20T15:59:59.999Z');
    expect(beijingInstant('2026-05-21').toISOString()).toBe('2026-05-20T16:00:00.000Z');
  });
});
