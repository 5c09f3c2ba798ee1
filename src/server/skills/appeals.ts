import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { MyEntry, SkillsAppeal } from '../../shared/skills.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { assertOrganiser, CONTESTANT_NOUN } from './policy.js';
import { presentCompetition, presentContestant } from './presenter.js';
import { contestantRows } from './queries.js';
import { eventResults, releaseState } from './results.js';

// Written appeals within the window after release, and the arbitration's final ruling; the
// contestant's own page reads its registration, result, appeals and certificate.

function presentAppeal(a: { id: number; contestant_id: number; name: string; text: string; status: string; ruling: string; created_at: string; ruled_at: string | null }): SkillsAppeal {
  return { id: a.id, contestantId: a.contestant_id, contestant: a.name, text: a.text, status: a.status as SkillsAppeal['status'], ruling: a.ruling, createdAt: a.created_at, ruledAt: a.ruled_at };
}

function appealRows(db: Kysely<DB>) {
  return db
    .selectFrom('skills_appeals as a')
    .innerJoin('skills_contestants as c', 'c.id', 'a.contestant_id')
    .select(['a.id', 'a.contestant_id', 'c.name', 'a.text', 'a.status', 'a.ruling', 'a.created_at', 'a.ruled_at'])
    .orderBy('a.id');
}

export async function fileAppeal(options: { db: Kysely<DB>; user: CurrentUser; contestantId: number; text: string; now?: Date }): Promise<number> {
  const { db, user } = options;
  const own = await db
    .selectFrom('skills_contestants as c')
    .innerJoin('skills_events as e', 'e.id', 'c.event_id')
    .innerJoin('skills_competitions as m', 'm.id', 'e.competition_id')
    .select(['c.id', 'm.release_at', 'm.appeal_hours'])
    .where('c.id', '=', options.contestantId)
    .where('c.user_id', '=', user.id)
    .executeTakeFirst();
  if (!own) throw new NotFoundError(CONTESTANT_NOUN);
  if (!releaseState(own, options.now).appealsOpen) throw new ConflictError({ zh: '不在申诉期内(成绩公布后规定时间内可书面申诉)', en: 'Appeals are accepted only within the window after results are released' }, 'appeal_window_closed');
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('skills_appeals').values({ contestant_id: own.id, text: options.text, created_at: nowIso() }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: user, action: 'skills.appeal.file', entity: 'skills_appeal', entityId: row.id, after: { contestantId: own.id, text: options.text } });
    return row.id;
  });
}

export async function ruleAppeal(options: { db: Kysely<DB>; user: CurrentUser; id: number; status: 'upheld' | 'rejected'; ruling: string }): Promise<void> {
  assertOrganiser(options.user);
  await options.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('skills_appeals').selectAll().where('id', '=', options.id).executeTakeFirst();
    if (!before) throw new NotFoundError({ zh: '申诉', en: 'Appeal' });
    // The arbitration's ruling is final.
    if (before.status !== 'open') throw new ConflictError({ zh: '该申诉已裁决,裁决为最终结果', en: 'This appeal has been ruled on; the ruling is final' }, 'already_ruled');
    const after = { status: options.status, ruling: options.ruling, ruled_by: options.user.id, ruled_at: nowIso() };
    await trx.updateTable('skills_appeals').set(after).where('id', '=', before.id).execute();
    await recordAudit(trx, { actor: options.user, action: 'skills.appeal.rule', entity: 'skills_appeal', entityId: before.id, before, after });
  });
}

export async function eventAppeals(db: Kysely<DB>, user: CurrentUser, eventId: number): Promise<SkillsAppeal[]> {
  assertOrganiser(user);
  return (await appealRows(db).where('c.event_id', '=', eventId).execute()).map(presentAppeal);
}

export async function myEntries(db: Kysely<DB>, user: CurrentUser): Promise<MyEntry[]> {
  const rows = await contestantRows(db).where('c.user_id', '=', user.id).orderBy('c.id').execute();
  const entries: MyEntry[] = [];
  for (const row of rows) {
    const [event, competition, appeals, certificate] = await Promise.all([
      db.selectFrom('skills_events').select(['id', 'code', 'name', 'venue', 'starts_on', 'competition_id']).where('id', '=', row.event_id).executeTakeFirstOrThrow(),
      db.selectFrom('skills_competitions as m').innerJoin('skills_events as e', 'e.competition_id', 'm.id').selectAll('m').where('e.id', '=', row.event_id).executeTakeFirstOrThrow(),
      appealRows(db).where('a.contestant_id', '=', row.id).execute(),
      db.selectFrom('skills_certificates').select(['id', 'code']).where('contestant_id', '=', row.id).executeTakeFirst(),
    ]);
    const released = releaseState(competition).released;
    const result = released && row.eligibility === 'eligible' ? ((await eventResults(db, user, row.event_id)).rows.find((r) => r.contestantId === row.id) ?? null) : null;
    entries.push({
      contestant: presentContestant(row),
      event: { id: event.id, code: event.code, name: event.name, venue: event.venue, startsOn: event.starts_on },
      competition: presentCompetition(competition),
      result,
      appeals: appeals.map(presentAppeal),
      certificate: certificate ?? null,
    });
  }
  return entries;
}
