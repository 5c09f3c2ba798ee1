import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';

/**
 * chain_node_counts as kept on write and as recounted from enterprise_nodes now, each as sorted
 * "node/region/local=count" lines: a test expects the two to be equal after a write.
 */
export async function nodeCountsKeptAndRecounted(db: Kysely<DB>): Promise<{ kept: string[]; recounted: string[] }> {
  const kept = await db.selectFrom('chain_node_counts').select(['node_id', 'region_code', 'is_local', 'enterprises as n']).where('enterprises', '>', 0).execute();
  const recounted = await sql<{ node_id: number; region_code: string; is_local: number; n: number }>`
    select en.node_id, coalesce(e.region_code, '') as region_code, e.is_local, count(*) as n
    from enterprise_nodes en join enterprises e on e.id = en.enterprise_id
    group by en.node_id, coalesce(e.region_code, ''), e.is_local
  `.execute(db);
  const lines = (rows: { node_id: number; region_code: string; is_local: number; n: number | string }[]) =>
    rows.map((r) => `${r.node_id}/${r.region_code}/${r.is_local}=${Number(r.n)}`).sort();
  return { kept: lines(kept), recounted: lines(recounted.rows) };
}
