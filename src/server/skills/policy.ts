import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { recordAudit } from '../audit/record.js';
import type { DB } from '../db/schema.js';
import { ConflictOfInterestError, ForbiddenError, NotFoundError } from '../errors.js';

export const EVENT_NOUN = { zh: '赛项', en: 'Event' };
export const CONTESTANT_NOUN = { zh: '选手', en: 'Contestant' };

/** The organiser (and the platform administrator) runs the competition; nobody else sets it up. */
export function isOrganiser(user: CurrentUser): boolean {
  return user.role === 'organiser' || user.role === 'admin';
}

export function assertOrganiser(user: CurrentUser): void {
  if (!isOrganiser(user)) throw new ForbiddenError();
}

/**
 * Events a user may read: the organiser all of them; a judge those they judge; a contestant those
 * they are registered in. Anyone else none.
 */
export function eventScope(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'skills_events'>): Expression<SqlBool> => {
    if (isOrganiser(user)) return sql<SqlBool>`1 = 1`;
    if (user.role === 'judge') return eb('skills_events.id', 'in', eb.selectFrom('skills_judges').select('skills_judges.event_id').where('skills_judges.user_id', '=', user.id));
    if (user.role === 'contestant') return eb('skills_events.id', 'in', eb.selectFrom('skills_contestants').select('skills_contestants.event_id').where('skills_contestants.user_id', '=', user.id));
    return sql<SqlBool>`1 = 0`;
  };
}

export async function findEventInScope(db: Kysely<DB>, user: CurrentUser, id: number) {
  const row = await db.selectFrom('skills_events').selectAll().where('id', '=', id).where(eventScope(user)).executeTakeFirst();
  if (!row) throw new NotFoundError(EVENT_NOUN);
  return row;
}

/** The judge record through which a signed-in judge acts in an event, or 404 if they do not judge it. */
export async function judgeFor(db: Kysely<DB>, user: CurrentUser, eventId: number) {
  const judge = await db.selectFrom('skills_judges').selectAll().where('event_id', '=', eventId).where('user_id', '=', user.id).executeTakeFirst();
  if (!judge) throw new NotFoundError(EVENT_NOUN);
  return judge;
}

/**
 * The conflict-of-interest rule: a judge never sees or marks a contestant of their own unit. The
 * refusal is written to the audit log in its own statement, so it stays although the request fails.
 */
export async function assertNoConflict(db: Kysely<DB>, user: CurrentUser, judge: { id: number; unit_id: number }, contestant: { id: number; unit_id: number }, attempt: string): Promise<void> {
  if (judge.unit_id !== contestant.unit_id) return;
  await recordAudit(db, { actor: user, action: 'skills.conflict_refused', entity: 'skills_contestant', entityId: contestant.id, after: { judgeId: judge.id, unitId: judge.unit_id, attempt } });
  throw new ConflictOfInterestError();
}

/** Chief judges moderate and sign off their event; the organiser may too. */
export async function assertChiefOrOrganiser(db: Kysely<DB>, user: CurrentUser, eventId: number) {
  if (isOrganiser(user)) return null;
  const judge = await judgeFor(db, user, eventId);
  if (!judge.is_chief) throw new ForbiddenError({ zh: '只有裁判长可以执行此操作', en: 'Only the chief judge may do this' });
  return judge;
}
