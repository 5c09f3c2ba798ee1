import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../tests/support/client.js';
import { daysAgo } from '../../../tests/support/factories.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { policyDetailSchema, policyPageSchema } from '../../shared/policies.js';

let server: TestServer;
let admin: ApiClient;
let leader: ApiClient;

const body = (overrides: Record<string, unknown> = {}) => ({
  title: '昌吉州测试扶持政策',
  issuer: '昌吉州人民政府办公室',
  docNumber: '昌州政办发〔2024〕测试1号',
  validFrom: daysAgo(30),
  validTo: daysAgo(-300),
  benefits: '设备投资补助 5%',
  fullText: '第一条 测试。',
  rules: { clusters: ['测试集群'], minInvestmentYuan: 10_000_000 },
  ...overrides,
});

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.as('admin');
  leader = await server.as('leader');
  await server.db.insertInto('clusters').values({ code: 'test', name: '测试集群', sort_order: 0 }).execute();
});
afterAll(() => server?.close());

describe('policy CRUD', () => {
  it('POST /api/policies as admin → 201 with the full text; GET reads it back', async () => {
    const res = await admin.post('/api/policies', body());
    expect(res.status).toBe(201);
    const created = policyDetailSchema.parse(res.body);
    expect(created).toMatchObject({ title: '昌吉州测试扶持政策', validity: 'valid', fullText: '第一条 测试。', rules: { clusters: ['测试集群'], minInvestmentYuan: 10_000_000 }, version: 1 });
    expect((await leader.get(`/api/policies/${created.id}`)).body.fullText).toBe('第一条 测试。');
  });

  it.each([
    ['validTo before validFrom', { validFrom: '2024-05-01', validTo: '2024-04-30' }, 'validTo'],
    ['min investment above max', { rules: { minInvestmentYuan: 200, maxInvestmentYuan: 100 } }, 'rules.maxInvestmentYuan'],
    ['an unknown cluster', { rules: { clusters: ['不存在的集群'] } }, 'rules.clusters'],
    ['an unknown region', { rules: { regionCodes: ['999999'] } }, 'rules.regionCodes'],
    ['an unknown stage', { rules: { stages: ['flying'] } }, 'rules.stages.0'],
    ['no title', { title: '' }, 'title'],
  ])('POST /api/policies with %s → 400 naming the field', async (_name, overrides, field) => {
    const res = await admin.post('/api/policies', body(overrides));
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });

  it('the error is in the caller’s language', async () => {
    admin.lang = 'en';
    const res = await admin.post('/api/policies', body({ validFrom: '2024-05-01', validTo: '2024-04-30' }));
    admin.lang = 'zh';
    expect(res.body.error.message).toBe('The end of validity cannot be before its start');
  });

  it.each(['leader', 'mulei', 'fgw'])('POST, PATCH and DELETE as %s → 403', async (username) => {
    const client = await server.as(username);
    const id = (await admin.post('/api/policies', body())).body.id;
    expect((await client.post('/api/policies', body())).status).toBe(403);
    expect((await client.patch(`/api/policies/${id}`, { title: '改', version: 1 })).status).toBe(403);
    expect((await client.request('DELETE', `/api/policies/${id}?version=1`)).status).toBe(403);
    expect((await client.get(`/api/policies/${id}`)).status).toBe(200);
  });

  it('PATCH keeps the other side of a range: moving validTo before the stored validFrom → 400 validTo', async () => {
    const id = (await admin.post('/api/policies', body({ validFrom: '2024-05-01', validTo: null }))).body.id;
    const res = await admin.patch(`/api/policies/${id}`, { validTo: '2024-01-01', version: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('validTo');
  });

  it('PATCH with the version read → 200; with a stale one → 409', async () => {
    const id = (await admin.post('/api/policies', body())).body.id;
    const ok = await admin.patch(`/api/policies/${id}`, { title: '改过的政策', rules: { tags: ['green'] }, version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ title: '改过的政策', rules: { tags: ['green'] }, version: 2 });
    expect((await admin.patch(`/api/policies/${id}`, { title: '再改', version: 1 })).status).toBe(409);
  });

  it('DELETE with the version → 204, then GET → 404; the audit log records it', async () => {
    const id = (await admin.post('/api/policies', body())).body.id;
    expect((await admin.request('DELETE', `/api/policies/${id}?version=1`)).status).toBe(204);
    expect((await admin.get(`/api/policies/${id}`)).status).toBe(404);
    const audit = await server.db.selectFrom('audit_log').select('action').where('entity', '=', 'policy').where('entity_id', '=', String(id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['policy.create', 'policy.delete']);
  });

  it('a policy dated ahead is the admin’s draft: leader → 404, admin → 200', async () => {
    const id = (await admin.post('/api/policies', body({ validFrom: daysAgo(-5), validTo: null }))).body.id;
    expect((await leader.get(`/api/policies/${id}`)).status).toBe(404);
    expect((await admin.get(`/api/policies/${id}`)).body.validity).toBe('upcoming');
  });
});

describe('policy list', () => {
  beforeAll(async () => {
    await admin.post('/api/policies', body({ title: '列表甲政策', docNumber: '昌州发〔2024〕甲号', rules: { clusters: ['测试集群'] } }));
    await admin.post('/api/policies', body({ title: '列表乙政策', issuer: '木垒县人民政府', validFrom: '2020-01-01', validTo: '2021-12-31', rules: {} }));
  });

  it('GET /api/policies?q= finds by title, issuer and document number → 200', async () => {
    const titles = async (q: string) => policyPageSchema.parse((await leader.get(`/api/policies?q=${encodeURIComponent(q)}`)).body).items.map((p) => p.title);
    expect(await titles('列表甲')).toEqual(['列表甲政策']);
    expect(await titles('木垒县人民')).toEqual(['列表乙政策']);
    expect(await titles('〔2024〕甲号')).toEqual(['列表甲政策']);
  });

  it('validity and cluster filters, sort and pages', async () => {
    const expired = (await leader.get('/api/policies?validity=expired')).body;
    expect(expired.items.map((p: { title: string }) => p.title)).toEqual(['列表乙政策']);
    const valid = (await leader.get('/api/policies?validity=valid&pageSize=100')).body;
    expect(valid.items.every((p: { validity: string }) => p.validity === 'valid')).toBe(true);
    const cluster = (await leader.get(`/api/policies?cluster=${encodeURIComponent('测试集群')}&pageSize=100`)).body;
    expect(cluster.items.length).toBeGreaterThan(0);
    expect(cluster.items.every((p: { rules: { clusters?: string[] } }) => p.rules.clusters?.includes('测试集群'))).toBe(true);
    const byTo = (await leader.get('/api/policies?sort=validTo&order=asc&pageSize=1&page=1')).body;
    expect(byTo.items[0].title).toBe('列表乙政策');
    expect(byTo.total).toBeGreaterThan(1);
  });

  it('GET /api/policies/export.xlsx → 200 with a row per policy and readable rules', async () => {
    const res = await leader.get('/api/policies/export.xlsx?validity=expired');
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw!);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(2).getCell(2).value).toBe('列表乙政策');
    expect(sheet.getRow(2).getCell(8).value).toBe('不限');
  });

  it('anonymous → 401', async () => {
    expect((await server.anonymous().get('/api/policies')).status).toBe(401);
  });
});
