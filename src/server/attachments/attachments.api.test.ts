import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildProject } from '../../../tests/support/factories.js';
import { addEnterpriseUser, startTestServer, type TestServer } from '../../../tests/support/server.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { upload } from '../../../tests/support/upload.js';
import { REGION_CODES } from '../regions/data.js';
import { refreshProjectDepartments } from '../projects/departments.js';

let server: TestServer;
let admin: ApiClient, ent: ApiClient, other: ApiClient, fgw: ApiClient, zrzy: ApiClient, leader: ApiClient, mulei: ApiClient, manas: ApiClient;
let requestId: number;

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100, 1)]);
const dir = () => path.join(server.config.dataDir, 'attachments');
const files = () => (fs.existsSync(dir()) ? fs.readdirSync(dir()) : []);
const rows = async () => Number((await server.db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  // A 1 MB limit keeps the oversized upload small.
  server = await startTestServer({ config: { attachmentMaxMb: 1 } });
  admin = await server.as('admin');
  const e1 = buildEnterprise({ regionCode: REGION_CODES.mulei });
  const e2 = buildEnterprise({ regionCode: REGION_CODES.manas });
  await admin.post('/api/enterprises', e1);
  await admin.post('/api/enterprises', e2);
  await addEnterpriseUser(server, 'att1', e1.uscc);
  await addEnterpriseUser(server, 'att2', e2.uscc);
  [ent, other, fgw, zrzy, leader, mulei, manas] = await Promise.all(['att1', 'att2', 'fgw', 'zrzy', 'leader', 'mulei', 'manas'].map((u) => server.as(u)));
  requestId = (await ent.post('/api/service-requests', { category: 'approval', title: '附件测试', description: '带附件的诉求' })).body.id;
});
afterAll(() => server?.close());

describe('attachments on a service request', () => {
  it('a PDF is stored under a random name, shown on the request and its timeline → 201', async () => {
    const res = await upload(ent, `/api/service-requests/${requestId}/attachments`, { name: '营业执照.pdf', data: PDF, type: 'application/pdf' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(Number), fileName: '营业执照.pdf', mime: 'application/pdf', sizeBytes: PDF.length });
    const stored = await server.db.selectFrom('attachments').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
    expect(stored.storage_key).toMatch(/^[0-9a-f]{48}$/);
    expect(fs.readFileSync(path.join(dir(), stored.storage_key)).equals(PDF)).toBe(true);
    const detail = (await ent.get(`/api/service-requests/${requestId}`)).body;
    expect(detail.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['营业执照.pdf']);
    expect(detail.timeline.at(-1)).toMatchObject({ kind: 'attachment', note: '营业执照.pdf' });
    expect((await upload(fgw, `/api/service-requests/${requestId}/attachments`, { name: '回复.png', data: PNG, type: 'image/png' })).status).toBe(201);
  });

  it('downloads only for those who see the request: the file with nosniff → 200; another enterprise or region → 404', async () => {
    const [first] = (await ent.get(`/api/service-requests/${requestId}`)).body.attachments;
    for (const client of [ent, admin, leader, fgw, mulei]) {
      const res = await client.get(`/api/attachments/${first.id}`);
      expect(res.status).toBe(200);
      expect(Buffer.from(res.raw!).equals(PDF)).toBe(true);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('营业执照.pdf')}`);
    }
    for (const client of [other, zrzy, manas]) expect((await client.get(`/api/attachments/${first.id}`)).status).toBe(404);
    expect((await ent.get('/api/attachments/999999')).status).toBe(404);
  });

  it('refused by type: an .exe, and a .pdf whose bytes are not a PDF → 400 naming file; nothing written', async () => {
    const [beforeRows, beforeFiles] = [await rows(), files().length];
    const exe = await upload(ent, `/api/service-requests/${requestId}/attachments`, { name: 'setup.exe', data: Buffer.from('MZ\x90\x00rest'), type: 'application/octet-stream' });
    expect(exe.status).toBe(400);
    expect(exe.body.error).toMatchObject({ field: 'file', code: 'invalid_file_type' });
    const fake = await upload(ent, `/api/service-requests/${requestId}/attachments`, { name: '报告.pdf', data: Buffer.from('MZ\x90\x00 not a pdf at all'), type: 'application/pdf' });
    expect(fake.status).toBe(400);
    expect(fake.body.error.message).toContain('文件内容须与扩展名一致');
    expect([await rows(), files().length]).toEqual([beforeRows, beforeFiles]);
  });

  it('refused by size → 413 with the limit in the message; nothing written', async () => {
    const [beforeRows, beforeFiles] = [await rows(), files().length];
    const big = Buffer.concat([PDF, Buffer.alloc(1024 * 1024, 0x20)]);
    const res = await upload(ent, `/api/service-requests/${requestId}/attachments`, { name: 'big.pdf', data: big, type: 'application/pdf' });
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ field: 'file', message: '文件不能超过 1 MB' });
    expect([await rows(), files().length]).toEqual([beforeRows, beforeFiles]);
  });

  it('uploads only by those who may: the leader → 403, another enterprise → 404; nothing written', async () => {
    const [beforeRows, beforeFiles] = [await rows(), files().length];
    expect((await upload(leader, `/api/service-requests/${requestId}/attachments`, { name: 'a.pdf', data: PDF })).status).toBe(403);
    expect((await upload(other, `/api/service-requests/${requestId}/attachments`, { name: 'a.pdf', data: PDF })).status).toBe(404);
    expect([await rows(), files().length]).toEqual([beforeRows, beforeFiles]);
  });
});

describe('attachments on an approval item', () => {
  it('the approving department, the project’s region and the admin attach → 201; another department → 403; out of scope → 404', async () => {
    const project = (await admin.post('/api/projects', buildProject({ regionCode: REGION_CODES.mulei }))).body;
    const now = new Date().toISOString();
    const approval = await server.db
      .insertInto('project_approvals')
      .values({ project_id: project.id, seq: 1, name: '用地预审与规划许可', department_code: 'zrzy', status: 'submitted', blocks_stage: 'landed', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Written behind the app's back, so the department pairs the app keeps on every approval write are refreshed here.
    await refreshProjectDepartments(server.db, project.id);
    const url = `/api/approvals/${approval.id}/attachments`;
    for (const client of [zrzy, mulei, admin]) expect((await upload(client, url, { name: '批复.pdf', data: PDF })).status).toBe(201);
    // fgw sees the project (nothing routes it there): the approval does not exist for it.
    expect((await upload(fgw, url, { name: '批复.pdf', data: PDF })).status).toBe(404);
    expect((await upload(manas, url, { name: '批复.pdf', data: PDF })).status).toBe(404);
    expect((await upload(leader, url, { name: '批复.pdf', data: PDF })).status).toBe(403);
    const stored = await server.db.selectFrom('attachments').select('id').where('owner_type', '=', 'approval').execute();
    expect(stored).toHaveLength(3);
    expect((await zrzy.get(`/api/attachments/${stored[0].id}`)).status).toBe(200);
    expect((await manas.get(`/api/attachments/${stored[0].id}`)).status).toBe(404);
  });
});
