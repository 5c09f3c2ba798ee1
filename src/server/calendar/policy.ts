import type { CurrentUser } from '../../shared/auth.js';
import { ForbiddenError, NotFoundError } from '../errors.js';

// The calendar and the service levels set every department's deadlines: only the prefecture's
// administrators change them; every signed-in user may read them (the promise made to enterprises).
export function assertCanConfigureServices(user: CurrentUser): void {
  if (user.role !== 'admin') throw new ForbiddenError();
}

export function notFoundCalendarDay(): NotFoundError {
  return new NotFoundError({ zh: '节假日安排', en: 'Calendar day' });
}
