import type { Kysely, Transaction } from 'kysely';
import { APPROVAL_MOVES, type ApplyTemplateInput, type CreateApprovalInput, type PutTemplateInput, type UpdateApprovalInput } from '../../shared/approvals.js';
import type { CurrentUser } from '../../shared/auth.js';
import { APPROVAL_STATUS_LABELS, PROJECT_TYPE_LABELS, type ApprovalStatus, type ProjectType } from '../../shared/service-catalog.js';
import { recordAudit } from '../audit/record.js';
import { nowIso, todayInShanghai } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ConflictError, ValidationError, VersionConflictError } from '../errors.js';
import { notify } from '../notifications/notify.js';
import { notFoundProject } from '../projects/policy.js';
import { settleProjectWrite } from './blocks.js';
import { APPROVAL_NOUN, assertAdmin, assertCanEditApproval, assertCanManageProject, assertCanWaive, notFoundApproval } from './policy.js';
import { findVisibleApproval, findVisibleProjectRef } from './queries.js';

type Trx = Transaction<DB>;
export const approvalVersionConflict = () => new VersionConflictError(APPROVAL_NOUN);

/** The project if the user may see it (else 404) and, for writes, manage it (else 403). */
export async function lockManagedProject(trx: Trx, user: CurrentUser, projectId: number) {
  const project = await findVisibleProjectRef(trx, user, projectId);
  if (!project) throw notFoundProject();
  assertCanManageProject(user, project);
  return project;
}

export async function assertDepartment(trx: Trx | Kysely<DB>, code: string, field: string): Promise<void> {
  const found = await trx.selectFrom('departments').select('code').where('code', '=', code).where('active', '=', 1).executeTakeFirst();
  if (!found) throw new ValidationError(field, { zh: '责任部门不存在', en: 'No such department' }, 'invalid_department');
}

/** A document date: a real day, not one still to come. */
export function assertNotFuture(date: string | null | undefined, field: string, label: { zh: string; en: string }, today: string): void {
  if (date && date > today) {
    throw new ValidationError(field, { zh: `${label.zh}不能晚于今天(${today})`, en: `${label.en} cannot be after today (${today})` }, 'date_in_future');
  }
}

function duplicateName(name: string) {
  return new ConflictError({ zh: `该项目已有审批事项“${name}”`, en: `The project already has the approval item “${name}”` }, 'approval_exists', 'name');
}

async function notifyDepartments(trx: Trx, user: CurrentUser, project: { id: number; name: string }, items: { name: string; department_code: string }[]) {
  for (const code of new Set(items.map((i) => i.department_code))) {
    const names = items.filter((i) => i.department_code === code).map((i) => i.name);
    await notify({
      trx,
      kind: 'approval',
      departmentCodes: [code],
      except: [user.id],
      title: { zh: `${project.name}:待办审批事项 ${names.join('、')}`, en: `${project.name}: approval items to handle (${names.length})` },
      link: `/projects/${project.id}?tab=services`,
      entity: 'project',
      entityId: project.id,
    });
  }
}

/**
 * Gives the project the template's items it does not have yet (by name), each with the template's
 * department and blocking stage, and records the project's type. Applying twice adds nothing.
 */
export async function applyApprovalTemplate(options: { db: Kysely<DB>; user: CurrentUser; projectId: number; input: ApplyTemplateInput }): Promise<number> {
  const { db, user, projectId, input } = options;
  return db.transaction().execute(async (trx) => {
    const project = await lockManagedProject(trx, user, projectId);
    const [template, existing] = await Promise.all([
      trx.selectFrom('approval_templates').selectAll().where('project_type', '=', input.projectType).orderBy('seq').execute(),
      trx.selectFrom('project_approvals').select(['name', 'seq']).where('project_id', '=', projectId).execute(),
    ]);
    const have = new Set(existing.map((e) => e.name));
    let seq = Math.max(0, ...existing.map((e) => e.seq));
    const now = nowIso();
    const added = template
      .filter((t) => !have.has(t.name))
      .map((t) => ({ project_id: projectId, seq: ++seq, name: t.name, department_code: t.department_code, status: 'pending', blocks_stage: t.blocks_stage, created_at: now, updated_at: now }));
    if (added.length > 0) await trx.insertInto('project_approvals').values(added).execute();
    if (project.project_type !== input.projectType) await trx.updateTable('projects').set({ project_type: input.projectType }).where('id', '=', projectId).execute();
    if (added.length === 0 && project.project_type === input.projectType) return 0;
    await settleProjectWrite(trx, projectId, {
      actor: user,
      action: 'approval.apply_template',
      entity: 'project',
      entityId: projectId,
      before: { projectType: project.project_type },
      after: { projectType: input.projectType, added: added.map((a) => a.name) },
    });
    await notifyDepartments(trx, user, project, added);
    return added.length;
  });
}

export async function createApproval(options: { db: Kysely<DB>; user: CurrentUser; projectId: number; input: CreateApprovalInput }): Promise<number> {
  const { db, user, projectId, input } = options;
  return db.transaction().execute(async (trx) => {
    const project = await lockManagedProject(trx, user, projectId);
    await assertDepartment(trx, input.departmentCode, 'departmentCode');
    const existing = await trx.selectFrom('project_approvals').select(['name', 'seq']).where('project_id', '=', projectId).execute();
    if (existing.some((e) => e.name === input.name)) throw duplicateName(input.name);
    const now = nowIso();
    const row = await trx
      .insertInto('project_approvals')
      .values({
        project_id: projectId,
        seq: Math.max(0, ...existing.map((e) => e.seq)) + 1,
        name: input.name,
        department_code: input.departmentCode,
        status: 'pending',
        blocks_stage: input.blocksStage,
        note: input.note ?? '',
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await settleProjectWrite(trx, projectId, { actor: user, action: 'approval.create', entity: 'approval', entityId: row.id, after: row });
    await notifyDepartments(trx, user, project, [row]);
    return row.id;
  });
}

interface ApprovalColumns {
  status?: string;
  submitted_on?: string | null;
  approved_on?: string | null;
  document_no?: string;
  note?: string;
  name?: string;
  department_code?: string;
  blocks_stage?: string;
}

/** The item's next state, checked: an allowed move, and the date each state needs, never in the future. */
function plannedChanges(user: CurrentUser, row: { status: string; submitted_on: string | null; approved_on: string | null }, input: UpdateApprovalInput): ApprovalColumns {
  const today = todayInShanghai();
  const from = row.status as ApprovalStatus;
  const to = input.status ?? from;
  if (to !== from) {
    if (to === 'not_required') assertCanWaive(user);
    else if (!APPROVAL_MOVES[from].includes(to) || (from === 'not_required' && user.role !== 'admin')) {
      const [a, b] = [APPROVAL_STATUS_LABELS[from], APPROVAL_STATUS_LABELS[to]];
      throw new ValidationError('status', { zh: `审批事项不能从“${a.zh}”改为“${b.zh}”`, en: `An approval item cannot go from ${a.en} to ${b.en}` }, 'invalid_approval_move');
    }
  }
  const submittedOn = input.submittedOn !== undefined ? input.submittedOn : row.submitted_on;
  const approvedOn = input.approvedOn !== undefined ? input.approvedOn : row.approved_on;
  if (to !== from && to === 'submitted' && !submittedOn) {
    throw new ValidationError('submittedOn', { zh: '申报时请填写申报日期', en: 'Give the date it was submitted' }, 'date_required');
  }
  if (to !== from && to === 'approved' && !approvedOn) {
    throw new ValidationError('approvedOn', { zh: '批复时请填写批复日期', en: 'Give the date it was approved' }, 'date_required');
  }
  assertNotFuture(input.submittedOn, 'submittedOn', { zh: '申报日期', en: 'The submission date' }, today);
  assertNotFuture(input.approvedOn, 'approvedOn', { zh: '批复日期', en: 'The approval date' }, today);
  if (submittedOn && approvedOn && approvedOn < submittedOn) {
    throw new ValidationError('approvedOn', { zh: `批复日期不能早于申报日期(${submittedOn})`, en: `The approval date cannot be before the submission date (${submittedOn})` }, 'dates_out_of_order');
  }
  const changes: ApprovalColumns = {
    status: to,
    submitted_on: submittedOn,
    approved_on: approvedOn,
    document_no: input.documentNo,
    note: input.note,
    name: input.name,
    department_code: input.departmentCode,
    blocks_stage: input.blocksStage,
  };
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as ApprovalColumns;
}

/** Moves an item along pending → submitted → approved | rejected (and back to submitted), or edits it. */
export async function updateApproval(options: { db: Kysely<DB>; user: CurrentUser; id: number; input: UpdateApprovalInput }): Promise<void> {
  const { db, user, id, input } = options;
  await db.transaction().execute(async (trx) => {
    const row = await findVisibleApproval(trx, user, id);
    if (!row) throw notFoundApproval();
    assertCanEditApproval(user, row, row, input);
    if (row.version !== input.version) throw approvalVersionConflict();
    const all = plannedChanges(user, row, input);
    if (all.department_code && all.department_code !== row.department_code) await assertDepartment(trx, all.department_code, 'departmentCode');
    if (all.name && all.name !== row.name) {
      const clash = await trx.selectFrom('project_approvals').select('id').where('project_id', '=', row.project_id).where('name', '=', all.name).executeTakeFirst();
      if (clash) throw duplicateName(all.name);
    }
    const changed = (Object.keys(all) as (keyof ApprovalColumns)[]).filter((k) => all[k] !== row[k]);
    if (changed.length === 0) return;
    const set = Object.fromEntries(changed.map((k) => [k, all[k]]));
    const result = await trx
      .updateTable('project_approvals')
      .set({ ...set, version: row.version + 1, updated_at: nowIso() })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw approvalVersionConflict();
    await settleProjectWrite(trx, row.project_id, { actor: user, action: 'approval.update', entity: 'approval', entityId: id, before: Object.fromEntries(changed.map((k) => [k, row[k]])), after: set });
    if (set.status) {
      const label = APPROVAL_STATUS_LABELS[set.status as ApprovalStatus];
      const regionOfficers = await trx.selectFrom('user_regions').innerJoin('users', 'users.id', 'user_regions.user_id').select('users.id').where('user_regions.region_code', '=', row.region_code).where('users.active', '=', 1).execute();
      await notify({
        trx,
        kind: 'approval',
        admins: true,
        userIds: regionOfficers.map((u) => u.id),
        departmentCodes: [row.department_code],
        except: [user.id],
        title: { zh: `${row.project_name}:${row.name}${label.zh}`, en: `${row.project_name}: ${row.name_en || row.name} ${label.en.toLowerCase()}` },
        link: `/projects/${row.project_id}?tab=services`,
        entity: 'approval',
        entityId: id,
      });
    }
  });
}

export async function deleteApproval(options: { db: Kysely<DB>; user: CurrentUser; id: number; version: number }): Promise<void> {
  const { db, user, id, version } = options;
  await db.transaction().execute(async (trx) => {
    const row = await findVisibleApproval(trx, user, id);
    if (!row) throw notFoundApproval();
    assertCanManageProject(user, row);
    if (row.version !== version) throw approvalVersionConflict();
    const attached = await trx.selectFrom('attachments').select('id').where('owner_type', '=', 'approval').where('owner_id', '=', id).executeTakeFirst();
    if (attached) {
      throw new ConflictError({ zh: '该审批事项已有文件,不能删除;如不需办理,请标记为“无需办理”', en: 'This item has documents and cannot be deleted; mark it not required instead' }, 'approval_has_documents');
    }
    await trx.deleteFrom('project_approvals').where('id', '=', id).where('version', '=', version).execute();
    const { department_name: _d, department_name_en: _e, name_en: _n, region_code: _r, project_name: _p, ...before } = row;
    await settleProjectWrite(trx, row.project_id, { actor: user, action: 'approval.delete', entity: 'approval', entityId: id, before });
  });
}

/**
 * Replaces a project type's template. Projects that already applied it keep their items: the template
 * is where new projects start, not a rule rewritten under work in progress.
 */
export async function putApprovalTemplate(options: { db: Kysely<DB>; user: CurrentUser; projectType: ProjectType; input: PutTemplateInput }): Promise<void> {
  const { db, user, projectType, input } = options;
  assertAdmin(user);
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    if (seen.has(item.name)) {
      throw new ValidationError(`items.${i}.name`, { zh: `审批事项“${item.name}”重复`, en: `The item “${item.name}” is listed twice` }, 'duplicate_item');
    }
    seen.add(item.name);
  });
  await db.transaction().execute(async (trx) => {
    for (const [i, item] of input.items.entries()) await assertDepartment(trx, item.departmentCode, `items.${i}.departmentCode`);
    const before = await trx.selectFrom('approval_templates').selectAll().where('project_type', '=', projectType).orderBy('seq').execute();
    await trx.deleteFrom('approval_templates').where('project_type', '=', projectType).execute();
    const rows = input.items.map((item, i) => ({
      project_type: projectType,
      seq: i + 1,
      name: item.name,
      name_en: item.nameEn ?? '',
      department_code: item.departmentCode,
      blocks_stage: item.blocksStage,
    }));
    await trx.insertInto('approval_templates').values(rows).execute();
    await recordAudit(trx, {
      actor: user,
      action: 'approval_template.put',
      entity: 'approval_template',
      entityId: projectType,
      before: before.map(({ id: _id, ...r }) => r),
      after: { label: PROJECT_TYPE_LABELS[projectType].zh, items: rows },
    });
  });
}
