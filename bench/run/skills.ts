// Issue 8 (b)'s scenarios: the skills competition's main reads and writes, as the role that does
// each: the judge's queue and sheet, the mark write, the organiser's contestant list, search and
// results, the contestant's own page and the public certificate check.
// In `npm run bench` (index.ts) they run when the data has skills rows. Alone, on the skills-only
// data of `npx tsx bench/data/skills.ts --scale …`:
//   npx tsx bench/run/skills.ts --scale town|prefecture|province [--db sqlite|postgres] [--duration 10] [--connections 1,50]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import type { DB } from '../../src/server/db/schema.js';
import { certificateCode } from '../../src/server/skills/results.js';
import { SKILLS_BENCH } from '../data/skills.js';
import { BENCH_PASSWORD } from '../data/projects.js';
import type { Measure } from './references.js';

interface Job { path: string; body: unknown; method?: string }
type Load = (options: { url: string; headers: Record<string, string>; connections: number; jobs?: Job[] }) => Promise<Measure & { used?: number; failures?: string[] }>;
type Row = Record<string, unknown>;

async function signIn(base: string, username: string): Promise<{ id: number; headers: Record<string, string> } | null> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: BENCH_PASSWORD }) });
  if (res.status !== 200) return null;
  const body = (await res.json()) as { user: { id: number }; csrfToken: string };
  return { id: body.user.id, headers: { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], 'x-csrf-token': body.csrfToken, 'accept-language': 'zh-CN' } };
}

export async function hasSkills(db: Kysely<DB>): Promise<boolean> {
  return !!(await db.selectFrom('skills_marks').select('id').limit(1).executeTakeFirst().catch(() => undefined));
}

/** Measures the skills reads and writes against a running server on data with skills rows. */
export async function runSkills(options: { db: Kysely<DB>; base: string; load: Load; print: (row: Row) => void; rows: Row[]; connectionCounts: number[]; writes: boolean }): Promise<void> {
  const { db, base, load, print, rows, connectionCounts } = options;
  const organiser = await signIn(base, SKILLS_BENCH.organiser);
  const judge = await signIn(base, SKILLS_BENCH.judge);
  const contestant = await signIn(base, SKILLS_BENCH.contestant);
  if (!organiser || !judge || !contestant) {
    rows.push({ request: 'skills', skipped: 'the bench skills accounts cannot sign in' });
    return;
  }
  const event = await db.selectFrom('skills_judges').select('event_id').where('user_id', '=', judge.id).executeTakeFirstOrThrow();
  const judgeRow = await db.selectFrom('skills_judges').select(['id', 'unit_id']).where('user_id', '=', judge.id).executeTakeFirstOrThrow();
  const someone = await db.selectFrom('skills_contestants').select('id').where('event_id', '=', event.event_id).where('unit_id', '!=', judgeRow.unit_id).orderBy('id').executeTakeFirstOrThrow();
  // One certificate to check: issued straight into the table, as issueCertificates would.
  const mine = await db.selectFrom('skills_contestants').select('id').where('user_id', '=', contestant.id).executeTakeFirstOrThrow();
  let cert = await db.selectFrom('skills_certificates').select('code').where('contestant_id', '=', mine.id).executeTakeFirst();
  if (!cert) {
    cert = { code: certificateCode() };
    await db.insertInto('skills_certificates').values({ contestant_id: mine.id, code: cert.code, kind: 'participation', rank: 1, total_centi: 0, issued_at: new Date().toISOString() }).execute();
  }
  const reads: { user: string; name: string; path: string; headers: Record<string, string> }[] = [
    { user: SKILLS_BENCH.judge, name: 'skills: judge queue (blind, own unit left out)', path: '/api/skills/mark/queue', headers: judge.headers },
    { user: SKILLS_BENCH.judge, name: 'skills: judge sheet of one contestant', path: `/api/skills/mark/contestants/${someone.id}`, headers: judge.headers },
    { user: SKILLS_BENCH.judge, name: 'skills: results after release (judge)', path: `/api/skills/events/${event.event_id}/results`, headers: judge.headers },
    { user: SKILLS_BENCH.organiser, name: 'skills: event results + tie chain', path: `/api/skills/events/${event.event_id}/results`, headers: organiser.headers },
    { user: SKILLS_BENCH.organiser, name: 'skills: contestants page 1', path: `/api/skills/events/${event.event_id}/contestants?pageSize=20`, headers: organiser.headers },
    { user: SKILLS_BENCH.organiser, name: 'skills: contestants search「示例选手1」', path: `/api/skills/events/${event.event_id}/contestants?q=${encodeURIComponent('示例选手1')}`, headers: organiser.headers },
    { user: SKILLS_BENCH.organiser, name: 'skills: moderation list', path: `/api/skills/events/${event.event_id}/moderation`, headers: organiser.headers },
    { user: SKILLS_BENCH.contestant, name: 'skills: my entry (result, certificate)', path: '/api/skills/me', headers: contestant.headers },
    { user: 'anonymous', name: 'skills: public certificate check', path: `/api/public/certificates/${cert.code}`, headers: { 'accept-language': 'zh-CN' } },
  ];
  for (const read of reads) {
    const res = await fetch(base + read.path, { headers: read.headers });
    if (res.status !== 200) {
      rows.push({ user: read.user, request: read.name, error: `HTTP ${res.status} ${(await res.text()).slice(0, 200)}` });
      print({ ...rows.at(-1), note: rows.at(-1)!.error });
      continue;
    }
    for (let i = 0; i < 5; i++) await fetch(base + read.path, { headers: read.headers }).then((r) => r.arrayBuffer());
    for (const connections of connectionCounts) {
      const m = await load({ url: base + read.path, headers: read.headers, connections });
      const row = { user: read.user, request: read.name, path: read.path, connections, ...m, failed: m.requests - (m.statusCodes['200'] ?? 0) + m.errors };
      rows.push(row);
      print(row);
    }
  }
  if (!options.writes) return;
  // Marks: every judge of the event writes each of its free contestants' J aspects; the module locks are lifted first.
  await db.updateTable('skills_modules').set({ locked: 0 }).where('event_id', '=', event.event_id).execute();
  const aspects = await db.selectFrom('skills_aspects').select('id').where('event_id', '=', event.event_id).where('kind', '=', 'J').execute();
  const free = await db.selectFrom('skills_contestants').select('id').where('event_id', '=', event.event_id).where('unit_id', '!=', judgeRow.unit_id).execute();
  const jobs: Job[] = [];
  for (let round = 0; round < 40; round++) for (const c of free) for (const a of aspects) jobs.push({ method: 'PUT', path: '/api/skills/marks', body: { contestantId: c.id, aspectId: a.id, value: (round + c.id) % 4 } });
  let left = jobs;
  for (const connections of connectionCounts) {
    const m = await load({ url: `${base}/api/health`, headers: { ...judge.headers, 'content-type': 'application/json' }, connections, jobs: left });
    left = left.slice(m.used ?? 0);
    const row = { user: SKILLS_BENCH.judge, request: 'skills: mark write + conflict check + audit (PUT)', connections, ...m, failed: m.requests - (m.statusCodes['200'] ?? 0) + m.errors };
    rows.push(row);
    print(row);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'town' }, db: { type: 'string', default: 'sqlite' }, duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '1,50' }, 'no-writes': { type: 'boolean', default: false } } });
  const duration = Number(values.duration);
  const postgres = values.db === 'postgres';
  const source = postgres ? `postgres://postgres@127.0.0.1:5432/lianzhu_bench_skills_${values.scale}` : path.resolve(`data/bench/skills-${values.scale}`);
  // SQLite runs on a copy, so the write runs leave the generated data as it was.
  const dataDir = postgres ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'lianzhu-skills-bench-'));
  if (!postgres) fs.copyFileSync(path.join(source, 'lianzhu.sqlite'), path.join(dataDir, 'lianzhu.sqlite'));
  const config = { ...loadConfig({}), dataDir, databaseUrl: postgres ? source : null, demo: false, logLevel: 'warn', loginMaxFailures: 1000 };
  const database = openDatabase(config);
  await migrateToLatest(database.db);
  const app = await buildApp({ db: database.db, engine: database.engine, config });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const load: Load = (options) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: { ...options, duration } });
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  const pad = (v: unknown, n: number, left = false) => (left ? String(v ?? '').padStart(n) : String(v ?? '').padEnd(n));
  const print = (r: Row) => console.log(`${pad(r.user, 18)} ${pad(r.request, 50)} ${pad(r.connections, 3, true)} ${pad(r.rps, 8, true)} ${pad(r.p50, 7, true)} ${pad(r.p95, 7, true)} ${pad(r.p99, 7, true)} ${pad(r.failed, 6, true)} ${r.note ?? ''}`);
  const rows: Row[] = [];
  console.log(`skills bench on ${postgres ? 'PostgreSQL' : 'SQLite'}, ${values.scale} scale, ${duration} s per run`);
  print({ user: 'user', request: 'request', connections: 'con', rps: 'req/s', p50: 'p50', p95: 'p95', p99: 'p99', failed: 'non2xx' });
  try {
    await runSkills({ db: database.db, base, load, print, rows, connectionCounts: values.connections!.split(',').map(Number), writes: !values['no-writes'] });
    const dir = path.resolve('bench/results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `skills-${values.scale}-${postgres ? 'postgres' : 'sqlite'}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), scale: values.scale, engine: postgres ? 'postgres' : 'sqlite', duration, results: rows }, null, 2));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await app.close();
    await database.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
