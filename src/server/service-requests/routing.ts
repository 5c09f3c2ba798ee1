import type { Kysely, Transaction } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { REQUEST_STATUS_LABELS, type AssignmentStatus, type RequestStatus } from '../../shared/service-catalog.js';
import { deriveRequestStatus } from '../../shared/service-requests.js';
import { addWorkingDays, loadCalendar } from '../calendar/working-days.js';
import { nowIso, todayInShanghai } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ValidationError } from '../errors.js';
import { notify } from '../notifications/notify.js';
import { notFoundRequest, serviceRequestScope } from './policy.js';

// What the request commands share: the row under scope, deadlines from the service level, the
// request's status and deadlines recomputed from its assignments, the timeline, and who hears of it.

export type Trx = Transaction<DB>;
export type RequestRow = Awaited<ReturnType<typeof lockVisibleRequest>>;

export async function lockVisibleRequest(trx: Kysely<DB>, user: CurrentUser, id: number) {
  const row = await trx.selectFrom('service_requests').selectAll().where('id', '=', id).where(serviceRequestScope(user)).executeTakeFirst();
  if (!row) throw notFoundRequest();
  return row;
}

/** The category's service level: its default department and the deadlines counted from `from`. */
export async function serviceDeadlines(trx: Kysely<DB>, category: string, from: string) {
  const level = await trx.selectFrom('service_levels').selectAll().where('category', '=', category).executeTakeFirstOrThrow();
  const calendar = await loadCalendar(trx, from);
  const dueOn = addWorkingDays(from, level.working_days, calendar);
  return { departmentCode: level.department_code, dueOn, redOn: addWorkingDays(dueOn, level.escalate_after_days, calendar) };
}

/** The codes, each an active department, or a 400 naming the unknown ones. */
export async function assertActiveDepartments(trx: Kysely<DB>, codes: string[], field: string): Promise<void> {
  const rows = await trx.selectFrom('departments').select('code').where('code', 'in', codes).where('active', '=', 1).execute();
  const known = new Set(rows.map((r) => r.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    throw new ValidationError(field, { zh: `部门不存在或已停用:${unknown.join('、')}`, en: `Unknown or inactive department: ${unknown.join(', ')}` }, 'unknown_department');
  }
}

export async function addEvent(
  trx: Kysely<DB>,
  event: { requestId: number; kind: string; user: CurrentUser | null; departmentCode?: string | null; from?: string | null; to?: string | null; note?: string },
): Promise<void> {
  await trx
    .insertInto('service_request_events')
    .values({
      request_id: event.requestId,
      kind: event.kind,
      department_code: event.departmentCode ?? null,
      from_status: event.from ?? null,
      to_status: event.to ?? null,
      note: event.note ?? '',
      user_id: event.user?.id ?? null,
      created_at: nowIso(),
    })
    .execute();
}

/**
 * After any change to its assignments: the request's status by the contract's rule, its deadlines the
 * earliest among departments still working, and, once all have resolved, whether each did so in time.
 */
export async function refreshRequest(trx: Kysely<DB>, row: RequestRow, extra: { status?: RequestStatus } = {}) {
  const assignments = await trx.selectFrom('service_request_assignments').select(['status', 'due_on', 'red_on', 'resolved_at']).where('request_id', '=', row.id).execute();
  const open = assignments.filter((a) => a.status !== 'resolved');
  const status = extra.status ?? deriveRequestStatus(row.status as RequestStatus, assignments.map((a) => a.status as AssignmentStatus));
  const earliest = (key: 'due_on' | 'red_on') => (open.length ? open.map((a) => a[key]).sort()[0] : null);
  const resolved = status === 'resolved';
  const onTime = assignments.every((a) => a.resolved_at !== null && todayInShanghai(new Date(a.resolved_at)) <= a.due_on);
  const now = nowIso();
  const changes = {
    status,
    due_on: earliest('due_on'),
    red_on: earliest('red_on'),
    resolved_at: resolved ? (row.status === 'resolved' ? row.resolved_at : now) : null,
    resolved_on_time: resolved ? (onTime ? 1 : 0) : null,
    version: row.version + 1,
    updated_at: now,
  };
  await trx.updateTable('service_requests').set(changes).where('id', '=', row.id).execute();
  return changes;
}

/** The enterprise's own users and whoever raised the request: those told of its progress. */
export async function requesterIds(trx: Kysely<DB>, row: Pick<RequestRow, 'enterprise_id' | 'raised_by'>): Promise<number[]> {
  const users = await trx
    .selectFrom('users')
    .innerJoin('enterprises', 'enterprises.uscc', 'users.enterprise_uscc')
    .select('users.id')
    .where('users.role', '=', 'enterprise')
    .where('users.active', '=', 1)
    .where('enterprises.id', '=', row.enterprise_id)
    .execute();
  return [...users.map((u) => u.id), ...(row.raised_by !== null ? [row.raised_by] : [])];
}

export function requestLink(id: number) {
  return { link: `/services/${id}`, entity: 'service_request', entityId: id };
}

/** Tells the departments they have a request to handle. */
export async function notifyAssigned(trx: Kysely<DB>, user: CurrentUser, request: { id: number; title: string }, departmentCodes: string[]) {
  await notify({
    trx,
    kind: 'assigned',
    departmentCodes,
    except: [user.id],
    title: { zh: `新的企业诉求待受理:${request.title}`, en: `New service request to handle: ${request.title}` },
    ...requestLink(request.id),
  });
}

/** Tells the enterprise and the raiser that the request moved. */
export async function notifyStatus(trx: Kysely<DB>, user: CurrentUser, row: RequestRow, departmentName: string, to: RequestStatus | AssignmentStatus) {
  const label = REQUEST_STATUS_LABELS[to];
  await notify({
    trx,
    kind: 'status_changed',
    userIds: await requesterIds(trx, row),
    except: [user.id],
    title: { zh: `诉求「${row.title}」${departmentName}${label.zh}`, en: `Service request “${row.title}”: ${label.en.toLowerCase()}` },
    ...requestLink(row.id),
  });
}

export async function departmentCodesOf(trx: Kysely<DB>, requestId: number): Promise<string[]> {
  const rows = await trx.selectFrom('service_request_assignments').select('department_code').where('request_id', '=', requestId).execute();
  return rows.map((r) => r.department_code);
}
