import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { DB } from '../db/schema.js';
import { ForbiddenError, NotFoundError } from '../errors.js';

export const LEAD_NOUN = { zh: '线索', en: 'Lead' };

/**
 * Leads a user may see: all for the prefecture, a region officer's own regions' (as for projects: a
 * lead the prefecture moves elsewhere leaves the officer's view). One plain condition, no OR with the
 * creator, so SQLite can seek the (region_code, status, …) indexes instead of walking every status.
 */
export function leadScope(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'leads'>): Expression<SqlBool> => {
    if (user.role === 'admin' || user.role === 'leader') return sql<SqlBool>`1 = 1`;
    if (user.role !== 'region' || user.regionCodes.length === 0) return sql<SqlBool>`1 = 0`;
    return eb('leads.region_code', 'in', user.regionCodes);
  };
}

/** Leaders read the pipeline; only the investment office and region officers work it. */
export function assertCanWriteLeads(user: CurrentUser): void {
  if (user.role !== 'admin' && user.role !== 'region') throw new ForbiddenError();
}

export function assertCanReadLeads(user: CurrentUser): void {
  if (!['admin', 'leader', 'region'].includes(user.role)) throw new ForbiddenError();
}

/** A region officer places leads only in their own regions, never outside any (it would lose sight of them). */
export function assertCanUseLeadRegion(user: CurrentUser, regionCode: string | null): void {
  if (user.role === 'region' && !(regionCode && user.regionCodes.includes(regionCode))) {
    throw new ForbiddenError({ zh: '只能为本县市(园区)登记线索', en: 'You can only record leads for your own region' }, 'regionCode', 'region_out_of_scope');
  }
}

export function notFoundLead(): NotFoundError {
  return new NotFoundError(LEAD_NOUN);
}
