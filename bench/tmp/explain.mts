import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { openDatabase } from '/work/wt-cmdperf/src/server/db/database.js';
import { presentUser, regionCodesOf } from '/work/wt-cmdperf/src/server/auth/users.js';
import { figureProjects, signedIn, resolveFilter, requestsRaisedIn } from '/work/wt-cmdperf/src/server/indicators/scope.js';
const [dataDir, username] = process.argv.slice(2);
const { db } = openDatabase({ databaseUrl: null, dataDir });
const raw = new Database(`${dataDir}/lianzhu.sqlite`, { readonly: true });
const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
const user = presentUser(row, await regionCodesOf(db, row.id));
const filter = await resolveFilter(db, user, {}, '2026-11-29');
const queries: Record<string, any> = {
  sums: db.selectFrom(figureProjects(db, user, filter).as('fp')).where(signedIn(filter)).select([sql`fp.region_code`.as('g'), sql`count(*)`.as('n'), sql`sum(fp.investment_yuan)`.as('i'), sql`count(fp.landed_on)`.as('l'), sql`sum(case when fp.next_planned_on < '2026-11-29' then 1 else 0 end)`.as('o')]).groupBy(sql`1`),
  event: db.selectFrom(figureProjects(db, user, filter).as('fp')).where(signedIn(filter)).select([sql`(select es.event_id from event_signings es where es.project_id = fp.id)`.as('g'), sql`count(*)`.as('n')]).groupBy(sql`1`),
  requests: db.selectFrom('service_requests').where(requestsRaisedIn(user, filter)).where('service_requests.status', 'in', ['resolved', 'confirmed']).select([sql`service_requests.project_event_id`.as('g'), sql`count(*)`.as('n')]).groupBy(sql`1`),
  trend: db.selectFrom(figureProjects(db, user, filter).as('fp')).where('fp.started_on', '>=', '2025-12-01').where('fp.started_on', '<=', '2026-11-29').select([sql`substr(fp.started_on,1,7)`.as('m'), sql`count(*)`.as('n')]).groupBy(sql`1`),
};
for (const [name, q] of Object.entries(queries)) {
  const c = q.compile();
  console.log(`--- ${name}: ${c.sql.slice(0, 600)}`);
  for (const r of raw.prepare(`explain query plan ${c.sql}`).all(...c.parameters) as any[]) console.log('   ', r.detail);
  const t = performance.now(); raw.prepare(c.sql).all(...c.parameters); console.log(`    ${(performance.now() - t).toFixed(1)} ms`);
}
