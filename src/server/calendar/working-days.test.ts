import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.js';

// 2023: 劳动节 29 Apr – 3 May off, Sunday 23 Apr and Saturday 6 May worked (调休).
const mayDay = new Map<string, 'holiday' | 'workday'>([
  ['2023-04-23', 'workday'],
  ['2023-04-29', 'holiday'],
  ['2023-04-30', 'holiday'],
  ['2023-05-01', 'holiday'],
  ['2023-05-02', 'holiday'],
  ['2023-05-03', 'holiday'],
  ['2023-05-06', 'workday'],
]);

describe('working days', () => {
  it('skips the weekend: Friday + 1 is Monday', () => {
    expect(addWorkingDays('2023-05-19', 1, new Map())).toBe('2023-05-22');
  });
  it('counts across a month end', () => {
    expect(addWorkingDays('2023-05-29', 5, new Map())).toBe('2023-06-05');
  });
  it('skips holidays and counts a make-up Saturday', () => {
    expect(isWorkingDay('2023-05-06', mayDay)).toBe(true);
    expect(isWorkingDay('2023-05-01', mayDay)).toBe(false);
    // Fri 28 Apr + 3: 4 May, 5 May, Sat 6 May (worked).
    expect(addWorkingDays('2023-04-28', 3, mayDay)).toBe('2023-05-06');
  });
  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2023-04-28', '2023-05-08', mayDay)).toBe(4);
    expect(workingDaysBetween('2023-05-08', '2023-05-08', mayDay)).toBe(0);
  });
});
