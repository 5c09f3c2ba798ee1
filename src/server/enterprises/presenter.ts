import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { Enterprise } from '../../shared/enterprises.js';
import type { DB, EnterpriseRow } from '../db/schema.js';
import { canEditEnterprise } from './policy.js';

export type EnterpriseWithRegion = EnterpriseRow & { region_name: string | null };

/** Loads nodes and led chains for a page of enterprises in two queries, not two per row. */
export async function presentEnterprises(db: Kysely<DB>, user: CurrentUser, rows: EnterpriseWithRegion[]): Promise<Enterprise[]> {
  const ids = rows.map((r) => r.id);
  const [nodes, leads] = ids.length
    ? await Promise.all([
        db
          .selectFrom('enterprise_nodes as en')
          .innerJoin('chain_nodes as n', 'n.id', 'en.node_id')
          .innerJoin('chains as c', 'c.id', 'n.chain_id')
          .select(['en.enterprise_id', 'n.id', 'n.name', 'c.id as chain_id', 'c.name as chain_name'])
          .where('en.enterprise_id', 'in', ids)
          .orderBy('c.id')
          .orderBy('n.sort_order')
          .execute(),
        db
          .selectFrom('chain_leaders as l')
          .innerJoin('chains as c', 'c.id', 'l.chain_id')
          .select(['l.enterprise_id', 'c.id', 'c.name'])
          .where('l.enterprise_id', 'in', ids)
          .orderBy('c.id')
          .execute(),
      ])
    : [[], []];
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    uscc: row.uscc,
    isLocal: row.is_local === 1,
    regionCode: row.region_code,
    regionName: row.region_name,
    province: row.province,
    city: row.city,
    size: row.size,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    description: row.description,
    nodes: nodes.filter((n) => n.enterprise_id === row.id).map((n) => ({ id: n.id, name: n.name, chainId: n.chain_id, chainName: n.chain_name })),
    leadChains: leads.filter((l) => l.enterprise_id === row.id).map((l) => ({ id: l.id, name: l.name })),
    isSample: row.is_sample === 1,
    editable: canEditEnterprise(user, row),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}
