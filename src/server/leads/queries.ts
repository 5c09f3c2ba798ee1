import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { LeadFilter } from '../../shared/leads.js';
import { OPEN_LEAD_STATUSES } from '../../shared/lead-status.js';
import type { DB } from '../db/schema.js';
import { onlyTextNarrows, searchPlan, textSearch, type SearchPlan } from '../db/search.js';
import { leadScope } from './policy.js';

type Db = Kysely<DB>;

const SORT_COLUMNS = {
  updatedAt: sql`leads.updated_at`,
  createdAt: sql`leads.created_at`,
  nextStepOn: sql`leads.next_step_on`,
  estimatedInvestment: sql`leads.estimated_investment_yuan`,
} as const;

/** The scope and every filter as one condition on `leads` alone; list, board, export and count share it. */
export function leadFilter(db: Db, user: CurrentUser, f: Partial<LeadFilter>, today: string, plan: SearchPlan = {}) {
  return (eb: ExpressionBuilder<DB, 'leads'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [leadScope(user)(eb)];
    if (f.q) all.push(textSearch(db, 'leads', f.q, plan) as Expression<SqlBool>);
    if (f.status) all.push(eb('leads.status', 'in', f.status.split(',')));
    if (f.source) all.push(eb('leads.source', '=', f.source));
    if (f.regionCode) all.push(eb('leads.region_code', '=', f.regionCode));
    if (f.chainId) all.push(eb('leads.chain_id', '=', f.chainId));
    if (f.nodeId) all.push(eb('leads.node_id', '=', f.nodeId));
    if (f.ownerId) all.push(eb('leads.owner_id', '=', f.ownerId === 'me' ? user.id : Number(f.ownerId)));
    if (f.referrerEnterpriseId) all.push(eb('leads.referrer_enterprise_id', '=', f.referrerEnterpriseId));
    if (f.eventId) all.push(eb('leads.event_id', '=', f.eventId));
    const late = eb.and([eb('leads.status', 'in', [...OPEN_LEAD_STATUSES]), eb('leads.next_step_on', '<', today)]);
    if (f.overdue === 'true') all.push(late);
    if (f.overdue === 'false') all.push(eb.not(late));
    return eb.and(all);
  };
}

// Only the nullable columns say where NULLs go: on PostgreSQL `desc nulls last` cannot walk an index
// that stores them first, so a timestamp that is never NULL must keep the engine's default.
const NULLABLE_SORTS = new Set<LeadFilter['sort']>(['nextStepOn', 'estimatedInvestment']);

export function leadOrder(f: Pick<LeadFilter, 'sort' | 'order'>) {
  const direction = f.order === 'asc' ? sql`asc` : sql`desc`;
  return NULLABLE_SORTS.has(f.sort) ? sql`${SORT_COLUMNS[f.sort]} ${direction} nulls last` : sql`${SORT_COLUMNS[f.sort]} ${direction}`;
}

/**
 * A lead with every name the API shows beside it. Each name is its own small subquery rather than a
 * join: with eight joins PostgreSQL spent about 18 ms planning every statement (more than running it),
 * while a subquery is planned alone and reads one row by key.
 */
export function leadsWithNames(db: Db) {
  return db
    .selectFrom('leads')
    .selectAll('leads')
    .select((eb) => [
      eb.selectFrom('chains as c').select('c.name').whereRef('c.id', '=', 'leads.chain_id').as('chain_name'),
      eb.selectFrom('chain_nodes as n').select('n.name').whereRef('n.id', '=', 'leads.node_id').as('node_name'),
      eb.selectFrom('regions as r').select('r.name').whereRef('r.code', '=', 'leads.region_code').as('region_name'),
      eb.selectFrom('enterprises as ref').select('ref.name').whereRef('ref.id', '=', 'leads.referrer_enterprise_id').as('referrer_name'),
      eb.selectFrom('events as ev').select('ev.name').whereRef('ev.id', '=', 'leads.event_id').as('event_name'),
      eb.selectFrom('users as owner').select('owner.display_name').whereRef('owner.id', '=', 'leads.owner_id').as('owner_name'),
      eb.selectFrom('users as creator').select('creator.display_name').whereRef('creator.id', '=', 'leads.created_by').as('creator_name'),
      eb.selectFrom('projects as p').select('p.name').whereRef('p.id', '=', 'leads.project_id').as('project_name'),
    ]);
}
export type LeadWithNames = Awaited<ReturnType<ReturnType<typeof leadsWithNames>['executeTakeFirstOrThrow']>>;

export async function listLeads(db: Db, user: CurrentUser, f: LeadFilter & { page: number; pageSize: number }, today: string) {
  const plan = await searchPlan(db, 'leads', f.q);
  const filter = leadFilter(db, user, f, today, plan);
  const everyRow = user.role === 'admin' || user.role === 'leader';
  const [page, total] = await Promise.all([
    db
      .selectFrom('leads')
      .select('leads.id')
      .where(filter)
      .orderBy(leadOrder(f))
      .orderBy('leads.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    plan.matches !== null && everyRow && onlyTextNarrows(f)
      ? plan.matches
      : db.selectFrom('leads').where(filter).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((c) => Number(c.n)),
  ]);
  return { rows: await namesInOrder(db, page.map((r) => r.id)), total };
}

/**
 * The named rows for ids already chosen, in the ids' order. The ids go in as values, not as a
 * subquery: with nine joined tables PostgreSQL keeps the written join order and would name every lead
 * before the semi-join picked the page (700 ms at 200,000 leads).
 */
async function namesInOrder(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await leadsWithNames(db).where('leads.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

export function sortedLeads(db: Db, user: CurrentUser, f: LeadFilter, today: string) {
  return leadsWithNames(db).where(leadFilter(db, user, f, today)).orderBy(leadOrder(f)).orderBy('leads.id', 'desc');
}

/**
 * A board column's first `limit` cards by next step, undated last. Dated and undated are read apart,
 * each along the (status, next_step_on …) index: one `nulls last` order over both would sort every
 * lead of the status on SQLite, which keeps NULLs first in its indexes.
 */
async function columnCards(db: Db, filter: ReturnType<typeof leadFilter>, status: string, limit: number) {
  const column = (dated: boolean) =>
    db
      .selectFrom('leads')
      .select('leads.id')
      .where(filter)
      .where('leads.status', '=', status)
      .where('leads.next_step_on', dated ? 'is not' : 'is', null);
  const dated = await column(true).orderBy('leads.next_step_on', 'asc').orderBy('leads.id', 'desc').limit(limit).execute();
  const undated = dated.length < limit ? await column(false).orderBy('leads.id', 'desc').limit(limit - dated.length).execute() : [];
  return namesInOrder(db, [...dated, ...undated].map((r) => r.id));
}

/** Per status: how many, and the first `limit` by next step (undated last). */
export async function leadBoard(db: Db, user: CurrentUser, f: LeadFilter & { limit: number }, statuses: readonly string[], today: string) {
  const filter = leadFilter(db, user, { ...f, status: undefined }, today, await searchPlan(db, 'leads', f.q));
  const wanted = f.status ? f.status.split(',') : statuses;
  return Promise.all(
    statuses.map(async (status) => {
      if (!wanted.includes(status)) return { status, total: 0, rows: [] };
      const [rows, count] = await Promise.all([
        columnCards(db, filter, status, f.limit),
        db.selectFrom('leads').where(filter).where('leads.status', '=', status).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { status, total: Number(count.n), rows };
    }),
  );
}

/** The caller's overdue next steps: their own, and unowned ones in their scope; oldest first. */
export async function leadReminders(db: Db, user: CurrentUser, today: string, limit: number) {
  const mine = (eb: ExpressionBuilder<DB, 'leads'>) =>
    eb.and([
      leadFilter(db, user, { overdue: 'true' }, today)(eb),
      eb.or([eb('leads.owner_id', '=', user.id), eb('leads.owner_id', 'is', null)]),
    ]);
  const [rows, count] = await Promise.all([
    db.selectFrom('leads').select('leads.id').where(mine).orderBy('leads.next_step_on', 'asc').orderBy('leads.id', 'asc').limit(limit).execute(),
    db.selectFrom('leads').where(mine).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: await namesInOrder(db, rows.map((r) => r.id)), total: Number(count.n) };
}

/** One lead if the user may see it; undefined otherwise, exactly as if it did not exist. */
export function findVisibleLead(db: Db, user: CurrentUser, id: number) {
  return leadsWithNames(db).where('leads.id', '=', id).where(leadScope(user)).executeTakeFirst();
}

export function leadActivities(db: Db, leadId: number) {
  return db
    .selectFrom('lead_activities as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.kind', 'a.occurred_on', 'a.people', 'a.summary', 'a.from_status', 'a.to_status', 'a.created_at', 'u.display_name'])
    .where('a.lead_id', '=', leadId)
    .orderBy('a.occurred_on', 'desc')
    .orderBy('a.id', 'desc')
    .execute();
}
