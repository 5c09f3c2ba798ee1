import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEnterprise } from '../../../tests/support/chain-fixture.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { buildEnterprise, buildOutsideEnterprise } from '../../../tests/support/factories.js';
import { addEnterpriseUser, startTestServer, type TestServer } from '../../../tests/support/server.js';

let server: TestServer;
let admin: ApiClient;
let mulei: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.as('admin');
  mulei = await server.as('mulei');
});
afterAll(() => server?.close());

describe('credit codes', () => {
  it.each([
    ['91350100M000100Y43', 201],
    ['91110000802100433B', 201],
    ['91350100M000100Y44', 400],
    ['91350100M00010OY43', 400],
    ['91350100M000100Y4', 400],
    ['', 400],
  ])('POST /api/enterprises with credit code %j → %i', async (uscc, status) => {
    const res = await admin.post('/api/enterprises', buildEnterprise({ uscc }));
    expect(res.status).toBe(status);
    if (status === 400) expect(res.body.error.field).toBe('uscc');
  });

  it('a credit code already in the base → 409 naming the enterprise that has it', async () => {
    const first = await addEnterprise(admin, { name: '先登记的企业有限公司' });
    const firstUscc = (await admin.get(`/api/enterprises/${first.id}`)).body.uscc;
    const dup = await admin.post('/api/enterprises', buildEnterprise({ uscc: firstUscc.toLowerCase(), name: '后来的企业' }));
    expect(dup.status).toBe(409);
    expect(dup.body.error).toMatchObject({ code: 'duplicate_uscc', field: 'uscc' });
    expect(dup.body.error.message).toContain('先登记的企业有限公司');
  });
});

describe('search', () => {
  it('finds any Chinese substring of the name, two characters included, and a credit code or part of it', async () => {
    const e = await addEnterprise(admin, { name: '新疆昌吉搜索测试制造有限公司' });
    const uscc = (await admin.get(`/api/enterprises/${e.id}`)).body.uscc as string;
    for (const q of ['昌吉', '吉搜', '搜索测试制造', '疆', uscc, uscc.slice(4, 12).toLowerCase()]) {
      const res = await mulei.get(`/api/enterprises?q=${encodeURIComponent(q)}`);
      expect(res.body.items.map((i: { id: number }) => i.id), q).toContain(e.id);
    }
    expect((await mulei.get(`/api/enterprises?q=${encodeURIComponent('昌吉搜索测试不存在')}`)).body.total).toBe(0);
  });
});

describe('who may read and edit', () => {
  it('a region officer reads another region’s enterprise (200) but cannot edit it (403); edits its own (200)', async () => {
    const theirs = await addEnterprise(admin, { regionCode: '652324', name: '玛纳斯的企业' });
    expect((await mulei.get(`/api/enterprises/${theirs.id}`)).body.editable).toBe(false);
    const refused = await mulei.patch(`/api/enterprises/${theirs.id}`, { contactName: '改', version: theirs.version });
    expect(refused.status).toBe(403);
    const own = await addEnterprise(mulei, { name: '木垒的企业' });
    const ok = await mulei.patch(`/api/enterprises/${own.id}`, { contactName: '王五', version: own.version });
    expect([ok.status, ok.body.contactName, ok.body.version]).toEqual([200, '王五', 2]);
    const moved = await mulei.patch(`/api/enterprises/${own.id}`, { regionCode: '652324', version: 2 });
    expect(moved.status).toBe(403);
  });

  it('a region officer may add outside enterprises, not local ones elsewhere, and may not name chain leaders', async () => {
    expect((await mulei.post('/api/enterprises', buildOutsideEnterprise())).status).toBe(201);
    expect((await mulei.post('/api/enterprises', buildEnterprise({ regionCode: '652324' }))).status).toBe(403);
    const lead = await mulei.post('/api/enterprises', buildEnterprise({ leadChainIds: [1] }));
    expect([lead.status, lead.body.error.field]).toEqual([403, 'leadChainIds']);
  });

  it('a leader and a department officer read but may not write → 403 before the body is checked', async () => {
    for (const who of ['leader', 'fgw']) {
      const c = await server.as(who);
      expect((await c.get('/api/enterprises')).status).toBe(200);
      expect((await c.post('/api/enterprises', {})).status).toBe(403);
    }
  });

  it('an enterprise user sees only itself; another enterprise is 404', async () => {
    const mine = await addEnterprise(admin, { name: '自己的企业' });
    const other = await addEnterprise(admin, { name: '别人的企业' });
    const uscc = (await admin.get(`/api/enterprises/${mine.id}`)).body.uscc;
    await addEnterpriseUser(server, 'self-firm', uscc);
    const firm = await server.as('self-firm');
    expect((await firm.get('/api/enterprises')).body.items.map((i: { id: number }) => i.id)).toEqual([mine.id]);
    expect((await firm.get(`/api/enterprises/${other.id}`)).status).toBe(404);
  });
});

describe('bad input and edits', () => {
  it.each([
    ['a local enterprise without a region', { isLocal: true, regionCode: null }, 'regionCode'],
    ['a local enterprise in the prefecture itself', { isLocal: true, regionCode: '652300' }, 'regionCode'],
    ['an outside enterprise without a province', { isLocal: false, regionCode: null, province: '' }, 'province'],
    ['an unknown node', { nodeIds: [999999] }, 'nodeIds'],
    ['an unknown size', { size: 'huge' }, 'size'],
    ['no name', { name: '' }, 'name'],
  ])('POST with %s → 400 naming %s', async (_what, overrides, field) => {
    const res = await admin.post('/api/enterprises', buildEnterprise(overrides as never));
    expect([res.status, res.body.error.field]).toEqual([400, field]);
  });

  it('a stale PATCH → 409 and the newer edit stays', async () => {
    const e = await addEnterprise(admin);
    await admin.patch(`/api/enterprises/${e.id}`, { contactName: '新', version: 1 });
    const stale = await admin.patch(`/api/enterprises/${e.id}`, { contactName: '旧', version: 1 });
    expect(stale.status).toBe(409);
    expect((await admin.get(`/api/enterprises/${e.id}`)).body.contactName).toBe('新');
  });
});

describe('supply links', () => {
  it('supplier → customer is recorded (201), listed on both sides; a repeat → 409; a self-link → 400', async () => {
    const a = await addEnterprise(admin, { name: '供应方A' }, true);
    const b = await addEnterprise(admin, { name: '采购方B' });
    const res = await admin.post('/api/supply-links', { supplierId: a.id, customerId: b.id, product: '铝水', volume: 200000, unit: '吨', date: '2023-05-17' });
    expect(res.status).toBe(201);
    expect((await admin.get(`/api/enterprises/${a.id}/links`)).body.supplies[0]).toMatchObject({ customer: { name: '采购方B' }, product: '铝水', volume: 200000 });
    expect((await admin.get(`/api/enterprises/${b.id}/links`)).body.buys[0]).toMatchObject({ supplier: { name: '供应方A' } });
    expect((await admin.post('/api/supply-links', { supplierId: a.id, customerId: b.id, product: '铝水' })).status).toBe(409);
    const self = await admin.post('/api/supply-links', { supplierId: a.id, customerId: a.id, product: 'x' });
    expect([self.status, self.body.error.field]).toEqual([400, 'customerId']);
  });

  it('a region officer cannot link two enterprises of another region → 403', async () => {
    const a = await addEnterprise(admin, { regionCode: '652324' });
    const b = await addEnterprise(admin, { regionCode: '652324' });
    expect((await mulei.post('/api/supply-links', { supplierId: a.id, customerId: b.id, product: '铝棒' })).status).toBe(403);
  });
});

describe('review fixes: link scope, empty regions, id bounds', () => {
  it('a county officer keeps its own local firms’ links: with an outside firm 201; with another region’s firm, or between outside firms, 403', async () => {
    const own = await addEnterprise(mulei, { name: '木垒本地甲' });
    const outside = await addEnterprise(mulei, { name: '外地乙' }, true);
    const outside2 = await addEnterprise(mulei, { name: '外地丙' }, true);
    const theirs = await addEnterprise(admin, { regionCode: '652324', name: '玛纳斯丁' });
    expect((await mulei.post('/api/supply-links', { supplierId: outside.id, customerId: own.id, product: '钢材' })).status).toBe(201);
    expect((await mulei.post('/api/supply-links', { supplierId: own.id, customerId: theirs.id, product: '钢材' })).status).toBe(403);
    expect((await mulei.post('/api/supply-links', { supplierId: outside.id, customerId: outside2.id, product: '钢材' })).status).toBe(403);
    const adminLink = await admin.post('/api/supply-links', { supplierId: theirs.id, customerId: outside.id, product: '铝水' });
    expect((await mulei.request('DELETE', `/api/supply-links/${adminLink.body.id}`)).status).toBe(403);
  });

  it('an outside enterprise sent with regionCode "" → 201 with no region, not 500', async () => {
    const res = await admin.post('/api/enterprises', buildOutsideEnterprise({ regionCode: '' }));
    expect([res.status, res.body.regionCode]).toEqual([201, null]);
  });

  it.each([
    ['/api/supply-links', { supplierId: 3_000_000_000, customerId: 1, product: 'x' }, 'supplierId'],
    ['/api/leads', { enterpriseId: 1, nodeId: 3_000_000_000 }, 'nodeId'],
    ['/api/chains', { clusterId: 2_147_483_648, name: 'x' }, 'clusterId'],
  ])('POST %s with an id beyond 32 bits → 400 naming it', async (path, body, field) => {
    const res = await admin.post(path, body);
    expect([res.status, res.body.error.field]).toEqual([400, field]);
  });

  it('POST /api/enterprises with a node id beyond 32 bits → 400 naming nodeIds', async () => {
    const res = await admin.post('/api/enterprises', buildEnterprise({ nodeIds: [3_000_000_000] }));
    expect([res.status, String(res.body.error.field)]).toEqual([400, 'nodeIds.0']);
  });
});
