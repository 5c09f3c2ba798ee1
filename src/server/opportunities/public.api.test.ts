import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../tests/support/client.js';
import { buildGapChain, buildInterest, buildOpportunity } from '../../../tests/support/opportunity-fixture.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { publicListSchema } from '../../shared/opportunities.js';

let server: TestServer;
let admin: ApiClient;
let open: { id: number; title: string };
let hidden: { id: number; title: string };
let chain: Awaited<ReturnType<typeof buildGapChain>>;
let serialAddress = 0;

/** A fresh client address per test, so one test's submissions never count against another's. */
const newAddress = () => `198.51.100.${++serialAddress}`;

function submit(body: unknown, options: { address?: string; lang?: 'zh' | 'en' } = {}) {
  const client = server.anonymous();
  client.lang = options.lang ?? 'zh';
  return client.request('POST', '/api/public/interests', body, { 'x-forwarded-for': options.address ?? newAddress() });
}

async function counts() {
  const n = async (table: 'leads' | 'lead_activities' | 'public_interests' | 'audit_log') =>
    Number((await server.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { leads: await n('leads'), activities: await n('lead_activities'), interests: await n('public_interests'), audit: await n('audit_log') };
}

beforeAll(async () => {
  server = await startTestServer();
  await server.db.insertInto('clusters').values({ code: 'test', name: '测试集群', sort_order: 0 }).execute();
  admin = await server.as('admin');
  chain = await buildGapChain(admin);
  const a = await admin.post('/api/opportunities', buildOpportunity({ title: '木垒风电叶片配套用地', titleEn: 'Land for wind-blade suppliers in Mori', nodeId: chain.nodeIds['缺'] }));
  const b = await admin.post('/api/opportunities', buildOpportunity({ title: '未公开的内部储备项目', published: false }));
  expect([a.status, b.status]).toEqual([201, 201]);
  open = a.body;
  hidden = b.body;
});
afterAll(() => server?.close());

describe('GET /api/public/opportunities without signing in', () => {
  it('→ 200 with published offers and open gap nodes, never an unpublished offer', async () => {
    const res = await server.anonymous().get('/api/public/opportunities');
    expect(res.status).toBe(200);
    const body = publicListSchema.strict().parse(res.body);
    const group = body.clusters.flatMap((c) => c.chains).find((c) => c.chain.id === chain.chainId)!;
    expect(group.offers.map((o) => o.title)).toEqual(['木垒风电叶片配套用地']);
    expect(group.offers[0]).toMatchObject({ region: { code: '652328', name: '木垒哈萨克自治县' }, node: { id: chain.nodeIds['缺'], name: '缺' } });
    expect(group.gaps.map((g) => [g.node.name, g.status])).toEqual([['缺', 'missing'], ['弱', 'weak']]);
    expect(JSON.stringify(res.body)).not.toContain(hidden.title);
    // Only public fields: the offer's author, version and publication flag stay inside.
    expect(Object.keys(group.offers[0]).sort()).toEqual(['chain', 'contact', 'id', 'investmentYuan', 'isSample', 'landMu', 'node', 'region', 'summary', 'title', 'translated']);
  });

  it('an offer published after the page was read → 200 with it on the very next request', async () => {
    const titles = async () => {
      const res = await server.anonymous().get('/api/public/opportunities');
      return JSON.stringify(res.body);
    };
    expect(await titles()).not.toContain('稍后发布的园区项目');
    const late = await admin.post('/api/opportunities', buildOpportunity({ title: '稍后发布的园区项目', published: false }));
    expect(await titles()).not.toContain('稍后发布的园区项目');
    const published = await admin.post(`/api/opportunities/${late.body.id}/publish`, { version: late.body.version });
    expect(published.status).toBeLessThan(300);
    expect(await titles()).toContain('稍后发布的园区项目');
    await admin.request('POST', `/api/opportunities/${late.body.id}/unpublish`, { version: late.body.version + 1 });
    expect(await titles()).not.toContain('稍后发布的园区项目');
  });

  it('?lang=en → 200 with English titles and region names, Chinese chain names marked untranslated', async () => {
    const res = await server.anonymous().get('/api/public/opportunities?lang=en');
    expect(res.status).toBe(200);
    const offer = res.body.clusters.flatMap((c: any) => c.chains).flatMap((c: any) => c.offers)[0];
    expect(offer).toMatchObject({ title: 'Land for wind-blade suppliers in Mori', translated: true, region: { name: 'Mori Kazakh Autonomous County' } });
    expect(offer.node).toEqual({ id: chain.nodeIds['缺'], name: '缺', translated: false });
  });

  it('answers with an ETag and max-age; the same ETag back → 304', async () => {
    const first = await server.anonymous().get('/api/public/opportunities');
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(`${server.url}/api/public/opportunities`, { headers: { 'if-none-match': etag } });
    expect([again.status, await again.text()]).toEqual([304, '']);
  });
});

describe('POST /api/public/interests', () => {
  it('a valid submission → 201 and arrives as a new lead of source public_page with its activity, interest row and audit entry', async () => {
    const before = await counts();
    const res = await submit(buildInterest({ opportunityId: open.id, companyName: '  江苏示例风电叶片有限公司 ', estimatedInvestmentWan: 30_000 }), { address: '203.0.113.50' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ received: true });
    expect(await counts()).toEqual({ leads: before.leads + 1, activities: before.activities + 1, interests: before.interests + 1, audit: before.audit + 1 });
    const lead = await server.db.selectFrom('leads').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(lead).toMatchObject({
      enterprise_id: null,
      enterprise_name: '江苏示例风电叶片有限公司',
      contact_name: '王经理',
      contact_phone: '13800138000',
      contact_email: 'invest@example.com',
      source: 'public_page',
      status: 'new',
      region_code: '652328',
      chain_id: chain.chainId,
      node_id: chain.nodeIds['缺'],
      note: '希望了解用地和电价政策',
      created_by: null,
    });
    expect(Number(lead.estimated_investment_yuan)).toBe(300_000_000);
    expect(lead.search_text).toContain('江苏示例风电叶片');
    const activity = await server.db.selectFrom('lead_activities').selectAll().where('lead_id', '=', lead.id).executeTakeFirstOrThrow();
    expect(activity).toMatchObject({ kind: 'note', user_id: null });
    expect(activity.summary).toContain('公开页面');
    const interest = await server.db.selectFrom('public_interests').selectAll().where('lead_id', '=', lead.id).executeTakeFirstOrThrow();
    expect(interest).toMatchObject({ opportunity_id: open.id, node_id: null, address: '203.0.113.50' });
    const audit = await server.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: 'public_interest.create', user_id: null, username: 'anonymous 203.0.113.50', entity_id: String(lead.id) });
  });

  it('interest in a gap node → 201, the lead on that node and chain, with no region', async () => {
    const res = await submit(buildInterest({ nodeId: chain.nodeIds['弱'], email: '' }));
    expect(res.status).toBe(201);
    const lead = await server.db.selectFrom('leads').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(lead).toMatchObject({ node_id: chain.nodeIds['弱'], chain_id: chain.chainId, region_code: null, contact_email: '' });
  });

  it('markup is stored as typed, not stripped or run (201)', async () => {
    const name = '<img src=x onerror="alert(1)">示例<script>alert(2)</script>';
    expect((await submit(buildInterest({ nodeId: chain.nodeIds['缺'], companyName: name }))).status).toBe(201);
    const lead = await server.db.selectFrom('leads').select('enterprise_name').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(lead.enterprise_name).toBe(name);
  });

  it('signed in without a CSRF token → still 201: the form is anonymous by design', async () => {
    const client = await server.as('leader');
    client.csrfToken = null;
    const res = await client.request('POST', '/api/public/interests', buildInterest({ nodeId: chain.nodeIds['缺'] }), { 'x-forwarded-for': newAddress() });
    expect(res.status).toBe(201);
  });
});

describe('the public form’s limits: every refusal writes nothing', () => {
  const long = (n: number) => '字'.repeat(n);
  const cases: [string, Record<string, unknown>, string, string, string][] = [
    ['missing company name', { companyName: undefined }, 'companyName', '请填写企业名称', 'Company name is required'],
    ['blank company name', { companyName: '   ' }, 'companyName', '请填写企业名称', 'Company name is required'],
    ['company name of 101 characters', { companyName: long(101) }, 'companyName', '企业名称不能超过 100 个字符', 'Company name must be at most 100 characters'],
    ['contact name of 51 characters', { contactName: long(51) }, 'contactName', '联系人不能超过 50 个字符', 'Contact must be at most 50 characters'],
    ['a phone that is no number', { phone: '12345' }, 'phone', '联系电话格式不正确', 'Phone must be a mainland mobile'],
    ['a malformed email', { email: 'not-an-email' }, 'email', '电子邮箱格式不正确', 'Email must be an address like'],
    ['neither phone nor email', { phone: '', email: '' }, 'phone', '请至少填写联系电话或电子邮箱之一', 'Give a phone number or an email address'],
    ['an investment of 0', { estimatedInvestmentWan: 0 }, 'estimatedInvestmentWan', '预计投资(万元)不能小于 1', 'Estimated investment (10k yuan) must be at least 1'],
    ['an investment over 1000亿', { estimatedInvestmentWan: 10_000_001 }, 'estimatedInvestmentWan', '预计投资(万元)不能大于 10000000', 'must be at most 10000000'],
    ['an investment as text', { estimatedInvestmentWan: '5000' }, 'estimatedInvestmentWan', '预计投资(万元)格式不正确', 'Estimated investment (10k yuan) must be'],
    ['a message of 1001 characters', { message: long(1001) }, 'message', '留言不能超过 1000 个字符', 'Message must be at most 1000 characters'],
    ['a control character', { contactName: 'a\u0007b' }, 'contactName', '联系人含有不可见的控制字符', 'Contact contains invisible control characters'],
    ['both an opportunity and a node', { nodeId: 1 }, 'opportunityId', '请选择一个投资项目或产业链环节', 'Choose one opportunity or one chain node'],
    ['an unknown key', { admin: true }, 'admin', '不支持的字段:admin', 'Unknown field: admin'],
    ['the honeypot filled in', { website: 'http://spam.example' }, 'website', '提交未通过校验', 'did not pass the checks'],
  ];

  for (const [what, patch, field, zh, en] of cases) {
    it(`${what} → 400 naming ${field} (zh and en)`, async () => {
      const before = await counts();
      const body = { ...buildInterest({ opportunityId: open.id }), ...patch };
      const inZh = await submit(body);
      expect([inZh.status, inZh.body.error.field]).toEqual([400, field]);
      expect(inZh.body.error.message).toContain(zh);
      const inEn = await submit(body, { lang: 'en' });
      expect([inEn.status, inEn.body.error.field]).toEqual([400, field]);
      expect(inEn.body.error.message).toContain(en);
      expect(await counts()).toEqual(before);
    });
  }

  it('an unpublished or unknown opportunity → 400 naming opportunityId', async () => {
    const before = await counts();
    for (const id of [hidden.id, 999_999]) {
      const res = await submit(buildInterest({ opportunityId: id }));
      expect([res.status, res.body.error.field, res.body.error.message]).toEqual([400, 'opportunityId', '该投资项目不存在或已下架']);
    }
    const en = await submit(buildInterest({ nodeId: 999_999 }), { lang: 'en' });
    expect([en.status, en.body.error.field, en.body.error.message]).toEqual([400, 'nodeId', 'No such chain node']);
    expect(await counts()).toEqual(before);
  });

  it('?lang=en on the address chooses English even without Accept-Language (400)', async () => {
    const res = await server.anonymous().request('POST', '/api/public/interests?lang=en', { ...buildInterest({ nodeId: chain.nodeIds['缺'] }), phone: '1' }, { 'accept-language': '' });
    expect([res.status, res.body.error.field]).toEqual([400, 'phone']);
    expect(res.body.error.message).toMatch(/^Phone must be/);
  });

  it('a body over 8 KB → 413 with a JSON error, nothing written', async () => {
    const before = await counts();
    const res = await submit({ ...buildInterest({ nodeId: chain.nodeIds['缺'] }), message: 'x'.repeat(900), padding: 'y'.repeat(8 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({ code: 'body_too_large', message: '请求内容过大' });
    expect(await counts()).toEqual(before);
  });

  it('the 6th submission from one address within the hour → 429 with Retry-After, while another address still gets 201', async () => {
    const address = '192.0.2.77';
    for (let i = 0; i < 5; i++) expect((await submit(buildInterest({ nodeId: chain.nodeIds['缺'] }), { address })).status).toBe(201);
    const before = await counts();
    const sixth = await submit(buildInterest({ nodeId: chain.nodeIds['缺'] }), { address });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error.code).toBe('rate_limited');
    expect(sixth.body.error.message).toMatch(/^提交过于频繁,请 (59|60) 分钟后再试$/);
    const retryAfter = Number(sixth.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    // Refused submissions do not count, and a refused invalid one is a 400, not a 429.
    expect(await counts()).toEqual(before);
    expect((await submit(buildInterest({ nodeId: chain.nodeIds['缺'] }), { address: '192.0.2.78' })).status).toBe(201);
  });

  it('8 submissions from one address at once → exactly 5 are 201 and 3 are 429 (the count holds under concurrency)', async () => {
    const address = '192.0.2.88';
    const results = await Promise.all(Array.from({ length: 8 }, () => submit(buildInterest({ nodeId: chain.nodeIds['缺'] }), { address })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    const stored = await server.db.selectFrom('public_interests').select((eb) => eb.fn.countAll<number>().as('n')).where('address', '=', address).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(5);
  });

  it('20 accepted submissions from one address in a day → the next is 429 until the oldest is a day old', async () => {
    const address = '192.0.2.99';
    const lead = await server.db.selectFrom('leads').select('id').orderBy('id').executeTakeFirstOrThrow();
    // Spread over the last 20 hours, so none falls in the last hour and only the daily limit applies.
    const rows = Array.from({ length: 20 }, (_, i) => ({
      lead_id: lead.id,
      node_id: chain.nodeIds['缺'],
      address,
      user_agent: 'test',
      created_at: new Date(Date.now() - (2 + i) * 3_600_000).toISOString(),
    }));
    await server.db.insertInto('public_interests').values(rows).execute();
    const before = await counts();
    const res = await submit(buildInterest({ nodeId: chain.nodeIds['缺'] }), { address, lang: 'en' });
    expect(res.status).toBe(429);
    expect(res.body.error.message).toMatch(/^Today's limit of submissions is reached; try again in \d+ hours$/);
    // The oldest counted one (21 hours ago) leaves the day window in about 3 hours.
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(2.9 * 3600);
    expect(retryAfter).toBeLessThanOrEqual(3 * 3600);
    expect(await counts()).toEqual(before);
  });
});

describe('POST /api/public/interests when no proxy is trusted (TRUST_PROXY=false)', () => {
  it('a visitor who changes X-Forwarded-For each time is still one address: the 6th → 429', async () => {
    const direct = await startTestServer({ config: { trustProxy: false } });
    try {
      await direct.db.insertInto('clusters').values({ code: 'test', name: '测试集群', sort_order: 0 }).execute();
      const gap = await buildGapChain(await direct.as('admin'));
      const send = (i: number) =>
        direct.anonymous().request('POST', '/api/public/interests', buildInterest({ nodeId: gap.nodeIds['缺'] }), { 'x-forwarded-for': `198.51.100.${200 + i}` });
      for (let i = 0; i < 5; i++) expect((await send(i)).status).toBe(201);
      expect((await send(5)).status).toBe(429);
    } finally {
      await direct.close();
    }
  });
});
