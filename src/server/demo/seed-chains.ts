import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { usccCheckChar } from '../../shared/uscc.js';
import { recordAudit } from '../audit/record.js';
import { createChain, createNode, createNodeLink } from '../chains/commands.js';
import type { DB } from '../db/schema.js';
import { createEnterprise } from '../enterprises/commands.js';
import { createSupplyLink } from '../enterprises/links.js';
import { DEMO_CHAINS, DEMO_CLUSTERS, DEMO_ENTERPRISES, DEMO_SUPPLY_LINKS } from './chains.js';

/** Obviously made-up but valid credit codes for the demo: 91 + area code + MA + serial. */
function demoUscc(areaCode: string, serial: number): string {
  const base = `91${areaCode}MA${String(900 + serial).padStart(7, '0')}`;
  return base + usccCheckChar(base);
}

// Which demo project belongs to which enterprise and node: the report's own pairings.
const PROJECT_LINKS: [investor: string, chain: string, node: string][] = [
  ['南昌荣凯实业有限公司', '铝基新材料', '铝棒'],
  ['北京双杰电气股份有限公司', '风电装备', '电气元件(变流器/箱变)'],
  ['唐山海泰新能科技股份有限公司', '风电装备', '风电场开发'],
  ['江西龙泰新材料股份有限公司', '输变电装备/电线电缆', '绝缘材料(电缆料)'],
  ['新疆示例新能源有限公司', '风电装备', '塔筒制造'],
];

export async function createDemoChainMap(db: Kysely<DB>, admin: CurrentUser): Promise<void> {
  const clusterIds = new Map<string, number>();
  for (const [i, [code, name]] of DEMO_CLUSTERS.entries()) {
    const row = await db.insertInto('clusters').values({ code, name, sort_order: i }).returning('id').executeTakeFirstOrThrow();
    clusterIds.set(code, row.id);
  }
  const chainIds = new Map<string, number>();
  const nodeIds = new Map<string, number>();
  for (const chain of DEMO_CHAINS) {
    const chainId = await createChain({ db, user: admin, input: { clusterId: clusterIds.get(chain.cluster)!, name: chain.name, description: chain.description, weakThreshold: 2 } });
    chainIds.set(chain.name, chainId);
    for (const [i, [name, position]] of chain.nodes.entries()) {
      nodeIds.set(`${chain.name}/${name}`, await createNode({ db, user: admin, chainId, input: { name, position, sortOrder: i } }));
    }
    for (const [from, to] of chain.links) {
      await createNodeLink({ db, user: admin, chainId, input: { fromNodeId: nodeIds.get(`${chain.name}/${from}`)!, toNodeId: nodeIds.get(`${chain.name}/${to}`)! } });
    }
  }
  const enterpriseIds = new Map<string, number>();
  for (const [i, e] of DEMO_ENTERPRISES.entries()) {
    const id = await createEnterprise({
      db,
      user: admin,
      isSample: true,
      input: {
        name: e.name,
        uscc: demoUscc(e.areaCode, i + 1),
        isLocal: Boolean(e.region),
        regionCode: e.region ?? null,
        province: e.region ? '' : e.province,
        city: e.region ? '' : e.city,
        size: e.size ?? null,
        description: e.note,
        nodeIds: e.nodes.map(([chain, node]) => nodeIds.get(`${chain}/${node}`)!),
        leadChainIds: (e.leads ?? []).map((c) => chainIds.get(c)!),
      },
    });
    enterpriseIds.set(e.key, id);
  }
  for (const [supplier, customer, product, volume, unit, date, source] of DEMO_SUPPLY_LINKS) {
    await createSupplyLink({ db, user: admin, input: { supplierId: enterpriseIds.get(supplier)!, customerId: enterpriseIds.get(customer)!, product, volume, unit, date, source } });
  }
  for (const [investor, chain, node] of PROJECT_LINKS) {
    const enterprise = await db.selectFrom('enterprises').select('id').where('name', '=', investor).executeTakeFirst();
    await db
      .updateTable('projects')
      .set({ enterprise_id: enterprise?.id ?? null, node_id: nodeIds.get(`${chain}/${node}`)! })
      .where('investor_name', '=', investor)
      .execute();
  }
  await recordAudit(db, { actor: admin, action: 'demo.load', entity: 'system', entityId: null, after: { chains: DEMO_CHAINS.length, enterprises: DEMO_ENTERPRISES.length } });
}
