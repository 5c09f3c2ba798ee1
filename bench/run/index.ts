// Issue 4's benchmark: starts the real Lianzhu server in this process on a generated data set and
// measures reads and writes over loopback with autocannon (in a worker thread, off the server's
// event loop), at 1 and 50 connections, signed in as a region officer and as an admin. Issue 5's
// leads, events and public page are in pipeline.ts; issue 6's services in services.ts, read also as a
// department officer and an enterprise user; issue 7's command view in command.ts, by every signed-in role.
// A route the server does not have yet is reported as missing.
// Run: npm run bench -- --scale town|prefecture|province [--db sqlite|postgres] [--duration 10]
//   [--connections 1,50] [--only search|visit] [--no-writes] [--sqlite FILE] [--database-url URL]
//   [--pg-copy] [--officer bench-mulei] [--admin bench-admin] [--password bench-password] [--in-place]
//   [--department bench-zrzy] [--enterprise bench-firm]   issue 6's two more roles (skipped if they cannot sign in)
//   [--no-directus]   skips the Directus reference (references.ts; on SQLite only)
//   [--settle-ms 60000]   how long a run waits for the previous one's requests still in flight
//   npm run bench -- --demo   runs the earlier demo measurements (bench/chain.ts on both engines, bench/import.ts)
// The data comes from `npm run bench:data`. SQLite files are copied to a temporary folder first
// (--in-place symlinks instead), so the write runs do not change the generated data; PostgreSQL
// runs on the generated database itself, so the transitions consume its open projects, unless
// --pg-copy runs on a copy made with CREATE DATABASE … TEMPLATE (needs no other connection to it).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { todayInShanghai } from '../../src/shared/format.js';
import { runReferences, type Measure, type Reference } from './references.js';
import { leadTransitionJobs, pickPipelineTargets, pipelineReads } from './pipeline.js';
import { commandReads } from './command.js';
import { pickServiceTargets, serviceReads, serviceWrites } from './services.js';
import { pickTargets, transitionJobs } from './targets.js';
import { hasSkills, runSkills } from './skills.js';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'town' },
    db: { type: 'string', default: 'sqlite' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '1,50' },
    only: { type: 'string' },
    'no-writes': { type: 'boolean', default: false },
    sqlite: { type: 'string' },
    'database-url': { type: 'string' },
    officer: { type: 'string', default: 'bench-mulei' },
    admin: { type: 'string', default: 'bench-admin' },
    department: { type: 'string', default: 'bench-zrzy' },
    enterprise: { type: 'string', default: 'bench-firm' },
    password: { type: 'string', default: 'bench-password' },
    'in-place': { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
    'pg-copy': { type: 'boolean', default: false },
    'no-directus': { type: 'boolean', default: false },
    'settle-ms': { type: 'string', default: '60000' },
  },
});
if (args.demo) {
  // The earlier measurements on the demo: the chain map on both engines, and the 100,000-row import.
  for (const [env, script] of [[{}, 'bench/chain.ts'], [{ LIANZHU_TEST_DB: 'postgres' }, 'bench/chain.ts'], [{}, 'bench/import.ts']] as const) {
    const run = spawnSync(process.execPath, [...process.execArgv, script], { stdio: 'inherit', env: { ...process.env, ...env } });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  process.exit(0);
}
const scale = args.scale!;
const engine = args.db === 'postgres' ? 'postgres' : 'sqlite';
const duration = Number(args.duration);
const connectionCounts = args.connections!.split(',').map(Number);
// On PostgreSQL at one connection the in-flight count did not return to 0 after a run, and every run
// waited out the whole minute; --settle-ms 3000 caps that wait.
const settleMs = Number(args['settle-ms']);
const generate = `npm run bench:data -- --scale ${scale}${engine === 'postgres' ? ' --db postgres' : ''}`;

/** Pads to a display width: CJK characters take two columns in a terminal. */
function pad(value: unknown, width: number, left = false): string {
  let text = String(value ?? '');
  const cols = (t: string) => [...t].reduce((n, ch) => n + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);
  while (cols(text) > width) text = [...text].slice(0, -1).join('');
  const fill = ' '.repeat(width - cols(text));
  return left ? fill + text : text + fill;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Where the data is: a folder holding lianzhu.sqlite, or a PostgreSQL URL that answers. */
async function locateData(): Promise<{ dataDir: string; databaseUrl: string | null; source: string; drop?: () => Promise<void> }> {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'lianzhu-bench-run-'));
  if (engine === 'sqlite') {
    // The generator writes data/bench/<scale>/lianzhu.sqlite; a single file data/bench/<scale>.sqlite works too.
    const candidates = args.sqlite ? [args.sqlite] : [`data/bench/${scale}/lianzhu.sqlite`, `data/bench/${scale}.sqlite`];
    const file = path.resolve(candidates.find((f) => fs.existsSync(f)) ?? candidates[0]);
    if (!fs.existsSync(file)) fail(`No generated data at ${file}. Create it with:\n  ${generate}`);
    const dataDir = tmp();
    for (const ext of ['', '-wal']) {
      if (!fs.existsSync(file + ext)) continue;
      if (args['in-place']) fs.symlinkSync(file + ext, path.join(dataDir, 'lianzhu.sqlite' + ext));
      else fs.copyFileSync(file + ext, path.join(dataDir, 'lianzhu.sqlite' + ext));
    }
    return { dataDir, databaseUrl: null, source: file };
  }
  let databaseUrl = args['database-url'];
  if (!databaseUrl) {
    const url = new URL(process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    url.pathname = `/lianzhu_bench_${scale}`;
    databaseUrl = url.toString();
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    await client.query('select 1 from enterprises limit 1');
  } catch (error) {
    fail(`No generated data in ${databaseUrl} (${(error as Error).message}). Create it with:\n  ${generate}`);
  } finally {
    await client.end().catch(() => {});
  }
  const source = databaseUrl.replace(/\/\/[^@]*@/, '//');
  const dataDir = tmp();
  if (!args['pg-copy']) return { dataDir, databaseUrl, source };
  // A throw-away copy (CREATE DATABASE … TEMPLATE), so the write runs leave the generated data as it was.
  const url = new URL(databaseUrl);
  const original = url.pathname.slice(1);
  const copy = `${original}_run_${process.pid}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create database ${copy} template ${original}`);
  await admin.end();
  url.pathname = `/${copy}`;
  const drop = async () => {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    await c.query(`drop database if exists ${copy} with (force)`);
    await c.end();
  };
  return { dataDir, databaseUrl: url.toString(), source: `${source} (copied to ${copy})`, drop };
}

/** One POST of a write run: a different row each time. */
type Job = { path: string; body: unknown };

interface Session {
  id: number;
  username: string;
  role: string;
  regionCodes: string[];
  department: string | null;
  enterpriseUscc: string | null;
  headers: Record<string, string>;
}

async function trySignIn(base: string, username: string, password: string): Promise<Session | string> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) return `Signing in as ${username} failed: HTTP ${res.status} ${await res.text()}`;
  const body = (await res.json()) as { user: { id: number; role: string; regionCodes: string[]; department?: string | null; enterpriseUscc?: string | null }; csrfToken: string };
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const { user } = body;
  return {
    id: user.id, username, role: user.role, regionCodes: user.regionCodes, department: user.department ?? null, enterpriseUscc: user.enterpriseUscc ?? null,
    headers: { cookie, 'x-csrf-token': body.csrfToken, 'accept-language': 'zh-CN' },
  };
}

async function signIn(base: string, username: string, password: string): Promise<Session> {
  const session = await trySignIn(base, username, password);
  if (typeof session === 'string') fail(`${session}\n(set --officer/--admin/--password)`);
  return session;
}

/** Requests answered 2xx: a create answers 201. */
const succeeded = (m: Measure) => Object.entries(m.statusCodes).reduce((n, [code, count]) => (code.startsWith('2') ? n + count : n), 0);

let settle = async () => {};

async function load(options: { url: string; headers: Record<string, string>; connections: number; jobs?: Job[] }): Promise<Measure> {
  await settle();
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: { ...options, duration } });
    worker.once('message', resolve);
    worker.once('error', reject);
    // A worker that ends without its message would otherwise leave the whole run waiting forever.
    worker.once('exit', (code) => reject(new Error(`the load worker exited (code ${code}) without a result`)));
  });
}

async function main(): Promise<void> {
  const data = await locateData();
  const config = { ...loadConfig({}), dataDir: data.dataDir, databaseUrl: data.databaseUrl, demo: false, logLevel: 'warn', loginMaxFailures: 1000 };
  const database = openDatabase(config);
  await migrateToLatest(database.db);
  const app = await buildApp({ db: database.db, engine: database.engine, config });
  // Requests a run left in flight (autocannon stops at its deadline) still hold the server; the next
  // run starts only when they are done, so it does not queue behind them.
  let inFlight = 0;
  // The response's 'close' fires whether it finished or the load generator hung up at its deadline;
  // onResponse does not fire for the latter, and a count that never returns to 0 made every later
  // run wait out the full minute.
  app.addHook('onRequest', async (_request, reply) => {
    inFlight++;
    reply.raw.once('close', () => void inFlight--);
  });
  settle = async () => {
    for (const start = Date.now(); inFlight > 0 && Date.now() - start < settleMs; ) await new Promise((r) => setTimeout(r, 20));
  };
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const rows: Record<string, unknown>[] = [];
  try {
    const t = performance.now();
    const targets = await pickTargets(database.db);
    const pipeline = await pickPipelineTargets(database.db);
    const officer = await signIn(base, args.officer!, args.password!);
    const admin = await signIn(base, args.admin!, args.password!);
    const anonymous: Session = { id: 0, username: 'anonymous', role: '', regionCodes: [], department: null, enterpriseUscc: null, headers: { 'accept-language': 'zh-CN' } };
    // Issue 6's department officer and enterprise user: data generated before issue 6 has neither, and the run goes on without them.
    const extra: Session[] = [];
    for (const username of [args.department!, args.enterprise!]) {
      const session = await trySignIn(base, username, args.password!);
      if (typeof session === 'string') console.log(`${session}: its service reads are left out (regenerate the data, or set --department/--enterprise)`);
      else extra.push(session);
    }
    const services = await pickServiceTargets(database.db, [officer, admin, ...extra]);
    console.log(`picked targets in ${((performance.now() - t) / 1000).toFixed(1)} s:`, JSON.stringify({ ...targets, ...pipeline, services }));
    const search = (q: string): Reference => ({ kind: 'search', q, pageSize: 20 });
    // `ref` says what the bare handler and Directus are asked for the same read (references.ts).
    const reads: { name: string; path: string; ref?: Reference; anonymous?: boolean }[] = [
      { name: 'project list 652328/started by investment', path: '/api/projects?region=652328&stage=started&sort=investment&order=desc&pageSize=20', ref: { kind: 'projects', region: '652328', stage: 'started', pageSize: 20 } },
      ...([2, 3, 4] as const).map((n) => ({ name: `enterprise search ${n} chars「${targets.fragments[n]}」`, path: `/api/enterprises?q=${encodeURIComponent(targets.fragments[n])}`, ref: search(targets.fragments[n]) })),
      { name: `enterprise search common 2 chars「${targets.common}」`, path: `/api/enterprises?q=${encodeURIComponent(targets.common)}`, ref: search(targets.common) },
      { name: 'enterprise search credit code', path: `/api/enterprises?q=${targets.uscc}` },
      { name: 'dashboard summary', path: '/api/dashboard/summary' },
      ...(targets.chain ? [{ name: `gap analysis: chain ${targets.chain.name}`, path: `/api/chains/${targets.chain.id}` }] : []),
      ...(targets.node ? [{ name: `ranked targets: node ${targets.node.name}`, path: `/api/chain-nodes/${targets.node.id}/targets` }] : []),
      ...pipelineReads(pipeline),
    ];
    // --only 'a|b' keeps every read or write whose name contains a or b.
    const only = (name: string) => !args.only || args.only.split('|').some((part) => name.includes(part));
    const selected = reads.filter((r) => only(r.name));
    const print = (row: Record<string, unknown>) =>
      console.log(
        `${pad(row.user, 12)} ${pad(row.request, 46)} ${pad(row.connections, 3, true)} ${pad(row.rps, 9, true)} ` +
          `${pad(row.p50, 8, true)} ${pad(row.p95, 8, true)} ${pad(row.p99, 8, true)} ${pad(row.failed, 6, true)}  ${row.note ?? ''}`,
      );
    console.log(`\nLianzhu on ${engine} (${data.source}), ${scale} scale, ${duration} s per run, loopback\n`);
    print({ user: 'user', request: 'request', connections: 'con', rps: 'req/s', p50: 'p50 ms', p95: 'p95 ms', p99: 'p99 ms', failed: 'non2xx' });
    for (const session of [officer, admin, anonymous, ...extra]) {
      // Issue 6's reads run for every signed-in role; the earlier ones for the officer and the admin (and the public page).
      const earlier = extra.includes(session) ? [] : selected.filter((r) => !r.anonymous === (session !== anonymous));
      // Issue 7's command view is read by every signed-in role too.
      const issue6 = session === anonymous ? [] : [...serviceReads(services, session), ...commandReads()].filter((r) => only(r.name));
      for (const read of [...earlier, ...issue6]) {
        // One request first: it must succeed, and it warms the caches; the search's total shows how selective the fragment is.
        const res = await fetch(base + read.path, { headers: session.headers });
        const body = (await res.json()) as { total?: number; error?: { message?: string } };
        // Before its route is merged the server answers 404 (or 401 for a public path not yet exempt from sign-in);
        // a 404 from a route the server has is a target outside the role's scope, reported as an error below.
        const route = 'route' in read ? read.route : null;
        const missing = (res.status === 404 && !(route && app.hasRoute({ method: 'GET', url: route }))) || (res.status === 401 && session === anonymous);
        if (missing) {
          rows.push({ user: session.username, request: read.name, path: read.path, skipped: `missing: route not on this server yet (${res.status})` });
          print({ ...rows.at(-1), connections: '-', rps: '-', p50: '-', p95: '-', p99: '-', failed: '-', note: rows.at(-1)!.skipped });
          continue;
        }
        if (res.status !== 200) {
          rows.push({ user: session.username, request: read.name, path: read.path, error: `HTTP ${res.status} ${body.error?.message ?? ''}` });
          print({ ...rows.at(-1), connections: '-', rps: '-', p50: '-', p95: '-', p99: '-', failed: '-', note: rows.at(-1)!.error });
          continue;
        }
        for (let i = 0; i < 5; i++) await fetch(base + read.path, { headers: session.headers }).then((r) => r.arrayBuffer());
        for (const connections of connectionCounts) {
          const m = await load({ url: base + read.path, headers: session.headers, connections });
          const failed = m.requests - succeeded(m) + m.errors;
          const row = { user: session.username, request: read.name, path: read.path, connections, ...m, failed, total: body.total, note: [
            typeof body.total === 'number' ? `total ${body.total}` : '',
            m.timeouts ? `${m.timeouts} timed out (10 s)` : '',
            m.requests === 0 ? `no response finished within the ${duration} s run` : '',
          ].filter(Boolean).join(', ') };
          rows.push(row);
          print(row);
        }
      }
    }
    // After Lianzhu's reads and before the writes change the data: the same reads on the references.
    const references: Awaited<ReturnType<typeof runReferences>> | string =
      engine === 'sqlite'
        ? await runReferences({ sqliteFile: path.join(data.dataDir, 'lianzhu.sqlite'), reads: selected, connectionCounts, rows, print, load, directus: !args['no-directus'] })
        : 'the references run on SQLite only';
    /** Each session's pool of POSTs at each connection count; every request a different row, none sent twice. */
    const writeRuns = async (request: string, pools: Map<Session, Job[]>, distinct = true) => {
      for (const [session, jobs] of pools) {
        const headers = { ...session.headers, 'content-type': 'application/json' };
        for (const [i, connections] of connectionCounts.entries()) {
          // Each run gets its share of what is left, so a fast first run cannot leave the next one nothing.
          const left = pools.get(session)!;
          // Each request a different row: the pool stops before a row's second step.
          const share = Math.ceil(left.length / (connectionCounts.length - i));
          const seen = new Set<string>();
          const pool = left.slice(0, share);
          const repeat = distinct ? pool.findIndex((job) => seen.size === seen.add(job.path).size) : -1;
          if (repeat >= 0) pool.length = repeat;
          if (pool.length < connections) {
            rows.push({ user: session.username, request: request, connections, error: `only ${pool.length} transitions left` });
            print({ ...rows.at(-1), rps: '-', p50: '-', p95: '-', p99: '-', failed: '-', note: rows.at(-1)!.error });
            continue;
          }
          const m = await load({ url: base + '/api/health', headers, connections, jobs: pool });
          pools.set(session, left.slice(m.used));
          const failed = m.requests - succeeded(m) + m.errors;
          const note = `${m.used} sent from a pool of ${pool.length}${m.exhausted ? ', pool ran dry' : ''}${m.failures.length ? `; first failure: ${m.failures[0]}` : ''}`;
          const row = { user: session.username, request, connections, ...m, failed, note };
          rows.push(row);
          print(row);
        }
      }
    };
    if (!args['no-writes'] && (!args.only || 'transitions'.includes(args.only))) {
      const today = todayInShanghai();
      const pools = new Map<Session, Job[]>([
        [officer, await transitionJobs(database.db, today, { in: officer.role === 'admin' ? undefined : officer.regionCodes }, 500_000)],
        [admin, await transitionJobs(database.db, today, { notIn: officer.regionCodes }, 500_000)],
      ]);
      await writeRuns('stage transition + audit (POST)', pools);
    }
    if (!args['no-writes'] && (!args.only || 'lead transitions'.includes(args.only))) {
      const mine = await leadTransitionJobs(database.db, { userId: officer.id, in: officer.role === 'admin' ? undefined : officer.regionCodes }, 500_000);
      const others = await leadTransitionJobs(database.db, { userId: admin.id, notIn: { regions: officer.regionCodes } }, 500_000);
      const pools = new Map<Session, Job[]>([[officer, mine], [admin, others]]);
      // The version each job carries is read from the table; the API's detail must agree, and its 404 means not merged yet.
      const first = mine[0] ?? others[0];
      const res = first ? await fetch(`${base}/api/leads/${first.leadId}`, { headers: officer.headers }) : null;
      const detail = res?.status === 200 ? ((await res.json()) as { version?: number }) : null;
      if (!res || res.status === 404) {
        rows.push({ user: officer.username, request: 'lead transition + activity + audit (POST)', skipped: res ? 'GET /api/leads/:id not on this server yet (404)' : 'no lead in status new' });
        print({ ...rows.at(-1), connections: '-', rps: '-', p50: '-', p95: '-', p99: '-', failed: '-', note: rows.at(-1)!.skipped });
      } else if (detail?.version !== first.body.version) {
        rows.push({ user: officer.username, request: 'lead transition + activity + audit (POST)', error: `GET /api/leads/${first.leadId} answered ${res.status}, version ${detail?.version} (table: ${first.body.version})` });
        print({ ...rows.at(-1), connections: '-', rps: '-', p50: '-', p95: '-', p99: '-', failed: '-', note: rows.at(-1)!.error });
      } else {
        await writeRuns('lead transition + activity + audit (POST)', pools);
      }
    }
    // Issue 6's writes. The first job goes alone first: a route not merged yet is reported missing, a refusal as an error.
    if (!args['no-writes']) {
      const sessions = [officer, admin, ...extra];
      for (const write of await serviceWrites(database.db, sessions)) {
        if (!only(write.request)) continue;
        const session = sessions.find((x) => x.username === write.username)!;
        const note = (kind: 'skipped' | 'error', text: string) => {
          rows.push({ user: session.username, request: write.request, [kind]: text });
          print({ ...rows.at(-1), connections: '-', rps: '-', p50: '-', p95: '-', p99: '-', failed: '-', note: text });
        };
        const [first, ...rest] = write.jobs;
        if (!first) {
          note('skipped', 'nothing to write in this data');
          continue;
        }
        const res = await fetch(base + first.path, { method: 'POST', headers: { ...session.headers, 'content-type': 'application/json' }, body: JSON.stringify(first.body) });
        const text = await res.text();
        if (res.status === 404 && !app.hasRoute({ method: 'POST', url: write.route })) note('skipped', `missing: route not on this server yet (${res.status})`);
        else if (res.status >= 300) note('error', `first POST ${first.path}: HTTP ${res.status} ${text.slice(0, 200)}`);
        else await writeRuns(write.request, new Map([[session, rest]]), write.distinct);
      }
    }
    // Issue 8 (b): the skills competition, when the data has it (bench/data/skills.ts).
    if ((await hasSkills(database.db)) && only('skills')) await runSkills({ db: database.db, base, load, print, rows, connectionCounts, writes: !args['no-writes'] });
    const dir = path.resolve('bench/results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${scale}-${engine}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
    fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), scale, engine, source: data.source, duration, machine, targets: { ...targets, ...pipeline, services }, references, results: rows }, null, 2));
    console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(data.dataDir, { recursive: true, force: true });
    await data.drop?.();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
