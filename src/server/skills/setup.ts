import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { competitionInputSchema, delegationInputSchema, eventInputSchema, unitInputSchema, type CompetitionInput, type DelegationInput, type EventInput, type UnitInput } from '../../shared/skills.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { touchEvents } from './evaluate.js';
import { assertOrganiser, EVENT_NOUN } from './policy.js';

// Setting the competition up: the competition, its delegations (代表队, one per prefecture), units
// (host units, schools, enterprises) and events (赛项). The organiser only; every write audited.

const COMPETITION_NOUN = { zh: '赛事', en: 'Competition' };

function competitionColumns(input: CompetitionInput) {
  const c = competitionInputSchema.parse(input);
  if (c.endsOn < c.startsOn) throw new ValidationError('endsOn', { zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' });
  return {
    name: c.name,
    site: c.site,
    starts_on: c.startsOn,
    ends_on: c.endsOn,
    judges_per_unit: c.judgesPerUnit,
    contestants_per_unit: c.contestantsPerUnit,
    spread_tolerance: c.spreadTolerance,
    release_at: c.releaseAt ? new Date(c.releaseAt).toISOString() : null,
    appeal_hours: c.appealHours,
  };
}

export async function createCompetition(options: { db: Kysely<DB>; user: CurrentUser; input: CompetitionInput; isSample?: boolean }): Promise<number> {
  assertOrganiser(options.user);
  const columns = competitionColumns(options.input);
  return options.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = await trx
      .insertInto('skills_competitions')
      .values({ ...columns, is_sample: options.isSample ? 1 : 0, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: options.user, action: 'skills.competition.create', entity: 'skills_competition', entityId: row.id, after: columns });
    return row.id;
  });
}

export async function updateCompetition(options: { db: Kysely<DB>; user: CurrentUser; id: number; input: CompetitionInput }): Promise<void> {
  assertOrganiser(options.user);
  const columns = competitionColumns(options.input);
  await options.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('skills_competitions').selectAll().where('id', '=', options.id).executeTakeFirst();
    if (!before) throw new NotFoundError(COMPETITION_NOUN);
    await trx.updateTable('skills_competitions').set({ ...columns, updated_at: nowIso() }).where('id', '=', options.id).execute();
    await touchEvents(trx, { competitionId: options.id });
    await recordAudit(trx, { actor: options.user, action: 'skills.competition.update', entity: 'skills_competition', entityId: options.id, before, after: columns });
  });
}

async function assertCompetition(db: Kysely<DB>, id: number): Promise<void> {
  const row = await db.selectFrom('skills_competitions').select('id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(COMPETITION_NOUN);
}

export async function addDelegation(options: { db: Kysely<DB>; user: CurrentUser; competitionId: number; input: DelegationInput; isSample?: boolean }): Promise<number> {
  assertOrganiser(options.user);
  const d = delegationInputSchema.parse(options.input);
  await assertCompetition(options.db, options.competitionId);
  return options.db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('skills_delegations').select('id').where('competition_id', '=', options.competitionId).where('prefecture', '=', d.prefecture).executeTakeFirst();
    if (exists) throw new ConflictError({ zh: '该地州市已有代表队', en: 'This prefecture already has a delegation' }, 'duplicate', 'prefecture');
    const row = await trx
      .insertInto('skills_delegations')
      .values({ competition_id: options.competitionId, prefecture: d.prefecture, leader: d.leader, is_sample: options.isSample ? 1 : 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: options.user, action: 'skills.delegation.create', entity: 'skills_delegation', entityId: row.id, after: d });
    return row.id;
  });
}

export async function addUnit(options: { db: Kysely<DB>; user: CurrentUser; competitionId: number; input: UnitInput; isSample?: boolean }): Promise<number> {
  assertOrganiser(options.user);
  const u = unitInputSchema.parse(options.input);
  await assertCompetition(options.db, options.competitionId);
  return options.db.transaction().execute(async (trx) => {
    if (u.delegationId !== null) {
      const d = await trx.selectFrom('skills_delegations').select('id').where('id', '=', u.delegationId).where('competition_id', '=', options.competitionId).executeTakeFirst();
      if (!d) throw new ValidationError('delegationId', { zh: '代表队不存在', en: 'The delegation does not exist' });
    }
    const exists = await trx.selectFrom('skills_units').select('id').where('competition_id', '=', options.competitionId).where('name', '=', u.name).executeTakeFirst();
    if (exists) throw new ConflictError({ zh: '已有同名单位', en: 'A unit with this name exists' }, 'duplicate', 'name');
    const row = await trx
      .insertInto('skills_units')
      .values({ competition_id: options.competitionId, delegation_id: u.delegationId, name: u.name, kind: u.kind, is_sample: options.isSample ? 1 : 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: options.user, action: 'skills.unit.create', entity: 'skills_unit', entityId: row.id, after: u });
    return row.id;
  });
}

function eventColumns(input: EventInput) {
  const e = eventInputSchema.parse(input);
  if (e.maxAge < e.minAge) throw new ValidationError('maxAge', { zh: '年龄上限不能低于下限', en: 'The maximum age cannot be below the minimum' });
  return {
    code: e.code,
    name: e.name,
    host_unit_id: e.hostUnitId,
    venue: e.venue,
    starts_on: e.startsOn,
    categories: e.categories.join(','),
    min_age: e.minAge,
    max_age: e.maxAge,
    places: e.places,
    judges_per_aspect: e.judgesPerAspect,
  };
}

async function assertHostUnit(db: Kysely<DB>, competitionId: number, hostUnitId: number | null): Promise<void> {
  if (hostUnitId === null) return;
  const unit = await db.selectFrom('skills_units').select('id').where('id', '=', hostUnitId).where('competition_id', '=', competitionId).executeTakeFirst();
  if (!unit) throw new ValidationError('hostUnitId', { zh: '承办单位不存在', en: 'The host unit does not exist' });
}

export async function createEvent(options: { db: Kysely<DB>; user: CurrentUser; competitionId: number; input: EventInput; isSample?: boolean }): Promise<number> {
  assertOrganiser(options.user);
  const columns = eventColumns(options.input);
  await assertCompetition(options.db, options.competitionId);
  return options.db.transaction().execute(async (trx) => {
    await assertHostUnit(trx, options.competitionId, columns.host_unit_id);
    const exists = await trx.selectFrom('skills_events').select('id').where('competition_id', '=', options.competitionId).where('code', '=', columns.code).executeTakeFirst();
    if (exists) throw new ConflictError({ zh: '赛项编号已存在', en: 'The event code exists' }, 'duplicate', 'code');
    const row = await trx
      .insertInto('skills_events')
      .values({ ...columns, competition_id: options.competitionId, is_sample: options.isSample ? 1 : 0 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: options.user, action: 'skills.event.create', entity: 'skills_event', entityId: row.id, after: columns });
    return row.id;
  });
}

export async function updateEvent(options: { db: Kysely<DB>; user: CurrentUser; id: number; input: EventInput }): Promise<void> {
  assertOrganiser(options.user);
  const columns = eventColumns(options.input);
  await options.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('skills_events').selectAll().where('id', '=', options.id).executeTakeFirst();
    if (!before) throw new NotFoundError(EVENT_NOUN);
    await assertHostUnit(trx, before.competition_id, columns.host_unit_id);
    const clash = await trx.selectFrom('skills_events').select('id').where('competition_id', '=', before.competition_id).where('code', '=', columns.code).where('id', '!=', options.id).executeTakeFirst();
    if (clash) throw new ConflictError({ zh: '赛项编号已存在', en: 'The event code exists' }, 'duplicate', 'code');
    await trx.updateTable('skills_events').set(columns).where('id', '=', options.id).execute();
    await touchEvents(trx, { eventId: options.id });
    await recordAudit(trx, { actor: options.user, action: 'skills.event.update', entity: 'skills_event', entityId: options.id, before, after: columns });
  });
}
