import type { CurrentUser } from '../../shared/auth.js';
import { ForbiddenError } from '../errors.js';
import { roleGate } from '../auth/guard.js';

export const USER_NOUN = { zh: '用户', en: 'User' };

/** Accounts are the prefecture bureau's to give: only admins create, change and disable them. */
export function assertCanManageUsers(user: CurrentUser): void {
  if (user.role !== 'admin') throw new ForbiddenError({ zh: '只有管理员可以管理用户', en: 'Only administrators can manage users' });
}

export const adminsOnly = roleGate(assertCanManageUsers);

/** An admin may not lock themselves out: no disabling or demoting their own account. */
export function assertNotOwnLockout(actor: CurrentUser, targetId: number, change: { role?: string; active?: boolean }): void {
  if (actor.id !== targetId) return;
  if (change.active === false || (change.role !== undefined && change.role !== 'admin')) {
    throw new ForbiddenError({ zh: '不能停用自己的账号或取消自己的管理员角色', en: 'You cannot disable your own account or drop your own admin role' }, change.active === false ? 'active' : 'role', 'own_account');
  }
}
