import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEnterprise, buildChain } from '../../../tests/support/chain-fixture.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { nodeCountsKeptAndRecounted } from '../../../tests/support/node-counts.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { REGION_CODES } from '../regions/data.js';

// chain_node_counts (0032) is kept by the enterprise commands; after each kind of write it must equal
// a recount from enterprise_nodes, and the chain's coverage must read the new count.
let server: TestServer;
let admin: ApiClient;
let nodes: Record<string, number>;
let chainId: number;

beforeAll(async () => {
  // The demo's chain map is seeded through the enterprise commands, so its counts are kept too.
  server = await startTestServer({ demoProjects: true });
  admin = await server.as('admin');
  ({ chainId, nodeIds: nodes } = await buildChain(admin, '计数测试链', [['上游', 'upstream'], ['整机', 'midstream'], ['下游', 'downstream']], 2));
});
afterAll(() => server?.close());

async function expectCountsKept() {
  const { kept, recounted } = await nodeCountsKeptAndRecounted(server.db);
  expect(kept).toEqual(recounted);
}

async function counts(node: string) {
  const res = await admin.get(`/api/chains/${chainId}`);
  expect(res.status).toBe(200);
  const n = res.body.nodes.find((x: { id: number }) => x.id === nodes[node]);
  return { local: n.localCount, outside: n.outsideCount, status: n.status };
}

describe('the local enterprise count per node, kept on write', () => {
  it('the demo seed → the counts equal a recount from enterprise_nodes', async () => {
    expect((await nodeCountsKeptAndRecounted(server.db)).kept.length).toBeGreaterThan(0);
    await expectCountsKept();
  });

  it('creating local and outside enterprises on nodes → 201, and the chain counts each on its nodes', async () => {
    await addEnterprise(admin, { name: '计数本地甲', nodeIds: [nodes['上游'], nodes['整机']] });
    await addEnterprise(admin, { name: '计数外地乙', nodeIds: [nodes['上游']] }, true);
    expect(await counts('上游')).toEqual({ local: 1, outside: 1, status: 'weak' });
    expect(await counts('整机')).toEqual({ local: 1, outside: 0, status: 'weak' });
    expect(await counts('下游')).toEqual({ local: 0, outside: 0, status: 'missing' });
    await expectCountsKept();
  });

  it('replacing an enterprise’s nodes → 200; the old node loses it and the new one gains it', async () => {
    const e = await addEnterprise(admin, { name: '计数换环节', nodeIds: [nodes['下游']] });
    expect((await counts('下游')).local).toBe(1);
    const res = await admin.patch(`/api/enterprises/${e.id}`, { nodeIds: [nodes['整机']], version: e.version });
    expect(res.status).toBe(200);
    expect((await counts('下游')).local).toBe(0);
    expect(await counts('整机')).toEqual({ local: 2, outside: 0, status: 'covered' });
    await expectCountsKept();
  });

  it('moving an enterprise to another county, then out of the prefecture → 200; the per-region counts and the local count follow', async () => {
    const e = await addEnterprise(admin, { name: '计数迁移', nodeIds: [nodes['下游']] });
    const moved = await admin.patch(`/api/enterprises/${e.id}`, { regionCode: REGION_CODES.manas, version: e.version });
    expect(moved.status).toBe(200);
    const byRegion = await server.db.selectFrom('chain_node_counts').select(['region_code', 'enterprises']).where('node_id', '=', nodes['下游']).where('is_local', '=', 1).execute();
    expect(byRegion).toEqual([{ region_code: REGION_CODES.manas, enterprises: 1 }]);
    const out = await admin.patch(`/api/enterprises/${e.id}`, { isLocal: false, province: '江苏省', version: e.version + 1 });
    expect(out.status).toBe(200);
    expect(await counts('下游')).toEqual({ local: 0, outside: 1, status: 'missing' });
    await expectCountsKept();
  });

  it('an edit that touches neither nodes nor placement → 200 and the counts stay as they were', async () => {
    const before = await nodeCountsKeptAndRecounted(server.db);
    const e = (await admin.get(`/api/enterprises?q=${encodeURIComponent('计数本地甲')}`)).body.items[0];
    const res = await admin.patch(`/api/enterprises/${e.id}`, { contactName: '新联系人', version: e.version });
    expect(res.status).toBe(200);
    expect((await nodeCountsKeptAndRecounted(server.db)).kept).toEqual(before.kept);
  });

  it('a refused write (stale version → 409) leaves the counts as they were', async () => {
    const e = await addEnterprise(admin, { name: '计数冲突', nodeIds: [nodes['上游']] });
    const before = await nodeCountsKeptAndRecounted(server.db);
    const res = await admin.patch(`/api/enterprises/${e.id}`, { nodeIds: [], version: e.version + 5 });
    expect(res.status).toBe(409);
    expect((await nodeCountsKeptAndRecounted(server.db)).kept).toEqual(before.kept);
  });

  it('deleting a node without projects or leads → 204 and its counts go with it', async () => {
    const spare = (await admin.post(`/api/chains/${chainId}/nodes`, { name: '待删环节', position: 'downstream', sortOrder: 9 })).body.id as number;
    await addEnterprise(admin, { name: '计数待删', nodeIds: [spare] });
    expect(await server.db.selectFrom('chain_node_counts').select('enterprises').where('node_id', '=', spare).execute()).toEqual([{ enterprises: 1 }]);
    const res = await admin.request('DELETE', `/api/chain-nodes/${spare}`);
    expect(res.status).toBe(204);
    expect(await server.db.selectFrom('chain_node_counts').select('enterprises').where('node_id', '=', spare).execute()).toEqual([]);
    await expectCountsKept();
  });
});
