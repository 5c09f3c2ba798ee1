// npx tsx bench/lead-plans.ts [--scale prefecture] [--db sqlite|postgres|both] [--runs 20] [--sqlite FILE] [--database-url URL]
//
// The core SQL of the lead list, board and reminders, in the form the leads module (feat-leads'
// queries.ts) writes it (scope inside WHERE, order by updated_at desc, id desc), run straight against the generated
// data: each query's plan (SQLite EXPLAIN QUERY PLAN, PostgreSQL EXPLAIN ANALYZE) and its p50/p95 over
// --runs runs. It measures the database's part only, to choose indexes before the HTTP routes exist.
import SQLite from 'better-sqlite3';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { todayInShanghai } from '../src/shared/format.js';

const { values: args } = parseArgs({ options: { scale: { type: 'string', default: 'prefecture' }, db: { type: 'string', default: 'both' }, runs: { type: 'string', default: '20' }, sqlite: { type: 'string' }, 'database-url': { type: 'string' } } });
const runs = Number(args.runs);
const today = todayInShanghai();
const OPEN = "('new', 'contacted', 'visited', 'negotiating')";
// bench-mulei: region officer of 652328, user id 3 (bench/data/projects.ts generateUsers).
const officer = "(leads.region_code in ('652328') or leads.created_by = 3)";
const page = 'order by leads.updated_at desc, leads.id desc limit 20';

/** [name, sql]: ? is a parameter, written $n for PostgreSQL. */
function queries(fragment: string): [string, string, unknown[]][] {
  const like = `%${fragment}%`;
  return [
    ['officer list, page 1', `select leads.* from leads where ${officer} ${page}`, []],
    ['officer list, total', `select count(*) from leads where ${officer}`, []],
    ['admin list, page 1', `select leads.* from leads ${page}`, []],
    ['admin list, total', 'select count(*) from leads', []],
    ['officer status=negotiating, page 1', `select leads.* from leads where ${officer} and leads.status in ('negotiating') ${page}`, []],
    ['officer status=negotiating, total', `select count(*) from leads where ${officer} and leads.status in ('negotiating')`, []],
    ['admin status=negotiating, page 1', `select leads.* from leads where leads.status in ('negotiating') ${page}`, []],
    ['admin status=negotiating, total', `select count(*) from leads where leads.status in ('negotiating')`, []],
    [`officer q=「${fragment}」, page 1`, `select leads.* from leads where ${officer} and leads.search_text like ? ${page}`, [like]],
    [`officer q=「${fragment}」, total`, `select count(*) from leads where ${officer} and leads.search_text like ?`, [like]],
    [`admin q=「${fragment}」, page 1`, `select leads.* from leads where leads.search_text like ? ${page}`, [like]],
    [`admin q=「${fragment}」, total`, 'select count(*) from leads where leads.search_text like ?', [like]],
    ['officer overdue, page 1', `select leads.* from leads where ${officer} and leads.next_step_on < ? and leads.status in ${OPEN} ${page}`, [today]],
    ['officer overdue, total', `select count(*) from leads where ${officer} and leads.next_step_on < ? and leads.status in ${OPEN}`, [today]],
    ['admin overdue, page 1', `select leads.* from leads where leads.next_step_on < ? and leads.status in ${OPEN} ${page}`, [today]],
    ['admin overdue, total', `select count(*) from leads where leads.next_step_on < ? and leads.status in ${OPEN}`, [today]],
    ['officer board, count per status', `select leads.status, count(*) from leads where ${officer} group by leads.status`, []],
    ['admin board, count per status', 'select leads.status, count(*) from leads group by leads.status', []],
    // A column's first cards by next step, undated last, as feat-leads' leadBoard orders them.
    ['officer board, column contacted (20)', `select leads.* from leads where ${officer} and leads.status = 'contacted' order by leads.next_step_on asc nulls last, leads.id desc limit 20`, []],
    ['admin board, column contacted (20)', `select leads.* from leads where leads.status = 'contacted' order by leads.next_step_on asc nulls last, leads.id desc limit 20`, []],
    // The same column in two parts, each an index range: cards with a next step by date, then the rest by last touched.
    ['officer board, column contacted, next step set (20)', `select leads.* from leads where ${officer} and leads.status = 'contacted' and leads.next_step_on is not null order by leads.next_step_on, leads.id limit 20`, []],
    ['admin board, column contacted, next step set (20)', `select leads.* from leads where leads.status = 'contacted' and leads.next_step_on is not null order by leads.next_step_on, leads.id limit 20`, []],
    ['admin board, column contacted, no next step (20)', `select leads.* from leads where leads.status = 'contacted' and leads.next_step_on is null order by leads.id desc limit 20`, []],
    ['officer reminders', `select leads.* from leads where ${officer} and (leads.owner_id = 3 or leads.owner_id is null) and leads.next_step_on < ? and leads.status in ${OPEN} order by leads.next_step_on, leads.id limit 50`, [today]],
    ['officer reminders, total', `select count(*) from leads where ${officer} and (leads.owner_id = 3 or leads.owner_id is null) and leads.next_step_on < ? and leads.status in ${OPEN}`, [today]],
    ['lead activities of one lead', 'select * from lead_activities where lead_id = ? order by id desc', [1]],
    ['events list, page 1', 'select * from events order by starts_on desc, id desc limit 20', []],
    ['event guests of the largest event, counts', "select count(*), sum(case when checked_in_at is not null then 1 else 0 end) from event_guests where event_id = (select event_id from event_guests group by event_id order by count(*) desc limit 1)", []],
  ];
}

const stats = (times: number[]) => {
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
  return `${at(0.5)} / ${at(0.95)} ms`;
};

/** A two-character fragment common in firm names: the last two characters before the suffix. */
const COMMON = '科技';

async function onSqlite() {
  const db = new SQLite(args.sqlite ?? `data/bench/${args.scale}/lianzhu.sqlite`, { readonly: true });
  db.pragma('cache_size = -262144'); // what the server sets (256 MB)
  console.log(`\n## SQLite, ${args.scale}: ${(db.prepare('select count(*) n from leads').get() as { n: number }).n} leads`);
  for (const [name, text, params] of queries(COMMON)) {
    const stmt = db.prepare(text);
    const plan = (db.prepare(`explain query plan ${text}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('; ');
    const times: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const t = performance.now();
      stmt.all(...params);
      if (i >= 2) times.push(performance.now() - t);
    }
    console.log(`- ${name}: ${stats(times)}\n    ${plan}`);
  }
  db.close();
}

async function onPostgres() {
  const client = new pg.Client({ connectionString: args['database-url'] ?? `postgres://postgres@127.0.0.1:5432/lianzhu_bench_${args.scale}` });
  await client.connect();
  const { rows } = await client.query('select count(*)::int n from leads');
  console.log(`\n## PostgreSQL, ${args.scale}: ${rows[0].n} leads`);
  for (const [name, text, params] of queries(COMMON)) {
    let n = 0;
    const sql = text.replace(/\?/g, () => `$${++n}`);
    const times: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const t = performance.now();
      await client.query(sql, params);
      if (i >= 2) times.push(performance.now() - t);
    }
    const plan = (await client.query(`explain (analyze, costs off, timing off, summary on) ${sql}`, params)).rows.map((r) => r['QUERY PLAN'] as string);
    console.log(`- ${name}: ${stats(times)}\n    ${plan.map((l) => l.trim()).filter((l) => !/^(Planning|Rows Removed by Filter: 0)/.test(l)).join(' | ')}`);
  }
  await client.end();
}

if (args.db !== 'postgres') await onSqlite();
if (args.db !== 'sqlite') await onPostgres();
