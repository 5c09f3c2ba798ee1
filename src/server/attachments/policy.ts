import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { DB } from '../db/schema.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { projectScope } from '../projects/policy.js';
import { canUpload } from '../service-requests/policy.js';
import { lockVisibleRequest } from '../service-requests/routing.js';

export type OwnerType = 'request' | 'approval';
export const ATTACHMENT_NOUN = { zh: '附件', en: 'Attachment' };
const APPROVAL_NOUN = { zh: '审批事项', en: 'Approval item' };

/** An approval item if its project is in the caller's scope; 404 otherwise. */
async function visibleApproval(db: Kysely<DB>, user: CurrentUser, id: number) {
  const row = await db
    .selectFrom('project_approvals as pa')
    .innerJoin('projects', 'projects.id', 'pa.project_id')
    .select(['pa.id', 'pa.department_code', 'projects.region_code'])
    .where('pa.id', '=', id)
    .where(projectScope(user))
    .executeTakeFirst();
  if (!row) throw new NotFoundError(APPROVAL_NOUN);
  return row;
}

/** Whether the caller sees the owner: the request's scope, or the approval's project's. */
export async function canSeeOwner(db: Kysely<DB>, user: CurrentUser, ownerType: OwnerType, ownerId: number): Promise<boolean> {
  try {
    if (ownerType === 'request') await lockVisibleRequest(db, user, ownerId);
    else await visibleApproval(db, user, ownerId);
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

/**
 * Who may attach: to a request, whoever sees it and is not only reading (not once it is confirmed);
 * to an approval, whoever may edit it (admin, the project's region officer, the approval's department).
 */
export async function assertCanAttach(db: Kysely<DB>, user: CurrentUser, ownerType: OwnerType, ownerId: number): Promise<void> {
  if (ownerType === 'request') {
    const row = await lockVisibleRequest(db, user, ownerId);
    if (!canUpload(user) || row.status === 'confirmed') throw new ForbiddenError({ zh: '不能为此诉求上传附件', en: 'You cannot add files to this request' }, 'file');
    return;
  }
  const approval = await visibleApproval(db, user, ownerId);
  const allowed =
    user.role === 'admin' ||
    (user.role === 'region' && user.regionCodes.includes(approval.region_code)) ||
    (user.role === 'department' && user.department === approval.department_code);
  if (!allowed) throw new ForbiddenError({ zh: '只有管理员、项目所在县市(园区)或审批部门可以上传审批材料', en: 'Only the administrator, the project’s region or the approving department can add files' }, 'file');
}

