import { sql, type Kysely, type Transaction } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { EventListQuery, GuestListQuery } from '../../shared/events.js';
import type { DB } from '../db/schema.js';
import { containsSearch } from '../db/search.js';
import { projectScope } from '../projects/policy.js';
import { eventScope } from './policy.js';

type Db = Kysely<DB> | Transaction<DB>;

// Each count is a subquery on its own index (event_id), so a page of events costs a page of lookups.
const COUNTS = [
  sql<number>`(select count(*) from event_guests g where g.event_id = events.id)`.as('n_guests'),
  sql<number>`(select count(*) from event_guests g where g.event_id = events.id and g.invitation_status <> 'pending')`.as('n_invited'),
  sql<number>`(select count(*) from event_guests g where g.event_id = events.id and g.invitation_status = 'accepted')`.as('n_accepted'),
  sql<number>`(select count(*) from event_guests g where g.event_id = events.id and g.checked_in_at is not null)`.as('n_checked_in'),
  sql<number>`(select count(*) from event_groups eg where eg.event_id = events.id)`.as('n_groups'),
  sql<number>`(select count(*) from event_signings s where s.event_id = events.id)`.as('n_signings'),
  sql<number>`(select coalesce(sum(s.amount_yuan), 0) from event_signings s where s.event_id = events.id)`.as('signed_yuan'),
  sql<number>`(select count(*) from leads l where l.event_id = events.id)`.as('n_leads'),
] as const;

const SORTS = { startsOn: sql`events.starts_on`, name: sql`events.name`, createdAt: sql`events.created_at` } as const;

function eventsWithCounts(db: Db, user: CurrentUser) {
  return db.selectFrom('events').where(eventScope(user)).selectAll('events').select(COUNTS);
}
export type EventRowWithCounts = Awaited<ReturnType<ReturnType<typeof eventsWithCounts>['executeTakeFirstOrThrow']>>;

export async function listEvents(db: Kysely<DB>, user: CurrentUser, query: EventListQuery) {
  let base = db.selectFrom('events').where(eventScope(user));
  if (query.q) base = base.where(containsSearch('events.search_text', query.q));
  if (query.year) base = base.where('events.starts_on', '>=', `${query.year}-01-01`).where('events.starts_on', '<=', `${query.year}-12-31`);
  const direction = query.order === 'asc' ? sql`asc` : sql`desc`;
  // The page is chosen before any count is taken: SQLite computes selected subqueries for every row it
  // sorts, so counting inside the sorted query costs every event's guests, not a page's.
  const pageIds = base
    .select('events.id')
    .orderBy(sql`${SORTS[query.sort]} ${direction}`)
    .orderBy('events.id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [rows, count] = await Promise.all([
    eventsWithCounts(db, user)
      .where('events.id', 'in', pageIds)
      .orderBy(sql`${SORTS[query.sort]} ${direction}`)
      .orderBy('events.id', 'desc')
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findVisibleEvent(db: Db, user: CurrentUser, id: number) {
  return eventsWithCounts(db, user).where('events.id', '=', id).executeTakeFirst();
}

function guestsQuery(db: Db) {
  return db
    .selectFrom('event_guests as g')
    .leftJoin('enterprises as e', 'e.id', 'g.enterprise_id')
    .leftJoin('event_groups as eg', 'eg.id', 'g.group_id')
    .leftJoin('users as u', 'u.id', 'g.checked_in_by')
    .selectAll('g')
    .select(['e.name as enterprise_name', 'eg.name as group_name', 'u.display_name as checked_in_by_name']);
}
export type GuestRow = Awaited<ReturnType<ReturnType<typeof guestsQuery>['executeTakeFirstOrThrow']>>;

export async function listGuests(db: Kysely<DB>, eventId: number, query: Partial<GuestListQuery> & { all?: boolean }) {
  let rows = guestsQuery(db).where('g.event_id', '=', eventId);
  if (query.q) rows = rows.where(containsSearch('g.search_text', query.q));
  if (query.status) rows = rows.where('g.invitation_status', '=', query.status);
  if (query.groupId) rows = rows.where('g.group_id', '=', query.groupId);
  if (query.checkedIn === 'true') rows = rows.where('g.checked_in_at', 'is not', null);
  if (query.checkedIn === 'false') rows = rows.where('g.checked_in_at', 'is', null);
  const total = await rows.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  let page = rows.orderBy('g.id', 'asc');
  if (!query.all) page = page.limit(query.pageSize ?? 20).offset(((query.page ?? 1) - 1) * (query.pageSize ?? 20));
  return { rows: await page.execute(), total: Number(total.n) };
}

export function findGuest(db: Db, eventId: number, guestId: number) {
  return guestsQuery(db).where('g.event_id', '=', eventId).where('g.id', '=', guestId).executeTakeFirst();
}

export async function listGroups(db: Db, eventId: number) {
  const [groups, stops, members] = await Promise.all([
    db.selectFrom('event_groups').selectAll().where('event_id', '=', eventId).orderBy('sort_order').orderBy('id').execute(),
    db
      .selectFrom('event_stops as s')
      .innerJoin('event_groups as eg', 'eg.id', 's.group_id')
      .leftJoin('regions as r', 'r.code', 's.region_code')
      .leftJoin('enterprises as e', 'e.id', 's.enterprise_id')
      .selectAll('s')
      .select(['r.name as region_name', 'e.name as enterprise_name'])
      .where('eg.event_id', '=', eventId)
      .orderBy('s.group_id')
      .orderBy('s.seq')
      .execute(),
    db
      .selectFrom('event_guests')
      .select(['id', 'group_id', 'person_name', 'organisation', 'title'])
      .where('event_id', '=', eventId)
      .where('group_id', 'is not', null)
      .orderBy('id')
      .execute(),
  ]);
  return { groups, stops, members };
}
export type GroupsData = Awaited<ReturnType<typeof listGroups>>;

function signingsQuery(db: Db) {
  return db
    .selectFrom('event_signings as s')
    .innerJoin('projects as p', 'p.id', 's.project_id')
    .innerJoin('regions as r', 'r.code', 's.region_code')
    .selectAll('s')
    .select(['p.name as project_name', 'p.stage as project_stage', 'r.name as region_name']);
}
export type SigningRow = Awaited<ReturnType<ReturnType<typeof signingsQuery>['executeTakeFirstOrThrow']>>;

export function listSignings(db: Db, eventId: number) {
  return signingsQuery(db).where('s.event_id', '=', eventId).orderBy('s.seq').orderBy('s.id').execute();
}

export function findSigning(db: Db, eventId: number, signingId: number) {
  return signingsQuery(db).where('s.event_id', '=', eventId).where('s.id', '=', signingId).executeTakeFirst();
}

/** Signed projects with their progress, limited to the projects the user may see in the ledger. */
export function scorecardRows(db: Db, user: CurrentUser, eventId: number) {
  return db
    .selectFrom('event_signings as s')
    .innerJoin('projects', 'projects.id', 's.project_id')
    .innerJoin('regions as r', 'r.code', 'projects.region_code')
    .where('s.event_id', '=', eventId)
    .where(projectScope(user))
    .select([
      'projects.id as project_id',
      'projects.name as project_name',
      'r.name as region_name',
      'projects.stage',
      'projects.signed_on as project_signed_on',
      's.signed_on as signing_signed_on',
      'projects.landed_on',
      'projects.started_on',
      'projects.operating_on',
      's.amount_yuan',
      'projects.funds_in_place_yuan',
    ])
    .orderBy('s.seq')
    .orderBy('s.id')
    .execute();
}

/** The event a visible project was signed at, if any. */
/**
 * The event a project was signed at (null when none); undefined when the project is outside the
 * caller's scope, so the route answers 404 as every other read of that project does.
 */
export async function signingEventOfProject(db: Db, user: CurrentUser, projectId: number) {
  const project = await db.selectFrom('projects').select('id').where('projects.id', '=', projectId).where(projectScope(user)).executeTakeFirst();
  if (!project) return undefined;
  const event = await db
    .selectFrom('event_signings as s')
    .innerJoin('events', 'events.id', 's.event_id')
    .where('s.project_id', '=', projectId)
    .select(['events.id', 'events.name', 'events.starts_on'])
    .executeTakeFirst();
  return event ?? null;
}
