import type { CurrentUser } from '../../shared/auth.js';
import { ForbiddenError } from '../errors.js';

export const CHAIN_NOUN = { zh: '产业链', en: 'Chain' };
export const NODE_NOUN = { zh: '产业链环节', en: 'Chain node' };

/** Everyone signed in reads the chain map; only the prefecture bureau (admin) draws it. */
export function assertCanEditChainMap(user: CurrentUser): void {
  if (user.role !== 'admin') {
    throw new ForbiddenError({ zh: '只有管理员可以编辑产业链图谱', en: 'Only administrators can edit the chain map' });
  }
}

/** Targets name outside enterprises and their trade: for the officers who do the attracting. */
export function assertCanSeeTargets(user: CurrentUser): void {
  if (!['admin', 'leader', 'region'].includes(user.role)) throw new ForbiddenError();
}
