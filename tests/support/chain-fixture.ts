import type { ApiClient } from './client.js';
import { buildEnterprise, buildOutsideEnterprise } from './factories.js';

/** A chain built through the API as an admin, with named nodes; returns ids by node name. */
export async function buildChain(admin: ApiClient, name: string, nodes: [string, 'upstream' | 'midstream' | 'downstream'][], weakThreshold = 2) {
  const clusters = (await admin.get('/api/clusters')).body.items;
  let clusterId = clusters[0]?.id as number | undefined;
  if (!clusterId) throw new Error('no cluster: the fixture needs at least one');
  const chain = await admin.post('/api/chains', { clusterId, name, weakThreshold });
  if (chain.status !== 201) throw new Error(`chain: ${JSON.stringify(chain.body)}`);
  const nodeIds: Record<string, number> = {};
  for (const [i, [nodeName, position]] of nodes.entries()) {
    nodeIds[nodeName] = (await admin.post(`/api/chains/${chain.body.id}/nodes`, { name: nodeName, position, sortOrder: i })).body.id;
  }
  return { chainId: chain.body.id as number, clusterId, nodeIds };
}

export async function addEnterprise(client: ApiClient, overrides: Parameters<typeof buildEnterprise>[0] = {}, outside = false): Promise<{ id: number; name: string; version: number }> {
  const res = await client.post('/api/enterprises', outside ? buildOutsideEnterprise(overrides) : buildEnterprise(overrides));
  if (res.status !== 201) throw new Error(`enterprise: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
