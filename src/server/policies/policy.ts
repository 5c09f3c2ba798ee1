import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { DB } from '../db/schema.js';
import { ForbiddenError, NotFoundError } from '../errors.js';

export const POLICY_NOUN = { zh: '政策', en: 'Policy' };

/**
 * Policies a user may read: the administrator keeps the whole library, drafts dated ahead included;
 * everyone else reads what has been issued (in force or expired, the library's history).
 */
export function policyScope(user: CurrentUser, today: string) {
  return (eb: ExpressionBuilder<DB, 'policies'>): Expression<SqlBool> => {
    if (user.role === 'admin') return sql<SqlBool>`1 = 1`;
    return eb.or([eb('policies.valid_from', 'is', null), eb('policies.valid_from', '<=', today)]);
  };
}

/** Only the investment office keeps the library; leaders and officers read it. */
export function assertCanWritePolicies(user: CurrentUser): void {
  if (user.role !== 'admin') throw new ForbiddenError();
}

/**
 * The enterprises a user may see matched against policies or visit: a region officer its own
 * regions' enterprises, an enterprise user itself, the prefecture's roles the whole base.
 */
export function policyEnterpriseScope(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'enterprises'>): Expression<SqlBool> => {
    if (user.role === 'region') return user.regionCodes.length ? eb('enterprises.region_code', 'in', user.regionCodes) : sql<SqlBool>`1 = 0`;
    if (user.role === 'enterprise') return user.enterpriseUscc ? eb('enterprises.uscc', '=', user.enterpriseUscc) : sql<SqlBool>`1 = 0`;
    return sql<SqlBool>`1 = 1`;
  };
}

/** policyEnterpriseScope drawn on a policy's stored enterprise list, which carries each one's region. */
export function policyMatchScope(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'policy_enterprise_matches'>): Expression<SqlBool> => {
    if (user.role === 'region') return user.regionCodes.length ? eb('policy_enterprise_matches.region_code', 'in', user.regionCodes) : sql<SqlBool>`1 = 0`;
    if (user.role === 'enterprise') {
      if (!user.enterpriseUscc) return sql<SqlBool>`1 = 0`;
      return eb('policy_enterprise_matches.enterprise_id', 'in', eb.selectFrom('enterprises as own').select('own.id').where('own.uscc', '=', user.enterpriseUscc));
    }
    return sql<SqlBool>`1 = 1`;
  };
}

/** The visit kit is for the officers who visit and the leaders who send them. */
export function assertCanUseVisitKit(user: CurrentUser): void {
  if (!['admin', 'leader', 'region'].includes(user.role)) throw new ForbiddenError();
}

export function notFoundPolicy(): NotFoundError {
  return new NotFoundError(POLICY_NOUN);
}

/** "My policies" is the enterprise user's own view; officers look an enterprise up instead. */
export function assertIsEnterpriseUser(user: CurrentUser): void {
  if (user.role !== 'enterprise') throw new ForbiddenError();
}
