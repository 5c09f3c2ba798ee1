// npm run bench:data -- --scale town|prefecture|province [--db sqlite|postgres] [--out dir-or-url] [--seed N] [--today YYYY-MM-DD]
// (npx tsx bench/data/blocks.ts with the same --scale/--db/--out fills projects.blocked_stage in data generated before it was)
//
// Generates the benchmark data set straight into a fresh database: the app's own migrations first,
// then bulk inserts (not the API). SQLite goes to data/bench/<scale>/lianzhu.sqlite, so the server
// reads it with DATA_DIR=data/bench/<scale>; PostgreSQL to the database lianzhu_bench_<scale>.
//
// Reusable by design: each table family has its own generator (enterprises.ts, projects.ts) taking
// the shared Ctx (seed, scale, writer, chain map, dates); issue 5 added events.ts, leads.ts and
// opportunities.ts that way. A later module — leads, events, service
// requests — adds a file exporting `generateX(ctx, …)` and one call in main() below; enterpriseAt(ctx, id)
// re-derives any enterprise from the seed, so it needs no lookups.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { todayInShanghai } from '../../src/shared/format.js';
import { fillBlockedStagesLogged, fillProjectDepartmentsLogged } from './blocks.js';
import { generateCalendar } from './calendar.js';
import { createContext, readServiceVocab, SCALES, type ServiceVocab } from './context.js';
import { fillCommandCopiesLogged } from './command-copies.js';
import { generateChainMap, generateEnterprises, generateSupplyLinks } from './enterprises.js';
import { generateEvents } from './events.js';
import { generateIndicatorTargets } from './indicator-targets.js';
import { generateLeads } from './leads.js';
import { fillLivestreamFigures, generateLivestream, LIVESTREAM_SCALES } from './livestream.js';
import { generateOpportunities } from './opportunities.js';
import { generatePolicies } from './policies.js';
import { generateProjectServices } from './project-services.js';
import { BENCH_PASSWORD, generateProjects, generateUsers } from './projects.js';
import { generateServiceRequests } from './services.js';
import { generateServiceUsers } from './service-users.js';
import { generateSkills } from './skills.js';
import { freshPostgres, postgresWriter, sqliteWriter, type Writer } from './writers.js';

function parseArgs(argv: string[]) {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) throw new Error(`Unexpected argument ${argv[i]}`);
    args.set(argv[i].slice(2), argv[i + 1]);
    i++;
  }
  const scaleName = args.get('scale') ?? 'town';
  const scale = SCALES[scaleName];
  if (!scale) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const out = args.get('out');
  const engine = args.get('db') ?? (out?.startsWith('postgres') ? 'postgres' : 'sqlite');
  if (engine !== 'sqlite' && engine !== 'postgres') throw new Error('--db must be sqlite or postgres');
  const seed = Number(args.get('seed') ?? 20230517);
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const today = args.get('today') ?? todayInShanghai();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error('--today must be YYYY-MM-DD');
  return { scaleName, scale, engine, out, seed, today };
}

async function main() {
  const { scaleName, scale, engine, out, seed, today } = parseArgs(process.argv.slice(2));
  const started = performance.now();
  let w: Writer;
  let where: string;
  let file: string | null = null;
  let services: ServiceVocab;
  if (engine === 'postgres') {
    where = out ?? `postgres://postgres@127.0.0.1:5432/lianzhu_bench_${scaleName}`;
    await freshPostgres(where);
    const database = openDatabase({ databaseUrl: where, dataDir: '' });
    await migrateToLatest(database.db);
    services = await readServiceVocab(database.db);
    await database.close();
    w = await postgresWriter(where);
  } else {
    const dataDir = path.resolve(out ?? `data/bench/${scaleName}`);
    file = path.join(dataDir, 'lianzhu.sqlite');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    const database = openDatabase({ databaseUrl: null, dataDir });
    await migrateToLatest(database.db);
    services = await readServiceVocab(database.db);
    await database.close();
    w = sqliteWriter(file);
    where = file;
  }
  console.log(`bench data: scale ${scaleName}, seed ${seed}, today ${today}, ${engine} → ${where}`);
  // One argon2 hash for every user: hashing a thousand would take longer than the rest of the town.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const ctx = createContext({ seed, scale, w, today, services });
  ctx.map = await generateChainMap(ctx);
  const users = await generateUsers(ctx, passwordHash);
  const members = await generateEnterprises(ctx);
  await generateSupplyLinks(ctx, members);
  const projects = await generateProjects(ctx, members, users);
  const events = await generateEvents(ctx, projects, users);
  await generateLeads(ctx, members, users, projects, events);
  await generateOpportunities(ctx, users);
  // Issue 6 (enterprise services): its people, the holiday calendar, approvals and factors, policies, requests and the inbox.
  const people = await generateServiceUsers(ctx, passwordHash, users, projects);
  const calendar = await generateCalendar(ctx);
  await generateProjectServices(ctx, projects);
  await generatePolicies(ctx, users);
  await generateServiceRequests(ctx, projects, people, calendar);
  // Issue 7 (the command view): the indicator targets; its figures read the ledger and requests above.
  await generateIndicatorTargets(ctx);
  // Issue 8 (b): the skills competition, its own users included.
  await generateSkills(ctx, scaleName, passwordHash);
  // Issue 8 (a): livestream contests; their boards' sums and flags are derived after loading.
  const contests = await generateLivestream(w, seed, LIVESTREAM_SCALES[scaleName], users[0].id);
  await w.finish();
  // Derived from the approvals and factors just written, by the server's own rule, once they are indexed.
  const written = openDatabase(engine === 'postgres' ? { databaseUrl: where, dataDir: '' } : { databaseUrl: null, dataDir: path.dirname(file!) });
  await fillBlockedStagesLogged(written.db, written.engine)
    .then(() => fillProjectDepartmentsLogged(written.db, written.engine))
    .then(() => fillCommandCopiesLogged(written.db, written.engine))
    .finally(() => written.close());
  await fillLivestreamFigures(engine === 'postgres' ? where : null, engine === 'postgres' ? '' : path.dirname(file!), contests);

  const seconds = (performance.now() - started) / 1000;
  const total = [...w.counts.values()].reduce((a, b) => a + b, 0);
  console.log(`\nrows written (${total.toLocaleString('en')} in ${seconds.toFixed(1)} s, ${Math.round(total / seconds).toLocaleString('en')} rows/s overall):`);
  for (const [table, count] of [...w.counts].sort((a, b) => b[1] - a[1])) console.log(`  ${table.padEnd(22)} ${count.toLocaleString('en').padStart(11)}`);
  const missing = ctx.map.nodes.filter((n) => n.status === 'missing').length;
  console.log(`chain map: ${ctx.map.chains.length} chains, ${ctx.map.nodes.length} nodes (${missing} with no local enterprise, ${ctx.map.weak.length} weak)`);
  if (file) console.log(`file: ${file}  ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB   serve it with DATA_DIR=${path.relative(process.cwd(), path.dirname(file))} DEMO=false`);
  else console.log(`database: ${where}   serve it with DATABASE_URL=${where} DEMO=false`);
  console.log(`sign in (password "${BENCH_PASSWORD}"): bench-admin (admin), bench-leader (leader), bench-mulei (region officer of 652328 木垒), bench-zrzy (自然资源局 officer), bench-firm (enterprise user of the firm with most projects)`);
}

await main();
