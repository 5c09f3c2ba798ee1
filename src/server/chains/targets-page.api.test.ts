import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEnterprise, buildChain } from '../../../tests/support/chain-fixture.js';
import { targetListSchema, type Target } from '../../shared/chains.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { daysAgo } from '../../../tests/support/factories.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { nodeTargets } from './targets.js';

// More candidates than one default page, in every tier, with ties inside each tier (equal volumes
// and dates, and every tie-less one scoring 0) so that only the name decides between them:
//   D0…D5 → L      direct; D0/D1 and D2/D3 trade the same volume on the same day
//   T0…T2 → X → L  two-step through X
//   N00…N15        no tie
let server: TestServer;
let admin: ApiClient;
let gapNode: number;
const CANDIDATES = 25;

beforeAll(async () => {
  server = await startTestServer();
  await server.db.insertInto('clusters').values({ code: 'test', name: '测试集群', sort_order: 0 }).execute();
  admin = await server.as('admin');
  const chain = await buildChain(admin, '分页链', [['缺', 'upstream'], ['主', 'midstream']]);
  gapNode = chain.nodeIds['缺'];
  const leader = await addEnterprise(admin, { name: '本地链主L', nodeIds: [chain.nodeIds['主']], leadChainIds: [chain.chainId] });
  const middle = await addEnterprise(admin, { name: '中间商X' }, true);
  const candidate = (name: string) => addEnterprise(admin, { name, nodeIds: [gapNode] }, true);
  const link = async (supplierId: number, customerId: number, volume: number, age: number) =>
    expect((await admin.post('/api/supply-links', { supplierId, customerId, product: '原料', volume, unit: '吨', date: daysAgo(age), source: '测试' })).status).toBe(201);
  const directVolumes = [5000, 5000, 80, 80, 100_000, 1];
  for (const [i, volume] of directVolumes.entries()) await link((await candidate(`外地D${i}`)).id, leader.id, volume, 90);
  await link(middle.id, leader.id, 1000, 30);
  for (let i = 0; i < 3; i++) await link((await candidate(`外地T${i}`)).id, middle.id, 10 ** (i + 1), 30);
  // Created out of name order, so the order they were stored in is not the order they rank in.
  for (let i = CANDIDATES - directVolumes.length - 3 - 1; i >= 0; i--) await candidate(`外地N${String(i).padStart(2, '0')}`);
});
afterAll(() => server?.close());

const url = (query = '') => `/api/chain-nodes/${gapNode}/targets${query}`;
const ids = (items: Target[]) => items.map((t) => t.enterprise.id);

describe('targets a page at a time', () => {
  it('without a page asked for: the first 20, and the total of every candidate', async () => {
    const res = await admin.get(url());
    expect(res.status).toBe(200);
    expect([res.body.items.length, res.body.total]).toEqual([20, CANDIDATES]);
    expect(targetListSchema.parse(res.body)).toEqual(res.body);
  });

  it('pages continue each other exactly: together they are the unpaged ranking, card for card', async () => {
    const unpaged = await nodeTargets(server.db, gapNode, 'zh');
    expect(unpaged.total).toBe(CANDIDATES);
    expect(new Set(unpaged.items.map((t) => t.tier))).toEqual(new Set(['direct', 'two_step', 'none']));
    const pages: Target[] = [];
    for (let offset = 0; offset < CANDIDATES; offset += 7) {
      const res = await admin.get(url(`?limit=7&offset=${offset}`));
      expect([res.status, res.body.total]).toEqual([200, CANDIDATES]);
      expect(res.body.items.length).toBe(Math.min(7, CANDIDATES - offset));
      pages.push(...res.body.items);
    }
    expect(ids(pages)).toEqual(ids(unpaged.items));
    expect(pages).toEqual(unpaged.items);
    const second = (await admin.get(url('?offset=20'))).body;
    expect(ids(second.items)).toEqual(ids(unpaged.items.slice(20)));
  });

  it('the ties within a tier are broken by name, the same on every page', async () => {
    const names = (await admin.get(url('?limit=200'))).body.items.map((t: Target) => t.enterprise.name);
    expect(names.slice(0, 9)).toEqual(['外地D4', '外地D0', '外地D1', '外地D2', '外地D3', '外地D5', '外地T2', '外地T1', '外地T0']);
    expect(names.slice(9)).toEqual(Array.from({ length: 16 }, (_, i) => `外地N${String(i).padStart(2, '0')}`));
  });

  it('past the last candidate: no items, the same total', async () => {
    for (const offset of [CANDIDATES, 1000]) {
      const res = await admin.get(url(`?offset=${offset}`));
      expect([res.status, res.body.items, res.body.total]).toEqual([200, [], CANDIDATES]);
    }
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=2.5', 'limit'],
    ['limit=many', 'limit'],
    ['offset=-1', 'offset'],
    ['page=2', 'page'],
  ])('?%s → 400 naming %s', async (query, field) => {
    const res = await admin.get(url(`?${query}`));
    expect([res.status, res.body.error.code, res.body.error.field]).toEqual([400, 'validation_failed', field]);
  });

  it('the largest page, 200, is allowed', async () => {
    const res = await admin.get(url('?limit=200'));
    expect([res.status, res.body.items.length]).toEqual([200, CANDIDATES]);
  });
});
