import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { DB } from '../db/schema.js';
import { ForbiddenError, NotFoundError } from '../errors.js';

export const LEAD_NOUN = { zh: '线索', en: 'Lead' };

/** Leads a user may see: all for the prefecture, a region officer's own region's and its own. */
export function leadScope(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'leads'>): Expression<SqlBool> => {
    if (user.role === 'admin' || user.role === 'leader') return sql<SqlBool>`1 = 1`;
    if (user.role !== 'region') return sql<SqlBool>`1 = 0`;
    const own = eb('leads.created_by', '=', user.id);
    return user.regionCodes.length ? eb.or([eb('leads.region_code', 'in', user.regionCodes), own]) : own;
  };
}

/** Leaders read the pipeline; only the investment office and region officers work it. */
export function assertCanWriteLeads(user: CurrentUser): void {
  if (user.role !== 'admin' && user.role !== 'region') throw new ForbiddenError();
}

export function assertCanReadLeads(user: CurrentUser): void {
  if (!['admin', 'leader', 'region'].includes(user.role)) throw new ForbiddenError();
}

/** A region officer places leads only in their own regions (or leaves the region open). */
export function assertCanUseLeadRegion(user: CurrentUser, regionCode: string | null): void {
  if (user.role === 'region' && regionCode && !user.regionCodes.includes(regionCode)) {
    throw new ForbiddenError({ zh: '只能为本县市(园区)登记线索', en: 'You can only record leads for your own region' }, 'regionCode', 'region_out_of_scope');
  }
}

export function notFoundLead(): NotFoundError {
  return new NotFoundError(LEAD_NOUN);
}
