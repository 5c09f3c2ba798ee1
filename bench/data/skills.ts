// Issue 8 (b): the skills competition at scale. A province runs its selection as the 2023 Xinjiang one
// did (35 events at 20 host units), several a year; each event fields ~60 contestants from the
// delegations' units, 7 judges with accounts, a 3-module scheme of 12 aspects adding up to 100, and
// every contestant fully marked (6 J aspects × 5 judges + 6 M aspects) by judges of other units.
//   inside generate.ts: generateSkills(ctx, passwordHash)
//   alone (only these tables, into a fresh database):
//   npx tsx bench/data/skills.ts --scale town|prefecture|province [--db sqlite|postgres] [--out dir-or-url]
//   → SQLite data/bench/skills-<scale>/lianzhu.sqlite or PostgreSQL lianzhu_bench_skills_<scale>
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { hashPassword } from '../../src/server/auth/passwords.js';
import { openDatabase } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import { todayInShanghai } from '../../src/shared/format.js';
import { BENCH_PASSWORD } from './projects.js';
import { int, mulberry32 } from './random.js';
import { postgresWriter, sqliteWriter, type Writer } from './writers.js';

export const SKILLS_BENCH = { organiser: 'bench-saishi', judge: 'bench-judge-1', contestant: 'bench-xuanshou-1' };
/** Competitions per scale; each has 35 events of 60 contestants. */
const COMPETITIONS: Record<string, number> = { town: 1, prefecture: 3, province: 12 };
const EVENTS = 35;
const PER_EVENT = 60;
const JUDGES = 7;
const UNITS = 60;
const PREFECTURES = 14;
// Skills users get ids far past the platform's, so the two generators never collide.
const USER_BASE = 50_000_000;
const SCHEME: ['A' | 'B' | 'C', 'M' | 'J', number][] = [
  ['A', 'M', 500], ['A', 'J', 500], ['A', 'M', 500], ['A', 'J', 500],
  ['B', 'M', 1000], ['B', 'J', 1000], ['B', 'M', 1000], ['B', 'J', 1000],
  ['C', 'M', 750], ['C', 'J', 750], ['C', 'M', 750], ['C', 'J', 750],
];

export async function generateSkills(ctx: { w: Writer; seed: number; isoAt(daysAgo: number): string; dateAt(daysAgo: number): string }, scaleName: string, passwordHash: string): Promise<void> {
  const { w } = ctx;
  const r = mulberry32(ctx.seed ^ 0x5c11);
  const competitions = COMPETITIONS[scaleName] ?? 1;
  const now = ctx.isoAt(0);
  const put = {
    user: w.table('users', ['id', 'username', 'password_hash', 'display_name', 'role', 'department', 'enterprise_uscc', 'active', 'created_at', 'updated_at']),
    competition: w.table('skills_competitions', ['id', 'name', 'site', 'starts_on', 'ends_on', 'judges_per_unit', 'contestants_per_unit', 'spread_tolerance', 'release_at', 'appeal_hours', 'is_sample', 'created_at', 'updated_at']),
    delegation: w.table('skills_delegations', ['id', 'competition_id', 'prefecture', 'leader', 'is_sample']),
    unit: w.table('skills_units', ['id', 'competition_id', 'delegation_id', 'name', 'kind', 'is_sample']),
    event: w.table('skills_events', ['id', 'competition_id', 'code', 'name', 'host_unit_id', 'venue', 'starts_on', 'categories', 'min_age', 'max_age', 'places', 'judges_per_aspect', 'is_sample']),
    contestant: w.table('skills_contestants', ['id', 'event_id', 'unit_id', 'user_id', 'reg_no', 'blind_code', 'name', 'category', 'birth_date', 'eligibility', 'eligibility_note', 'jury_rank', 'jury_reason', 'is_sample', 'created_at']),
    judge: w.table('skills_judges', ['id', 'event_id', 'unit_id', 'user_id', 'name', 'is_chief', 'is_sample']),
    module: w.table('skills_modules', ['id', 'event_id', 'code', 'name', 'sort_order', 'locked', 'signed_off_by', 'signed_off_at']),
    aspect: w.table('skills_aspects', ['id', 'event_id', 'module_id', 'code', 'description', 'kind', 'max_centi', 'sort_order']),
    mark: w.table('skills_marks', ['id', 'aspect_id', 'contestant_id', 'judge_id', 'value', 'updated_at']),
  };
  let userId = USER_BASE;
  const user = async (username: string, role: string) => {
    await put.user([++userId, username, passwordHash, username, role, null, null, 1, now, now]);
    return userId;
  };
  await user(SKILLS_BENCH.organiser, 'organiser');
  const ids = { delegation: 0, unit: 0, event: 0, contestant: 0, judge: 0, module: 0, aspect: 0, mark: 0, judgeUser: 0, contestantUser: 0 };
  w.phase('skills_marks', competitions * EVENTS * PER_EVENT * 36);
  for (let c = 1; c <= competitions; c++) {
    const daysAgo = 30 + c * 20;
    await put.competition([c, `示例技能大赛选拔赛${c}`, '示例赛点', ctx.dateAt(daysAgo), ctx.dateAt(daysAgo - 6), 2, 3, 2, ctx.isoAt(daysAgo - 6), 2, 1, now, now]);
    const delegations: number[] = [];
    for (let d = 0; d < PREFECTURES; d++) {
      await put.delegation([++ids.delegation, c, `示例地州${d + 1}`, '示例领队', 1]);
      delegations.push(ids.delegation);
    }
    const units: number[] = [];
    for (let u = 0; u < UNITS; u++) {
      await put.unit([++ids.unit, c, delegations[u % PREFECTURES], `示例单位${c}-${u + 1}`, u < 20 ? 'host' : 'school', 1]);
      units.push(ids.unit);
    }
    for (let e = 0; e < EVENTS; e++) {
      const eventId = ++ids.event;
      const code = `E${c}-${e + 1}`;
      await put.event([eventId, c, code, `示例赛项${e + 1}`, units[e % 20], '示例场地', ctx.dateAt(daysAgo), 'teacher,student,worker', 16, 60, 5, 5, 1]);
      const aspects: { id: number; kind: 'M' | 'J'; max: number }[] = [];
      const moduleIds = new Map<string, number>();
      for (const [i, [m, kind, max]] of SCHEME.entries()) {
        if (!moduleIds.has(m)) {
          await put.module([++ids.module, eventId, m, `示例模块${m}`, moduleIds.size + 1, 1, null, now]);
          moduleIds.set(m, ids.module);
        }
        await put.aspect([++ids.aspect, eventId, moduleIds.get(m)!, `${m}${i + 1}`, `示例评分项${i + 1}`, kind, max, i + 1]);
        aspects.push({ id: ids.aspect, kind, max });
      }
      // Judges come from units 0..6 after a rotation; contestants from any unit, at most 3 a unit.
      const judges: { id: number; unit: number }[] = [];
      for (let j = 0; j < JUDGES; j++) {
        const unit = units[(e + j * 7) % UNITS];
        const account = await user(`bench-judge-${++ids.judgeUser}`, 'judge');
        await put.judge([++ids.judge, eventId, unit, account, `示例裁判${ids.judge}`, j === 0 ? 1 : 0, 1]);
        judges.push({ id: ids.judge, unit });
      }
      const blind = Array.from({ length: 900 }, (_, i) => i + 100).sort(() => r() - 0.5);
      for (let k = 0; k < PER_EVENT; k++) {
        const contestantId = ++ids.contestant;
        const unit = units[(e * 3 + k) % UNITS];
        const account = k === 0 ? await user(`bench-xuanshou-${++ids.contestantUser}`, 'contestant') : null;
        await put.contestant([contestantId, eventId, unit, account, `${code}-${String(k + 1).padStart(3, '0')}`, `G${blind[k]}`, `示例选手${contestantId}`, 'student', `${int(r, 1975, 2005)}-06-15`, 'eligible', '', null, '', 1, now]);
        const free = judges.filter((j) => j.unit !== unit);
        const strength = int(r, 0, 2);
        for (const a of aspects) {
          if (a.kind === 'M') {
            await put.mark([++ids.mark, a.id, contestantId, free[0].id, Math.round(a.max * (0.5 + r() / 2)), now]);
            continue;
          }
          for (const j of free.slice(0, 5)) await put.mark([++ids.mark, a.id, contestantId, j.id, Math.min(3, strength + int(r, 0, 1)), now]);
        }
      }
    }
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'town' }, db: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '20230515' } } });
  const scaleName = values.scale!;
  if (!(scaleName in COMPETITIONS)) throw new Error(`--scale must be one of ${Object.keys(COMPETITIONS).join(', ')}`);
  const engine = values.db === 'postgres' || values.out?.startsWith('postgres') ? 'postgres' : 'sqlite';
  const started = performance.now();
  let w: Writer;
  let where: string;
  if (engine === 'postgres') {
    where = values.out ?? `postgres://postgres@127.0.0.1:5432/lianzhu_bench_skills_${scaleName}`;
    const target = new URL(where);
    const name = target.pathname.slice(1);
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Refusing database name ${name}`);
    target.pathname = '/postgres';
    const admin = new pg.Client({ connectionString: target.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const database = openDatabase({ databaseUrl: where, dataDir: '' });
    await migrateToLatest(database.db);
    await database.close();
    w = await postgresWriter(where);
  } else {
    const dataDir = path.resolve(values.out ?? `data/bench/skills-${scaleName}`);
    const file = path.join(dataDir, 'lianzhu.sqlite');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    const database = openDatabase({ databaseUrl: null, dataDir });
    await migrateToLatest(database.db);
    await database.close();
    w = sqliteWriter(file);
    where = file;
  }
  const today = todayInShanghai();
  const anchor = Date.parse(`${today}T02:30:00.000Z`);
  const dateAt = (d: number) => new Date(anchor - d * 86_400_000).toISOString().slice(0, 10);
  const ctx = { w, seed: Number(values.seed), dateAt, isoAt: (d: number) => `${dateAt(d)}T02:30:00.000Z` };
  console.log(`skills bench data: scale ${scaleName}, ${engine} → ${where}`);
  await generateSkills(ctx, scaleName, await hashPassword(BENCH_PASSWORD));
  await w.finish();
  const seconds = (performance.now() - started) / 1000;
  for (const [table, count] of [...w.counts].sort((a, b) => b[1] - a[1])) console.log(`  ${table.padEnd(22)} ${count.toLocaleString('en').padStart(11)}`);
  console.log(`done in ${seconds.toFixed(1)} s; sign in as ${Object.values(SKILLS_BENCH).join(', ')} (password "${BENCH_PASSWORD}")`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
