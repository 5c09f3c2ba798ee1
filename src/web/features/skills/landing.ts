import type { CurrentUser } from '../../../shared/auth.js';

/**
 * Where a user lands after signing in (the index route). The skills competition's judges go to
 * their marking page and the organiser to the competition; the platform's users to the dashboard.
 * A contestant's start depends on which contest they entered: App.tsx's Landing asks the server.
 */
export function landingPathFor(user: Pick<CurrentUser, 'role'> | null): string {
  if (user?.role === 'judge') return '/skills/mark';
  if (user?.role === 'organiser') return '/skills';
  return '/dashboard';
}
