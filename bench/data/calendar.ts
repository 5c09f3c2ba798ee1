// The holiday calendar 2023–2027 that service deadlines are counted on: the State Council's public
// holidays and the weekends made working days (调休). 2027 is not yet announced: its holidays are
// the usual ones on the expected dates, without make-up days. Bench data, not a source for the demo.
// Days the migrations already loaded stand; only the missing ones are written.
import { shiftDays, type CalendarExceptions } from '../../src/server/calendar/working-days.js';
import type { Ctx } from './context.js';

// name, first day, days off, make-up working days
const HOLIDAYS: [string, string, number, string[]][] = [
  ['元旦', '2023-01-01', 2, []], ['春节', '2023-01-21', 7, ['2023-01-28', '2023-01-29']], ['清明节', '2023-04-05', 1, []],
  ['劳动节', '2023-04-29', 5, ['2023-04-23', '2023-05-06']], ['端午节', '2023-06-22', 3, ['2023-06-25']],
  ['中秋节、国庆节', '2023-09-29', 8, ['2023-10-07', '2023-10-08']],
  ['元旦', '2024-01-01', 1, []], ['春节', '2024-02-10', 8, ['2024-02-04', '2024-02-18']], ['清明节', '2024-04-04', 3, ['2024-04-07']],
  ['劳动节', '2024-05-01', 5, ['2024-04-28', '2024-05-11']], ['端午节', '2024-06-08', 3, []], ['中秋节', '2024-09-15', 3, ['2024-09-14']],
  ['国庆节', '2024-10-01', 7, ['2024-09-29', '2024-10-12']],
  ['元旦', '2025-01-01', 1, []], ['春节', '2025-01-28', 8, ['2025-01-26', '2025-02-08']], ['清明节', '2025-04-04', 3, []],
  ['劳动节', '2025-05-01', 5, ['2025-04-27']], ['端午节', '2025-05-31', 3, []], ['国庆节、中秋节', '2025-10-01', 8, ['2025-09-28', '2025-10-11']],
  ['元旦', '2026-01-01', 3, ['2026-01-04']], ['春节', '2026-02-15', 9, ['2026-02-14', '2026-02-28']], ['清明节', '2026-04-04', 3, []],
  ['劳动节', '2026-05-01', 5, ['2026-05-09']], ['端午节', '2026-06-19', 3, []], ['中秋节', '2026-09-25', 3, []],
  ['国庆节', '2026-10-01', 7, ['2026-09-20', '2026-10-10']],
  ['元旦', '2027-01-01', 3, []], ['春节', '2027-02-05', 8, []], ['清明节', '2027-04-05', 1, []], ['劳动节', '2027-05-01', 5, []],
  ['端午节', '2027-06-09', 1, []], ['中秋节', '2027-09-15', 1, []], ['国庆节', '2027-10-01', 7, []],
];

/** Writes calendar_days and returns the same exceptions for the generator's own deadline arithmetic. */
export async function generateCalendar(ctx: Ctx): Promise<CalendarExceptions> {
  const put = ctx.w.table('calendar_days', ['day', 'kind', 'name']);
  const calendar = new Map(ctx.services.calendar);
  const add = async (day: string, kind: 'holiday' | 'workday', name: string) => {
    if (calendar.has(day)) return;
    calendar.set(day, kind);
    await put([day, kind, name]);
  };
  for (const [name, first, days, workdays] of HOLIDAYS) {
    for (let i = 0; i < days; i++) await add(shiftDays(first, i), 'holiday', name);
    for (const day of workdays) await add(day, 'workday', `${name}调休上班`);
  }
  return calendar;
}
