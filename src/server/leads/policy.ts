import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { DB } from '../db/schema.js';
import { ForbiddenError } from '../errors.js';

/** Leads a user may see: all for the prefecture, a region officer's own region's and its own. */
export function leadScope(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'leads'>): Expression<SqlBool> => {
    if (user.role === 'admin' || user.role === 'leader') return sql<SqlBool>`1 = 1`;
    if (user.role !== 'region') return sql<SqlBool>`1 = 0`;
    const own = eb('leads.created_by', '=', user.id);
    return user.regionCodes.length ? eb.or([eb('leads.region_code', 'in', user.regionCodes), own]) : own;
  };
}

export function assertCanRecordLeads(user: CurrentUser): void {
  if (user.role !== 'admin' && user.role !== 'region') throw new ForbiddenError();
}

export function assertCanReadLeads(user: CurrentUser): void {
  if (!['admin', 'leader', 'region'].includes(user.role)) throw new ForbiddenError();
}
