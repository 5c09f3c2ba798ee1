import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { contestantInputSchema, judgeInputSchema, SKILLS_CATEGORY_LABELS, type ContestantInput, type JudgeInput, type SkillsCategory } from '../../shared/skills.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { touchEvents } from './evaluate.js';
import { assertOrganiser, CONTESTANT_NOUN, EVENT_NOUN } from './policy.js';

// Contestants and judges of an event, with the per-unit limits the competition sets, and the
// eligibility check. The organiser only; every write audited.

async function eventWithCompetition(trx: Transaction<DB>, eventId: number) {
  const row = await trx
    .selectFrom('skills_events as e')
    .innerJoin('skills_competitions as c', 'c.id', 'e.competition_id')
    .select(['e.id', 'e.code', 'e.competition_id', 'c.judges_per_unit', 'c.contestants_per_unit'])
    .where('e.id', '=', eventId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError(EVENT_NOUN);
  return row;
}

async function unitOf(trx: Transaction<DB>, competitionId: number, unitId: number) {
  const unit = await trx.selectFrom('skills_units').select(['id', 'name']).where('id', '=', unitId).where('competition_id', '=', competitionId).executeTakeFirst();
  if (!unit) throw new ValidationError('unitId', { zh: '单位不存在', en: 'The unit does not exist' });
  return unit;
}

async function accountId(trx: Transaction<DB>, username: string | null, role: 'judge' | 'contestant'): Promise<number | null> {
  if (!username) return null;
  const user = await trx.selectFrom('users').select(['id', 'role']).where('username', '=', username).executeTakeFirst();
  if (!user || user.role !== role) {
    const zh = role === 'judge' ? '裁判' : '参赛选手';
    throw new ValidationError('username', { zh: `账号不存在或不是${zh}账号`, en: `No ${role} account with this name` });
  }
  return user.id;
}

/** A workstation-style code (工位号) the judges see instead of the name until results are released. */
async function freshBlindCode(trx: Transaction<DB>, eventId: number): Promise<string> {
  for (;;) {
    const code = `G${crypto.randomInt(100, 1000)}`;
    const taken = await trx.selectFrom('skills_contestants').select('id').where('event_id', '=', eventId).where('blind_code', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
}

export async function registerContestant(options: { db: Kysely<DB>; user: CurrentUser; eventId: number; input: ContestantInput; isSample?: boolean }): Promise<number> {
  assertOrganiser(options.user);
  const c = contestantInputSchema.parse(options.input);
  return options.db.transaction().execute(async (trx) => {
    const event = await eventWithCompetition(trx, options.eventId);
    const unit = await unitOf(trx, event.competition_id, c.unitId);
    const { n } = await trx.selectFrom('skills_contestants').select((eb) => eb.fn.countAll<number>().as('n')).where('event_id', '=', event.id).where('unit_id', '=', unit.id).executeTakeFirstOrThrow();
    if (Number(n) >= event.contestants_per_unit) {
      throw new ConflictError({ zh: `每个单位每个赛项最多 ${event.contestants_per_unit} 名选手,${unit.name}已满`, en: `At most ${event.contestants_per_unit} contestants per unit per event; ${unit.name} is full` }, 'unit_limit', 'unitId');
    }
    const userId = await accountId(trx, c.username, 'contestant');
    const last = await trx.selectFrom('skills_contestants').select((eb) => eb.fn.max('reg_no').as('m')).where('event_id', '=', event.id).executeTakeFirst();
    const seq = last?.m ? Number(String(last.m).split('-').pop()) + 1 : 1;
    const values = {
      event_id: event.id,
      unit_id: unit.id,
      user_id: userId,
      reg_no: `${event.code}-${String(seq).padStart(3, '0')}`,
      blind_code: await freshBlindCode(trx, event.id),
      name: c.name,
      category: c.category,
      birth_date: c.birthDate,
      is_sample: options.isSample ? 1 : 0,
      created_at: nowIso(),
    };
    const row = await trx.insertInto('skills_contestants').values(values).returning('id').executeTakeFirstOrThrow();
    await touchEvents(trx, { eventId: event.id });
    await recordAudit(trx, { actor: options.user, action: 'skills.contestant.register', entity: 'skills_contestant', entityId: row.id, after: values });
    return row.id;
  });
}

export async function removeContestant(options: { db: Kysely<DB>; user: CurrentUser; id: number }): Promise<void> {
  assertOrganiser(options.user);
  await options.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('skills_contestants').selectAll().where('id', '=', options.id).executeTakeFirst();
    if (!before) throw new NotFoundError(CONTESTANT_NOUN);
    const marked = await trx.selectFrom('skills_marks').select('id').where('contestant_id', '=', options.id).limit(1).executeTakeFirst();
    if (marked) throw new ConflictError({ zh: '该选手已有评分,不能删除', en: 'This contestant has marks and cannot be removed' }, 'has_marks');
    await trx.deleteFrom('skills_appeals').where('contestant_id', '=', options.id).execute();
    await trx.deleteFrom('skills_contestants').where('id', '=', options.id).execute();
    await touchEvents(trx, { eventId: before.event_id });
    await recordAudit(trx, { actor: options.user, action: 'skills.contestant.remove', entity: 'skills_contestant', entityId: options.id, before });
  });
}

/** Full years between a birth date and the event's first day, both YYYY-MM-DD. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Why a contestant may not compete in the event, or null when they may. */
export function ineligibility(c: { category: string; birth_date: string }, e: { categories: string; min_age: number; max_age: number; starts_on: string }): string | null {
  if (!e.categories.split(',').includes(c.category)) return `本赛项不设${SKILLS_CATEGORY_LABELS[c.category as SkillsCategory]?.zh ?? c.category}组`;
  const age = ageOn(c.birth_date, e.starts_on);
  if (age < e.min_age || age > e.max_age) return `比赛首日年龄 ${age} 岁,不在 ${e.min_age}–${e.max_age} 岁之间`;
  return null;
}

/** Runs the event's eligibility rules over every contestant and records each verdict with its reason. */
export async function checkEligibility(options: { db: Kysely<DB>; user: CurrentUser; eventId: number }): Promise<{ eligible: number; ineligible: number }> {
  assertOrganiser(options.user);
  return options.db.transaction().execute(async (trx) => {
    const event = await trx.selectFrom('skills_events').selectAll().where('id', '=', options.eventId).executeTakeFirst();
    if (!event) throw new NotFoundError(EVENT_NOUN);
    const rows = await trx.selectFrom('skills_contestants').select(['id', 'category', 'birth_date']).where('event_id', '=', event.id).execute();
    let eligible = 0;
    for (const c of rows) {
      const why = ineligibility(c, event);
      if (!why) eligible++;
      await trx.updateTable('skills_contestants').set({ eligibility: why ? 'ineligible' : 'eligible', eligibility_note: why ?? '' }).where('id', '=', c.id).execute();
    }
    const result = { eligible, ineligible: rows.length - eligible };
    await touchEvents(trx, { eventId: event.id });
    await recordAudit(trx, { actor: options.user, action: 'skills.eligibility.check', entity: 'skills_event', entityId: event.id, after: result });
    return result;
  });
}

export async function addJudge(options: { db: Kysely<DB>; user: CurrentUser; eventId: number; input: JudgeInput; isSample?: boolean }): Promise<number> {
  assertOrganiser(options.user);
  const j = judgeInputSchema.parse(options.input);
  return options.db.transaction().execute(async (trx) => {
    const event = await eventWithCompetition(trx, options.eventId);
    const unit = await unitOf(trx, event.competition_id, j.unitId);
    const { n } = await trx.selectFrom('skills_judges').select((eb) => eb.fn.countAll<number>().as('n')).where('event_id', '=', event.id).where('unit_id', '=', unit.id).executeTakeFirstOrThrow();
    if (Number(n) >= event.judges_per_unit) {
      throw new ConflictError({ zh: `每个单位每个赛项最多推荐 ${event.judges_per_unit} 名裁判,${unit.name}已满`, en: `At most ${event.judges_per_unit} judges per unit per event; ${unit.name} is full` }, 'unit_limit', 'unitId');
    }
    const userId = await accountId(trx, j.username, 'judge');
    if (userId !== null) {
      const dup = await trx.selectFrom('skills_judges').select('id').where('event_id', '=', event.id).where('user_id', '=', userId).executeTakeFirst();
      if (dup) throw new ConflictError({ zh: '该账号已是本赛项裁判', en: 'This account already judges the event' }, 'duplicate', 'username');
    }
    const values = { event_id: event.id, unit_id: unit.id, user_id: userId, name: j.name, is_chief: j.isChief ? 1 : 0, is_sample: options.isSample ? 1 : 0 };
    const row = await trx.insertInto('skills_judges').values(values).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: options.user, action: 'skills.judge.add', entity: 'skills_judge', entityId: row.id, after: values });
    return row.id;
  });
}

export async function removeJudge(options: { db: Kysely<DB>; user: CurrentUser; id: number }): Promise<void> {
  assertOrganiser(options.user);
  await options.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('skills_judges').selectAll().where('id', '=', options.id).executeTakeFirst();
    if (!before) throw new NotFoundError({ zh: '裁判', en: 'Judge' });
    const marked = await trx.selectFrom('skills_marks').select('id').where('judge_id', '=', options.id).limit(1).executeTakeFirst();
    if (marked) throw new ConflictError({ zh: '该裁判已有评分记录,不能移除', en: 'This judge has entered marks and cannot be removed' }, 'has_marks');
    await trx.deleteFrom('skills_judges').where('id', '=', options.id).execute();
    await recordAudit(trx, { actor: options.user, action: 'skills.judge.remove', entity: 'skills_judge', entityId: options.id, before });
  });
}
