// Issue 5's scenarios: leads, events and the public page of opportunities. What they ask for is
// picked from the data (a common name fragment, the largest event, leads that can move on).
//
// Endpoints these scenarios need (issue 5's API contract); until a route is merged the server
// answers 404 and the scenario is reported as skipped, not failed:
//   GET  /api/leads?page&pageSize[&status][&q][&overdue=true]   list, default order updatedAt desc
//   GET  /api/leads/board                                       counts + first cards per status
//   GET  /api/leads/reminders                                   the caller's overdue next steps
//   GET  /api/leads/:id                                         detail with `version`
//   POST /api/leads/:id/transition {to, version}                status change + activity + audit
//   GET  /api/events?page                                        list
//   GET  /api/events/:id/summary, /api/events/:id/scorecard
//   GET  /api/public/opportunities?lang=zh                        anonymous
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';

export interface PipelineTargets {
  /** Two characters many lead names share (科技, 能源 …), and how many leads carry it. */
  leadFragment: { q: string; leads: number } | null;
  event: { id: number; name: string; signings: number; guests: number } | null;
}

export interface PipelineRead { name: string; path: string; anonymous?: boolean }

const SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司'];

export async function pickPipelineTargets(db: Kysely<DB>): Promise<PipelineTargets> {
  const names = await db.selectFrom('leads').select('enterprise_name').where('enterprise_id', 'is not', null).orderBy('id').limit(50).execute();
  const fragments = [...new Set(names.map(({ enterprise_name: n }) => SUFFIXES.reduce((s, x) => (s.endsWith(x) ? s.slice(0, -x.length) : s), n).slice(-2)))].filter((f) => f.length === 2);
  let leadFragment: PipelineTargets['leadFragment'] = null;
  for (const q of fragments.slice(0, 10)) {
    const { n } = await db.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('n')).where('search_text', 'like', `%${q}%`).executeTakeFirstOrThrow();
    if (!leadFragment || Number(n) > leadFragment.leads) leadFragment = { q, leads: Number(n) };
  }
  // The largest event: most signings (the scorecard's rows), then most guests.
  const event = (
    await sql<{ id: number; name: string; signings: number; guests: number }>`
      select e.id, e.name,
        (select count(*) from event_signings s where s.event_id = e.id) as signings,
        (select count(*) from event_guests g where g.event_id = e.id) as guests
      from events e order by signings desc, guests desc, e.id limit 1`.execute(db)
  ).rows[0];
  return { leadFragment, event: event ? { ...event, signings: Number(event.signings), guests: Number(event.guests) } : null };
}

export function pipelineReads(t: PipelineTargets): PipelineRead[] {
  const list = '/api/leads?page=1&pageSize=20';
  return [
    { name: 'lead list, latest updated first', path: list },
    { name: 'lead list negotiating', path: `${list}&status=negotiating` },
    ...(t.leadFragment ? [{ name: `lead search 2 chars「${t.leadFragment.q}」`, path: `${list}&q=${encodeURIComponent(t.leadFragment.q)}` }] : []),
    { name: 'lead list overdue next steps', path: `${list}&overdue=true` },
    { name: 'lead board', path: '/api/leads/board' },
    { name: 'lead reminders', path: '/api/leads/reminders' },
    { name: 'event list', path: '/api/events?page=1' },
    ...(t.event
      ? [
          { name: `event summary (${t.event.signings} signings)`, path: `/api/events/${t.event.id}/summary` },
          { name: `event scorecard (${t.event.signings} signings)`, path: `/api/events/${t.event.id}/scorecard` },
        ]
      : []),
    { name: 'public opportunities zh (anonymous)', path: '/api/public/opportunities?lang=zh', anonymous: true },
  ];
}

export interface LeadTransitionJob { path: string; body: { to: 'contacted'; version: number }; leadId: number }

/**
 * Leads in status `new` that one user may move to `contacted`, each once, with the version they hold
 * now. `scope.in` is a region officer's regions (its whole lead scope, as leads/policy.ts has it);
 * `scope.notIn` (the officer's regions) keeps the admin's pool apart from the officer's, so no lead is moved twice.
 */
export async function leadTransitionJobs(db: Kysely<DB>, scope: { userId: number; in?: string[]; notIn?: { regions: string[] } }, limit: number): Promise<LeadTransitionJob[]> {
  let query = db.selectFrom('leads').select(['id', 'version']).where('status', '=', 'new').orderBy('id').limit(limit);
  if (scope.in) {
    const regions = scope.in.length ? scope.in : ['-'];
    query = query.where('region_code', 'in', regions);
  }
  if (scope.notIn) {
    const { regions } = scope.notIn;
    if (regions.length) query = query.where((eb) => eb.or([eb('region_code', 'is', null), eb('region_code', 'not in', regions)]));
  }
  const rows = await query.execute();
  return rows.map((r) => ({ path: `/api/leads/${r.id}/transition`, body: { to: 'contacted', version: Number(r.version) }, leadId: r.id }));
}
