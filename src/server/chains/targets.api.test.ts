import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEnterprise, buildChain } from '../../../tests/support/chain-fixture.js';
import { targetListSchema } from '../../shared/chains.js';
import { adjustNodeCounts } from '../enterprises/node-counts.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { daysAgo } from '../../../tests/support/factories.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';

// A hand-built supply graph around one local chain leader L on a chain whose node 缺 has no local firm:
//   D1 → L  big and recent      (direct)
//   D3 → L  big, two years old  (direct)
//   D2 → L  small, two years old (direct)
//   T → X → L                    (two-step through X, which is neither leader nor candidate)
//   N                            (no tie)
let server: TestServer;
let admin: ApiClient;
const ids: Record<string, number> = {};
let gapNode: number;

beforeAll(async () => {
  server = await startTestServer();
  await server.db.insertInto('clusters').values({ code: 'test', name: '测试集群', sort_order: 0 }).execute();
  admin = await server.as('admin');
  const chain = await buildChain(admin, '排序链', [['缺', 'upstream'], ['主', 'midstream']]);
  gapNode = chain.nodeIds['缺'];
  ids.L = (await addEnterprise(admin, { name: '本地链主L', nodeIds: [chain.nodeIds['主']], leadChainIds: [chain.chainId] })).id;
  for (const key of ['D1', 'D2', 'D3', 'T', 'N']) ids[key] = (await addEnterprise(admin, { name: `外地${key}`, nodeIds: [gapNode] }, true)).id;
  ids.X = (await addEnterprise(admin, { name: '中间商X' }, true)).id;
  const link = (from: string, to: string, product: string, volume: number | null, date: string | null) =>
    admin.post('/api/supply-links', { supplierId: ids[from], customerId: ids[to], product, volume, unit: '吨', date, source: '测试' });
  for (const r of [
    await link('D1', 'L', '原料甲', 100_000, daysAgo(30)),
    await link('D3', 'L', '原料丙', 100_000, daysAgo(730)),
    await link('D2', 'L', '原料乙', 10, daysAgo(730)),
    await link('T', 'X', '零件', 5000, daysAgo(30)),
    await link('X', 'L', '组件', 5000, daysAgo(30)),
  ]) {
    expect(r.status).toBe(201);
  }
});
afterAll(() => server?.close());

describe('ranked targets for a gap node', () => {
  it('direct ties outrank two-step ones; volume and recency order each tier; no tie comes last', async () => {
    const res = await admin.get(`/api/chain-nodes/${gapNode}/targets`);
    expect(res.status).toBe(200);
    expect(res.body.node.status).toBe('missing');
    const order = res.body.items.map((t: { enterprise: { name: string } }) => t.enterprise.name);
    expect(order).toEqual(['外地D1', '外地D3', '外地D2', '外地T', '外地N']);
    expect(res.body.items.map((t: { tier: string }) => t.tier)).toEqual(['direct', 'direct', 'direct', 'two_step', 'none']);
    const scores = res.body.items.map((t: { score: number }) => t.score);
    expect(scores[2]).toBeGreaterThan(scores[3]);
  });

  it('each target explains itself with the path through the supply graph', async () => {
    const items = (await admin.get(`/api/chain-nodes/${gapNode}/targets`)).body.items;
    const d1 = items[0];
    expect(d1.paths).toEqual([
      { leader: { id: ids.L, name: '本地链主L' }, steps: [{ supplier: { id: ids.D1, name: '外地D1' }, customer: { id: ids.L, name: '本地链主L' }, product: '原料甲', volume: 100_000, unit: '吨', date: daysAgo(30) }] },
    ]);
    expect(d1.explanation).toBe('直接向本地链主本地链主L供应原料甲(1条直接供需关系)');
    const t = items[3];
    expect(t.paths[0].steps.map((s: { supplier: { name: string }; customer: { name: string } }) => `${s.supplier.name}→${s.customer.name}`)).toEqual(['外地T→中间商X', '中间商X→本地链主L']);
    expect(t.explanation).toContain('经中间商X');
    expect(items[4].paths).toEqual([]);
  });

  // The answer is written without zod parsing it again (routes.ts): every field sent must be the schema's.
  it('the answer holds exactly the schema’s fields, of its types, for every tier', async () => {
    const body = (await admin.get(`/api/chain-nodes/${gapNode}/targets`)).body;
    expect(new Set(body.items.map((t: { tier: string }) => t.tier))).toEqual(new Set(['direct', 'two_step', 'none']));
    expect(targetListSchema.parse(body)).toEqual(body);
  });

  it('an enterprise user may not see targets → 403', async () => {
    const { addEnterpriseUser } = await import('../../../tests/support/server.js');
    await addEnterpriseUser(server, 'firm-t', '91350100M000100Y43');
    expect((await (await server.as('firm-t')).get(`/api/chain-nodes/${gapNode}/targets`)).status).toBe(403);
  });
});

describe('a two-step tie through another candidate', () => {
  it('a target that trades with a directly tied candidate is ranked two-step, not left out', async () => {
    const m = await addEnterprise(admin, { name: '外地M', nodeIds: [gapNode] }, true);
    expect((await admin.post('/api/supply-links', { supplierId: m.id, customerId: ids.D1, product: '半成品', volume: 10, date: daysAgo(10) })).status).toBe(201);
    const items = (await admin.get(`/api/chain-nodes/${gapNode}/targets`)).body.items;
    const target = items.find((t: { enterprise: { id: number } }) => t.enterprise.id === m.id);
    expect(target.tier).toBe('two_step');
    expect(target.paths[0].steps.map((s: { customer: { name: string } }) => s.customer.name)).toEqual(['外地D1', '本地链主L']);
    // Unhooked behind the app's back: the node counts kept on write follow as the commands would.
    await adjustNodeCounts(server.db, [m.id], -1);
    await server.db.deleteFrom('enterprise_nodes').where('enterprise_id', '=', m.id).execute();
  });
});

describe('a target with more paths than a card lists', () => {
  it('lists the three strongest, strongest first, and its score and explanation count them all', async () => {
    const hub = await addEnterprise(admin, { name: '外地H', nodeIds: [gapNode] }, true);
    // H trades with X (tied to L) and four partners of L, each tied to L with a different volume.
    const volumes = [10, 100_000, 1000, 50];
    const partners = [];
    for (const [i, volume] of volumes.entries()) {
      const p = await addEnterprise(admin, { name: `伙伴${i}` }, true);
      partners.push(p.id);
      expect((await admin.post('/api/supply-links', { supplierId: p.id, customerId: ids.L, product: `配件${i}`, volume, unit: '吨', date: daysAgo(60) })).status).toBe(201);
      expect((await admin.post('/api/supply-links', { supplierId: hub.id, customerId: p.id, product: '毛坯', volume: 500, unit: '吨', date: daysAgo(60) })).status).toBe(201);
    }
    expect((await admin.post('/api/supply-links', { supplierId: hub.id, customerId: ids.X, product: '毛坯', volume: 500, unit: '吨', date: daysAgo(60) })).status).toBe(201);

    const items = (await admin.get(`/api/chain-nodes/${gapNode}/targets`)).body.items;
    const target = items.find((t: { enterprise: { id: number } }) => t.enterprise.id === hub.id);
    expect(target.tier).toBe('two_step');
    expect(target.explanation).toBe('经伙伴1与本地链主本地链主L间接关联(5条二级关系,列出最强的3条)');
    const middles = target.paths.map((p: { steps: { customer: { name: string } }[] }) => p.steps[0].customer.name);
    expect(middles).toEqual(['伙伴1', '中间商X', '伙伴2']);
    // Tiers still hold: T's single weaker path ranks below H, every direct target above it.
    const order = items.map((t: { enterprise: { name: string } }) => t.enterprise.name);
    expect(order.indexOf('外地H')).toBeGreaterThan(order.indexOf('外地D2'));
    expect(order.indexOf('外地H')).toBeLessThan(order.indexOf('外地T'));
    // Unhooked behind the app's back: the node counts kept on write follow as the commands would.
    await adjustNodeCounts(server.db, [hub.id], -1);
    await server.db.deleteFrom('enterprise_nodes').where('enterprise_id', '=', hub.id).execute();
  });
});

describe('recording a target as a lead', () => {
  it('POST /api/leads → 201 with the server’s score and explanation; again → 409; the target shows its lead', async () => {
    const mulei = await server.as('mulei');
    const res = await mulei.post('/api/leads/from-target', { enterpriseId: ids.D1, nodeId: gapNode, note: '下周电话联系' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ enterprise: { id: ids.D1 }, regionCode: '652328', status: 'new', source: 'gap_analysis', note: '下周电话联系' });
    expect(res.body.explanation).toContain('原料甲');
    expect(res.body.score).toBeGreaterThan(100);
    const again = await mulei.post('/api/leads/from-target', { enterpriseId: ids.D1, nodeId: gapNode });
    expect([again.status, again.body.error.code]).toEqual([409, 'lead_exists']);
    const targets = (await mulei.get(`/api/chain-nodes/${gapNode}/targets`)).body.items;
    expect(targets[0].leadId).toBe(res.body.id);
  });

  it('an enterprise that is not a target of the node → 400 naming enterpriseId; a leader → 403', async () => {
    const bad = await admin.post('/api/leads/from-target', { enterpriseId: ids.L, nodeId: gapNode });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'enterpriseId']);
    expect((await (await server.as('leader')).post('/api/leads/from-target', { enterpriseId: ids.D2, nodeId: gapNode })).status).toBe(403);
  });

  it('another region’s officer does not see the lead; a region officer may not file for another region → 403', async () => {
    const manas = await server.as('manas');
    const list = (await manas.get('/api/leads')).body;
    expect(list.items.map((l: { enterprise: { id: number } }) => l.enterprise.id)).not.toContain(ids.D1);
    const other = await manas.post('/api/leads/from-target', { enterpriseId: ids.D2, nodeId: gapNode, regionCode: '652328' });
    expect([other.status, other.body.error.field]).toEqual([403, 'regionCode']);
    expect((await (await server.as('leader')).get('/api/leads')).body.total).toBeGreaterThanOrEqual(1);
  });
});
