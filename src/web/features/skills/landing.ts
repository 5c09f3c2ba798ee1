import type { CurrentUser } from '../../../shared/auth.js';

/**
 * Where a user lands after signing in (the index route). The skills competition's judges go to
 * their marking page and contestants to their own page; other contest roles and the platform's
 * users to their usual start. Kept apart so the livestream contest can add its own roles here.
 */
export function landingPathFor(user: Pick<CurrentUser, 'role'> | null): string {
  if (user?.role === 'judge') return '/skills/mark';
  if (user?.role === 'contestant') return '/skills/me';
  if (user?.role === 'organiser') return '/skills';
  return '/dashboard';
}
