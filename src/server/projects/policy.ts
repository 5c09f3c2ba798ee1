import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { PROJECT_WRITER_ROLES } from '../../shared/roles.js';
import type { DB } from '../db/schema.js';
import { ForbiddenError, NotFoundError } from '../errors.js';

export const PROJECT_NOUN = { zh: '项目', en: 'Project' };

/**
 * The projects a user may see, as a condition inside the query itself: a project outside it
 * is indistinguishable from one that does not exist.
 */
export function projectScope(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'projects'>): Expression<SqlBool> => {
    switch (user.role) {
      case 'admin':
      case 'leader':
        return sql<SqlBool>`1 = 1`;
      case 'region':
        return user.regionCodes.length > 0 ? eb('projects.region_code', 'in', user.regionCodes) : sql<SqlBool>`1 = 0`;
      case 'enterprise':
        return user.enterpriseUscc ? eb('projects.investor_uscc', '=', user.enterpriseUscc) : sql<SqlBool>`1 = 0`;
      case 'department': {
        // The projects whose approvals, factors or service requests are routed to the department, kept
        // as pairs by projects/departments.ts (0021). EXISTS probes the pair's key per project row: a
        // page or one project stops early, where IN first built the department's whole id set (≈68k).
        const code = user.department;
        if (!code) return sql<SqlBool>`1 = 0`;
        return eb.exists(
          eb.selectFrom('project_departments as pd').select('pd.project_id').where('pd.department_code', '=', code).whereRef('pd.project_id', '=', 'projects.id'),
        );
      }
    }
    // Contest accounts (shared/roles.ts) have no part in it.
    return sql<SqlBool>`1 = 0`;
  };
}

export function assertCanWriteProjects(user: CurrentUser): void {
  if (!PROJECT_WRITER_ROLES.includes(user.role)) throw new ForbiddenError();
}

/** A region officer may place projects only in their own regions. */
export function assertCanUseRegion(user: CurrentUser, regionCode: string): void {
  if (user.role === 'region' && !user.regionCodes.includes(regionCode)) {
    throw new ForbiddenError(
      { zh: '只能在本县市(园区)登记项目', en: 'You can only place projects in your own region' },
      'regionCode',
      'region_out_of_scope',
    );
  }
}

export function assertCanRollback(user: CurrentUser): void {
  if (user.role !== 'admin') {
    throw new ForbiddenError({ zh: '只有管理员可以回退项目阶段', en: 'Only administrators can move a project back' }, 'to', 'rollback_admin_only');
  }
}

export function notFoundProject(): NotFoundError {
  return new NotFoundError(PROJECT_NOUN);
}
