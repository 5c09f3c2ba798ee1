import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { ApprovalQueueFilter, ApprovalQueueQuery } from '../../shared/approvals.js';
import type { CurrentUser } from '../../shared/auth.js';
import type { DB } from '../db/schema.js';
import { containsSearch } from '../db/search.js';
import { projectScope } from '../projects/policy.js';
import { approvalNameEn, ID_SLICE } from './blocks.js';
import { approvalQueueScope } from './policy.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Items with their department's names and English item name; attachments are read apart (one query per page). */
function approvalsWithNames(db: Db) {
  return db
    .selectFrom('project_approvals')
    .innerJoin('departments as d', 'd.code', 'project_approvals.department_code')
    .selectAll('project_approvals')
    .select(['d.name as department_name', 'd.name_en as department_name_en'])
    .select(approvalNameEn);
}
export type ApprovalRow = Awaited<ReturnType<ReturnType<typeof approvalsWithNames>['executeTakeFirstOrThrow']>>;

export interface AttachmentRow {
  id: number;
  owner_id: number;
  file_name: string;
  size_bytes: number;
}

/** The documents of the given items, grouped by item: one query for a whole page. */
export async function approvalAttachments(db: Db, approvalIds: number[]): Promise<Map<number, AttachmentRow[]>> {
  const out = new Map<number, AttachmentRow[]>();
  for (let i = 0; i < approvalIds.length; i += ID_SLICE) {
    const rows = await db
      .selectFrom('attachments')
      .select(['id', 'owner_id', 'file_name', 'size_bytes'])
      .where('owner_type', '=', 'approval')
      .where('owner_id', 'in', approvalIds.slice(i, i + ID_SLICE))
      .orderBy('id')
      .execute();
    for (const r of rows) out.set(r.owner_id, [...(out.get(r.owner_id) ?? []), r]);
  }
  return out;
}

export function projectApprovals(db: Db, projectId: number) {
  return approvalsWithNames(db).where('project_approvals.project_id', '=', projectId).orderBy('project_approvals.seq').orderBy('project_approvals.id').execute();
}

export function projectFactors(db: Db, projectId: number) {
  return db
    .selectFrom('project_factors')
    .leftJoin('departments as d', 'd.code', 'project_factors.department_code')
    .selectAll('project_factors')
    .select(['d.name as department_name', 'd.name_en as department_name_en'])
    .where('project_factors.project_id', '=', projectId)
    .orderBy('project_factors.id')
    .execute();
}
export type FactorRow = Awaited<ReturnType<typeof projectFactors>>[number];

/** The project as approvals need it, if the user may see it; undefined otherwise (then: 404). */
export function findVisibleProjectRef(db: Db, user: CurrentUser, projectId: number) {
  return db
    .selectFrom('projects')
    .select(['projects.id', 'projects.name', 'projects.region_code', 'projects.stage', 'projects.project_type'])
    .where('projects.id', '=', projectId)
    .where(projectScope(user))
    .executeTakeFirst();
}

/** An item and its project's region, if the user may see the project; undefined otherwise. */
export function findVisibleApproval(db: Db, user: CurrentUser, id: number) {
  return approvalsWithNames(db)
    .innerJoin('projects', 'projects.id', 'project_approvals.project_id')
    .select(['projects.region_code', 'projects.name as project_name'])
    .where('project_approvals.id', '=', id)
    .where(projectScope(user))
    .executeTakeFirst();
}

const SORTS = {
  updatedAt: sql`project_approvals.updated_at`,
  submittedOn: sql`project_approvals.submitted_on`,
  projectName: sql`projects.name`,
} as const;

function queueFilter(user: CurrentUser, f: ApprovalQueueFilter) {
  return (eb: ExpressionBuilder<DB, 'project_approvals' | 'projects'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [approvalQueueScope(user)(eb)];
    if (f.status) all.push(eb('project_approvals.status', 'in', f.status.split(',')));
    if (f.departmentCode) all.push(eb('project_approvals.department_code', '=', f.departmentCode));
    if (f.regionCode) all.push(eb('projects.region_code', '=', f.regionCode));
    if (f.q) {
      all.push(eb.or([containsSearch('projects.search_text', f.q) as Expression<SqlBool>, containsSearch('project_approvals.name', f.q) as Expression<SqlBool>]));
    }
    return eb.and(all);
  };
}

function queueRows(db: Db, user: CurrentUser, f: ApprovalQueueFilter) {
  const direction = f.order === 'asc' ? sql`asc` : sql`desc`;
  return approvalsWithNames(db)
    .innerJoin('projects', 'projects.id', 'project_approvals.project_id')
    .innerJoin('regions', 'regions.code', 'projects.region_code')
    .select(['projects.name as project_name', 'projects.region_code', 'regions.name as region_name', 'projects.stage as project_stage'])
    .where(queueFilter(user, f))
    .orderBy(sql`${SORTS[f.sort]} ${direction} nulls last`)
    .orderBy('project_approvals.id', 'desc');
}
export type QueueRow = Awaited<ReturnType<ReturnType<typeof queueRows>['executeTakeFirstOrThrow']>>;

/** Whether the queue's conditions read the project row: a region officer's scope, the region filter, the search. */
function filterReadsProject(user: CurrentUser, f: ApprovalQueueFilter): boolean {
  return !['admin', 'leader', 'department'].includes(user.role) || Boolean(f.regionCode) || Boolean(f.q);
}

export async function approvalQueue(db: Db, user: CurrentUser, q: ApprovalQueueQuery) {
  const filter = queueFilter(user, q);
  // Every item has its project (a foreign key, deleted with it), so the count joins projects only for a
  // condition on it: the prefecture's whole queue counted through the join took 100 ms at 291,498 items.
  const count = filterReadsProject(user, q)
    ? db.selectFrom('project_approvals').innerJoin('projects', 'projects.id', 'project_approvals.project_id').where(filter)
    : db.selectFrom('project_approvals').where((eb) => filter(eb as ExpressionBuilder<DB, 'project_approvals' | 'projects'>));
  const [rows, counted] = await Promise.all([
    queueRows(db, user, q).limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(counted.n) };
}

export function approvalQueueForExport(db: Db, user: CurrentUser, f: ApprovalQueueFilter, limit: number) {
  return queueRows(db, user, f).limit(limit).execute();
}

export async function approvalTemplates(db: Db) {
  const [rows, departments] = await Promise.all([
    db
      .selectFrom('approval_templates as t')
      .innerJoin('departments as d', 'd.code', 't.department_code')
      .select(['t.project_type', 't.seq', 't.name', 't.name_en', 't.department_code', 't.blocks_stage', 'd.name as department_name', 'd.name_en as department_name_en'])
      .orderBy('t.project_type')
      .orderBy('t.seq')
      .execute(),
    db.selectFrom('departments').select(['code', 'name', 'name_en']).where('active', '=', 1).orderBy('sort_order').execute(),
  ]);
  return { rows, departments };
}
