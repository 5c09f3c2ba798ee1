import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalItemSchema, approvalQueuePageSchema, projectServicesSchema } from '../../shared/approvals.js';
import { projectPageSchema } from '../../shared/projects.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { buildProject, daysAgo } from '../../../tests/support/factories.js';
import { addEnterpriseUser, startTestServer, TEST_PASSWORD, type TestServer } from '../../../tests/support/server.js';
import { createUser } from '../auth/users.js';

let server: TestServer;
let admin: ApiClient;
let mulei: ApiClient;
let manas: ApiClient;
let leader: ApiClient;
let fgw: ApiClient;
let zjj: ApiClient;

const put = (c: ApiClient, path: string, body: unknown) => c.request('PUT', path, body);
const del = (c: ApiClient, path: string, body?: unknown) => c.request('DELETE', path, body);

/** A landed project in 木垒县 with the industrial template applied. */
async function landedProject(overrides = {}) {
  const project = (await mulei.post('/api/projects', buildProject({ stageDate: daysAgo(60), ...overrides }))).body;
  const landed = await mulei.post(`/api/projects/${project.id}/transitions`, { to: 'landed', date: daysAgo(30) });
  expect(landed.status).toBe(200);
  const applied = await mulei.post(`/api/projects/${project.id}/approvals/apply-template`, { projectType: 'industrial' });
  expect(applied.status).toBe(200);
  return { id: project.id as number, services: projectServicesSchema.strict().parse(applied.body) };
}

const item = (services: { approvals: { name: string }[] }, name: string) => services.approvals.find((a) => a.name === name) as ReturnType<typeof approvalItemSchema.parse>;

/** Clears every item due by `started` except the construction permit, as its departments would. */
async function clearAllBut(projectId: number, keep: string) {
  const services = (await admin.get(`/api/projects/${projectId}/services`)).body;
  for (const a of services.approvals) {
    if (a.name === keep) continue;
    const res = await admin.patch(`/api/approvals/${a.id}`, { version: a.version, status: 'not_required' });
    expect(res.status).toBe(200);
  }
}

beforeAll(async () => {
  server = await startTestServer();
  await createUser({ db: server.db, username: 'zjj', password: TEST_PASSWORD, displayName: '住建局专员', role: 'department', department: 'zjj' });
  [admin, mulei, manas, leader, fgw, zjj] = await Promise.all(['admin', 'mulei', 'manas', 'leader', 'fgw', 'zjj'].map((u) => server.as(u)));
});
afterAll(() => server?.close());

describe('blocked milestone', () => {
  it('landed with 施工许可 pending → blocked from starting; approved → blocked by the power shortfall; secured → null', async () => {
    const { id } = await landedProject();
    await clearAllBut(id, '施工许可');
    let services = projectServicesSchema.strict().parse((await mulei.get(`/api/projects/${id}/services`)).body);
    expect(services.blocked).toEqual({ stage: 'started', reasons: [{ kind: 'approval', name: '施工许可', nameEn: 'Construction permit', status: 'pending' }] });

    const power = await put(mulei, `/api/projects/${id}/factors/power`, { requiredAmount: 2000, securedAmount: 800, blocksStage: 'started', neededBy: daysAgo(-30) });
    expect(power.status).toBe(200);
    expect(power.body.factors[0]).toMatchObject({ kind: 'power', unit: 'kVA', department: { code: 'gdj' } });

    const permit = item(services, '施工许可');
    const submitted = await zjj.patch(`/api/approvals/${permit.id}`, { version: permit.version, status: 'submitted', submittedOn: daysAgo(10) });
    expect(submitted.status).toBe(200);
    const approved = await zjj.patch(`/api/approvals/${permit.id}`, { version: submitted.body.version, status: 'approved', approvedOn: daysAgo(1), documentNo: '昌建施〔2026〕1号' });
    expect(approved.status).toBe(200);
    expect(approvalItemSchema.strict().parse(approved.body)).toMatchObject({ status: 'approved', approvedOn: daysAgo(1), documentNo: '昌建施〔2026〕1号' });

    services = projectServicesSchema.parse((await mulei.get(`/api/projects/${id}/services`)).body);
    expect(services.blocked).toEqual({ stage: 'started', reasons: [{ kind: 'factor', factor: 'power', required: 2000, secured: 800 }] });

    const secured = await put(mulei, `/api/projects/${id}/factors/power`, { version: services.factors[0].version, requiredAmount: 2000, securedAmount: 2000, securedOn: daysAgo(0) });
    expect(secured.status).toBe(200);
    expect(secured.body.blocked).toBeNull();
    const audit = await server.db.selectFrom('audit_log').select('action').where('action', 'like', 'approval.%').execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('the ledger flags the blocked milestone per row and filters blocked=1 on the stored column', async () => {
    const { id } = await landedProject({ name: '受阻筛选测试项目' });
    const page = (await mulei.get('/api/projects?pageSize=100&blocked=1')).body;
    projectPageSchema.parse(page);
    const row = page.items.find((p: { id: number }) => p.id === id);
    expect(row.blocked.stage).toBe('started');
    expect(row.blocked.reasons.map((r: { name: string }) => r.name)).toContain('施工许可');
    expect(page.items.every((p: { blocked: unknown }) => p.blocked !== null)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await mulei.get(`/api/projects/export.xlsx?blocked=1&q=${encodeURIComponent('受阻筛选测试')}`)).raw!);
    const sheet = book.worksheets[0];
    const column = (sheet.getRow(1).values as string[]).indexOf('受阻');
    expect(String(sheet.getRow(2).getCell(column).value)).toMatch(/^开工受阻:.*施工许可未批复/);

    await clearAllBut(id, '');
    const stored = await server.db.selectFrom('projects').select('blocked_stage').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.blocked_stage).toBeNull();
    const after = (await mulei.get('/api/projects?pageSize=100&blocked=1')).body.items.map((p: { id: number }) => p.id);
    expect(after).not.toContain(id);
    const unblocked = (await mulei.get('/api/projects?pageSize=100&blocked=0')).body.items.find((p: { id: number }) => p.id === id);
    expect(unblocked.blocked).toBeNull();
  });

  it('a stage change moves the blocked milestone in the same write: an operating-stage factor blocks once started', async () => {
    const { id } = await landedProject();
    await clearAllBut(id, '');
    await put(mulei, `/api/projects/${id}/factors/water`, { requiredAmount: 500, securedAmount: 100 });
    expect((await mulei.get(`/api/projects/${id}/services`)).body.blocked).toBeNull();
    await mulei.post(`/api/projects/${id}/transitions`, { to: 'started', date: daysAgo(0) });
    const stored = await server.db.selectFrom('projects').select('blocked_stage').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.blocked_stage).toBe('operating');
  });
});

describe('templates', () => {
  it('applying a template twice adds nothing the second time → 200', async () => {
    const { id, services } = await landedProject();
    expect(services.projectType).toBe('industrial');
    expect(services.approvals.map((a) => a.name)).toEqual(['立项备案', '用地预审与规划许可', '环评', '能评', '安评', '施工许可']);
    expect(item(services, '施工许可')).toMatchObject({ department: { code: 'zjj' }, blocksStage: 'started', status: 'pending' });
    const again = await mulei.post(`/api/projects/${id}/approvals/apply-template`, { projectType: 'industrial' });
    expect(again.body.approvals).toHaveLength(6);
    const energy = await mulei.post(`/api/projects/${id}/approvals/apply-template`, { projectType: 'energy' });
    expect(energy.body.projectType).toBe('energy');
    expect(energy.body.approvals.map((a: { name: string }) => a.name)).toEqual(['立项备案', '用地预审与规划许可', '环评', '能评', '安评', '施工许可', '项目核准/备案', '接入系统批复']);
  });

  it('PUT a template: admin → 200; a duplicate name → 400 naming items.1.name; an unknown department → 400; region → 403', async () => {
    const body = { items: [{ name: '立项备案', nameEn: 'Project filing', departmentCode: 'fgw', blocksStage: 'landed' }, { name: '施工许可', departmentCode: 'zjj', blocksStage: 'started' }] };
    const ok = await put(admin, '/api/approval-templates/service', body);
    expect(ok.status).toBe(200);
    expect(ok.body.items.find((t: { projectType: string }) => t.projectType === 'service').items).toHaveLength(2);
    const dup = await put(admin, '/api/approval-templates/service', { items: [body.items[0], body.items[0]] });
    expect([dup.status, dup.body.error.field]).toEqual([400, 'items.1.name']);
    const dept = await put(admin, '/api/approval-templates/service', { items: [{ ...body.items[0], departmentCode: 'nope' }] });
    expect([dept.status, dept.body.error.field]).toEqual([400, 'items.0.departmentCode']);
    expect((await put(mulei, '/api/approval-templates/service', body)).status).toBe(403);
    expect((await leader.get('/api/approval-templates')).status).toBe(200);
  });
});

describe('status machine and dates', () => {
  it('submitting without a date → 400 submittedOn; a future date → 400 submittedOn; approving before submitting → 400 status', async () => {
    const { services } = await landedProject();
    const a = item(services, '环评');
    const noDate = await mulei.patch(`/api/approvals/${a.id}`, { version: a.version, status: 'submitted' });
    expect([noDate.status, noDate.body.error.field]).toEqual([400, 'submittedOn']);
    expect(noDate.body.error.message).toContain('申报日期');
    const future = await mulei.patch(`/api/approvals/${a.id}`, { version: a.version, status: 'submitted', submittedOn: daysAgo(-2) });
    expect([future.status, future.body.error.field, future.body.error.code]).toEqual([400, 'submittedOn', 'date_in_future']);
    const skip = await mulei.patch(`/api/approvals/${a.id}`, { version: a.version, status: 'approved', approvedOn: daysAgo(0) });
    expect([skip.status, skip.body.error.field]).toEqual([400, 'status']);
  });

  it('approving needs the approval date, not before submission → 400 approvedOn; rejected → submitted again → 200', async () => {
    const { services } = await landedProject();
    const a = item(services, '安评');
    const sub = await mulei.patch(`/api/approvals/${a.id}`, { version: a.version, status: 'submitted', submittedOn: daysAgo(5) });
    const noDate = await mulei.patch(`/api/approvals/${a.id}`, { version: sub.body.version, status: 'approved' });
    expect([noDate.status, noDate.body.error.field]).toEqual([400, 'approvedOn']);
    const early = await mulei.patch(`/api/approvals/${a.id}`, { version: sub.body.version, status: 'approved', approvedOn: daysAgo(9) });
    expect([early.status, early.body.error.field]).toEqual([400, 'approvedOn']);
    const rejected = await mulei.patch(`/api/approvals/${a.id}`, { version: sub.body.version, status: 'rejected' });
    expect(rejected.body.status).toBe('rejected');
    const again = await mulei.patch(`/api/approvals/${a.id}`, { version: rejected.body.version, status: 'submitted', submittedOn: daysAgo(1) });
    expect([again.status, again.body.status]).toEqual([200, 'submitted']);
  });

  it('not_required is the admin’s: region officer → 403, admin → 200', async () => {
    const { services } = await landedProject();
    const a = item(services, '能评');
    expect((await mulei.patch(`/api/approvals/${a.id}`, { version: a.version, status: 'not_required' })).status).toBe(403);
    expect((await admin.patch(`/api/approvals/${a.id}`, { version: a.version, status: 'not_required' })).status).toBe(200);
  });

  it('a stale version → 409 version_conflict', async () => {
    const { services } = await landedProject();
    const a = item(services, '立项备案');
    expect((await mulei.patch(`/api/approvals/${a.id}`, { version: a.version, documentNo: '甲' })).status).toBe(200);
    const stale = await mulei.patch(`/api/approvals/${a.id}`, { version: a.version, documentNo: '乙' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
  });

  it('factors: a negative amount → 400 securedAmount; a factor PUT with a stale version → 409', async () => {
    const { id } = await landedProject();
    const neg = await put(mulei, `/api/projects/${id}/factors/land`, { requiredAmount: 100, securedAmount: -1 });
    expect([neg.status, neg.body.error.field]).toEqual([400, 'securedAmount']);
    const first = await put(mulei, `/api/projects/${id}/factors/land`, { requiredAmount: 100, securedAmount: 120 });
    expect(first.body.factors[0]).toMatchObject({ blocksStage: 'landed', securedAmount: 120, department: { code: 'zrzy' } });
    const stale = await put(mulei, `/api/projects/${id}/factors/land`, { version: 99, requiredAmount: 100, securedAmount: 10 });
    expect(stale.status).toBe(409);
    expect((await del(mulei, `/api/projects/${id}/factors/land`)).status).toBe(204);
    expect((await del(mulei, `/api/projects/${id}/factors/land`)).status).toBe(404);
  });

  it('adding an item by name twice → 409 naming name; deleting with its version → 204', async () => {
    const { id } = await landedProject();
    const created = await mulei.post(`/api/projects/${id}/approvals`, { name: '取水许可', departmentCode: 'slj', blocksStage: 'operating' });
    expect(created.status).toBe(201);
    const dup = await mulei.post(`/api/projects/${id}/approvals`, { name: '取水许可', departmentCode: 'slj', blocksStage: 'operating' });
    expect([dup.status, dup.body.error.field]).toEqual([409, 'name']);
    expect((await del(mulei, `/api/approvals/${created.body.id}`, { version: created.body.version })).status).toBe(204);
  });
});

describe('scope', () => {
  let projectId: number;
  let permitId: number;
  let filingId: number;
  beforeAll(async () => {
    const { id, services } = await landedProject({ name: '范围测试项目' });
    projectId = id;
    permitId = item(services, '施工许可').id;
    filingId = item(services, '立项备案').id;
  });

  it('a department reads the project its items name → 200; once they move to another department → 404, and its ledger total drops by one', async () => {
    const { id, services } = await landedProject({ name: '部门范围移交项目' });
    expect((await zjj.get(`/api/projects/${id}`)).status).toBe(200);
    const before = (await zjj.get('/api/projects?pageSize=1')).body.total as number;
    for (const a of services.approvals.filter((x) => x.department.code === 'zjj')) {
      expect((await admin.patch(`/api/approvals/${a.id}`, { version: a.version, departmentCode: 'gxj' })).status).toBe(200);
    }
    expect((await zjj.get(`/api/projects/${id}`)).status).toBe(404);
    expect((await zjj.get('/api/projects?pageSize=1')).body.total).toBe(before - 1);
    expect((await fgw.get(`/api/projects/${id}`)).status).toBe(200);
  });

  it('a department’s dashboard counts the projects its items name and follows their stage → 200 with landed −1, started +1', async () => {
    const { id } = await landedProject({ name: '部门看板阶段项目' });
    const before = (await zjj.get('/api/dashboard/summary')).body;
    expect(before.projects).toBe((await zjj.get('/api/projects?pageSize=1')).body.total);
    const started = await mulei.post(`/api/projects/${id}/transitions`, { to: 'started', date: daysAgo(1) });
    expect(started.status).toBe(200);
    const after = (await zjj.get('/api/dashboard/summary')).body;
    expect([after.projects, after.byStage.landed, after.byStage.started]).toEqual([before.projects, before.byStage.landed - 1, before.byStage.started + 1]);
    expect((await zjj.get('/api/projects?pageSize=1&stage=started')).body.total).toBe(after.byStage.started);
  });

  it('a department’s queue lists only its own items; admin sees all departments', async () => {
    const own = approvalQueuePageSchema.strict().parse((await zjj.get('/api/approvals?pageSize=100')).body);
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.every((a) => a.department.code === 'zjj')).toBe(true);
    const fgwQueue = (await fgw.get('/api/approvals?pageSize=100')).body.items;
    expect(fgwQueue.every((a: { department: { code: string } }) => a.department.code === 'fgw')).toBe(true);
    const all = (await admin.get('/api/approvals?pageSize=100')).body.items;
    expect(new Set(all.map((a: { department: { code: string } }) => a.department.code)).size).toBeGreaterThan(2);
    const filtered = (await admin.get(`/api/approvals?status=pending&departmentCode=zjj&q=${encodeURIComponent('范围测试')}`)).body;
    expect(filtered.items.map((a: { id: number }) => a.id)).toEqual([permitId]);
    expect((await admin.get('/api/approvals?status=bogus')).body.error.field).toBe('status');
  });

  it('a department PATCHing another department’s item → 403; its own → 200; its own item’s name → 403', async () => {
    const version = async (id: number) => (await admin.get(`/api/projects/${projectId}/services`)).body.approvals.find((a: { id: number }) => a.id === id).version;
    expect((await zjj.patch(`/api/approvals/${filingId}`, { version: await version(filingId), status: 'submitted', submittedOn: daysAgo(1) })).status).toBe(403);
    expect((await zjj.patch(`/api/approvals/${permitId}`, { version: await version(permitId), name: '改名' })).status).toBe(403);
    expect((await fgw.patch(`/api/approvals/${filingId}`, { version: await version(filingId), status: 'submitted', submittedOn: daysAgo(1) })).status).toBe(200);
  });

  it('another region → 404 for the services, the item and the factor; leader reads → 200 and writes → 403', async () => {
    expect((await manas.get(`/api/projects/${projectId}/services`)).status).toBe(404);
    expect((await manas.patch(`/api/approvals/${permitId}`, { version: 1, documentNo: 'x' })).status).toBe(404);
    expect((await put(manas, `/api/projects/${projectId}/factors/power`, { requiredAmount: 1 })).status).toBe(404);
    expect((await manas.post(`/api/projects/${projectId}/approvals/apply-template`, { projectType: 'energy' })).status).toBe(404);
    expect((await manas.get('/api/approvals?pageSize=100')).body.items.some((a: { project: { id: number } }) => a.project.id === projectId)).toBe(false);
    expect((await leader.get(`/api/projects/${projectId}/services`)).status).toBe(200);
    expect((await leader.patch(`/api/approvals/${permitId}`, { version: 1, documentNo: 'x' })).status).toBe(403);
    expect((await put(leader, `/api/projects/${projectId}/factors/power`, { requiredAmount: 1 })).status).toBe(403);
    expect((await zjj.request('PUT', `/api/projects/${projectId}/factors/power`, { requiredAmount: 1 })).status).toBe(403);
  });

  it('an enterprise reads its own project’s items and no one else’s', async () => {
    const project = (await admin.get(`/api/projects/${projectId}`)).body;
    await addEnterpriseUser(server, 'ent-approvals', project.investorUscc);
    const ent = await server.as('ent-approvals');
    const services = await ent.get(`/api/projects/${projectId}/services`);
    expect([services.status, services.body.can.manage]).toEqual([200, false]);
    const queue = (await ent.get('/api/approvals?pageSize=100')).body.items;
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.every((a: { project: { id: number } }) => a.project.id === projectId)).toBe(true);
    expect((await ent.patch(`/api/approvals/${permitId}`, { version: 1, documentNo: 'x' })).status).toBe(403);
  });

  it('the queue exports as Excel → 200', async () => {
    const res = await zjj.get('/api/approvals/export.xlsx');
    expect(res.status).toBe(200);
    expect(res.raw!.byteLength).toBeGreaterThan(1000);
  });
});
