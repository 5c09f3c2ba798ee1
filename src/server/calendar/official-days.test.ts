import { describe, expect, it } from 'vitest';
import { officialDays } from '../db/migrations/0016_holiday_calendar.js';

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

describe('the official holiday arrangements loaded by migration 0016', () => {
  const days = officialDays();

  it('no day is listed twice', () => {
    expect(new Set(days.map((d) => d.day)).size).toBe(days.length);
  });

  it('every make-up working day falls on a weekend', () => {
    const workdays = days.filter((d) => d.kind === 'workday');
    expect(workdays.length).toBeGreaterThan(20);
    expect(workdays.filter((d) => weekday(d.day) !== 0 && weekday(d.day) !== 6)).toEqual([]);
  });

  it('the Spring Festival breaks: 7, 8, 8 and 9 days for 2023–2026', () => {
    const springDays = (year: string) => days.filter((d) => d.kind === 'holiday' && d.name === '春节' && d.day.startsWith(year)).length;
    expect(['2023', '2024', '2025', '2026'].map(springDays)).toEqual([7, 8, 8, 9]);
  });

  it('each year loses as many weekdays to breaks as the law grants, net of make-up days (11 then 13 from 2025)', () => {
    for (const [year, statutory] of [['2023', 11], ['2024', 11], ['2025', 13], ['2026', 13]] as const) {
      const inYear = days.filter((d) => d.day.startsWith(year));
      const weekdaysOff = inYear.filter((d) => d.kind === 'holiday' && weekday(d.day) !== 0 && weekday(d.day) !== 6).length;
      const madeUp = inYear.filter((d) => d.kind === 'workday').length;
      expect([year, weekdaysOff - madeUp]).toEqual([year, statutory]);
    }
  });
});
