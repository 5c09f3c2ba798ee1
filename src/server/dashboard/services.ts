import { sql, type Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { ServiceDashboard } from '../../shared/service-dashboard.js';
import type { DB } from '../db/schema.js';
import { serviceRequestScope } from '../service-requests/policy.js';

const ESCALATED_LIST_LIMIT = 10;
const OPEN = ['submitted', 'accepted', 'in_progress', 'reopened'];
const CLOSED = ['resolved', 'confirmed'];

// Open and closed requests are counted apart, each from its own slice of service_requests_figures_idx
// (or the region one): the open figures never read the closed bulk, and neither reads the wide rows.
function openFigures(db: Kysely<DB>, user: CurrentUser, today: string) {
  return db
    .selectFrom('service_requests')
    .where(serviceRequestScope(user))
    .where('service_requests.status', 'in', OPEN)
    .select([
      sql<number>`count(*)`.as('open'),
      sql<number>`coalesce(sum(case when service_requests.due_on < ${today} then 1 else 0 end), 0)`.as('overdue'),
      sql<number>`count(service_requests.escalated_at)`.as('escalated'),
    ])
    .executeTakeFirstOrThrow();
}

function closedFigures(db: Kysely<DB>, user: CurrentUser) {
  return db
    .selectFrom('service_requests')
    .where(serviceRequestScope(user))
    .where('service_requests.status', 'in', CLOSED)
    .select([
      sql<number>`coalesce(sum(case when service_requests.status = 'confirmed' then 1 else 0 end), 0)`.as('confirmed'),
      sql<number>`coalesce(sum(service_requests.resolved_on_time), 0)`.as('on_time'),
      sql<number>`count(service_requests.resolved_on_time)`.as('resolved'),
      sql<number>`coalesce(sum(service_requests.rating), 0)`.as('rating_sum'),
      sql<number>`count(service_requests.rating)`.as('rated'),
    ])
    .executeTakeFirstOrThrow();
}

function escalatedRequests(db: Kysely<DB>, user: CurrentUser) {
  // The ten are chosen from the figures index alone, then only those ten rows are read: ordering the
  // wide rows of every open request to keep ten took hundreds of milliseconds at 200,000 requests.
  const first = db
    .selectFrom('service_requests')
    .where(serviceRequestScope(user))
    .where('service_requests.status', 'in', OPEN)
    .where('service_requests.escalated_at', 'is not', null)
    .select('service_requests.id')
    // Longest under 督办 first: those are the ones the prefecture has waited on.
    .orderBy('service_requests.escalated_at')
    .orderBy('service_requests.id')
    .limit(ESCALATED_LIST_LIMIT);
  return db
    .selectFrom('service_requests')
    .innerJoin('enterprises', 'enterprises.id', 'service_requests.enterprise_id')
    .where('service_requests.id', 'in', first)
    .select([
      'service_requests.id',
      'service_requests.title',
      'enterprises.name as enterprise_name',
      'service_requests.region_code',
      'service_requests.due_on',
      'service_requests.escalated_at',
      'service_requests.escalation_note',
    ])
    .orderBy('service_requests.escalated_at')
    .orderBy('service_requests.id')
    .execute();
}

export async function serviceDashboard(db: Kysely<DB>, user: CurrentUser, today: string): Promise<ServiceDashboard> {
  const [open, closed, escalated] = await Promise.all([openFigures(db, user, today), closedFigures(db, user), escalatedRequests(db, user)]);
  const resolved = Number(closed.resolved);
  const rated = Number(closed.rated);
  return {
    open: Number(open.open),
    overdue: Number(open.overdue),
    escalated: Number(open.escalated),
    onTimePercent: resolved ? Math.round((Number(closed.on_time) * 100) / resolved) : null,
    averageRating: rated ? Math.round((Number(closed.rating_sum) * 10) / rated) / 10 : null,
    confirmed: Number(closed.confirmed),
    escalatedItems: escalated.map((r) => ({
      id: r.id,
      title: r.title,
      enterpriseName: r.enterprise_name,
      regionCode: r.region_code,
      dueOn: r.due_on,
      escalatedAt: r.escalated_at!,
      escalationNote: r.escalation_note ?? '',
    })),
  };
}
