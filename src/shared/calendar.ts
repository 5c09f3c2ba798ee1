import { z } from 'zod';
import { dateSchema, plainText } from './common.js';
import { REQUEST_CATEGORIES } from './service-catalog.js';

// The holiday calendar (exceptions to the Monday–Friday week) and the service levels that count in it.
export const CALENDAR_KINDS = ['holiday', 'workday'] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];
export const CALENDAR_KIND_LABELS: Record<CalendarKind, { zh: string; en: string }> = {
  holiday: { zh: '放假', en: 'Holiday' },
  workday: { zh: '调休上班', en: 'Make-up working day' },
};

export const calendarYearQuerySchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const calendarDayParamsSchema = z.object({ day: dateSchema });

export const calendarDaySchema = z.object({ day: z.string(), kind: z.enum(CALENDAR_KINDS), name: z.string() });
export type CalendarDay = z.infer<typeof calendarDaySchema>;
export const calendarDayListSchema = z.object({ items: z.array(calendarDaySchema) });
export type CalendarDayList = z.infer<typeof calendarDayListSchema>;

export const putCalendarDaySchema = z.object({ kind: z.enum(CALENDAR_KINDS), name: plainText(100).min(1) }).strict();
export type PutCalendarDayInput = z.infer<typeof putCalendarDaySchema>;

/** Deadlines a service level can set, and a little more for the admin's calculator. */
export const MAX_DEADLINE_DAYS = 250;
export const deadlineQuerySchema = z.object({ from: dateSchema, days: z.coerce.number().int().min(0).max(MAX_DEADLINE_DAYS) });
export type DeadlineQuery = z.infer<typeof deadlineQuerySchema>;
export const deadlineSchema = z.object({ from: z.string(), days: z.number().int(), dueOn: z.string() });
export type Deadline = z.infer<typeof deadlineSchema>;

export const SERVICE_LEVEL_MAX_DAYS = 60;
// The range (1..SERVICE_LEVEL_MAX_DAYS) is checked by the command, whose message names the category.
const levelDays = z.number().int().describe(`1–${SERVICE_LEVEL_MAX_DAYS} working days`);

export const serviceLevelSchema = z.object({
  category: z.enum(REQUEST_CATEGORIES),
  departmentCode: z.string(),
  departmentName: z.string(),
  workingDays: z.number().int(),
  escalateAfterDays: z.number().int(),
  updatedAt: z.string(),
});
export type ServiceLevel = z.infer<typeof serviceLevelSchema>;

export const departmentSchema = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
export type Department = z.infer<typeof departmentSchema>;

export const serviceLevelListSchema = z.object({ items: z.array(serviceLevelSchema), departments: z.array(departmentSchema) });
export type ServiceLevelList = z.infer<typeof serviceLevelListSchema>;

/** Some or all categories at once; the inline table sends one row. */
export const putServiceLevelsSchema = z
  .object({
    items: z
      .array(
        z
          .object({ category: z.enum(REQUEST_CATEGORIES), departmentCode: plainText(20).min(1), workingDays: levelDays, escalateAfterDays: levelDays })
          .strict(),
      )
      .min(1)
      .max(REQUEST_CATEGORIES.length),
  })
  .strict();
export type PutServiceLevelsInput = z.infer<typeof putServiceLevelsSchema>;

/** Field names of these routes as users read them (the error handler names them in zh and en). */
export const CALENDAR_FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  year: { zh: '年份', en: 'Year' },
  day: { zh: '日期', en: 'Date' },
  kind: { zh: '类型', en: 'Kind' },
  name: { zh: '名称', en: 'Name' },
  from: { zh: '起算日期', en: 'Start date' },
  days: { zh: '工作日数', en: 'Working days' },
  items: { zh: '办理时限', en: 'Service levels' },
  category: { zh: '诉求类别', en: 'Category' },
  departmentCode: { zh: '默认承办部门', en: 'Default department' },
  workingDays: { zh: '办理时限(工作日)', en: 'Deadline (working days)' },
  escalateAfterDays: { zh: '超期督办(工作日)', en: 'Escalate after (working days)' },
};
