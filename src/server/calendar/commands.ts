import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { SERVICE_LEVEL_MAX_DAYS, type PutCalendarDayInput, type PutServiceLevelsInput } from '../../shared/calendar.js';
import { REQUEST_CATEGORY_LABELS } from '../../shared/service-catalog.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ValidationError } from '../errors.js';
import { assertCanConfigureServices, notFoundCalendarDay } from './policy.js';

function isWeekend(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Marks a day a holiday, or a weekend day a make-up working day (调休上班); replaces what the day was. */
export async function setCalendarDay(options: { db: Kysely<DB>; user: CurrentUser; day: string; input: PutCalendarDayInput }): Promise<void> {
  const { db, user, day, input } = options;
  assertCanConfigureServices(user);
  // A weekday is a working day already; calling it a make-up day would be a mistake for a holiday.
  if (input.kind === 'workday' && !isWeekend(day)) {
    throw new ValidationError('kind', { zh: '调休上班日只能设在周六或周日', en: 'A make-up working day must fall on a Saturday or Sunday' });
  }
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_days').select(['day', 'kind', 'name']).where('day', '=', day).executeTakeFirst();
    const after = { day, kind: input.kind, name: input.name };
    if (before) await trx.updateTable('calendar_days').set({ kind: input.kind, name: input.name }).where('day', '=', day).execute();
    else await trx.insertInto('calendar_days').values(after).execute();
    await recordAudit(trx, { actor: user, action: 'calendar.set', entity: 'calendar_day', entityId: day, before, after });
  });
}

export async function deleteCalendarDay(options: { db: Kysely<DB>; user: CurrentUser; day: string }): Promise<void> {
  const { db, user, day } = options;
  assertCanConfigureServices(user);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_days').select(['day', 'kind', 'name']).where('day', '=', day).executeTakeFirst();
    if (!before) throw notFoundCalendarDay();
    await trx.deleteFrom('calendar_days').where('day', '=', day).execute();
    await recordAudit(trx, { actor: user, action: 'calendar.delete', entity: 'calendar_day', entityId: day, before });
  });
}

/**
 * Changes the listed categories' default department and working-day limits. Deadlines already set on
 * open requests stand: they were the promise made when the request came in.
 */
export async function updateServiceLevels(options: { db: Kysely<DB>; user: CurrentUser; input: PutServiceLevelsInput }): Promise<void> {
  const { db, user, input } = options;
  assertCanConfigureServices(user);
  await db.transaction().execute(async (trx) => {
    const codes = [...new Set(input.items.map((i) => i.departmentCode))];
    const known = new Set((await trx.selectFrom('departments').select('code').where('code', 'in', codes).where('active', '=', 1).execute()).map((d) => d.code));
    const seen = new Set<string>();
    for (const [index, item] of input.items.entries()) {
      if (!known.has(item.departmentCode)) {
        throw new ValidationError(`items.${index}.departmentCode`, { zh: '承办部门不存在', en: 'No such department' });
      }
      const category = REQUEST_CATEGORY_LABELS[item.category];
      for (const [key, what] of [['workingDays', { zh: '办理时限', en: 'deadline' }], ['escalateAfterDays', { zh: '超期督办时限', en: 'escalation delay' }]] as const) {
        if (item[key] < 1 || item[key] > SERVICE_LEVEL_MAX_DAYS) {
          throw new ValidationError(`items.${index}.${key}`, {
            zh: `“${category.zh}”的${what.zh}应为 1 至 ${SERVICE_LEVEL_MAX_DAYS} 个工作日`,
            en: `The ${what.en} for ${category.en} must be 1 to ${SERVICE_LEVEL_MAX_DAYS} working days`,
          });
        }
      }
      if (seen.has(item.category)) {
        throw new ValidationError(`items.${index}.category`, { zh: '同一诉求类别只能出现一次', en: 'Each category may appear only once' });
      }
      seen.add(item.category);
    }
    const now = nowIso();
    for (const item of input.items) {
      const before = await trx.selectFrom('service_levels').selectAll().where('category', '=', item.category).executeTakeFirst();
      const after = { department_code: item.departmentCode, working_days: item.workingDays, escalate_after_days: item.escalateAfterDays };
      if (before) await trx.updateTable('service_levels').set({ ...after, updated_at: now }).where('category', '=', item.category).execute();
      else await trx.insertInto('service_levels').values({ category: item.category, ...after, updated_at: now }).execute();
      await recordAudit(trx, { actor: user, action: 'service_level.update', entity: 'service_level', entityId: item.category, before, after });
    }
  });
}
