import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEnterprise, buildChain } from '../../../tests/support/chain-fixture.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';

let server: TestServer;
let admin: ApiClient;
let clusterId: number;

beforeAll(async () => {
  server = await startTestServer();
  await server.db.insertInto('clusters').values({ code: 'test', name: '测试集群', sort_order: 0 }).execute();
  admin = await server.as('admin');
});
afterAll(() => server?.close());

describe('gap analysis', () => {
  it('a small chain: 缺链 with no local firm, 弱链 below the threshold, completeness (covered + ½ weak) / nodes', async () => {
    const chain = await buildChain(admin, '测试链', [['甲', 'upstream'], ['乙', 'midstream'], ['丙', 'midstream'], ['丁', 'downstream']], 2);
    clusterId = chain.clusterId;
    const n = chain.nodeIds;
    await addEnterprise(admin, { nodeIds: [n['甲']] }, true);
    await addEnterprise(admin, { nodeIds: [n['乙'], n['丙']] });
    await addEnterprise(admin, { nodeIds: [n['丙'], n['丁']] });
    await addEnterprise(admin, { nodeIds: [n['丁']] });
    await addEnterprise(admin, { nodeIds: [n['丁']] });
    const res = await admin.get(`/api/chains/${chain.chainId}`);
    expect(res.status).toBe(200);
    const status = Object.fromEntries(res.body.nodes.map((x: { name: string; status: string; localCount: number; outsideCount: number }) => [x.name, [x.status, x.localCount, x.outsideCount]]));
    expect(status).toEqual({ 甲: ['missing', 0, 1], 乙: ['weak', 1, 0], 丙: ['covered', 2, 0], 丁: ['covered', 3, 0] });
    expect(res.body.coverage).toEqual({ nodes: 4, missing: 1, weak: 1, covered: 2, completeness: 0.625 });

    const raised = await admin.patch(`/api/chains/${chain.chainId}`, { weakThreshold: 3 });
    expect(raised.body.coverage).toMatchObject({ missing: 1, weak: 2, covered: 1 });

    const clusters = (await admin.get('/api/clusters')).body.items;
    const mine = clusters.find((c: { id: number }) => c.id === clusterId);
    expect(mine.coverage).toEqual(raised.body.coverage);
  });

  it('a chain without nodes reads 0% complete, not an error', async () => {
    const chain = await buildChain(admin, '空链', []);
    expect((await admin.get(`/api/chains/${chain.chainId}`)).body.coverage).toEqual({ nodes: 0, missing: 0, weak: 0, covered: 0, completeness: 0 });
  });
});

describe('editing the map', () => {
  it('only an admin edits it → 403 for an officer and a leader; everyone reads it', async () => {
    const mulei = await server.as('mulei');
    expect((await mulei.post('/api/chains', { clusterId, name: 'x' })).status).toBe(403);
    expect((await (await server.as('leader')).post('/api/chains', { clusterId, name: 'x' })).status).toBe(403);
    expect((await mulei.get('/api/clusters')).status).toBe(200);
  });

  it('links join nodes of the same chain; a node of another chain → 400, a repeated link → 409', async () => {
    const a = await buildChain(admin, '链A', [['一', 'upstream'], ['二', 'downstream']]);
    const b = await buildChain(admin, '链B', [['三', 'upstream']]);
    const ok = await admin.post(`/api/chains/${a.chainId}/links`, { fromNodeId: a.nodeIds['一'], toNodeId: a.nodeIds['二'] });
    expect(ok.status).toBe(201);
    const again = await admin.post(`/api/chains/${a.chainId}/links`, { fromNodeId: a.nodeIds['一'], toNodeId: a.nodeIds['二'] });
    expect(again.status).toBe(409);
    const across = await admin.post(`/api/chains/${a.chainId}/links`, { fromNodeId: a.nodeIds['一'], toNodeId: b.nodeIds['三'] });
    expect([across.status, across.body.error.field]).toEqual([400, 'toNodeId']);
    expect((await admin.get(`/api/chains/${a.chainId}`)).body.links).toHaveLength(1);
  });

  it('a node a project points to cannot be deleted → 409; an unused one → 204', async () => {
    const c = await buildChain(admin, '删除测试', [['用', 'upstream'], ['闲', 'upstream']]);
    const project = await admin.post('/api/projects', { name: '挂在节点上的项目', investorName: 'x', regionCode: '652328', investmentYuan: 1, nodeId: c.nodeIds['用'] });
    expect(project.body.node).toMatchObject({ id: c.nodeIds['用'], chainName: '删除测试' });
    expect((await admin.request('DELETE', `/api/chain-nodes/${c.nodeIds['用']}`)).status).toBe(409);
    expect((await admin.request('DELETE', `/api/chain-nodes/${c.nodeIds['闲']}`)).status).toBe(204);
  });

  it('a node lists its enterprises and, in the caller’s scope, its projects', async () => {
    const c = await buildChain(admin, '节点详情', [['点', 'midstream']]);
    const node = c.nodeIds['点'];
    await admin.post('/api/projects', { name: '木垒的项目', investorName: 'x', regionCode: '652328', investmentYuan: 1, nodeId: node });
    await admin.post('/api/projects', { name: '玛纳斯的项目', investorName: 'y', regionCode: '652324', investmentYuan: 1, nodeId: node });
    const mulei = await server.as('mulei');
    const detail = (await mulei.get(`/api/chain-nodes/${node}`)).body;
    expect(detail.projects.map((p: { name: string }) => p.name)).toEqual(['木垒的项目']);
    expect((await admin.get(`/api/chain-nodes/${node}`)).body.projects).toHaveLength(2);
  });
});
