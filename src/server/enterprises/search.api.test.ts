import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEnterprise } from '../../../tests/support/chain-fixture.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';

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
