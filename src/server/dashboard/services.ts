import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { ServiceDashboard } from '../../shared/service-dashboard.js';
import type { DB } from '../db/schema.js';

const ESCALATED_LIST_LIMIT = 10;

/**
 * The service requests whose figures a user sees: the prefecture all; a region officer its regions'; a
 * department the requests routed to it; an enterprise its own. The same rule as the request list's.
 */
function requestScope(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'service_requests'>): Expression<SqlBool> => {
    switch (user.role) {
      case 'admin':
      case 'leader':
        return sql<SqlBool>`1 = 1`;
      case 'region':
        return user.regionCodes.length ? eb('service_requests.region_code', 'in', user.regionCodes) : sql<SqlBool>`1 = 0`;
      case 'department':
        if (!user.department) return sql<SqlBool>`1 = 0`;
        return eb.exists(
          eb
            .selectFrom('service_request_assignments as sra')
            .select('sra.id')
            .whereRef('sra.request_id', '=', 'service_requests.id')
            .where('sra.department_code', '=', user.department),
        );
      case 'enterprise':
        if (!user.enterpriseUscc) return sql<SqlBool>`1 = 0`;
        return eb('service_requests.enterprise_id', 'in', eb.selectFrom('enterprises').select('enterprises.id').where('enterprises.uscc', '=', user.enterpriseUscc));
    }
  };
}

const OPEN = sql<boolean>`service_requests.status not in ('resolved', 'confirmed')`;

export async function serviceDashboard(db: Kysely<DB>, user: CurrentUser, today: string): Promise<ServiceDashboard> {
  const [figures, escalated] = await Promise.all([
    db
      .selectFrom('service_requests')
      .where(requestScope(user))
      .select([
        sql<number>`coalesce(sum(case when ${OPEN} then 1 else 0 end), 0)`.as('open'),
        sql<number>`coalesce(sum(case when ${OPEN} and service_requests.due_on < ${today} then 1 else 0 end), 0)`.as('overdue'),
        sql<number>`coalesce(sum(case when ${OPEN} and service_requests.escalated_at is not null then 1 else 0 end), 0)`.as('escalated'),
        sql<number>`coalesce(sum(case when service_requests.resolved_on_time = 1 then 1 else 0 end), 0)`.as('on_time'),
        sql<number>`count(service_requests.resolved_on_time)`.as('resolved'),
        sql<number>`coalesce(sum(service_requests.rating), 0)`.as('rating_sum'),
        sql<number>`count(service_requests.rating)`.as('rated'),
        sql<number>`coalesce(sum(case when service_requests.status = 'confirmed' then 1 else 0 end), 0)`.as('confirmed'),
      ])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('service_requests')
      .innerJoin('enterprises', 'enterprises.id', 'service_requests.enterprise_id')
      .where(requestScope(user))
      .where(OPEN)
      .where('service_requests.escalated_at', 'is not', null)
      .select([
        'service_requests.id',
        'service_requests.title',
        'enterprises.name as enterprise_name',
        'service_requests.region_code',
        'service_requests.due_on',
        'service_requests.escalated_at',
        'service_requests.escalation_note',
      ])
      // Longest under 督办 first: those are the ones the prefecture has waited on.
      .orderBy('service_requests.escalated_at')
      .orderBy('service_requests.id')
      .limit(ESCALATED_LIST_LIMIT)
      .execute(),
  ]);
  const resolved = Number(figures.resolved);
  const rated = Number(figures.rated);
  return {
    open: Number(figures.open),
    overdue: Number(figures.overdue),
    escalated: Number(figures.escalated),
    onTimePercent: resolved ? Math.round((Number(figures.on_time) * 100) / resolved) : null,
    averageRating: rated ? Math.round((Number(figures.rating_sum) * 10) / rated) / 10 : null,
    confirmed: Number(figures.confirmed),
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
