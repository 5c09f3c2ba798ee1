// What the server keeps on write for the command view (migrations 0032, 0033), rebuilt once after the
// generator's bulk inserts went past the commands that keep it: the enterprise counts per chain node
// and region (enterprises/node-counts.ts) and the project's cluster and event on its requests
// (projects/departments.ts). The department pairs' copies come with fillProjectDepartmentsLogged.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import { rebuildNodeCounts } from '../../src/server/enterprises/node-counts.js';
import { copyAllProjectsToRequests } from '../../src/server/projects/departments.js';

export async function fillCommandCopiesLogged(db: Kysely<DB>, engine: 'sqlite' | 'postgres'): Promise<void> {
  let started = performance.now();
  const counts = await rebuildNodeCounts(db);
  if (engine === 'postgres') await sql`analyze chain_node_counts`.execute(db);
  console.log(`  ${'chain_node_counts'.padEnd(22)} ${((performance.now() - started) / 1000).toFixed(1)} s: ${counts.toLocaleString('en')} rows`);
  started = performance.now();
  const requests = await copyAllProjectsToRequests(db);
  if (engine === 'postgres') await sql`analyze service_requests`.execute(db);
  console.log(`  ${'service_requests'.padEnd(22)} ${((performance.now() - started) / 1000).toFixed(1)} s: project cluster and event on ${requests.toLocaleString('en')}`);
}
