// Picks what the benchmark asks for from the data itself: name fragments that exist, a credit code,
// the chain with the most enterprises, a gap node with many outside enterprises, and projects that can advance.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import { STAGES } from '../../src/shared/stages.js';

export interface Targets {
  fragments: { 2: string; 3: string; 4: string };
  /** The last two characters of a name's core (能源, 化工 …): a fragment many names share. */
  common: string;
  sampleNames: string[];
  uscc: string;
  chain: { id: number; name: string; enterprises: number } | null;
  node: { id: number; name: string; local: number; outside: number } | null;
}

const SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '集团', '公司', '(有限合伙)', '合伙企业'];

function core(name: string): string {
  let s = name;
  for (const suffix of SUFFIXES) if (s.endsWith(suffix)) s = s.slice(0, -suffix.length);
  return s;
}

export async function pickTargets(db: Kysely<DB>): Promise<Targets> {
  const { n } = (await sql<{ n: number }>`select count(*) as n from enterprises`.execute(db)).rows[0];
  if (Number(n) === 0) throw new Error('the database has no enterprises');
  // A handful of names spread over the table; fragments come from the middle one, skipping the
  // leading place name (新疆…, 北京…) so the fragment is not one every other name shares.
  const samples: { name: string; uscc: string }[] = [];
  for (const k of [1, 2, 3, 4]) {
    const offset = Math.floor((Number(n) * k) / 5);
    const row = (await sql<{ name: string; uscc: string }>`select name, uscc from enterprises order by id limit 1 offset ${offset}`.execute(db)).rows[0];
    if (row) samples.push(row);
  }
  const source = samples.find((s) => core(s.name).length >= 6) ?? samples[0];
  const c = core(source.name);
  const start = c.length >= 6 ? 2 : 0;
  const frag = (len: number) => c.slice(start, start + len);
  const chain = (
    await sql<{ id: number; name: string; enterprises: number }>`
      select c.id, c.name, count(*) as enterprises
      from chains c join chain_nodes cn on cn.chain_id = c.id join enterprise_nodes en on en.node_id = cn.id
      group by c.id, c.name order by count(*) desc, c.id limit 1`.execute(db)
  ).rows[0];
  // A gap is a node no local enterprise covers; among them the one with most outside candidates.
  const node = (
    await sql<{ id: number; name: string; local: number; outside: number }>`
      select * from (
        select cn.id, cn.name,
          sum(case when e.is_local = 1 then 1 else 0 end) as local,
          sum(case when e.is_local = 0 then 1 else 0 end) as outside
        from chain_nodes cn join enterprise_nodes en on en.node_id = cn.id join enterprises e on e.id = en.enterprise_id
        group by cn.id, cn.name
      ) t order by case when local = 0 then 0 else 1 end, outside desc, id limit 1`.execute(db)
  ).rows[0];
  return {
    fragments: { 2: frag(2), 3: frag(3), 4: frag(4) },
    common: c.slice(-2),
    sampleNames: samples.map((s) => s.name),
    uscc: samples[samples.length - 1].uscc,
    chain: chain ? { ...chain, enterprises: Number(chain.enterprises) } : null,
    node: node ? { ...node, local: Number(node.local), outside: Number(node.outside) } : null,
  };
}

export interface TransitionJob {
  path: string;
  body: { to: string; date: string; note: string };
}

/**
 * Every forward step the open projects can still take, as transitions dated today, ordered round by
 * round (each project's first step, then each one's second …) so that two steps of one project are a
 * whole round apart. `regions.in` restricts to a region officer's scope; `regions.notIn` keeps the
 * admin's pool apart from it, so the two runs never touch the same project.
 */
export async function transitionJobs(db: Kysely<DB>, today: string, regions: { in?: string[]; notIn?: string[] }, limit: number): Promise<TransitionJob[]> {
  let query = db
    .selectFrom('projects')
    .select(['id', 'stage'])
    .where('stage', 'not in', ['full_capacity', 'terminated'])
    .where('stage_date', '<=', today)
    .orderBy('id')
    .limit(limit);
  if (regions.in) query = query.where('region_code', 'in', regions.in.length ? regions.in : ['-']);
  if (regions.notIn?.length) query = query.where('region_code', 'not in', regions.notIn);
  const rows = await query.execute();
  const rounds: TransitionJob[][] = [];
  for (const row of rows) {
    const from = STAGES.indexOf(row.stage as (typeof STAGES)[number]);
    STAGES.slice(from + 1).forEach((to, round) => {
      (rounds[round] ??= []).push({ path: `/api/projects/${row.id}/transitions`, body: { to, date: today, note: '基准测试' } });
    });
  }
  return rounds.flat();
}
