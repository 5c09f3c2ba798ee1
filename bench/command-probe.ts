// npx tsx bench/command-probe.ts DATA_DIR [--only regex] [--runs N]
// The command view's figures in-process (no HTTP), as the bench's four roles, on a generated data set:
// quicker than npm run bench for finding which query is slow; migrations run first.
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';
import { presentUser, regionCodesOf } from '../src/server/auth/users.js';
import { listClusters } from '../src/server/chains/queries.js';
import { completeness, durations, funnel, trend } from '../src/server/indicators/analytics.js';
import { mapFigures } from '../src/server/indicators/map.js';
import { resolveFilter } from '../src/server/indicators/scope.js';
import { indicatorTable } from '../src/server/indicators/table.js';
import { monthlyReport } from '../src/server/reports/monthly.js';
import { todayInShanghai } from '../src/shared/format.js';

const [dataDir, ...rest] = process.argv.slice(2);
const only = rest.includes('--only') ? new RegExp(rest[rest.indexOf('--only') + 1]) : null;
const runs = rest.includes('--runs') ? Number(rest[rest.indexOf('--runs') + 1]) : 5;
const database = openDatabase({ databaseUrl: process.env.DATABASE_URL ?? null, dataDir });
const { db } = database;
let t = performance.now();
await migrateToLatest(db);
console.log(`migrations ${(performance.now() - t).toFixed(0)} ms`);
const today = todayInShanghai();
const month = today.slice(0, 7);
for (const username of ['bench-mulei', 'bench-admin', 'bench-zrzy', 'bench-firm']) {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();
  const user = presentUser(row, await regionCodesOf(db, row.id));
  const filter = await resolveFilter(db, user, {}, today);
  const reads: [string, () => Promise<unknown>][] = [
    ['indicators region', () => indicatorTable(db, user, filter, 'region')],
    ['indicators cluster', () => indicatorTable(db, user, filter, 'cluster')],
    ['indicators event', () => indicatorTable(db, user, filter, 'event')],
    ['funnel', () => funnel(db, user, filter)],
    ['trend', () => trend(db, user, filter, 12)],
    ['durations', () => durations(db, user, filter)],
    ['completeness', () => completeness(db, null)],
    ['map projects', () => mapFigures(db, user, filter, 'projects')],
    ['map completeness', () => mapFigures(db, user, filter, 'completeness')],
    ['monthly report', () => monthlyReport(db, user, { month })],
    ['clusters', () => listClusters(db)],
  ];
  for (const [name, read] of reads) {
    if (only && !only.test(name)) continue;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      await read();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`${username.padEnd(12)} ${name.padEnd(20)} min ${times[0].toFixed(1).padStart(7)}  median ${times[Math.floor(times.length / 2)].toFixed(1).padStart(7)}  max ${times[times.length - 1].toFixed(1).padStart(7)} ms`);
  }
}
await database.close();
