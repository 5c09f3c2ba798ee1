import type { Kysely } from 'kysely';
import type { ProjectServices } from '../../shared/approvals.js';
import type { CurrentUser } from '../../shared/auth.js';
import type { ProjectType } from '../../shared/service-catalog.js';
import type { DB } from '../db/schema.js';
import { notFoundProject } from '../projects/policy.js';
import { blockedByProject } from './blocks.js';
import { canManageProject } from './policy.js';
import { presentApproval, presentFactor } from './presenter.js';
import { approvalAttachments, findVisibleProjectRef, projectApprovals, projectFactors } from './queries.js';

/** GET /api/projects/:id/services: the items, the factors, what they block, and what the caller may do. */
export async function projectServices(db: Kysely<DB>, user: CurrentUser, projectId: number): Promise<ProjectServices> {
  const project = await findVisibleProjectRef(db, user, projectId);
  if (!project) throw notFoundProject();
  const [approvals, factors, blocked] = await Promise.all([projectApprovals(db, projectId), projectFactors(db, projectId), blockedByProject(db, [project])]);
  const files = await approvalAttachments(db, approvals.map((a) => a.id));
  const manage = canManageProject(user, project);
  return {
    projectType: project.project_type as ProjectType | null,
    approvals: approvals.map((a) => presentApproval(a, files.get(a.id) ?? [])),
    factors: factors.map(presentFactor),
    blocked: blocked.get(projectId) ?? null,
    can: { manage, editDepartments: manage ? [] : user.role === 'department' && user.department ? [user.department] : [] },
  };
}
