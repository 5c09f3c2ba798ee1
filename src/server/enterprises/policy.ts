import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { isContestRole } from '../../shared/roles.js';
import type { DB, EnterpriseRow } from '../db/schema.js';
import { ForbiddenError, NotFoundError } from '../errors.js';

export const ENTERPRISE_NOUN = { zh: '企业', en: 'Enterprise' };

/**
 * Which enterprises a user may read, inside the query: officers and leaders read the whole base
 * (the chain map needs it); an enterprise user reads only itself.
 */
export function enterpriseScope(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'enterprises'>): Expression<SqlBool> => {
    if (user.role === 'enterprise') return user.enterpriseUscc ? eb('enterprises.uscc', '=', user.enterpriseUscc) : sql<SqlBool>`1 = 0`;
    // Contest accounts (shared/roles.ts) read no enterprise.
    return isContestRole(user.role) ? sql<SqlBool>`1 = 0` : sql<SqlBool>`1 = 1`;
  };
}

/** Admins edit every enterprise; a region officer edits its own region's and outside (prospective) ones. */
export function canEditEnterprise(user: CurrentUser, row: Pick<EnterpriseRow, 'is_local' | 'region_code'>): boolean {
  if (user.role === 'admin') return true;
  if (user.role !== 'region') return false;
  return row.is_local === 0 || (row.region_code !== null && user.regionCodes.includes(row.region_code));
}

export function assertCanCreateEnterprises(user: CurrentUser): void {
  if (user.role !== 'admin' && user.role !== 'region') throw new ForbiddenError();
}

export function assertCanEditEnterprise(user: CurrentUser, row: Pick<EnterpriseRow, 'is_local' | 'region_code'>): void {
  if (!canEditEnterprise(user, row)) {
    throw new ForbiddenError({ zh: '只能编辑本县市(园区)的企业', en: 'You can only edit enterprises of your own region' });
  }
}

/** Being a chain leader (链主) is the prefecture's designation, not something a county sets. */
export function assertCanSetLeaders(user: CurrentUser): void {
  if (user.role !== 'admin') {
    throw new ForbiddenError({ zh: '只有管理员可以认定链主企业', en: 'Only administrators can name chain leaders' }, 'leadChainIds');
  }
}

export function notFoundEnterprise(): NotFoundError {
  return new NotFoundError(ENTERPRISE_NOUN);
}
