import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { DB } from '../db/schema.js';
import { ForbiddenError, NotFoundError } from '../errors.js';

// Events are the prefecture's: its bureau (admin) runs them and checks guests in at the door;
// leaders and county/park officers read them; departments and enterprises have no part in them.
const READERS = ['admin', 'leader', 'region'];

export function canReadEvents(user: CurrentUser): boolean {
  return READERS.includes(user.role);
}

export function assertCanReadEvents(user: CurrentUser): void {
  if (!canReadEvents(user)) throw new ForbiddenError();
}

/** Guests' phone numbers are for the bureau that invites them; county officers and leaders read the list without them. */
export function canSeeGuestContacts(user: CurrentUser): boolean {
  return user.role === 'admin';
}

export function assertCanWriteEvents(user: CurrentUser): void {
  if (user.role !== 'admin') throw new ForbiddenError();
}

/** The events a user may see, as a condition inside the query. */
export function eventScope(user: CurrentUser) {
  return (_eb: ExpressionBuilder<DB, 'events'>): Expression<SqlBool> => (canReadEvents(user) ? sql<SqlBool>`1 = 1` : sql<SqlBool>`1 = 0`);
}

export const notFoundEvent = () => new NotFoundError({ zh: '活动', en: 'Event' });
export const notFoundGuest = () => new NotFoundError({ zh: '嘉宾', en: 'Guest' });
export const notFoundGroup = () => new NotFoundError({ zh: '考察分组', en: 'Visit group' });
export const notFoundStop = () => new NotFoundError({ zh: '考察点', en: 'Stop' });
export const notFoundSigning = () => new NotFoundError({ zh: '签约项目', en: 'Signing' });
