import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../tests/support/client.js';
import { buildGapChain, buildInterest, buildOpportunity } from '../../../tests/support/opportunity-fixture.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { REGION_CODES } from '../regions/data.js';
import { interestPageSchema, opportunitySchema } from '../../shared/opportunities.js';

let server: TestServer;
let admin: ApiClient;
let mulei: ApiClient;
let chain: Awaited<ReturnType<typeof buildGapChain>>;

beforeAll(async () => {
  server = await startTestServer();
  await server.db.insertInto('clusters').values({ code: 'test', name: '测试集群', sort_order: 0 }).execute();
  admin = await server.as('admin');
  mulei = await server.as('mulei');
  chain = await buildGapChain(admin, '管理测试链');
});
afterAll(() => server?.close());

describe('park offers: who may write what', () => {
  it('admin posts an offer on a node → 201, the chain taken from the node, every field presented', async () => {
    const res = await admin.post('/api/opportunities', buildOpportunity({ title: '州级示例项目', regionCode: null, nodeId: chain.nodeIds['缺'] }));
    expect(res.status).toBe(201);
    const offer = opportunitySchema.strict().parse(res.body);
    expect(offer).toMatchObject({ region: null, chain: { id: chain.chainId, name: '管理测试链' }, node: { id: chain.nodeIds['缺'], name: '缺' }, published: true, version: 1, interestCount: 0 });
    const audit = await server.db.selectFrom('audit_log').select('action').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(audit.action).toBe('opportunity.create');
  });

  it('a region officer posts in its own region → 201; in another → 403; prefecture-wide → 400 naming regionCode', async () => {
    expect((await mulei.post('/api/opportunities', buildOpportunity({ regionCode: REGION_CODES.mulei }))).status).toBe(201);
    const other = await mulei.post('/api/opportunities', buildOpportunity({ regionCode: REGION_CODES.manas }));
    expect([other.status, other.body.error.field]).toEqual([403, 'regionCode']);
    const none = await mulei.post('/api/opportunities', buildOpportunity({ regionCode: null }));
    expect([none.status, none.body.error.field]).toEqual([400, 'regionCode']);
  });

  it('another region’s offer does not exist for a region officer: GET and PATCH → 404', async () => {
    const manas = (await admin.post('/api/opportunities', buildOpportunity({ regionCode: REGION_CODES.manas }))).body;
    expect((await mulei.get(`/api/opportunities/${manas.id}`)).status).toBe(404);
    expect((await mulei.patch(`/api/opportunities/${manas.id}`, { version: 1, title: '改' })).status).toBe(404);
    const list = await mulei.get('/api/opportunities?pageSize=100');
    expect(list.body.items.every((o: any) => o.region?.code === REGION_CODES.mulei)).toBe(true);
  });

  it('the leader reads (200) but may not write (403); a department officer may not even read (403)', async () => {
    const leader = await server.as('leader');
    expect((await leader.get('/api/opportunities')).status).toBe(200);
    expect((await leader.post('/api/opportunities', buildOpportunity())).status).toBe(403);
    expect((await (await server.as('fgw')).get('/api/opportunities')).status).toBe(403);
  });

  it('a node on another chain → 400 naming nodeId; a county that is the prefecture → 400 naming regionCode', async () => {
    const other = await admin.post('/api/chains', { clusterId: chain.clusterId, name: '别的链', weakThreshold: 2 });
    const bad = await admin.post('/api/opportunities', buildOpportunity({ chainId: other.body.id, nodeId: chain.nodeIds['缺'] }));
    expect([bad.status, bad.body.error.field]).toEqual([400, 'nodeId']);
    const prefecture = await admin.post('/api/opportunities', buildOpportunity({ regionCode: '652300' }));
    expect([prefecture.status, prefecture.body.error.field]).toEqual([400, 'regionCode']);
    expect((await admin.post('/api/opportunities', { ...buildOpportunity(), secret: 1 })).status).toBe(400);
  });

  it('edit with the version read → 200; with a stale one → 409', async () => {
    const created = (await mulei.post('/api/opportunities', buildOpportunity())).body;
    const edited = await mulei.patch(`/api/opportunities/${created.id}`, { version: 1, title: '改后的标题', landMu: 80.5 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '改后的标题', landMu: 80.5, version: 2 });
    const stale = await mulei.patch(`/api/opportunities/${created.id}`, { version: 1, title: '再改' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
  });

  it('unpublish and publish with the version → 200, and the public page follows', async () => {
    const created = (await mulei.post('/api/opportunities', buildOpportunity({ title: '待下架项目' }))).body;
    const off = await mulei.post(`/api/opportunities/${created.id}/unpublish`, { version: 1 });
    expect([off.status, off.body.published, off.body.version]).toEqual([200, false, 2]);
    expect(JSON.stringify((await server.anonymous().get('/api/public/opportunities')).body)).not.toContain('待下架项目');
    expect((await mulei.post(`/api/opportunities/${created.id}/publish`, { version: 1 })).status).toBe(409);
    const on = await mulei.post(`/api/opportunities/${created.id}/publish`, { version: 2 });
    expect([on.status, on.body.published]).toEqual([200, true]);
    expect(JSON.stringify((await server.anonymous().get('/api/public/opportunities')).body)).toContain('待下架项目');
  });

  it('delete an unanswered offer → 204; an answered one → 409 (unpublish it instead)', async () => {
    const lonely = (await mulei.post('/api/opportunities', buildOpportunity())).body;
    expect((await mulei.request('DELETE', `/api/opportunities/${lonely.id}`, { version: 1 })).status).toBe(204);
    expect((await mulei.get(`/api/opportunities/${lonely.id}`)).status).toBe(404);
    const answered = (await mulei.post('/api/opportunities', buildOpportunity())).body;
    const sent = await server.anonymous().request('POST', '/api/public/interests', buildInterest({ opportunityId: answered.id }), { 'x-forwarded-for': '192.0.2.200' });
    expect(sent.status).toBe(201);
    const refused = await mulei.request('DELETE', `/api/opportunities/${answered.id}`, { version: 1 });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'opportunity_has_interests']);
    expect((await mulei.get(`/api/opportunities/${answered.id}`)).body.interestCount).toBe(1);
  });

  it('the list filters by publication, region and title and pages (200)', async () => {
    await admin.post('/api/opportunities', buildOpportunity({ title: '吉木萨尔独有项目', regionCode: REGION_CODES.jimsar, published: false }));
    const found = await admin.get('/api/opportunities?q=独有&published=false&region=652327');
    expect(found.body.items.map((o: any) => o.title)).toEqual(['吉木萨尔独有项目']);
    const page = await admin.get('/api/opportunities?pageSize=2&page=1&sort=title&order=asc');
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(2);
  });
});

describe('GET /api/opportunities/interests', () => {
  it('admin sees every submission with its lead and address; a region officer its region’s only, without addresses (200)', async () => {
    const manasOffer = (await admin.post('/api/opportunities', buildOpportunity({ regionCode: REGION_CODES.manas, title: '玛纳斯项目' }))).body;
    const muleiOffer = (await admin.post('/api/opportunities', buildOpportunity({ regionCode: REGION_CODES.mulei, title: '木垒项目' }))).body;
    for (const [offer, name] of [[manasOffer, '投玛纳斯的公司'], [muleiOffer, '投木垒的公司']] as const) {
      const res = await server.anonymous().request('POST', '/api/public/interests', buildInterest({ opportunityId: offer.id, companyName: name }), { 'x-forwarded-for': '192.0.2.201' });
      expect(res.status).toBe(201);
    }
    const all = interestPageSchema.parse((await admin.get('/api/opportunities/interests')).body);
    const first = all.items[0];
    expect(first).toMatchObject({ companyName: '投木垒的公司', opportunity: { id: muleiOffer.id, title: '木垒项目' }, region: { code: REGION_CODES.mulei }, address: '192.0.2.201', lead: { status: 'new' } });
    const lead = await server.db.selectFrom('leads').select('source').where('id', '=', first.lead.id).executeTakeFirstOrThrow();
    expect(lead.source).toBe('public_page');
    const own = (await mulei.get('/api/opportunities/interests')).body;
    expect(own.items.map((i: any) => i.companyName)).toContain('投木垒的公司');
    expect(own.items.map((i: any) => i.companyName)).not.toContain('投玛纳斯的公司');
    expect(own.items.every((i: any) => i.address === null)).toBe(true);
    const searched = (await admin.get(`/api/opportunities/interests?q=${encodeURIComponent('玛纳斯的')}`)).body;
    expect(searched.items.map((i: any) => i.companyName)).toEqual(['投玛纳斯的公司']);
  });

  it('the Excel export → 200, visitors’ formulas defused, addresses only for the admin, a county its own rows only', async () => {
    const offer = (await admin.post('/api/opportunities', buildOpportunity({ regionCode: REGION_CODES.mulei }))).body;
    const formula = '=HYPERLINK("http://evil.example","点我")';
    const sent = await server.anonymous().request('POST', '/api/public/interests', buildInterest({ opportunityId: offer.id, companyName: formula }), { 'x-forwarded-for': '192.0.2.202' });
    expect(sent.status).toBe(201);
    const read = async (client: ApiClient) => {
      const res = await client.get('/api/opportunities/interests/export.xlsx');
      expect(res.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.raw!);
      const sheet = book.getWorksheet('投资意向')!;
      return sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1));
    };
    const rows = await read(admin);
    expect(rows[0]).toContain('来源地址');
    expect(rows[1][2]).toBe(`'${formula}`);
    expect(rows[1]).toContain('192.0.2.202');
    const county = await read(mulei);
    expect(county[0]).not.toContain('来源地址');
    expect(county.slice(1).every((r) => r.includes('木垒哈萨克自治县'))).toBe(true);
    expect(county.flat()).not.toContain('投玛纳斯的公司');
  });

  it('a department officer → 403; anonymous → 401', async () => {
    expect((await (await server.as('fgw')).get('/api/opportunities/interests')).status).toBe(403);
    expect((await server.anonymous().get('/api/opportunities/interests')).status).toBe(401);
  });
});
