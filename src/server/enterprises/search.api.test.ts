import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEnterprise } from '../../../tests/support/chain-fixture.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { buildUscc } from '../../../tests/support/factories.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { enterpriseSearchText } from './search.js';

// Enterprise search goes through a character-pair index (db/search.ts). Whatever the index does,
// the answer must be exactly what reading every name would give.

let server: TestServer;
let admin: ApiClient;

const NAMES = ['新疆昌吉风电装备制造有限公司', 'ABC-光伏(有限合伙)', '木垒 风电 运维', '１００％_绿电科技'];

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.as('admin');
  for (const name of NAMES) await addEnterprise(admin, { name }, true);
});
afterAll(() => server?.close());

async function everything(): Promise<{ id: number; name: string; uscc: string }[]> {
  const res = await admin.get('/api/enterprises?pageSize=100');
  expect(res.body.total).toBeLessThanOrEqual(100);
  return res.body.items;
}

const key = (t: string) => t.normalize('NFKC').toLowerCase();

async function idsFound(q: string): Promise<number[]> {
  const res = await admin.get(`/api/enterprises?q=${encodeURIComponent(q)}&pageSize=100`);
  expect(res.status, q).toBe(200);
  return res.body.items.map((i: { id: number }) => i.id).sort((a: number, b: number) => a - b);
}

describe('enterprise search through the pair index', () => {
  it('every fragment of 1 to 5 characters of the names finds exactly the enterprises that contain it (200)', async () => {
    const all = await everything();
    const fragments = new Set<string>();
    for (const name of NAMES) {
      const chars = [...name];
      for (let len = 1; len <= 5; len++) for (let i = 0; i + len <= chars.length; i++) fragments.add(chars.slice(i, i + len).join(''));
    }
    fragments.add('昌吉风电装备制造').add('abc-光').add('100%').add('%_绿').add(' 风电 ').add('风电运维');
    for (const q of fragments) {
      if (!q.trim()) continue;
      const expected = all
        .filter((e) => key(`${e.name}\n${e.uscc}`).includes(key(q.trim())))
        .map((e) => e.id)
        .sort((a, b) => a - b);
      expect(await idsFound(q), `fragment「${q}」`).toEqual(expected);
    }
  });

  it('a renamed enterprise is found by its new name and no longer by the old one (200)', async () => {
    const e = await addEnterprise(admin, { name: '旧名称甲乙丙有限公司' }, true);
    expect(await idsFound('甲乙丙')).toEqual([e.id]);
    const renamed = await admin.patch(`/api/enterprises/${e.id}`, { name: '新名称丁戊己有限公司', version: e.version });
    expect(renamed.status).toBe(200);
    expect(await idsFound('甲乙丙')).toEqual([]);
    expect(await idsFound('丁戊')).toEqual([e.id]);
    expect(await idsFound('戊')).toEqual([e.id]);
  });
});

describe('a fragment that thousands of enterprises share', () => {
  // More matches than the list fetches one by one (MANY_MATCHES), written straight to the database.
  const COUNT = 2_600;
  const stamp = (i: number) => `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(4, '0')}Z`;

  beforeAll(async () => {
    const rows = Array.from({ length: COUNT }, (_, i) => {
      const name = `常见片段${(i * 7919) % COUNT}号企业`;
      const uscc = buildUscc();
      return {
        name, uscc, is_local: i % 2, region_code: i % 2 ? '652328' : null, province: '', city: '', size: null,
        contact_name: '', contact_phone: '', description: '', search_text: enterpriseSearchText(name, uscc),
        is_sample: 0, version: 1, created_at: stamp(i), updated_at: stamp(i),
      };
    });
    for (let i = 0; i < rows.length; i += 500) await server.db.insertInto('enterprises').values(rows.slice(i, i + 500)).execute();
  });

  it.each([
    ['updatedAt', 'desc', 1],
    ['updatedAt', 'desc', 4],
    ['name', 'asc', 1],
    ['name', 'desc', 7],
    ['createdAt', 'asc', 2],
  ])('sorted by %s %s, page %i holds the same enterprises as reading every name would (200)', async (sort, order, page) => {
    const res = await admin.get(`/api/enterprises?q=${encodeURIComponent('常见片段')}&sort=${sort}&order=${order}&page=${page}&pageSize=50`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(COUNT);
    const all = await server.db.selectFrom('enterprises').select(['id', 'name', 'updated_at', 'created_at']).where('name', 'like', '常见片段%').execute();
    const column = { updatedAt: 'updated_at', name: 'name', createdAt: 'created_at' }[sort] as 'name';
    const sign = order === 'asc' ? 1 : -1;
    all.sort((a, b) => (a[column] < b[column] ? -sign : a[column] > b[column] ? sign : b.id - a.id));
    expect(res.body.items.map((i: { id: number }) => i.id)).toEqual(all.slice((page - 1) * 50, page * 50).map((r) => r.id));
  });

  it('narrowed by region too, the total counts only that region’s matches (200)', async () => {
    const res = await admin.get(`/api/enterprises?q=${encodeURIComponent('常见片段')}&region=652328&pageSize=10`);
    expect([res.status, res.body.total]).toEqual([200, COUNT / 2]);
    expect(res.body.items.every((i: { regionCode: string }) => i.regionCode === '652328')).toBe(true);
  });
});
