import { sql, type Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { EscalateRequestInput } from '../../shared/service-dashboard.js';
import type { NotificationKind } from '../../shared/service-catalog.js';
import { recordAudit } from '../audit/record.js';
import { addWorkingDays, loadCalendar } from '../calendar/working-days.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { notify } from '../notifications/notify.js';
import { addEvent, requestLink } from './routing.js';

// 督办: the prefecture takes up a request its departments let run past the red line. This file owns the
// escalation columns, the 'escalated' timeline event and the deadline notices.
const CLOSED = ['resolved', 'confirmed'];
/** Named rather than "not resolved", so the (status, due_on) index is sought, not scanned. */
const OPEN_ASSIGNMENT = ['submitted', 'accepted', 'in_progress'];
const AUTO_NOTE = '超过督办时限仍未办结,系统自动提请州级督办';

/**
 * Escalates one open request that is not yet escalated, inside the caller's transaction: the columns,
 * the timeline, the audit entry and the notices land together. The UPDATE carries the condition itself
 * (escalated_at is null), so of two instances sweeping at once exactly one escalates; the other gets
 * false. `user` is null for the automatic sweep.
 */
export async function escalateRequest(options: { trx: Kysely<DB>; requestId: number; note: string; user: CurrentUser | null }): Promise<boolean> {
  const { trx, requestId, note, user } = options;
  const at = nowIso();
  // The version is left alone: escalation touches only its own columns, and a department answering
  // the request at the same moment should not be told someone else changed it.
  const updated = await trx
    .updateTable('service_requests')
    .set({ escalated_at: at, escalation_note: note, updated_at: at })
    .where('id', '=', requestId)
    .where('escalated_at', 'is', null)
    .where('status', 'not in', CLOSED)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;

  const request = await trx.selectFrom('service_requests').select(['id', 'title']).where('id', '=', requestId).executeTakeFirstOrThrow();
  await addEvent(trx, { requestId, kind: 'escalated', user, note });
  await recordAudit(trx, {
    actor: user,
    action: 'service_request.escalate',
    entity: 'service_request',
    entityId: requestId,
    before: { escalatedAt: null },
    after: { escalatedAt: at, escalationNote: note },
  });
  const open = await trx
    .selectFrom('service_request_assignments')
    .select('department_code')
    .where('request_id', '=', requestId)
    .where('status', '<>', 'resolved')
    .execute();
  await notify({
    trx,
    kind: 'escalated',
    admins: true,
    departmentCodes: open.map((a) => a.department_code),
    except: user ? [user.id] : [],
    title: { zh: `督办:${request.title}`, en: `Escalated to the prefecture: ${request.title}` },
    ...requestLink(requestId),
  });
  return true;
}

/** An administrator's 督办 of one request: 404 if it does not exist, 409 if closed or already escalated. */
export async function escalateByAdmin(options: { db: Kysely<DB>; user: CurrentUser; requestId: number; input: EscalateRequestInput }) {
  const { db, user, requestId, input } = options;
  if (user.role !== 'admin') throw new ForbiddenError();
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('service_requests').select(['status', 'escalated_at']).where('id', '=', requestId).executeTakeFirst();
    if (!row) throw new NotFoundError({ zh: '诉求', en: 'Service request' });
    if (CLOSED.includes(row.status)) {
      throw new ConflictError({ zh: '该诉求已办结,无需督办', en: 'This request is already resolved; there is nothing to escalate' }, 'request_closed');
    }
    if (!(await escalateRequest({ trx, requestId, note: input.note, user }))) {
      throw new ConflictError({ zh: '该诉求已在督办中', en: 'This request is already escalated' }, 'already_escalated');
    }
    return trx.selectFrom('service_requests').select(['id', 'escalated_at', 'escalation_note']).where('id', '=', requestId).executeTakeFirstOrThrow();
  });
}

interface Reminder {
  assignmentId: number;
  requestId: number;
  departmentCode: string;
  dueOn: string;
  title: string;
}

/** Open assignments due within [from, to] whose reminder of this kind has not been written yet. */
function pendingReminders(db: Kysely<DB>, kind: NotificationKind, range: { from?: string; to: string; before?: boolean }): Promise<Reminder[]> {
  let q = db
    .selectFrom('service_request_assignments as a')
    .innerJoin('service_requests as r', 'r.id', 'a.request_id')
    .select(['a.id as assignmentId', 'a.request_id as requestId', 'a.department_code as departmentCode', 'a.due_on as dueOn', 'r.title'])
    .where('a.status', 'in', OPEN_ASSIGNMENT)
    .where('r.status', 'not in', CLOSED)
    .where((eb) =>
      eb.and([
        eb.not(eb.exists(eb.selectFrom('notifications as n').select('n.id').where('n.dedupe_key', '=', sql<string>`${kind + ':'} || cast(a.id as varchar(20)) || ${':'} || a.due_on`))),
        // A department with nobody to tell would otherwise be retried every sweep, one transaction each.
        eb.exists(eb.selectFrom('users as u').select('u.id').whereRef('u.department', '=', 'a.department_code').where('u.role', '=', 'department').where('u.active', '=', 1)),
      ]),
    );
  q = range.before ? q.where('a.due_on', '<', range.to) : q.where('a.due_on', '>=', range.from!).where('a.due_on', '<=', range.to);
  return q.orderBy('a.id').execute();
}

async function sendReminders(db: Kysely<DB>, kind: 'due_soon' | 'overdue', reminders: Reminder[]): Promise<number> {
  let written = 0;
  for (const r of reminders) {
    const title =
      kind === 'due_soon'
        ? { zh: `即将到期:${r.title}(请于 ${r.dueOn} 前办结)`, en: `Due soon: ${r.title} (by ${r.dueOn})` }
        : { zh: `已超期:${r.title}(应于 ${r.dueOn} 前办结)`, en: `Overdue: ${r.title} (was due ${r.dueOn})` };
    // The key is per assignment and deadline: a reopened request's new deadline is reminded afresh.
    written += await db.transaction().execute((trx) =>
      notify({ trx, kind, departmentCodes: [r.departmentCode], title, ...requestLink(r.requestId), dedupeKey: `${kind}:${r.assignmentId}:${r.dueOn}` }),
    );
  }
  return written;
}

export interface SweepCounts {
  /** Reminder notices written (one per department officer). */
  dueSoon: number;
  overdue: number;
  /** Requests escalated by this sweep. */
  escalated: number;
}

/**
 * One pass over open deadlines as of `today` (Asia/Shanghai): reminds departments of assignments due
 * today or on the next working day and of those past due, each once (dedupe keys), and escalates every
 * open request past its red line. Safe to run from several instances at once.
 */
export async function sweepServiceDeadlines(options: { db: Kysely<DB>; today: string }): Promise<SweepCounts> {
  const { db, today } = options;
  const nextWorkingDay = addWorkingDays(today, 1, await loadCalendar(db, today, 30));
  const dueSoon = await sendReminders(db, 'due_soon', await pendingReminders(db, 'due_soon', { from: today, to: nextWorkingDay }));
  const overdue = await sendReminders(db, 'overdue', await pendingReminders(db, 'overdue', { to: today, before: true }));

  const red = await db
    .selectFrom('service_requests')
    .select('id')
    .where('status', 'not in', CLOSED)
    .where('red_on', '<=', today)
    .where('escalated_at', 'is', null)
    .orderBy('id')
    .execute();
  let escalated = 0;
  for (const { id } of red) {
    if (await db.transaction().execute((trx) => escalateRequest({ trx, requestId: id, note: AUTO_NOTE, user: null }))) escalated += 1;
  }
  return { dueSoon, overdue, escalated };
}
