import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildLead, buildServiceRequestRow } from '../../../tests/support/factories.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { leadSearchText } from '../leads/search.js';
import { REGION_CODES } from '../regions/data.js';
import { requestSearchText } from '../service-requests/search.js';
import { MAX_POSITIONS } from './migrations/pair-index.js';
import { searchKey } from './search.js';

// Service requests and leads are searched through the character-pair index (db/search.ts), as
// enterprises are. Whatever the index does, each list must answer exactly what a LIKE over every
// row's search_text would: the same rows, in the same order, with the same total.

let server: TestServer;
let admin: ApiClient, mulei: ApiClient;
const firmIds: number[] = [];

const FIRMS = ['新疆昌吉风电装备制造有限公司', 'ABC-光伏(有限合伙)'];
/** Past the indexed start of a request's text, so only LIKE can find what follows it. */
const FILLER = '企业反映的情况说明'.repeat(Math.ceil(MAX_POSITIONS / 9) + 5);
const REQUESTS = [
  { title: '风电项目用地审批', description: '请协助办理用地手续', firm: 0 },
  { title: '１００％_绿电项目', description: '能源 项目 报批', firm: 1 },
  { title: 'ＡＢＣ能源接入', description: '电力接入(专线)', firm: 0 },
  { title: '长描述诉求', description: `${FILLER}尾部独有片段能源`, firm: 1 },
  { title: '项目长描述', description: `${FILLER}项目再次出现`, firm: 0 },
];
const LEADS = ['昌吉能源项目有限公司', 'ＸＹＺ新材料(集团)', '木垒 风电 运维', '１００％_绿电科技'];

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.as('admin');
  mulei = await server.as('mulei');
  for (const name of FIRMS) firmIds.push((await admin.post('/api/enterprises', buildEnterprise({ name, regionCode: REGION_CODES.mulei }))).body.id);
  for (const r of REQUESTS) {
    const res = await admin.post('/api/service-requests', { category: 'approval', title: r.title, description: r.description, enterpriseId: firmIds[r.firm] });
    expect(res.status).toBe(201);
  }
  for (const [i, name] of LEADS.entries()) {
    const res = await admin.post('/api/leads', buildLead({ enterpriseName: name, regionCode: i % 2 ? REGION_CODES.manas : REGION_CODES.mulei }));
    expect(res.status).toBe(201);
  }
});
afterAll(() => server?.close());

const LISTS = {
  requests: { path: '/api/service-requests', table: 'service_requests' },
  leads: { path: '/api/leads', table: 'leads' },
} as const;
type List = keyof typeof LISTS;

async function found(client: ApiClient, list: List, query: string): Promise<{ ids: number[]; total: number }> {
  const res = await client.get(`${LISTS[list].path}?${query}`);
  expect(res.status, query).toBe(200);
  return { ids: res.body.items.map((i: { id: number }) => i.id), total: res.body.total };
}

/** What LIKE gives: the unfiltered list's order, kept to the rows whose search_text contains the fragment. */
async function byLike(client: ApiClient, list: List, q: string, query = 'pageSize=100'): Promise<{ ids: number[]; total: number }> {
  const everything = await found(client, list, query);
  expect(everything.total).toBeLessThanOrEqual(100);
  const rows = await server.db.selectFrom(LISTS[list].table).select(['id', 'search_text']).execute();
  const text = new Map(rows.map((r) => [r.id, r.search_text]));
  const ids = everything.ids.filter((id) => text.get(id)!.includes(searchKey(q)));
  return { ids, total: ids.length };
}

const fragmentsOf = (texts: string[]) => {
  const out = new Set<string>();
  for (const t of texts) {
    const chars = [...t];
    for (let len = 1; len <= 4; len++) for (let i = 0; i + len <= chars.length; i++) out.add(chars.slice(i, i + len).join(''));
  }
  return out;
};
const SPECIAL = ['100%', '%_绿', '(有限合伙)', '(专线)', 'abc', 'ＡＢＣ', 'ｘｙｚ', ' 项目 ', '能源 项目', '项目,能源', '尾部独有', '尾', '能源', '项目', '再次出现', '风电装备制造'];

describe.each(['requests', 'leads'] as const)('%s search through the pair index', (list) => {
  const texts = list === 'requests' ? [...REQUESTS.map((r) => r.title), ...FIRMS] : LEADS;

  it('every fragment of 1 to 4 characters, and punctuation, Latin and full-width ones, finds what LIKE finds, in order, with its total (200)', async () => {
    for (const q of [...fragmentsOf(texts), ...SPECIAL]) {
      if (!q.trim()) continue;
      expect(await found(admin, list, `q=${encodeURIComponent(q)}&pageSize=100`), `fragment「${q}」`).toEqual(await byLike(admin, list, q.trim()));
    }
  });

  it('a region officer’s search counts only the region’s matches (200)', async () => {
    for (const q of ['项目', '能源', '风电', '有限', '％']) {
      expect(await found(mulei, list, `q=${encodeURIComponent(q)}&pageSize=100`), `fragment「${q}」`).toEqual(await byLike(mulei, list, q));
    }
  });
});

describe('a request whose description is longer than the indexed part', () => {
  it('is found by a fragment only its tail holds, and counted once when its start holds it too (200)', async () => {
    expect((await found(admin, 'requests', `q=${encodeURIComponent('尾部独有')}`)).total).toBe(1);
    // 能源: two requests hold it in their start, the long one only in its tail.
    const tailOnly = await found(admin, 'requests', `q=${encodeURIComponent('能源')}&pageSize=100`);
    expect(tailOnly).toEqual(await byLike(admin, 'requests', '能源'));
    expect(tailOnly.total).toBe(3);
    // 项目: the long one holds it in its title and again in its tail.
    const both = await found(admin, 'requests', `q=${encodeURIComponent('项目')}&pageSize=100`);
    expect(both).toEqual(await byLike(admin, 'requests', '项目'));
    expect(both.total).toBe(3);
  });
});

describe('an edited text', () => {
  it('a lead renamed is found by its new name and no longer by the old one (200)', async () => {
    const created = await admin.post('/api/leads', buildLead({ enterpriseName: '旧名甲乙丙有限公司' }));
    const id = created.body.id;
    expect((await found(admin, 'leads', `q=${encodeURIComponent('甲乙')}`)).ids).toEqual([id]);
    const renamed = await admin.patch(`/api/leads/${id}`, { enterpriseName: '新名丁戊己有限公司', version: created.body.version });
    expect(renamed.status).toBe(200);
    expect(await found(admin, 'leads', `q=${encodeURIComponent('甲乙')}`)).toEqual({ ids: [], total: 0 });
    expect(await found(admin, 'leads', `q=${encodeURIComponent('丁戊')}`)).toEqual({ ids: [id], total: 1 });
    expect((await found(admin, 'leads', `q=${encodeURIComponent('戊')}`)).ids).toEqual([id]);
  });

  it('a request retitled is found by its new title and no longer by the old one (200)', async () => {
    const created = await admin.post('/api/service-requests', { category: 'approval', title: '旧标题庚辛壬', description: '说明', enterpriseId: firmIds[0] });
    const id = created.body.id;
    expect((await found(admin, 'requests', `q=${encodeURIComponent('庚辛')}`)).ids).toEqual([id]);
    // No endpoint edits a request yet; any writer of search_text is followed by the index's trigger.
    await server.db.updateTable('service_requests').set({ title: '新标题癸子丑', search_text: requestSearchText('新标题癸子丑', '说明', FIRMS[0]) }).where('id', '=', id).execute();
    expect(await found(admin, 'requests', `q=${encodeURIComponent('庚辛')}`)).toEqual({ ids: [], total: 0 });
    expect(await found(admin, 'requests', `q=${encodeURIComponent('癸子')}`)).toEqual({ ids: [id], total: 1 });
  });
});

describe('a fragment thousands of rows share', () => {
  // More matches than the list fetches one by one (MANY_MATCHES), written straight to the database.
  const COUNT = 2_100;
  const stamp = (i: number) => `2026-01-01T00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${String(i % 7).padStart(3, '0')}Z`;
  const regionOf = (i: number) => (i % 3 ? REGION_CODES.mulei : REGION_CODES.manas);

  beforeAll(async () => {
    const firm = (await server.db.selectFrom('enterprises').select(['id', 'name']).executeTakeFirstOrThrow());
    const requests = Array.from({ length: COUNT }, (_, i) => {
      const title = `批量诉求${(i * 7919) % COUNT}号`;
      return {
        ...buildServiceRequestRow({ enterprise_id: firm.id, title, region_code: regionOf(i), created_at: stamp(i), updated_at: stamp(i) }),
        due_on: i % 5 ? `2027-01-${String((i % 28) + 1).padStart(2, '0')}` : null,
        search_text: requestSearchText(title, '测试用诉求', firm.name),
      };
    });
    const { id: _id, search_pairs: _pairs, ...lead } = (await server.db.selectFrom('leads').selectAll().executeTakeFirstOrThrow()) as Record<string, unknown>;
    const leads = Array.from({ length: COUNT }, (_, i) => {
      const name = `批量线索${(i * 7919) % COUNT}号企业`;
      return { ...lead, enterprise_name: name, region_code: regionOf(i), search_text: leadSearchText(name, ''), created_at: stamp(i), updated_at: stamp(COUNT - i) };
    });
    for (let i = 0; i < COUNT; i += 300) {
      await server.db.insertInto('service_requests').values(requests.slice(i, i + 300)).execute();
      await server.db.insertInto('leads').values(leads.slice(i, i + 300) as never).execute();
    }
  });

  /** The matching rows sorted as the list sorts them, read with LIKE. */
  async function likeOrder(list: List, sort: 'created_at' | 'updated_at' | 'due_on', order: 'asc' | 'desc', regions?: string[]) {
    let query = server.db.selectFrom(LISTS[list].table as 'leads').select(['id', `${sort} as k` as 'created_at']).where('search_text', 'like', '%批量%');
    if (regions) query = query.where('region_code', 'in', regions);
    const rows = await query.execute();
    const sign = order === 'asc' ? 1 : -1;
    // NULLs last either way (the only nullable sort here is due_on), ties newest id first.
    const cmp = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -sign : sign);
    const key = (r: (typeof rows)[number]) => (r as unknown as { k: string | null }).k;
    rows.sort((a, b) => cmp(key(a), key(b)) || b.id - a.id);
    return rows.map((r) => r.id);
  }

  it.each([
    ['requests', 'createdAt', 'created_at', 'desc', 1],
    ['requests', 'createdAt', 'created_at', 'asc', 9],
    ['requests', 'dueOn', 'due_on', 'asc', 3],
    ['leads', 'updatedAt', 'updated_at', 'desc', 1],
    ['leads', 'createdAt', 'created_at', 'asc', 5],
  ] as const)('%s sorted by %s (%s %s), page %i holds what LIKE would, with the same total (200)', async (list, sort, column, order, page) => {
    const res = await found(admin, list, `q=${encodeURIComponent('批量')}&sort=${sort}&order=${order}&page=${page}&pageSize=50`);
    const all = await likeOrder(list, column, order);
    expect(res).toEqual({ ids: all.slice((page - 1) * 50, page * 50), total: COUNT });
  });

  it.each(['requests', 'leads'] as const)('%s of a region officer: the page and total of the region’s matches (200)', async (list) => {
    const res = await found(mulei, list, `q=${encodeURIComponent('批量')}&page=2&pageSize=50`);
    const column = list === 'requests' ? 'created_at' : 'updated_at';
    const all = await likeOrder(list, column, 'desc', [REGION_CODES.mulei]);
    expect(res).toEqual({ ids: all.slice(50, 100), total: all.length });
  });
});
