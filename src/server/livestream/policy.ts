import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { DB } from '../db/schema.js';
import { ForbiddenError, NotFoundError } from '../errors.js';

export const CONTEST_NOUN = { zh: '直播大赛', en: 'Livestream contest' };
export const CONTESTANT_NOUN = { zh: '参赛选手', en: 'Contestant' };

const MANAGERS: readonly string[] = ['admin', 'organiser'];
// The jury reads everything a manager does (live board, buyers, flags) but changes only its notes.
const JURY: readonly string[] = ['admin', 'organiser', 'judge', 'leader'];
const READERS: readonly string[] = [...JURY, 'contestant'];

export function canManageContests(user: CurrentUser): boolean {
  return MANAGERS.includes(user.role);
}

export function canJudgeContests(user: CurrentUser): boolean {
  return JURY.includes(user.role);
}

/** County, department and enterprise accounts have no part in the contests. */
export function assertCanReadContests(user: CurrentUser): void {
  if (!READERS.includes(user.role)) throw new ForbiddenError();
}

export function assertCanManageContests(user: CurrentUser): void {
  if (!canManageContests(user)) throw new ForbiddenError({ zh: '只有赛事组织者可以执行此操作', en: 'Only contest organisers may do this' });
}

/** Notes on flags are the jury's working record: judges and organisers write them; the leader reads. */
export function assertCanWriteJuryNotes(user: CurrentUser): void {
  if (!['admin', 'organiser', 'judge'].includes(user.role)) throw new ForbiddenError({ zh: '只有评审团成员可以记录意见', en: 'Only the jury may record notes' });
}

/** Registration is the organisers' (entering a contestant) or a contestant's own. */
export function assertCanRegister(user: CurrentUser): void {
  if (!canManageContests(user) && user.role !== 'contestant') throw new ForbiddenError();
}

export function assertCanJudge(user: CurrentUser): void {
  if (!canJudgeContests(user)) throw new ForbiddenError({ zh: '只有评审团成员可以查看', en: 'Only the jury may see this' });
}

/** A contestant sees its own registration; the organisers and the jury see every contestant. */
export function contestantScope(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'ls_contestants'>): Expression<SqlBool> => {
    if (canJudgeContests(user)) return sql<SqlBool>`1 = 1`;
    if (user.role === 'contestant') return eb('ls_contestants.user_id', '=', user.id);
    return sql<SqlBool>`1 = 0`;
  };
}

/** Order lines follow their contestant: a contestant reads its own lines only, unmatched lines never. */
export function orderScope(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'ls_orders'>): Expression<SqlBool> => {
    if (canJudgeContests(user)) return sql<SqlBool>`1 = 1`;
    if (user.role === 'contestant') {
      return eb('ls_orders.contestant_id', 'in', eb.selectFrom('ls_contestants as own').select('own.id').where('own.user_id', '=', user.id));
    }
    return sql<SqlBool>`1 = 0`;
  };
}

export function notFoundContest(): NotFoundError {
  return new NotFoundError(CONTEST_NOUN);
}

export function notFoundContestant(): NotFoundError {
  return new NotFoundError(CONTESTANT_NOUN);
}
