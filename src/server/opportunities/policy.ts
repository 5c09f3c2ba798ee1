import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { DB } from '../db/schema.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.js';

export const OPPORTUNITY_NOUN = { zh: '投资项目', en: 'Opportunity' };

/**
 * The offers a user may see and change, as a condition inside the query: the prefecture sees all,
 * a region officer its own region's only; anything else does not exist for them (404).
 */
export function opportunityScope(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'opportunities'>): Expression<SqlBool> => {
    if (user.role === 'admin' || user.role === 'leader') return sql<SqlBool>`1 = 1`;
    if (user.role === 'region' && user.regionCodes.length > 0) return eb('opportunities.region_code', 'in', user.regionCodes);
    return sql<SqlBool>`1 = 0`;
  };
}

export function assertCanReadOpportunities(user: CurrentUser): void {
  if (!['admin', 'leader', 'region'].includes(user.role)) throw new ForbiddenError();
}

export function assertCanWriteOpportunities(user: CurrentUser): void {
  if (user.role !== 'admin' && user.role !== 'region') throw new ForbiddenError();
}

/** A region officer offers land in its own region only; only the prefecture may post a prefecture-wide offer. */
export function assertCanOfferIn(user: CurrentUser, regionCode: string | null): void {
  if (user.role !== 'region') return;
  if (regionCode === null) {
    throw new ValidationError('regionCode', { zh: '请选择本县市(园区)', en: 'Choose your own region' }, 'region_required');
  }
  if (!user.regionCodes.includes(regionCode)) {
    throw new ForbiddenError(
      { zh: '只能为本县市(园区)发布投资项目', en: 'You can only post opportunities for your own region' },
      'regionCode',
      'region_out_of_scope',
    );
  }
}

export function notFoundOpportunity(): NotFoundError {
  return new NotFoundError(OPPORTUNITY_NOUN);
}
