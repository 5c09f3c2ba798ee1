import type { Kysely } from 'kysely';

// The State Council's public-holiday arrangements (国务院办公厅关于20XX年部分节假日安排的通知) for
// 2023–2026: each break from its first to its last day off, and the weekend days made working days
// (调休上班). The notices are published each November for the following year; later years are added
// by the admin on the 办理时限与节假日 page. Xinjiang's own holidays (肉孜节, 古尔邦节), which the
// autonomous region announces each year, are not in these national notices and are not loaded here.
//
// 2026 follows the notice of November 2025 (春节 nine days, 2月15日–23日); check it against the
// published text before relying on it, as for any year added later.
const ARRANGEMENTS: { name: string; off: [string, string]; workdays: string[] }[] = [
  { name: '元旦', off: ['2023-01-01', '2023-01-02'], workdays: [] },
  { name: '春节', off: ['2023-01-21', '2023-01-27'], workdays: ['2023-01-28', '2023-01-29'] },
  { name: '清明节', off: ['2023-04-05', '2023-04-05'], workdays: [] },
  { name: '劳动节', off: ['2023-04-29', '2023-05-03'], workdays: ['2023-04-23', '2023-05-06'] },
  { name: '端午节', off: ['2023-06-22', '2023-06-24'], workdays: ['2023-06-25'] },
  { name: '中秋节、国庆节', off: ['2023-09-29', '2023-10-06'], workdays: ['2023-10-07', '2023-10-08'] },

  { name: '元旦', off: ['2024-01-01', '2024-01-01'], workdays: [] },
  { name: '春节', off: ['2024-02-10', '2024-02-17'], workdays: ['2024-02-04', '2024-02-18'] },
  { name: '清明节', off: ['2024-04-04', '2024-04-06'], workdays: ['2024-04-07'] },
  { name: '劳动节', off: ['2024-05-01', '2024-05-05'], workdays: ['2024-04-28', '2024-05-11'] },
  { name: '端午节', off: ['2024-06-08', '2024-06-10'], workdays: [] },
  { name: '中秋节', off: ['2024-09-15', '2024-09-17'], workdays: ['2024-09-14'] },
  { name: '国庆节', off: ['2024-10-01', '2024-10-07'], workdays: ['2024-09-29', '2024-10-12'] },

  { name: '元旦', off: ['2025-01-01', '2025-01-01'], workdays: [] },
  { name: '春节', off: ['2025-01-28', '2025-02-04'], workdays: ['2025-01-26', '2025-02-08'] },
  { name: '清明节', off: ['2025-04-04', '2025-04-06'], workdays: [] },
  { name: '劳动节', off: ['2025-05-01', '2025-05-05'], workdays: ['2025-04-27'] },
  { name: '端午节', off: ['2025-05-31', '2025-06-02'], workdays: [] },
  { name: '国庆节、中秋节', off: ['2025-10-01', '2025-10-08'], workdays: ['2025-09-28', '2025-10-11'] },

  { name: '元旦', off: ['2026-01-01', '2026-01-03'], workdays: ['2026-01-04'] },
  { name: '春节', off: ['2026-02-15', '2026-02-23'], workdays: ['2026-02-14', '2026-02-28'] },
  { name: '清明节', off: ['2026-04-04', '2026-04-06'], workdays: [] },
  { name: '劳动节', off: ['2026-05-01', '2026-05-05'], workdays: ['2026-05-09'] },
  { name: '端午节', off: ['2026-06-19', '2026-06-21'], workdays: [] },
  { name: '中秋节', off: ['2026-09-25', '2026-09-27'], workdays: [] },
  { name: '国庆节', off: ['2026-10-01', '2026-10-07'], workdays: ['2026-09-20', '2026-10-10'] },
];

export interface OfficialDay {
  day: string;
  kind: 'holiday' | 'workday';
  name: string;
}

/** Every day of every arrangement, the days off first; exported for the test that checks them. */
export function officialDays(): OfficialDay[] {
  const days: OfficialDay[] = [];
  for (const a of ARRANGEMENTS) {
    for (let t = Date.parse(`${a.off[0]}T00:00:00Z`); t <= Date.parse(`${a.off[1]}T00:00:00Z`); t += 86_400_000) {
      days.push({ day: new Date(t).toISOString().slice(0, 10), kind: 'holiday', name: a.name });
    }
    for (const day of a.workdays) days.push({ day, kind: 'workday', name: `${a.name}调休上班` });
  }
  return days;
}

// Beside the calendar, the indexes the deadline sweep and the dashboard's service figures read, so
// neither walks whole tables every minute or on every dashboard load:
// - notifications.dedupe_key: "was this reminder already sent?", asked for each open assignment;
// - assignments by (status, due_on): the open ones due soon or past due, without the resolved bulk;
// - assignments by (department_code, request_id): a department's requests without reading assignment rows;
// - requests by (status, …) and (region_code, status, …): the figures come from the index alone (as
//   projects_summary_idx does for the project totals), the open ones from the open statuses' slice.
export async function up(db: Kysely<any>): Promise<void> {
  // An admin may already have entered some of these days by hand; their entry stands.
  await db
    .insertInto('calendar_days')
    .values(officialDays())
    .onConflict((oc) => oc.column('day').doNothing())
    .execute();
  await db.schema.createIndex('notifications_dedupe_key_idx').on('notifications').column('dedupe_key').execute();
  await db.schema.createIndex('service_request_assignments_due_idx').on('service_request_assignments').columns(['status', 'due_on']).execute();
  await db.schema.createIndex('service_request_assignments_department_idx').on('service_request_assignments').columns(['department_code', 'request_id']).execute();
  for (const [name, lead] of [['service_requests_figures_idx', ['status']], ['service_requests_region_figures_idx', ['region_code', 'status']]] as const) {
    await db.schema.createIndex(name).on('service_requests').columns([...lead, 'due_on', 'escalated_at', 'resolved_on_time', 'rating']).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('service_requests_region_figures_idx').execute();
  await db.schema.dropIndex('service_requests_figures_idx').execute();
  await db.schema.dropIndex('service_request_assignments_department_idx').execute();
  await db.schema.dropIndex('service_request_assignments_due_idx').execute();
  await db.schema.dropIndex('notifications_dedupe_key_idx').execute();
  for (const d of officialDays()) {
    await db.deleteFrom('calendar_days').where('day', '=', d.day).where('kind', '=', d.kind).where('name', '=', d.name).execute();
  }
}
