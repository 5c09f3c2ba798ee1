import { sql, type Kysely } from 'kysely';
import type { ContestantFilter, CompetitionDetail } from '../../shared/skills.js';
import type { DB } from '../db/schema.js';
import { NotFoundError } from '../errors.js';
import { presentCompetition, presentDelegation, presentEvent, presentUnit } from './presenter.js';

// Reads for the organiser's screens. Contestants' names are the organiser's to see; judges get
// blind codes from marking.ts, contestants their own rows from appeals.ts.

export function contestantRows(db: Kysely<DB>) {
  return db
    .selectFrom('skills_contestants as c')
    .innerJoin('skills_units as u', 'u.id', 'c.unit_id')
    .leftJoin('skills_delegations as d', 'd.id', 'u.delegation_id')
    .leftJoin('users as a', 'a.id', 'c.user_id')
    .select(['c.id', 'c.event_id', 'c.reg_no', 'c.blind_code', 'c.name', 'c.category', 'c.birth_date', 'c.unit_id', 'u.name as unit', 'd.prefecture', 'c.eligibility', 'c.eligibility_note', 'a.username', 'c.is_sample']);
}

const SORTS = { reg_no: 'c.reg_no', name: 'c.name', unit: 'u.name', blind_code: 'c.blind_code' } as const;

export function filteredContestants(db: Kysely<DB>, eventId: number, f: ContestantFilter) {
  let q = contestantRows(db).where('c.event_id', '=', eventId);
  if (f.unitId) q = q.where('c.unit_id', '=', f.unitId);
  if (f.category) q = q.where('c.category', '=', f.category);
  if (f.eligibility) q = q.where('c.eligibility', '=', f.eligibility);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    q = q.where((eb) => eb.or([sql<boolean>`c.name like ${like} escape '\\'`, sql<boolean>`c.reg_no like ${like} escape '\\'`, sql<boolean>`u.name like ${like} escape '\\'`]));
  }
  return q.orderBy(SORTS[f.sort], f.order).orderBy('c.id');
}

export async function countContestants(db: Kysely<DB>, eventId: number, f: ContestantFilter): Promise<number> {
  const { n } = await db
    .selectFrom(filteredContestants(db, eventId, f).clearOrderBy().as('x'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

function eventRows(db: Kysely<DB>) {
  return db
    .selectFrom('skills_events as e')
    .leftJoin('skills_units as h', 'h.id', 'e.host_unit_id')
    .selectAll('e')
    .select((eb) => [
      'h.name as host_unit',
      eb.selectFrom('skills_contestants as c').select((x) => x.fn.countAll<number>().as('n')).whereRef('c.event_id', '=', 'e.id').as('contestants'),
      eb.selectFrom('skills_judges as j').select((x) => x.fn.countAll<number>().as('n')).whereRef('j.event_id', '=', 'e.id').as('judges'),
    ])
    .orderBy('e.code');
}

export async function listCompetitions(db: Kysely<DB>) {
  const rows = await db.selectFrom('skills_competitions').selectAll().orderBy('starts_on', 'desc').orderBy('id', 'desc').execute();
  return rows.map(presentCompetition);
}

export async function competitionDetail(db: Kysely<DB>, id: number): Promise<CompetitionDetail> {
  const c = await db.selectFrom('skills_competitions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw new NotFoundError({ zh: '赛事', en: 'Competition' });
  const [delegations, units, events] = await Promise.all([
    db.selectFrom('skills_delegations').selectAll().where('competition_id', '=', id).orderBy('prefecture').execute(),
    db
      .selectFrom('skills_units as u')
      .leftJoin('skills_delegations as d', 'd.id', 'u.delegation_id')
      .select(['u.id', 'u.name', 'u.kind', 'u.delegation_id', 'd.prefecture', 'u.is_sample'])
      .where('u.competition_id', '=', id)
      .orderBy('u.kind')
      .orderBy('u.name')
      .execute(),
    eventRows(db).where('e.competition_id', '=', id).execute(),
  ]);
  return {
    ...presentCompetition(c),
    delegations: delegations.map(presentDelegation),
    units: units.map(presentUnit),
    events: events.map((e) => presentEvent({ ...e, contestants: e.contestants ?? 0, judges: e.judges ?? 0 })),
  };
}

export async function eventDetail(db: Kysely<DB>, id: number) {
  const e = await eventRows(db).where('e.id', '=', id).executeTakeFirst();
  if (!e) throw new NotFoundError({ zh: '赛项', en: 'Event' });
  return presentEvent({ ...e, contestants: e.contestants ?? 0, judges: e.judges ?? 0 });
}

export function eventJudges(db: Kysely<DB>, eventId: number) {
  return db
    .selectFrom('skills_judges as j')
    .innerJoin('skills_units as u', 'u.id', 'j.unit_id')
    .leftJoin('users as a', 'a.id', 'j.user_id')
    .select(['j.id', 'j.event_id', 'j.name', 'j.unit_id', 'u.name as unit', 'a.username', 'j.is_chief', 'j.is_sample'])
    .where('j.event_id', '=', eventId)
    .orderBy('j.is_chief', 'desc')
    .orderBy('u.name')
    .orderBy('j.id')
    .execute();
}
