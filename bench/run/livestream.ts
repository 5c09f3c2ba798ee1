// Issue 8 (a)'s benchmark: the livestream contest's reads and writes on the real server, under
// autocannon in a worker (load-worker.mjs, as index.ts runs it), at 1 and 50 connections, on the
// large contest of the generated data (bench/data/livestream.ts, alone or inside the whole set).
//   npx tsx bench/run/livestream.ts --scale province [--db sqlite|postgres] [--duration 10] [--sqlite FILE] [--database-url URL]
// SQLite data is copied to a temporary folder first, so the writes leave the generated file as it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { orderExportCsv } from '../../src/server/livestream/export-file.js';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'town' },
    db: { type: 'string', default: 'sqlite' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '1,50' },
    sqlite: { type: 'string' },
    'database-url': { type: 'string' },
    password: { type: 'string', default: 'bench-password' },
  },
});
const duration = Number(args.duration);
const connectionCounts = args.connections!.split(',').map(Number);

interface Measure { requests: number; rps: number; p50: number; p95: number; p99: number; errors: number; statusCodes: Record<string, number>; used?: number }

function load(options: { url: string; headers: Record<string, string>; connections: number; jobs?: { path: string; body: unknown }[] }): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: { ...options, duration } });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the load worker exited (code ${code}) without a result`)));
  });
}

function locate(): { dataDir: string; databaseUrl: string | null; source: string } {
  if (args.db === 'postgres') {
    const url = args['database-url'] ?? `postgres://postgres@127.0.0.1:5432/lianzhu_bench_${args.scale}_livestream`;
    return { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'lianzhu-ls-')), databaseUrl: url, source: url };
  }
  const candidates = args.sqlite ? [args.sqlite] : [`data/bench/${args.scale}/lianzhu.sqlite`, `data/bench/${args.scale}-livestream/lianzhu.sqlite`];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) throw new Error(`No data: npx tsx bench/data/livestream.ts --scale ${args.scale}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianzhu-ls-'));
  fs.copyFileSync(file, path.join(dataDir, 'lianzhu.sqlite'));
  return { dataDir, databaseUrl: null, source: file };
}

async function main(): Promise<void> {
  const data = locate();
  const config = { ...loadConfig({}), dataDir: data.dataDir, databaseUrl: data.databaseUrl, demo: false, logLevel: 'warn', loginMaxFailures: 1000 };
  const database = openDatabase(config);
  await migrateToLatest(database.db);
  const app = await buildApp({ db: database.db, engine: database.engine, config });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const rows: Record<string, unknown>[] = [];
  try {
    const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-admin', password: args.password }) });
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status}`);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0], 'x-csrf-token': csrfToken, 'accept-language': 'zh-CN' };
    // The large contest: the most order lines.
    const big = await database.db.selectFrom('ls_orders').select(['contest_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('contest_id').orderBy('n', 'desc').limit(1).executeTakeFirstOrThrow();
    const id = big.contest_id;
    const contest = await database.db.selectFrom('ls_contests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const someone = await database.db.selectFrom('ls_contestants').select(['id', 'author_id']).where('contest_id', '=', id).orderBy('reg_no').offset(10).limit(1).executeTakeFirstOrThrow();
    const anyOrder = await database.db.selectFrom('ls_orders').select('order_no').where('contest_id', '=', id).orderBy('id').offset(1000).limit(1).executeTakeFirstOrThrow();
    const lines = Number(big.n);
    console.log(`contest ${id} 「${contest.name}」: ${lines.toLocaleString('en')} order lines; ${args.db} (${data.source}), ${duration} s per run\n`);
    const c = `/api/livestream/contests/${id}`;
    const reads: { name: string; path: string; anonymous?: boolean }[] = [
      { name: 'contest list', path: '/api/livestream/contests?pageSize=20' },
      { name: 'contest search「直播」', path: `/api/livestream/contests?q=${encodeURIComponent('直播')}` },
      { name: 'contest detail', path: c },
      { name: 'contestants (all)', path: `${c}/contestants` },
      { name: 'board overall (jury, live)', path: `${c}/board` },
      { name: 'board daily (jury, live)', path: `${c}/board?day=${contest.window_start_on}` },
      { name: 'board overall (public view)', path: `${c}/board?view=public` },
      { name: 'public board, frozen (anonymous)', path: `/api/public/livestream/${id}/board`, anonymous: true },
      { name: 'orders page 1', path: `${c}/orders?pageSize=20` },
      { name: 'orders of one contestant', path: `${c}/orders?contestantId=${someone.id}&pageSize=20` },
      { name: 'orders counted on day 1 by amount', path: `${c}/orders?reason=counted&day=${contest.window_start_on}&sort=paidFen&pageSize=20` },
      { name: 'order search by number', path: `${c}/orders?q=${anyOrder.order_no}` },
      { name: 'orders refund pending', path: `${c}/orders?refundState=pending&pageSize=20` },
      { name: 'flags (jury)', path: `${c}/flags` },
    ];
    const print = (r: Record<string, unknown>) => console.log(`${String(r.request).padEnd(36)} ${String(r.connections).padStart(3)} ${String(r.rps).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p95).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.failed).padStart(6)}`);
    print({ request: 'request', connections: 'con', rps: 'req/s', p50: 'p50', p95: 'p95 ms', p99: 'p99', failed: 'non2xx' });
    for (const read of reads) {
      const h = read.anonymous ? { 'accept-language': 'zh-CN' } : headers;
      const res = await fetch(base + read.path, { headers: h });
      if (res.status !== 200) throw new Error(`${read.path}: HTTP ${res.status} ${await res.text()}`);
      for (let i = 0; i < 5; i++) await fetch(base + read.path, { headers: h }).then((x) => x.arrayBuffer());
      for (const connections of connectionCounts) {
        const m = await load({ url: base + read.path, headers: h, connections });
        const ok = Object.entries(m.statusCodes).reduce((n, [code, k]) => (code.startsWith('2') ? n + k : n), 0);
        const row = { request: read.name, path: read.path, connections, rps: Math.round(m.rps), p50: m.p50, p95: m.p95, p99: m.p99, failed: m.requests - ok + m.errors };
        rows.push(row);
        print(row);
      }
    }
    // Writes: an organiser keys in orders (one contestant's figures re-derived each time), then one import.
    const jobs = Array.from({ length: 200_000 }, (_, i) => ({
      path: `${c}/orders`,
      body: { contestantId: someone.id, orderNo: `BENCH${i}`, paidFen: 12_800, orderedAt: `${contest.window_start_on}T20:00:00+08:00`, roomId: 'bench-room', buyerId: `bench-buyer-${i % 500}` },
    }));
    for (const connections of connectionCounts) {
      const m = await load({ url: base + '/api/health', headers: { ...headers, 'content-type': 'application/json' }, connections, jobs: jobs.splice(0, 100_000) });
      const ok = Object.entries(m.statusCodes).reduce((n, [code, k]) => (code.startsWith('2') ? n + k : n), 0);
      const row = { request: 'manual order entry (POST)', connections, rps: Math.round(m.rps), p50: m.p50, p95: m.p95, p99: m.p99, failed: m.requests - ok + m.errors };
      rows.push(row);
      print(row);
    }
    for (const size of [1_000, 10_000]) {
      const csv = orderExportCsv(Array.from({ length: size }, (_, i) => ({ orderNo: `IMP${size}-${i}`, paidFen: 9_800, orderedAt: `${contest.window_start_on} 21:00:00`, authorId: someone.author_id, roomId: 'r', buyerId: `ib${i % 300}`, productId: 'P1' })));
      for (const pass of ['first', 'again (unchanged)']) {
        const form = new FormData();
        form.append('file', new Blob([csv], { type: 'text/csv' }), 'orders.csv');
        const t = performance.now();
        const res = await fetch(`${c}/orders/import`.replace(/^/, base), { method: 'POST', headers, body: form });
        const report = (await res.json()) as { added: number; unchanged: number };
        const ms = Math.round(performance.now() - t);
        rows.push({ request: `import ${size} lines, ${pass}`, ms, added: report.added, unchanged: report.unchanged });
        console.log(`import ${size.toLocaleString('en')} lines, ${pass}: ${ms} ms (added ${report.added}, unchanged ${report.unchanged})`);
      }
    }
    const dir = path.resolve('bench/results');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `livestream-${args.scale}-${args.db}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version };
    fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), scale: args.scale, engine: args.db, source: data.source, lines, duration, machine, results: rows }, null, 2));
    console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await app.close();
    await database.close();
    fs.rmSync(data.dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
