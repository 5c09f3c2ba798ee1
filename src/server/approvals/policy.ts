import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { UpdateApprovalInput } from '../../shared/approvals.js';
import type { DB } from '../db/schema.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { projectScope } from '../projects/policy.js';

export const APPROVAL_NOUN = { zh: '审批事项', en: 'approval item' };
export const FACTOR_NOUN = { zh: '要素保障', en: 'factor guarantee' };

/**
 * The approval items a user's queue lists, as a condition inside the query: a department sees the items
 * routed to it (not every item of the projects it can open), everyone else the items of the projects
 * in their scope.
 */
export function approvalQueueScope(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'project_approvals' | 'projects'>): Expression<SqlBool> => {
    if (user.role === 'department') {
      return user.department ? eb('project_approvals.department_code', '=', user.department) : sql<SqlBool>`1 = 0`;
    }
    return projectScope(user)(eb);
  };
}

/** Who may write here at all; leaders and enterprises read. Runs before the body is validated. */
export function assertCanWriteApprovals(user: CurrentUser): void {
  if (user.role !== 'admin' && user.role !== 'region' && user.role !== 'department') throw new ForbiddenError();
}

/** Adding, removing and factor writes are the project owners' (checked again per project in the command). */
export function assertProjectOwnerRole(user: CurrentUser): void {
  if (user.role !== 'admin' && user.role !== 'region') throw new ForbiddenError();
}

/** The project's owners: the prefecture's office and the officers of the project's own region. */
export function canManageProject(user: CurrentUser, project: { region_code: string }): boolean {
  return user.role === 'admin' || (user.role === 'region' && user.regionCodes.includes(project.region_code));
}

export function assertCanManageProject(user: CurrentUser, project: { region_code: string }): void {
  if (!canManageProject(user, project)) {
    throw new ForbiddenError({ zh: '只有管理员和项目所在县市(园区)可以维护审批事项和要素保障', en: 'Only administrators and the project’s region can manage its approvals and factors' });
  }
}

// What a department officer may change on an item routed to it; the item itself is the project owner's.
const DEPARTMENT_FIELDS = new Set<keyof UpdateApprovalInput>(['version', 'status', 'submittedOn', 'approvedOn', 'documentNo', 'note']);

export function assertCanEditApproval(user: CurrentUser, project: { region_code: string }, item: { department_code: string }, input: UpdateApprovalInput): void {
  if (canManageProject(user, project)) return;
  if (user.role !== 'department' || user.department !== item.department_code) {
    throw new ForbiddenError({ zh: '只能办理本部门的审批事项', en: 'You can only handle your own department’s approval items' });
  }
  const other = (Object.keys(input) as (keyof UpdateApprovalInput)[]).find((k) => input[k] !== undefined && !DEPARTMENT_FIELDS.has(k));
  if (other) {
    throw new ForbiddenError({ zh: '部门只能更新办理状态、日期和批复文号', en: 'A department can change only the status, dates and document number' }, other, 'department_fields_only');
  }
}

/** Marking an item not required waives a legal step: the prefecture's office decides that. */
export function assertCanWaive(user: CurrentUser): void {
  if (user.role !== 'admin') {
    throw new ForbiddenError({ zh: '只有管理员可以将审批事项标记为无需办理', en: 'Only administrators can mark an approval item as not required' }, 'status', 'waive_admin_only');
  }
}

export function assertAdmin(user: CurrentUser): void {
  if (user.role !== 'admin') throw new ForbiddenError();
}

export const notFoundApproval = () => new NotFoundError(APPROVAL_NOUN);
export const notFoundFactor = () => new NotFoundError(FACTOR_NOUN);
