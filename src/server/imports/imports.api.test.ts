import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUscc } from '../../../tests/support/factories.js';
import { nodeCountsKeptAndRecounted } from '../../../tests/support/node-counts.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { upload } from '../../../tests/support/upload.js';

const ENTERPRISE_HEADERS = ['企业名称*', '统一社会信用代码*', '是否本地*', '所属县市(园区)', '省份', '城市', '企业规模', '联系人', '联系电话', '所属环节', '简介'];
const LINK_HEADERS = ['供应方信用代码*', '采购方信用代码*', '产品*', '数量', '单位', '来源', '日期'];

let server: TestServer;
let admin: ApiClient;
let mulei: ApiClient;
let serial = 5000;
const code = () => buildUscc(++serial);

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.as('admin');
  mulei = await server.as('mulei');
  // The chain map as the importer sees it: 产业链名/环节名, including a chain name that itself holds a slash.
  const now = new Date().toISOString();
  const cluster = await server.db.insertInto('clusters').values({ code: 'imp-test', name: '导入测试集群', sort_order: 99 }).returning('id').executeTakeFirstOrThrow();
  for (const name of ['导入测试风电', '导入测试输变电/电线电缆']) {
    const chain = await server.db
      .insertInto('chains')
      .values({ cluster_id: cluster.id, name, description: '', weak_threshold: 2, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await server.db
      .insertInto('chain_nodes')
      .values([
        { chain_id: chain.id, name: '叶片', position: 'upstream', sort_order: 1 },
        { chain_id: chain.id, name: '整机制造', position: 'midstream', sort_order: 2 },
      ])
      .execute();
  }
});
afterAll(() => server?.close());

async function workbook(headers: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('数据');
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  wb.addWorksheet('说明').addRow(['不应被读取']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function importFile(client: ApiClient, kind: 'enterprises' | 'supply-links', data: Buffer, name = 'data.xlsx') {
  const res = await upload(client, `/api/imports/${kind}`, { name, data });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  expect(res.body.status).toBe('validating');
  for (let i = 0; i < 400; i++) {
    const job = await client.get(`/api/imports/${res.body.id}`);
    expect(job.status).toBe(200);
    if (job.body.status === 'failed' || job.body.status === 'succeeded') return job.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

function enterpriseRow(uscc: string, overrides: Partial<Record<string, unknown>> = {}): unknown[] {
  const row = { name: `导入企业${uscc.slice(-6)}`, uscc, isLocal: '是', region: '木垒哈萨克自治县', province: '', city: '', size: '中型', contact: '张三', phone: '0994-1234567', nodes: '导入测试风电/叶片', description: '', ...overrides };
  return Object.values(row);
}

const enterprisesBy = (codes: string[]) => server.db.selectFrom('enterprises').selectAll().where('uscc', 'in', codes).orderBy('uscc').execute();

describe('templates', () => {
  it('GET /api/imports/templates/enterprises.xlsx → 200 for any signed-in user, with headers, an example row and a 说明 sheet', async () => {
    const res = await mulei.get('/api/imports/templates/enterprises.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw!);
    const [data, help] = wb.worksheets;
    expect(data.getRow(1).values).toEqual([undefined, ...ENTERPRISE_HEADERS]);
    expect(String(data.getRow(2).getCell(1).value)).toContain('示例');
    expect(help.name).toBe('说明');
    expect(help.getColumn(1).values).toContain('所属环节');
  });

  it('GET /api/imports/templates/supply-links.xlsx → 200; the untouched template imports nothing and says the file has no data', async () => {
    const res = await mulei.get('/api/imports/templates/supply-links.xlsx');
    expect(res.status).toBe(200);
    const job = await importFile(admin, 'supply-links', Buffer.from(res.raw!));
    expect(job).toMatchObject({ status: 'failed', errorCount: 0, message: '文件中没有数据行' });
  });
});

describe('enterprise import', () => {
  const codes = [code(), code(), code()];
  const rows = () => [
    enterpriseRow(codes[0], { nodes: '导入测试风电/叶片;导入测试风电/整机制造' }),
    enterpriseRow(codes[1], { region: '652301', nodes: '导入测试输变电/电线电缆/整机制造 ; 导入测试风电/叶片', size: '' }),
    enterpriseRow(codes[2].toLowerCase(), { isLocal: '否', region: '', province: '北京市', city: '北京市', size: '大型', nodes: '' }),
  ];

  it('a valid file → 202 then succeeded: 3 created, stored with their nodes, search text and one audit entry', async () => {
    const job = await importFile(admin, 'enterprises', await workbook(ENTERPRISE_HEADERS, rows()), '企业.xlsx');
    expect(job).toMatchObject({ status: 'succeeded', fileName: '企业.xlsx', totalRows: 3, processedRows: 3, created: 3, updated: 0, unchanged: 0, errorCount: 0 });
    const stored = await enterprisesBy(codes);
    expect(stored).toHaveLength(3);
    const [a, b, c] = codes.map((k) => stored.find((e) => e.uscc === k)!);
    expect(a).toMatchObject({ is_local: 1, region_code: '652328', size: 'medium', contact_name: '张三', version: 1 });
    expect(b).toMatchObject({ region_code: '652301', size: null });
    expect(c).toMatchObject({ is_local: 0, region_code: null, province: '北京市', size: 'large' });
    expect(a.search_text).toContain(codes[0].toLowerCase());
    const nodes = await server.db
      .selectFrom('enterprise_nodes')
      .innerJoin('chain_nodes', 'chain_nodes.id', 'enterprise_nodes.node_id')
      .innerJoin('chains', 'chains.id', 'chain_nodes.chain_id')
      .select(['enterprise_id', 'chains.name as chain', 'chain_nodes.name as node'])
      .where('enterprise_id', 'in', [a.id, b.id, c.id])
      .execute();
    const of = (id: number) => nodes.filter((n) => n.enterprise_id === id).map((n) => `${n.chain}/${n.node}`).sort();
    expect(of(a.id)).toEqual(['导入测试风电/叶片', '导入测试风电/整机制造']);
    expect(of(b.id)).toEqual(['导入测试输变电/电线电缆/整机制造', '导入测试风电/叶片']);
    expect(of(c.id)).toEqual([]);
    const audit = await server.db.selectFrom('audit_log').selectAll().where('action', '=', 'enterprise.import').where('entity_id', '=', String(job.id)).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after_json!)).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    const { kept, recounted } = await nodeCountsKeptAndRecounted(server.db);
    expect(kept).toEqual(recounted);
  });

  it('re-importing the same file → succeeded with all 3 unchanged; versions and updated_at stay as they were', async () => {
    const before = await enterprisesBy(codes);
    const job = await importFile(admin, 'enterprises', await workbook(ENTERPRISE_HEADERS, rows()));
    expect(job).toMatchObject({ status: 'succeeded', created: 0, updated: 0, unchanged: 3 });
    expect(await enterprisesBy(codes)).toEqual(before);
  });

  it('a changed row → that enterprise updated (version 2, nodes replaced), the others unchanged', async () => {
    const changed = rows();
    changed[0] = enterpriseRow(codes[0], { contact: '李四', nodes: '导入测试风电/整机制造' });
    const job = await importFile(admin, 'enterprises', await workbook(ENTERPRISE_HEADERS, changed));
    expect(job).toMatchObject({ status: 'succeeded', created: 0, updated: 1, unchanged: 2 });
    const [a] = await enterprisesBy([codes[0]]);
    expect(a).toMatchObject({ contact_name: '李四', version: 2 });
    const nodes = await server.db.selectFrom('enterprise_nodes').select('node_id').where('enterprise_id', '=', a.id).execute();
    expect(nodes).toHaveLength(1);
    const { kept, recounted } = await nodeCountsKeptAndRecounted(server.db);
    expect(kept).toEqual(recounted);
  });

  it('a row moving an enterprise out of the prefecture → updated, and the per-node counts kept on write follow (local → outside)', async () => {
    const moving = code();
    expect(await importFile(admin, 'enterprises', await workbook(ENTERPRISE_HEADERS, [enterpriseRow(moving)]))).toMatchObject({ status: 'succeeded', created: 1 });
    const [e] = await enterprisesBy([moving]);
    const local = () => server.db.selectFrom('chain_node_counts').select(['region_code', 'is_local', 'enterprises']).where('node_id', 'in', server.db.selectFrom('enterprise_nodes').select('node_id').where('enterprise_id', '=', e.id)).orderBy('is_local').execute();
    const before = await local();
    const row = enterpriseRow(moving, { isLocal: '否', region: '', province: '北京市', city: '北京市' });
    expect(await importFile(admin, 'enterprises', await workbook(ENTERPRISE_HEADERS, [row]))).toMatchObject({ status: 'succeeded', updated: 1 });
    const after = await local();
    const sum = (rows: typeof before, isLocal: number) => rows.filter((r) => r.is_local === isLocal).reduce((n, r) => n + Number(r.enterprises), 0);
    expect(sum(after, 1)).toBe(sum(before, 1) - 1);
    expect(sum(after, 0)).toBe(sum(before, 0) + 1);
    const { kept, recounted } = await nodeCountsKeptAndRecounted(server.db);
    expect(kept).toEqual(recounted);
  });

  it('one bad row in the middle → failed, nothing written, that row reported with its column, value and message; errors.xlsx lists it', async () => {
    const fresh = [code(), code(), code(), code(), code()];
    const bad = fresh[2].slice(0, 17) + (fresh[2].endsWith('0') ? '1' : '0');
    const file = fresh.map((k, i) => enterpriseRow(i === 2 ? bad : k));
    const job = await importFile(admin, 'enterprises', await workbook(ENTERPRISE_HEADERS, file));
    expect(job).toMatchObject({ status: 'failed', totalRows: 5, errorCount: 1, created: 0 });
    expect(job.errors).toEqual([{ row: 4, column: '统一社会信用代码', value: bad, message: expect.stringContaining('统一社会信用代码无效') }]);
    expect(await enterprisesBy(fresh)).toEqual([]);

    const report = await admin.get(`/api/imports/${job.id}/errors.xlsx`);
    expect(report.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.raw!);
    expect(wb.worksheets[0].getRow(1).values).toEqual([undefined, '行号', '列', '值', '问题']);
    expect(wb.worksheets[0].getRow(2).values).toEqual([undefined, 4, '统一社会信用代码', bad, job.errors[0].message]);
  });

  it('row errors name the column the file uses: missing name, unknown region, node and size, bad yes/no, outside without province', async () => {
    const file = [
      enterpriseRow(code(), { name: '' }),
      enterpriseRow(code(), { region: '乌鲁木齐市' }),
      enterpriseRow(code(), { nodes: '导入测试风电/不存在的环节' }),
      enterpriseRow(code(), { size: '特大型' }),
      enterpriseRow(code(), { isLocal: '也许' }),
      enterpriseRow(code(), { isLocal: '否', region: '', province: '' }),
      enterpriseRow(code(), { region: '' }),
    ];
    const job = await importFile(admin, 'enterprises', await workbook(ENTERPRISE_HEADERS, file));
    expect(job.status).toBe('failed');
    expect(job.errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, '企业名称'],
      [3, '所属县市(园区)'],
      [4, '所属环节'],
      [5, '企业规模'],
      [6, '是否本地'],
      [7, '省份'],
      [8, '所属县市(园区)'],
    ]);
    expect(job.errors[0].message).toBe('请填写企业名称');
  });

  it('a credit code twice in one file → failed, the second row reported as a duplicate of the first', async () => {
    const k = code();
    const job = await importFile(admin, 'enterprises', await workbook(ENTERPRISE_HEADERS, [enterpriseRow(k), enterpriseRow(code()), enterpriseRow(k, { name: '另一家' })]));
    expect(job).toMatchObject({ status: 'failed', errorCount: 1 });
    expect(job.errors[0]).toMatchObject({ row: 4, column: '统一社会信用代码', message: '与第 2 行重复' });
    expect(await enterprisesBy([k])).toEqual([]);
  });

  it('Accept-Language: en → row messages in English; a missing required column → failed at row 1', async () => {
    admin.lang = 'en';
    try {
      const job = await importFile(admin, 'enterprises', await workbook(ENTERPRISE_HEADERS.filter((h) => h !== '是否本地*'), [[`x`, code()]]));
      expect(job.status).toBe('failed');
      expect(job.errors[0]).toMatchObject({ row: 1, column: '是否本地', message: expect.stringContaining('missing') });
    } finally {
      admin.lang = 'zh';
    }
  });

  it('POST /api/imports/enterprises as a region officer → 403, and their GET of an admin’s job → 404', async () => {
    const res = await upload(mulei, '/api/imports/enterprises', { name: 'a.xlsx', data: await workbook(ENTERPRISE_HEADERS, []) });
    expect(res.status).toBe(403);
    const job = await server.db.selectFrom('import_jobs').select('id').executeTakeFirstOrThrow();
    expect((await mulei.get(`/api/imports/${job.id}`)).status).toBe(404);
    expect((await mulei.get(`/api/imports/${job.id}/errors.xlsx`)).status).toBe(404);
  });

  it('a non-xlsx upload → 400 naming file (a .csv, a text file named .xlsx, a JSON body, another field name)', async () => {
    const csv = await upload(admin, '/api/imports/enterprises', { name: 'a.csv', data: Buffer.from('a,b\n1,2'), type: 'text/csv' });
    const fake = await upload(admin, '/api/imports/enterprises', { name: 'a.xlsx', data: Buffer.from('not a zip at all') });
    const json = await admin.post('/api/imports/enterprises', { file: 'x' });
    const field = await upload(admin, '/api/imports/enterprises', { name: 'a.xlsx', data: await workbook(ENTERPRISE_HEADERS, []) }, 'upload');
    for (const res of [csv, fake, json, field]) {
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'invalid_file', field: 'file' });
    }
  });

  it('Chinese text survives chunk boundaries of the zip, with shared and with inline strings (ExcelJS 4.4 alone garbles it)', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => enterpriseRow(code(), { name: `新疆准东经济技术开发区第${i}号铝基新材料有限公司`, description: '风电装备输变电电线电缆葡萄酒种植酿造灌装'.repeat(15) + i }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianzhu-import-test-'));
    const inline = path.join(dir, 'inline.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: inline, useSharedStrings: false });
    const sheet = writer.addWorksheet('数据');
    sheet.addRow(ENTERPRISE_HEADERS).commit();
    for (const row of rows.slice(750)) sheet.addRow(row).commit();
    sheet.commit();
    await writer.commit();
    const shared = await importFile(admin, 'enterprises', await workbook(ENTERPRISE_HEADERS, rows.slice(0, 750)));
    const streamed = await importFile(admin, 'enterprises', fs.readFileSync(inline));
    fs.rmSync(dir, { recursive: true, force: true });
    expect([shared.status, streamed.status, shared.created + streamed.created]).toEqual(['succeeded', 'succeeded', 1500]);
    const stored = await enterprisesBy(rows.map((r) => r[1] as string));
    const byCode = new Map(stored.map((e) => [e.uscc, e]));
    for (const r of rows) expect([byCode.get(r[1] as string)?.name, byCode.get(r[1] as string)?.description]).toEqual([r[0], r[10]]);
  });

  it('an upload over 50 MB → 413 naming file, and no job is created', async () => {
    const jobs = await server.db.selectFrom('import_jobs').select('id').execute();
    const big = Buffer.alloc(51 * 1024 * 1024);
    big.writeUInt32LE(0x04034b50, 0);
    const res = await upload(admin, '/api/imports/enterprises', { name: 'big.xlsx', data: big });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'file_too_large', field: 'file' });
    expect(await server.db.selectFrom('import_jobs').select('id').execute()).toEqual(jobs);
  });

  it('GET /api/imports/999999 → 404', async () => {
    expect((await admin.get('/api/imports/999999')).status).toBe(404);
  });
});

describe('supply link import', () => {
  const [supplier, customer] = [code(), code()];
  beforeAll(async () => {
    const job = await importFile(admin, 'enterprises', await workbook(ENTERPRISE_HEADERS, [enterpriseRow(supplier), enterpriseRow(customer)]));
    expect(job.status).toBe('succeeded');
  });

  it('links between known enterprises → created, an Excel date cell stored as YYYY-MM-DD; re-import → unchanged', async () => {
    const file = await workbook(LINK_HEADERS, [
      [supplier, customer, '铝水', 1200, '万吨', '2023年报告', new Date(Date.UTC(2023, 4, 17))],
      [customer, supplier, '铝棒', '', '', '', '2024-01-31'],
    ]);
    const job = await importFile(admin, 'supply-links', file);
    expect(job).toMatchObject({ status: 'succeeded', created: 2, updated: 0, unchanged: 0 });
    const links = await server.db.selectFrom('supply_links').selectAll().orderBy('product', 'desc').execute();
    expect(links).toMatchObject([
      { product: '铝水', volume: 1200, unit: '万吨', source: '2023年报告', date: '2023-05-17' },
      { product: '铝棒', volume: null, unit: '', date: '2024-01-31' },
    ]);
    const again = await importFile(admin, 'supply-links', file);
    expect(again).toMatchObject({ status: 'succeeded', created: 0, updated: 0, unchanged: 2 });
  });

  it('an unknown credit code, a bad number and a bad date → failed, each reported, nothing written', async () => {
    const before = await server.db.selectFrom('supply_links').select('id').execute();
    const unknown = code();
    const job = await importFile(admin, 'supply-links', await workbook(LINK_HEADERS, [
      [supplier, unknown, '铝锭'],
      [supplier, customer, '铝箔', '很多'],
      [supplier, customer, '铝板', 1, '吨', '', '2023-02-30'],
      [supplier, customer, '铝材'],
    ]));
    expect(job, String(job.message)).toMatchObject({ status: 'failed', errorCount: 3 });
    expect(job.errors).toEqual([
      { row: 2, column: '采购方信用代码', value: unknown, message: '企业库中没有该信用代码的企业,请先导入企业' },
      { row: 3, column: '数量', value: '很多', message: '数量应为数字' },
      { row: 4, column: '日期', value: '2023-02-30', message: expect.stringContaining('日期') },
    ]);
    expect(await server.db.selectFrom('supply_links').select('id').execute()).toEqual(before);
  });
});

describe('malformed uploads', () => {
  it.each([
    ['multipart without a boundary', 'multipart/form-data', 'whatever'],
    ['a body that does not match its boundary', 'multipart/form-data; boundary=abc', '--xyz\r\nnot a part'],
    ['a truncated part', 'multipart/form-data; boundary=abc', '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK'],
  ])('%s → 400 naming file, not 500', async (_what, type, body) => {
    const res = await admin.request('POST', '/api/imports/enterprises', body, { 'content-type': type });
    expect([res.status, res.body.error.field]).toEqual([400, 'file']);
  });
});
