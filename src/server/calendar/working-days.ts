import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

// Service deadlines are counted in working days: Monday to Friday, less public holidays, plus the
// weekends the State Council makes working days (调休). The exceptions live in calendar_days.
export type CalendarExceptions = ReadonlyMap<string, 'holiday' | 'workday'>;

const DAY_MS = 86_400_000;

function toTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function toDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function shiftDays(day: string, days: number): string {
  return toDay(toTime(day) + days * DAY_MS);
}

export function isWorkingDay(day: string, calendar: CalendarExceptions): boolean {
  const exception = calendar.get(day);
  if (exception) return exception === 'workday';
  const weekday = new Date(toTime(day)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The day that is `count` working days after `start` (start itself never counts; count 0 → start). */
export function addWorkingDays(start: string, count: number, calendar: CalendarExceptions): string {
  let day = start;
  let left = count;
  while (left > 0) {
    day = shiftDays(day, 1);
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return day;
}

/** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string, calendar: CalendarExceptions): number {
  let count = 0;
  for (let day = shiftDays(from, 1); day <= to; day = shiftDays(day, 1)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return count;
}

/**
 * The calendar exceptions from `from` for `spanDays` days: enough for any deadline the service levels
 * allow (a few weeks), even across the nine-day Spring Festival break.
 */
export async function loadCalendar(db: Kysely<DB>, from: string, spanDays = 180): Promise<CalendarExceptions> {
  const rows = await db
    .selectFrom('calendar_days')
    .select(['day', 'kind'])
    .where('day', '>=', from)
    .where('day', '<=', shiftDays(from, spanDays))
    .execute();
  return new Map(rows.map((r) => [r.day, r.kind]));
}
