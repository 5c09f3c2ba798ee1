import type { Kysely } from 'kysely';
import { copyProjectToRequests, refreshProjectDepartments } from '../projects/departments.js';
import type { CurrentUser } from '../../shared/auth.js';
import { REQUEST_STATUS_LABELS, type AssignmentStatus } from '../../shared/service-catalog.js';
import {
  NEXT_ASSIGNMENT_STATUS,
  type AddAssignmentInput,
  type AssignmentTransitionInput,
  type ConfirmServiceRequestInput,
  type CreateServiceRequestInput,
  type ReopenServiceRequestInput,
} from '../../shared/service-requests.js';
import { recordAudit } from '../audit/record.js';
import { nowIso, todayInShanghai } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { notify } from '../notifications/notify.js';
import { assertCanRaise, canAddDepartment, canConfirm, canTransition } from './policy.js';
import {
  addEvent,
  assertActiveDepartments,
  departmentCodesOf,
  lockVisibleRequest,
  notifyAssigned,
  notifyStatus,
  refreshRequest,
  requestLink,
  serviceDeadlines,
  type RequestRow,
} from './routing.js';
import { requestSearchText } from './search.js';

const label = (status: string) => REQUEST_STATUS_LABELS[status as AssignmentStatus]?.zh ?? status;
const labelEn = (status: string) => REQUEST_STATUS_LABELS[status as AssignmentStatus]?.en ?? status;

/** The enterprise a request is for: the caller's own for an enterprise user, else the one named. */
async function requestEnterprise(trx: Kysely<DB>, user: CurrentUser, enterpriseId: number | undefined) {
  if (user.role === 'enterprise') {
    const own = user.enterpriseUscc ? await trx.selectFrom('enterprises').selectAll().where('uscc', '=', user.enterpriseUscc).executeTakeFirst() : undefined;
    if (!own) throw new ForbiddenError({ zh: '您的账号未关联企业,无法提出诉求', en: 'Your account is not linked to an enterprise' }, 'enterpriseId');
    if (enterpriseId !== undefined && enterpriseId !== own.id) {
      throw new ForbiddenError({ zh: '只能为本企业提出诉求', en: 'You can only raise requests for your own enterprise' }, 'enterpriseId', 'enterprise_out_of_scope');
    }
    return own;
  }
  if (enterpriseId === undefined) throw new ValidationError('enterpriseId', { zh: '请选择企业', en: 'Choose the enterprise' }, 'required');
  const row = await trx.selectFrom('enterprises').selectAll().where('id', '=', enterpriseId).executeTakeFirst();
  if (!row) throw new ValidationError('enterpriseId', { zh: '企业不存在', en: 'No such enterprise' }, 'unknown_enterprise');
  return row;
}

/** Raises a request, routes it to its departments with their deadlines, and tells them. */
export async function createServiceRequest(options: { db: Kysely<DB>; user: CurrentUser; input: CreateServiceRequestInput; isSample?: boolean; today?: string }): Promise<number> {
  const { db, user, input } = options;
  assertCanRaise(user);
  const today = options.today ?? todayInShanghai();
  return db.transaction().execute(async (trx) => {
    const enterprise = await requestEnterprise(trx, user, input.enterpriseId);
    let regionCode = enterprise.region_code;
    if (input.projectId) {
      const project = await trx.selectFrom('projects').select(['id', 'region_code', 'enterprise_id', 'investor_uscc']).where('id', '=', input.projectId).executeTakeFirst();
      if (!project || (project.enterprise_id !== enterprise.id && project.investor_uscc !== enterprise.uscc)) {
        throw new ValidationError('projectId', { zh: '该项目不属于所选企业', en: 'That project does not belong to the enterprise' }, 'project_not_of_enterprise');
      }
      regionCode = project.region_code;
    }
    if (user.role === 'region' && !(regionCode && user.regionCodes.includes(regionCode))) {
      throw new ForbiddenError({ zh: '只能为本县市(园区)的企业提出诉求', en: 'You can only raise requests for enterprises of your own region' }, 'enterpriseId', 'region_out_of_scope');
    }
    const deadlines = await serviceDeadlines(trx, input.category, today);
    const codes = [...new Set(input.departmentCodes?.length ? input.departmentCodes : [deadlines.departmentCode])];
    await assertActiveDepartments(trx, codes, 'departmentCodes');
    const now = nowIso();
    const row = await trx
      .insertInto('service_requests')
      .values({
        enterprise_id: enterprise.id,
        project_id: input.projectId ?? null,
        region_code: regionCode,
        category: input.category,
        title: input.title,
        description: input.description,
        status: 'submitted',
        raised_by: user.id,
        on_behalf: user.role === 'enterprise' ? 0 : 1,
        from_visit: input.fromVisit ? 1 : 0,
        due_on: deadlines.dueOn,
        red_on: deadlines.redOn,
        search_text: requestSearchText(input.title, input.description, enterprise.name),
        is_sample: options.isSample ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('service_request_assignments')
      .values(codes.map((code) => ({ request_id: row.id, department_code: code, status: 'submitted', due_on: deadlines.dueOn, red_on: deadlines.redOn, created_at: now, updated_at: now })))
      .execute();
    if (row.project_id !== null) {
      await refreshProjectDepartments(trx, row.project_id);
      await copyProjectToRequests(trx, row.project_id);
    }
    await addEvent(trx, { requestId: row.id, kind: 'created', user, to: 'submitted', note: input.fromVisit ? '走访中记录' : '' });
    for (const code of codes) await addEvent(trx, { requestId: row.id, kind: 'assigned', user, departmentCode: code, note: `办理期限 ${deadlines.dueOn}` });
    await notifyAssigned(trx, user, row, codes);
    await recordAudit(trx, { actor: user, action: 'service_request.create', entity: 'service_request', entityId: row.id, after: { ...row, departments: codes } });
    return row.id;
  });
}

function assertNotConfirmed(row: RequestRow): void {
  if (row.status === 'confirmed') {
    throw new ConflictError({ zh: '该诉求已确认办结,不能再变更', en: 'This request has been confirmed and is closed' }, 'request_closed');
  }
}

/** Routes a request to one more department, with a deadline counted from today. */
export async function addAssignment(options: { db: Kysely<DB>; user: CurrentUser; id: number; input: AddAssignmentInput; today?: string }): Promise<void> {
  const { db, user, id, input } = options;
  const today = options.today ?? todayInShanghai();
  await db.transaction().execute(async (trx) => {
    const row = await lockVisibleRequest(trx, user, id);
    if (!canAddDepartment(user)) throw new ForbiddenError({ zh: '只有州招商局和县市(园区)招商专员可以增加办理部门', en: 'Only investment officers can add a department' }, 'departmentCode');
    assertNotConfirmed(row);
    await assertActiveDepartments(trx, [input.departmentCode], 'departmentCode');
    if ((await departmentCodesOf(trx, id)).includes(input.departmentCode)) {
      throw new ConflictError({ zh: '该部门已在办理此诉求', en: 'That department already handles this request' }, 'assignment_exists', 'departmentCode');
    }
    const deadlines = await serviceDeadlines(trx, row.category, today);
    const now = nowIso();
    await trx
      .insertInto('service_request_assignments')
      .values({ request_id: id, department_code: input.departmentCode, status: 'submitted', due_on: deadlines.dueOn, red_on: deadlines.redOn, created_at: now, updated_at: now })
      .execute();
    if (row.project_id !== null) await refreshProjectDepartments(trx, row.project_id);
    // A resolved request that gains a department is open again, for that department only.
    const changes = await refreshRequest(trx, row, row.status === 'resolved' ? { status: 'in_progress' } : {});
    await addEvent(trx, { requestId: id, kind: 'assigned', user, departmentCode: input.departmentCode, note: `办理期限 ${deadlines.dueOn}` });
    await notifyAssigned(trx, user, row, [input.departmentCode]);
    await recordAudit(trx, { actor: user, action: 'service_request.assign', entity: 'service_request', entityId: id, before: { status: row.status }, after: { departmentCode: input.departmentCode, dueOn: deadlines.dueOn, status: changes.status } });
  });
}

/** Moves one department's assignment one step: 受理, 办理中, 办结 (with the response). */
export async function transitionAssignment(options: { db: Kysely<DB>; user: CurrentUser; id: number; departmentCode: string; input: AssignmentTransitionInput }): Promise<void> {
  const { db, user, id, departmentCode, input } = options;
  await db.transaction().execute(async (trx) => {
    const row = await lockVisibleRequest(trx, user, id);
    if (!canTransition(user, departmentCode)) {
      throw new ForbiddenError({ zh: '只能办理本部门的诉求', en: 'You can only act on your own department’s assignment' }, 'departmentCode');
    }
    const assignment = await trx.selectFrom('service_request_assignments as a').innerJoin('departments as d', 'd.code', 'a.department_code').select(['a.id', 'a.status', 'd.name']).where('a.request_id', '=', id).where('a.department_code', '=', departmentCode).executeTakeFirst();
    if (!assignment) throw new NotFoundError({ zh: '办理部门', en: 'Assignment' });
    assertNotConfirmed(row);
    const from = assignment.status as AssignmentStatus;
    if (NEXT_ASSIGNMENT_STATUS[from] !== input.to) {
      throw new ConflictError(
        { zh: `不能从“${label(from)}”变为“${label(input.to)}”`, en: `Cannot move from “${labelEn(from)}” to “${labelEn(input.to)}”` },
        'illegal_transition',
        'to',
      );
    }
    const note = input.note?.trim() ?? '';
    if (input.to === 'resolved' && !note) throw new ValidationError('note', { zh: '办结时请填写办理结果', en: 'Describe the result when resolving' }, 'required');
    const now = nowIso();
    const set = {
      status: input.to,
      handler_id: user.id,
      updated_at: now,
      ...(input.to === 'accepted' ? { accepted_at: now } : {}),
      ...(input.to === 'resolved' ? { resolved_at: now, response: note } : {}),
    };
    // Conditional on the status read: two clicks at once move it once.
    const moved = await trx.updateTable('service_request_assignments').set(set).where('id', '=', assignment.id).where('status', '=', from).executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new ConflictError({ zh: '该诉求已被他人办理,请刷新', en: 'Someone else moved this; reload' }, 'version_conflict');
    const changes = await refreshRequest(trx, row);
    await addEvent(trx, { requestId: id, kind: input.to, user, departmentCode, from, to: input.to, note });
    await notifyStatus(trx, user, row, assignment.name, input.to);
    await recordAudit(trx, { actor: user, action: 'service_request.transition', entity: 'service_request', entityId: id, before: { departmentCode, status: from, request: row.status }, after: { departmentCode, status: input.to, note, request: changes.status } });
  });
}

async function lockResolvedForEnterprise(trx: Kysely<DB>, user: CurrentUser, id: number, field: string) {
  const row = await lockVisibleRequest(trx, user, id);
  if (!canConfirm(user)) throw new ForbiddenError({ zh: '只有提出诉求的企业可以确认或要求重新办理', en: 'Only the enterprise can confirm or reopen' }, field);
  if (row.status !== 'resolved') {
    throw new ConflictError({ zh: `诉求当前为“${label(row.status)}”,办结后才能确认或重新办理`, en: `The request is “${labelEn(row.status)}”; it must be resolved first` }, 'not_resolved', field);
  }
  return row;
}

/** The enterprise accepts the result with a rating: final. */
export async function confirmServiceRequest(options: { db: Kysely<DB>; user: CurrentUser; id: number; input: ConfirmServiceRequestInput }): Promise<void> {
  const { db, user, id, input } = options;
  await db.transaction().execute(async (trx) => {
    const row = await lockResolvedForEnterprise(trx, user, id, 'rating');
    const now = nowIso();
    const comment = input.comment?.trim() ?? '';
    await trx.updateTable('service_requests').set({ status: 'confirmed', confirmed_at: now, rating: input.rating, rating_comment: comment, version: row.version + 1, updated_at: now }).where('id', '=', id).execute();
    await addEvent(trx, { requestId: id, kind: 'confirmed', user, from: 'resolved', to: 'confirmed', note: `评价 ${input.rating} 星${comment ? `:${comment}` : ''}` });
    await notify({
      trx,
      kind: 'confirmed',
      departmentCodes: await departmentCodesOf(trx, id),
      except: [user.id],
      title: { zh: `诉求「${row.title}」已确认办结,评价 ${input.rating} 星`, en: `Service request “${row.title}” confirmed, rated ${input.rating}` },
      ...requestLink(id),
    });
    await recordAudit(trx, { actor: user, action: 'service_request.confirm', entity: 'service_request', entityId: id, before: { status: row.status }, after: { status: 'confirmed', rating: input.rating, comment } });
  });
}

/** The enterprise is not satisfied: every department works on it again, with a new deadline from today. */
export async function reopenServiceRequest(options: { db: Kysely<DB>; user: CurrentUser; id: number; input: ReopenServiceRequestInput; today?: string }): Promise<void> {
  const { db, user, id, input } = options;
  const today = options.today ?? todayInShanghai();
  await db.transaction().execute(async (trx) => {
    const row = await lockResolvedForEnterprise(trx, user, id, 'reason');
    const deadlines = await serviceDeadlines(trx, row.category, today);
    await trx
      .updateTable('service_request_assignments')
      .set({ status: 'in_progress', due_on: deadlines.dueOn, red_on: deadlines.redOn, resolved_at: null, updated_at: nowIso() })
      .where('request_id', '=', id)
      .execute();
    const changes = await refreshRequest(trx, row, { status: 'reopened' });
    await addEvent(trx, { requestId: id, kind: 'reopened', user, from: 'resolved', to: 'reopened', note: input.reason });
    await notify({
      trx,
      kind: 'reopened',
      departmentCodes: await departmentCodesOf(trx, id),
      except: [user.id],
      title: { zh: `诉求「${row.title}」被要求重新办理,期限 ${deadlines.dueOn}`, en: `Service request “${row.title}” reopened, due ${deadlines.dueOn}` },
      ...requestLink(id),
    });
    await recordAudit(trx, { actor: user, action: 'service_request.reopen', entity: 'service_request', entityId: id, before: { status: row.status }, after: { status: changes.status, reason: input.reason, dueOn: deadlines.dueOn } });
  });
}
