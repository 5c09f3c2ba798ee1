import type { Kysely } from 'kysely';
import type { CalendarDay, Deadline, ServiceLevelList } from '../../shared/calendar.js';
import type { RequestCategory } from '../../shared/service-catalog.js';
import type { DB } from '../db/schema.js';
import { addWorkingDays, loadCalendar } from './working-days.js';

export async function calendarYear(db: Kysely<DB>, year: number): Promise<CalendarDay[]> {
  const rows = await db
    .selectFrom('calendar_days')
    .select(['day', 'kind', 'name'])
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .orderBy('day')
    .execute();
  return rows.map((r) => ({ day: r.day, kind: r.kind, name: r.name }));
}

/** The due day `days` working days after `from`, counted exactly as request deadlines are. */
export async function deadlineFrom(db: Kysely<DB>, from: string, days: number): Promise<Deadline> {
  // Five working days in seven, less at most a nine-day break per season: twice the count plus a month is ample.
  const calendar = await loadCalendar(db, from, days * 2 + 30);
  return { from, days, dueOn: addWorkingDays(from, days, calendar) };
}

export async function serviceLevels(db: Kysely<DB>): Promise<ServiceLevelList> {
  const [levels, departments] = await Promise.all([
    db
      .selectFrom('service_levels')
      .innerJoin('departments', 'departments.code', 'service_levels.department_code')
      .select([
        'service_levels.category',
        'service_levels.department_code',
        'departments.name as department_name',
        'service_levels.working_days',
        'service_levels.escalate_after_days',
        'service_levels.updated_at',
      ])
      .execute(),
    db.selectFrom('departments').select(['code', 'name', 'name_en']).where('active', '=', 1).orderBy('sort_order').execute(),
  ]);
  return {
    items: levels.map((l) => ({
      category: l.category as RequestCategory,
      departmentCode: l.department_code,
      departmentName: l.department_name,
      workingDays: l.working_days,
      escalateAfterDays: l.escalate_after_days,
      updatedAt: l.updated_at,
    })),
    departments: departments.map((d) => ({ code: d.code, name: d.name, nameEn: d.name_en })),
  };
}
