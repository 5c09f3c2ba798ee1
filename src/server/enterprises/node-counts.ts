import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

// chain_node_counts (0032) holds how many enterprises sit on each node per region and local/outside,
// so coverage never joins the 1.4 million enterprise_nodes rows to enterprises. A write that changes
// which nodes an enterprise is on, or its is_local/region_code, takes the enterprise's contribution
// out before it writes and puts it back after, in the same transaction:
//   await adjustNodeCounts(trx, ids, -1); …write…; await adjustNodeCounts(trx, ids, +1);
// New enterprises only need the second call.

const BATCH = 500;

/** Adds (sign 1) or removes (sign -1) the given enterprises' current node links from the counts. */
export async function adjustNodeCounts(trx: Kysely<DB>, enterpriseIds: readonly number[], sign: 1 | -1): Promise<void> {
  const ids = [...new Set(enterpriseIds)];
  for (let i = 0; i < ids.length; i += BATCH) {
    const part = ids.slice(i, i + BATCH);
    // The WHERE before GROUP BY keeps SQLite from reading ON CONFLICT as a join's ON.
    await sql`
      insert into chain_node_counts (node_id, region_code, is_local, enterprises)
      select en.node_id, coalesce(e.region_code, ''), e.is_local, ${sign} * count(*)
      from enterprise_nodes en join enterprises e on e.id = en.enterprise_id
      where en.enterprise_id in (${sql.join(part)})
      group by en.node_id, coalesce(e.region_code, ''), e.is_local
      on conflict (node_id, region_code, is_local) do update set enterprises = chain_node_counts.enterprises + excluded.enterprises
    `.execute(trx);
  }
  if (sign === -1 && ids.length > 0) await trx.deleteFrom('chain_node_counts').where('enterprises', '<=', 0).execute();
}

/** Recounts every node at once: for data written in bulk past the commands (the bench generator, test ledgers). */
export async function rebuildNodeCounts(db: Kysely<DB>): Promise<number> {
  await db.deleteFrom('chain_node_counts').execute();
  const result = await sql`
    insert into chain_node_counts (node_id, region_code, is_local, enterprises)
    select en.node_id, coalesce(e.region_code, ''), e.is_local, count(*)
    from enterprise_nodes en join enterprises e on e.id = en.enterprise_id
    group by en.node_id, coalesce(e.region_code, ''), e.is_local
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
