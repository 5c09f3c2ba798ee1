import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { DB } from '../db/schema.js';
import { ForbiddenError, NotFoundError } from '../errors.js';

export const REQUEST_NOUN = { zh: '诉求', en: 'Service request' };

/**
 * The service requests a user may see, as a condition inside the query: the prefecture all, a region
 * officer its regions', a department what is routed to it, an enterprise its own. Outside it is 404.
 */
export function serviceRequestScope(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'service_requests'>): Expression<SqlBool> => {
    switch (user.role) {
      case 'admin':
      case 'leader':
        return sql<SqlBool>`1 = 1`;
      case 'region':
        return user.regionCodes.length > 0 ? eb('service_requests.region_code', 'in', user.regionCodes) : sql<SqlBool>`1 = 0`;
      case 'department':
        if (!user.department) return sql<SqlBool>`1 = 0`;
        // Driven from the department's own assignments (its queue index), not a probe per request.
        return eb('service_requests.id', 'in', eb.selectFrom('service_request_assignments as own').select('own.request_id').where('own.department_code', '=', user.department));
      case 'enterprise':
        if (!user.enterpriseUscc) return sql<SqlBool>`1 = 0`;
        return eb('service_requests.enterprise_id', 'in', eb.selectFrom('enterprises as own_e').select('own_e.id').where('own_e.uscc', '=', user.enterpriseUscc));
    }
    // Contest accounts (shared/roles.ts) have no part in it.
    return sql<SqlBool>`1 = 0`;
  };
}

/** Enterprises raise their own; officers of the prefecture or a region raise on an enterprise's behalf. */
export function assertCanRaise(user: CurrentUser): void {
  if (!['admin', 'region', 'enterprise'].includes(user.role)) {
    throw new ForbiddenError({ zh: '只有企业、州招商局和县市(园区)招商专员可以提出诉求', en: 'Only enterprises and investment officers can raise service requests' });
  }
}

/** Routing a request to one more department is the investment office's call (or the region's). */
export function canAddDepartment(user: CurrentUser): boolean {
  return user.role === 'admin' || user.role === 'region';
}

/** A department works its own assignment; the prefecture may act for any. */
export function canTransition(user: CurrentUser, departmentCode: string): boolean {
  return user.role === 'admin' || (user.role === 'department' && user.department === departmentCode);
}

/** The enterprise judges the result; the prefecture may record it for the enterprise. */
export function canConfirm(user: CurrentUser): boolean {
  return user.role === 'admin' || user.role === 'enterprise';
}

/** Whoever works on or raised a request may add documents; the leader only reads. */
export function canUpload(user: CurrentUser): boolean {
  return user.role !== 'leader';
}

export function notFoundRequest(): NotFoundError {
  return new NotFoundError(REQUEST_NOUN);
}
