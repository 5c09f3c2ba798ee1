// projects.blocked_stage is derived: the server keeps it by recomputing the rule on every approval,
// factor or stage write (approvals/blocks.ts). The generator writes approvals and factors in bulk, past
// that code, so once they are in it applies the same rule to every project here, through the server's
// own blockedByProject, slice by slice.
//   npx tsx bench/data/blocks.ts --scale province [--db sqlite|postgres] [--out dir-or-url]
// fills it in a database generated before this step existed.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { blockedByProject, ID_SLICE } from '../../src/server/approvals/blocks.js';
import { openDatabase } from '../../src/server/db/database.js';
import { rebuildProjectDepartments } from '../../src/server/projects/departments.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import type { DB } from '../../src/server/db/schema.js';

/** Sets every project's blocked_stage from its approvals and factors; returns how many are blocked, by stage. */
export async function fillBlockedStages(db: Kysely<DB>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let after = 0;
  for (;;) {
    const slice = await db.selectFrom('projects').select(['id', 'stage', 'blocked_stage']).where('id', '>', after).orderBy('id').limit(ID_SLICE).execute();
    if (slice.length === 0) break;
    after = slice[slice.length - 1].id;
    const blocked = await blockedByProject(db, slice);
    // One UPDATE per stage that changes in the slice, not one per project.
    const changes = new Map<string | null, number[]>();
    for (const p of slice) {
      const stage = blocked.get(p.id)?.stage ?? null;
      if (stage) counts.set(stage, (counts.get(stage) ?? 0) + 1);
      if (stage === p.blocked_stage) continue;
      const ids = changes.get(stage) ?? changes.set(stage, []).get(stage)!;
      ids.push(p.id);
    }
    if (changes.size === 0) continue;
    await db.transaction().execute(async (trx) => {
      for (const [stage, ids] of changes) await trx.updateTable('projects').set({ blocked_stage: stage }).where('id', 'in', ids).execute();
    });
  }
  return counts;
}

/** Prints what fillBlockedStages found, timed. */
export async function fillBlockedStagesLogged(db: Kysely<DB>, engine: 'sqlite' | 'postgres'): Promise<void> {
  const started = performance.now();
  const counts = await fillBlockedStages(db);
  // PostgreSQL's statistics were taken before the column was filled (the writer's VACUUM ANALYZE).
  if (engine === 'postgres') await sql`analyze projects`.execute(db);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const byStage = [...counts].map(([stage, n]) => `${stage} ${n.toLocaleString('en')}`).join(', ');
  console.log(`  ${'projects.blocked_stage'.padEnd(22)} ${((performance.now() - started) / 1000).toFixed(1)} s: ${total.toLocaleString('en')} blocked (${byStage})`);
}

/** Rebuilds the department ↔ project pairs (projects/departments.ts) from the approvals, factors and requests written in bulk. */
export async function fillProjectDepartmentsLogged(db: Kysely<DB>, engine: 'sqlite' | 'postgres'): Promise<void> {
  const started = performance.now();
  const pairs = await rebuildProjectDepartments(db);
  if (engine === 'postgres') await sql`analyze project_departments`.execute(db);
  console.log(`  ${'project_departments'.padEnd(22)} ${((performance.now() - started) / 1000).toFixed(1)} s: ${pairs.toLocaleString('en')} pairs`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: 'town' }, db: { type: 'string' }, out: { type: 'string' } } });
  const engine = values.db === 'postgres' || values.out?.startsWith('postgres') ? 'postgres' : 'sqlite';
  const database =
    engine === 'postgres'
      ? openDatabase({ databaseUrl: values.out ?? `postgres://postgres@127.0.0.1:5432/lianzhu_bench_${values.scale}`, dataDir: '' })
      : openDatabase({ databaseUrl: null, dataDir: path.resolve(values.out ?? `data/bench/${values.scale}`) });
  try {
    // blocked_stage arrived in migration 0017: a data set generated before it gets the column first.
    await migrateToLatest(database.db);
    await fillBlockedStagesLogged(database.db, engine);
  } finally {
    await database.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
