import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { ServiceRequestFilter } from '../../shared/service-requests.js';
import { shiftDays } from '../calendar/working-days.js';
import type { DB } from '../db/schema.js';
import { onlyTextNarrows, searchPlan, listTextSearch, type SearchPlan } from '../db/search.js';
import { serviceRequestScope } from './policy.js';

type Db = Kysely<DB>;

const SORT_COLUMNS = {
  createdAt: sql`service_requests.created_at`,
  updatedAt: sql`service_requests.updated_at`,
  dueOn: sql`service_requests.due_on`,
} as const;

/** Days ahead within which an open deadline counts as due soon. */
export const DUE_SOON_DAYS = 3;

/** The scope and every filter as one condition on `service_requests`; list, export and count share it. */
export function requestFilter(db: Db, user: CurrentUser, f: Partial<ServiceRequestFilter>, today: string, plan: SearchPlan = {}) {
  return (eb: ExpressionBuilder<DB, 'service_requests'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [serviceRequestScope(user)(eb)];
    if (f.q) all.push(listTextSearch(db, 'service_requests', f.q, plan) as Expression<SqlBool>);
    if (f.status) all.push(eb('service_requests.status', '=', f.status));
    if (f.category) all.push(eb('service_requests.category', '=', f.category));
    if (f.regionCode) all.push(eb('service_requests.region_code', '=', f.regionCode));
    if (f.enterpriseId) all.push(eb('service_requests.enterprise_id', '=', f.enterpriseId));
    if (f.projectId) all.push(eb('service_requests.project_id', '=', f.projectId));
    if (f.departmentCode) {
      all.push(
        eb.exists(
          eb
            .selectFrom('service_request_assignments as fa')
            .select('fa.id')
            .whereRef('fa.request_id', '=', 'service_requests.id')
            .where('fa.department_code', '=', f.departmentCode),
        ),
      );
    }
    // due_on is null once nothing is left to do, so a date condition alone means "open and late".
    if (f.flag === 'overdue') all.push(eb('service_requests.due_on', '<', today));
    if (f.flag === 'red') all.push(eb('service_requests.red_on', '<=', today));
    if (f.flag === 'escalated') all.push(eb('service_requests.escalated_at', 'is not', null));
    if (f.flag === 'due_soon') all.push(eb.and([eb('service_requests.due_on', '>=', today), eb('service_requests.due_on', '<=', shiftDays(today, DUE_SOON_DAYS))]));
    return eb.and(all);
  };
}

function requestOrder(f: Pick<ServiceRequestFilter, 'sort' | 'order'>) {
  const direction = f.order === 'asc' ? sql`asc` : sql`desc`;
  return f.sort === 'dueOn' ? sql`${SORT_COLUMNS.dueOn} ${direction} nulls last` : sql`${SORT_COLUMNS[f.sort]} ${direction}`;
}

/** A request with the names shown beside it, each a small subquery by key (as leads do). */
function requestsWithNames(db: Db) {
  return db
    .selectFrom('service_requests')
    .selectAll('service_requests')
    .select((eb) => [
      eb.selectFrom('enterprises as e').select('e.name').whereRef('e.id', '=', 'service_requests.enterprise_id').as('enterprise_name'),
      eb.selectFrom('projects as p').select('p.name').whereRef('p.id', '=', 'service_requests.project_id').as('project_name'),
      eb.selectFrom('regions as r').select('r.name').whereRef('r.code', '=', 'service_requests.region_code').as('region_name'),
      eb.selectFrom('users as u').select('u.display_name').whereRef('u.id', '=', 'service_requests.raised_by').as('raiser_name'),
    ]);
}
export type RequestWithNames = Awaited<ReturnType<ReturnType<typeof requestsWithNames>['executeTakeFirstOrThrow']>>;

export interface DepartmentRef {
  request_id: number;
  department_code: string;
  name: string;
  name_en: string;
  status: string;
}

/** The departments each request is routed to, for a page of requests in one query. */
export async function departmentsOf(db: Db, ids: number[]): Promise<Map<number, DepartmentRef[]>> {
  const byRequest = new Map<number, DepartmentRef[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byRequest;
  const rows = await db
    .selectFrom('service_request_assignments as a')
    .innerJoin('departments as d', 'd.code', 'a.department_code')
    .select(['a.request_id', 'a.department_code', 'd.name', 'd.name_en', 'a.status'])
    .where('a.request_id', 'in', ids)
    .orderBy('d.sort_order')
    .execute();
  for (const row of rows) byRequest.get(row.request_id)?.push(row);
  return byRequest;
}

async function namesInOrder(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await requestsWithNames(db).where('service_requests.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

/** One page: the ids are chosen first along the indexes, then named by value. */
export async function listRequests(db: Db, user: CurrentUser, f: ServiceRequestFilter & { page: number; pageSize: number }, today: string) {
  const plan = await searchPlan(db, 'service_requests', f.q);
  const filter = requestFilter(db, user, f, today, plan);
  const everyRow = user.role === 'admin' || user.role === 'leader';
  const [page, total] = await Promise.all([
    db
      .selectFrom('service_requests')
      .select('service_requests.id')
      .where(filter)
      .orderBy(requestOrder(f))
      .orderBy('service_requests.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    plan.matches !== null && everyRow && onlyTextNarrows(f)
      ? plan.matches
      : db.selectFrom('service_requests').where(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((c) => Number(c.n)),
  ]);
  const ids = page.map((r) => r.id);
  const [rows, departments] = await Promise.all([namesInOrder(db, ids), departmentsOf(db, ids)]);
  return { rows, departments, total };
}

export async function exportRequests(db: Db, user: CurrentUser, f: ServiceRequestFilter, today: string, limit: number) {
  const rows = await requestsWithNames(db).where(requestFilter(db, user, f, today)).orderBy(requestOrder(f)).orderBy('service_requests.id', 'desc').limit(limit).execute();
  return { rows, departments: await departmentsOf(db, rows.map((r) => r.id)) };
}

/** One request if the user may see it; undefined otherwise, exactly as if it did not exist. */
export function findVisibleRequest(db: Db, user: CurrentUser, id: number) {
  return requestsWithNames(db).where('service_requests.id', '=', id).where(serviceRequestScope(user)).executeTakeFirst();
}

export function requestAssignments(db: Db, requestId: number) {
  return db
    .selectFrom('service_request_assignments as a')
    .innerJoin('departments as d', 'd.code', 'a.department_code')
    .leftJoin('users as u', 'u.id', 'a.handler_id')
    .select(['a.department_code', 'd.name', 'd.name_en', 'a.status', 'a.due_on', 'a.red_on', 'a.accepted_at', 'a.resolved_at', 'a.response', 'u.display_name as handler'])
    .where('a.request_id', '=', requestId)
    .orderBy('d.sort_order')
    .execute();
}
export type AssignmentRow = Awaited<ReturnType<typeof requestAssignments>>[number];

export function requestTimeline(db: Db, requestId: number) {
  return db
    .selectFrom('service_request_events as ev')
    .leftJoin('departments as d', 'd.code', 'ev.department_code')
    .leftJoin('users as u', 'u.id', 'ev.user_id')
    .select(['ev.id', 'ev.kind', 'ev.department_code', 'd.name as department_name', 'ev.from_status', 'ev.to_status', 'ev.note', 'u.display_name as actor', 'ev.created_at'])
    .where('ev.request_id', '=', requestId)
    .orderBy('ev.id', 'asc')
    .execute();
}
export type TimelineRow = Awaited<ReturnType<typeof requestTimeline>>[number];

export function ownerAttachments(db: Db, ownerType: 'request' | 'approval', ownerId: number) {
  return db
    .selectFrom('attachments as at')
    .leftJoin('users as u', 'u.id', 'at.uploaded_by')
    .select(['at.id', 'at.file_name', 'at.mime', 'at.size_bytes', 'at.created_at', 'u.display_name as uploader'])
    .where('at.owner_type', '=', ownerType)
    .where('at.owner_id', '=', ownerId)
    .orderBy('at.id', 'asc')
    .execute();
}
export type AttachmentRow = Awaited<ReturnType<typeof ownerAttachments>>[number];
