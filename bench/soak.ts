// npm run soak -- [--scale prefecture] [--users 200] [--minutes 10] [--db sqlite|postgres] [--database-url URL]
// A bounded soak test on loopback (issue 9): the real server in its own process on a generated data set
// (npm run bench:data -- --scale prefecture), and N simulated users signing in with their own accounts
// (the data set's users, shared only when a role has fewer accounts than simulated users) and doing a
// realistic mix for their role — lists, searches, details, figures, notifications, some writes — with
// think time between steps. Admins set up two-step verification on their first sign-in, as the server
// requires of them. Reports p50/p95/p99 per step, errors, and the server's resident memory over time;
// exits 1 on any error (an answer other than the step's success status, or a broken connection), on p95
// over 50 ms for a read, or on memory growing more than --max-growth-mb (default 300) between the end of
// the warm-up minute and the end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { generate } from 'otplib';
import pg from 'pg';
import { ApiClient } from '../tests/support/client.js';
import { startServerProcess } from '../tests/support/process.js';
import { BENCH_PASSWORD } from './data/projects.js';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'prefecture' },
    users: { type: 'string', default: '200' },
    minutes: { type: 'string', default: '10' },
    db: { type: 'string', default: 'sqlite' },
    'database-url': { type: 'string' },
    'max-growth-mb': { type: 'string', default: '300' },
  },
});
const USERS = Number(args.users);
const MINUTES = Number(args.minutes);

type Step = (c: ApiClient, ids: number[]) => Promise<{ status: number; name: string; expected: number }>;
const get = (name: string, url: string | ((ids: number[]) => string)): Step => async (c, ids) => ({ name, expected: 200, status: (await c.get(typeof url === 'string' ? url : url(ids))).status });
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
const WORDS = ['风电', '光伏', '项目', '新材料', '铝', '科技'];

// Per role: a weighted mix of what such a user does in a working day.
const MIX: Record<string, [number, Step][]> = {
  region: [
    [5, get('project list', () => `/api/projects?page=${1 + Math.floor(Math.random() * 5)}`)],
    [3, get('project search', () => `/api/projects?q=${encodeURIComponent(pick(WORDS))}`)],
    [4, get('project detail', (ids) => `/api/projects/${pick(ids)}`)],
    [2, get('dashboard', '/api/dashboard/summary')],
    [2, get('service requests', '/api/service-requests')],
    [2, get('leads board', '/api/leads/board')],
    [1, get('indicators', '/api/indicators')],
    [3, get('unread count', '/api/notifications/unread-count')],
  ],
  department: [
    [5, get('service requests', '/api/service-requests')],
    [2, get('request search', () => `/api/service-requests?q=${encodeURIComponent(pick(WORDS))}`)],
    [2, get('approval queue', '/api/approvals')],
    [2, get('dashboard services', '/api/dashboard/services')],
    [3, get('unread count', '/api/notifications/unread-count')],
  ],
  enterprise: [
    [4, get('service requests', '/api/service-requests')],
    [2, get('my policies', '/api/my/policies')],
    [2, get('project list', '/api/projects')],
    [3, get('unread count', '/api/notifications/unread-count')],
    [1, async (c) => ({ name: 'raise a request (POST)', expected: 201, status: (await c.post('/api/service-requests', { category: 'power', title: '示例:用电增容咨询', description: '浸泡测试提交的诉求' })).status })],
  ],
  admin: [
    [3, get('dashboard', '/api/dashboard/summary')],
    [3, get('project list', () => `/api/projects?page=${1 + Math.floor(Math.random() * 20)}`)],
    [2, get('enterprise search', () => `/api/enterprises?q=${encodeURIComponent(pick(WORDS))}`)],
    [2, get('indicators', '/api/indicators')],
    [1, get('funnel', '/api/analytics/funnel')],
    [2, get('policies', '/api/policies')],
    [3, get('unread count', '/api/notifications/unread-count')],
  ],
  leader: [
    [3, get('dashboard', '/api/dashboard/summary')],
    [2, get('indicators', '/api/indicators')],
    [2, get('map', '/api/analytics/map')],
    [2, get('trend', '/api/analytics/trend')],
    [2, get('project list', '/api/projects')],
  ],
  judge: [
    [3, get('marking queue', '/api/skills/mark/queue')],
    [4, get('mark sheet', (ids) => `/api/skills/mark/contestants/${pick(ids)}`)],
    [2, get('unread count', '/api/notifications/unread-count')],
  ],
  contestant: [
    [3, get('my entries', '/api/skills/me')],
    [2, get('notifications', '/api/notifications')],
    [2, get('unread count', '/api/notifications/unread-count')],
  ],
};
const ROLES: [string, number][] = [['region', 35], ['department', 20], ['enterprise', 20], ['admin', 8], ['leader', 7], ['judge', 6], ['contestant', 4]];
// The benchmark's named accounts come first in their role: the busiest county, department and firm.
const NAMED: Record<string, string> = { region: 'bench-mulei', department: 'bench-zrzy', enterprise: 'bench-firm', admin: 'bench-admin', leader: 'bench-leader' };

function chooseStep(role: string): Step {
  const mix = MIX[role];
  let r = Math.random() * mix.reduce((n, [w]) => n + w, 0);
  for (const [w, step] of mix) if ((r -= w) < 0) return step;
  return mix[0][1];
}

async function accountsByRole(file: string | null, url: string | null): Promise<Map<string, string[]>> {
  const query = `select username, role from users where active = 1 and role in ('region', 'department', 'enterprise', 'admin', 'leader', 'judge', 'contestant') order by id`;
  let rows: { username: string; role: string }[];
  if (file) {
    const db = new Database(file, { readonly: true });
    rows = db.prepare(query).all() as typeof rows;
    db.close();
  } else {
    const client = new pg.Client({ connectionString: url! });
    await client.connect();
    rows = (await client.query(query)).rows;
    await client.end();
  }
  const byRole = new Map<string, string[]>();
  for (const { username, role } of rows) byRole.set(role, [...(byRole.get(role) ?? []), username]);
  for (const [role, names] of byRole) names.sort((a, b) => Number(b === NAMED[role]) - Number(a === NAMED[role]));
  return byRole;
}

// Admin accounts outnumbered by simulated admins are shared, as a team shares a duty account: the first
// user sets up the second factor and the rest sign in with its codes. The server refuses a code used
// twice, so sign-ins to one account take turns and wait for the next 30-second code, as a person would.
const secrets = new Map<string, string>();
const lastStep = new Map<string, number>();
const turns = new Map<string, Promise<unknown>>();
const step30 = () => Math.floor(Date.now() / 30_000);

async function signInAdmin(c: ApiClient, username: string): Promise<number> {
  const secret = secrets.get(username);
  if (secret) {
    while (step30() === lastStep.get(username)) await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 50));
    lastStep.set(username, step30());
    return (await c.login(username, BENCH_PASSWORD, await generate({ secret }))).status;
  }
  const login = await c.login(username, BENCH_PASSWORD);
  if (login.status !== 200) return login.status;
  const setup = await c.post('/api/auth/totp/setup');
  if (setup.status !== 200) return setup.status;
  lastStep.set(username, step30());
  const enabled = await c.post('/api/auth/totp/enable', { code: await generate({ secret: setup.body.secret }) });
  if (enabled.status !== 204) return enabled.status;
  secrets.set(username, setup.body.secret);
  return 200;
}

/** Signs in; an admin without a second factor sets one up first, as the server will insist. */
function signIn(c: ApiClient, username: string, role: string): Promise<number> {
  if (role !== 'admin') return c.login(username, BENCH_PASSWORD).then((r) => r.status);
  const mine = (turns.get(username) ?? Promise.resolve()).then(() => signInAdmin(c, username));
  turns.set(username, mine.catch(() => undefined));
  return mine;
}

/** What a user's steps pick ids from: a judge's contestants by blind code, everyone else's projects. */
async function idsFor(c: ApiClient, role: string): Promise<number[]> {
  if (role === 'judge') {
    const queue = (await c.get('/api/skills/mark/queue')).body as { events?: { contestants: { id: number }[] }[] };
    return (queue.events ?? []).flatMap((e) => e.contestants.map((x) => x.id));
  }
  if (role === 'contestant') return [];
  return ((await c.get('/api/projects?pageSize=100')).body?.items ?? []).map((p: { id: number }) => p.id);
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const quantile = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

async function main(): Promise<void> {
  const source = path.resolve('data/bench', args.scale!, 'lianzhu.sqlite');
  let dataDir = '';
  if (args.db === 'sqlite') {
    if (!fs.existsSync(source)) throw new Error(`No data at ${source}: run npm run bench:data -- --scale ${args.scale} first.`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianzhu-soak-'));
    fs.copyFileSync(source, path.join(dataDir, 'lianzhu.sqlite'));
  }
  const server = await startServerProcess({ dataDir, databaseUrl: args.db === 'postgres' ? args['database-url']! : null, password: BENCH_PASSWORD, demo: false });
  const times = new Map<string, number[]>();
  const errors: string[] = [];
  const memory: { at: number; mb: number }[] = [];
  const started = Date.now();
  const end = started + MINUTES * 60_000;
  const sampler = setInterval(() => memory.push({ at: (Date.now() - started) / 1000, mb: rssMb(server.child.pid!) }), 5_000);

  const accounts = await accountsByRole(args.db === 'sqlite' ? path.join(dataDir, 'lianzhu.sqlite') : null, args['database-url'] ?? null);
  const taken = new Map<string, number>();
  const users = Array.from({ length: USERS }, (_, i) => {
    let n = (i * 100) / USERS;
    const role = ROLES.find(([, share]) => (n -= share) < 0)?.[0] ?? 'region';
    const names = accounts.get(role) ?? [];
    if (names.length === 0) throw new Error(`the data set has no ${role} account`);
    const k = taken.get(role) ?? 0;
    taken.set(role, k + 1);
    return { role, username: names[k % names.length] };
  });
  const shared = [...taken].filter(([role, k]) => k > (accounts.get(role)?.length ?? 0)).map(([role]) => role);
  console.log(`${USERS} users on ${new Set(users.map((u) => u.username)).size} accounts${shared.length ? ` (shared: ${shared.join(', ')})` : ''}`);
  await Promise.all(
    users.map(async ({ role, username }, i) => {
      await new Promise((r) => setTimeout(r, (i / USERS) * 20_000)); // users arrive over 20 s
      const c = new ApiClient(server.url);
      const status = await signIn(c, username, role);
      if (status !== 200) return void errors.push(`${username} sign-in → ${status}`);
      const ids = await idsFor(c, role);
      while (Date.now() < end) {
        const step = chooseStep(role);
        const t0 = performance.now();
        try {
          const { name, status, expected } = await step(c, ids.length ? ids : [1]);
          const ms = performance.now() - t0;
          if (!times.has(name)) times.set(name, []);
          times.get(name)!.push(ms);
          if (status !== expected) errors.push(`${role} ${name} → ${status}`);
        } catch (e) {
          errors.push(`${username}: ${(e as Error).message}`);
        }
        await new Promise((r) => setTimeout(r, 500 + Math.random() * 1500)); // think time
      }
    }),
  );
  clearInterval(sampler);
  await server.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });

  const rows = [...times.entries()].map(([name, xs]) => {
    xs.sort((a, b) => a - b);
    return { name, n: xs.length, p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), p99: quantile(xs, 0.99) };
  });
  rows.sort((a, b) => b.p95 - a.p95);
  console.log(`\n${USERS} users, ${MINUTES} min, ${args.scale} on ${args.db}; ${rows.reduce((n, r) => n + r.n, 0)} requests`);
  console.log('step                          n      p50 ms   p95 ms   p99 ms');
  for (const r of rows) console.log(`${r.name.padEnd(28)} ${String(r.n).padStart(6)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)}`);
  const warm = memory.find((m) => m.at >= 60) ?? memory[0];
  const last = memory.at(-1);
  const growth = last && warm ? last.mb - warm.mb : 0;
  console.log(`server memory (RSS): after warm-up ${warm?.mb.toFixed(0)} MB, peak ${Math.max(...memory.map((m) => m.mb)).toFixed(0)} MB, end ${last?.mb.toFixed(0)} MB (growth ${growth.toFixed(0)} MB)`);
  console.log(`errors: ${errors.length}${errors.length ? `\n  ${[...new Set(errors)].slice(0, 20).join('\n  ')}` : ''}`);
  const slow = rows.filter((r) => !r.name.includes('POST') && r.p95 > 50);
  if (slow.length) console.log(`over 50 ms p95: ${slow.map((r) => r.name).join(', ')}`);
  const out = path.resolve('bench/results', `soak-${args.scale}-${args.db}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(out, JSON.stringify({ users: USERS, minutes: MINUTES, scale: args.scale, db: args.db, load: os.loadavg(), rows, memory, errors: errors.length }, null, 1));
  console.log(`raw: ${out}`);
  process.exit(errors.length > 0 || slow.length > 0 || growth > Number(args['max-growth-mb']) ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
