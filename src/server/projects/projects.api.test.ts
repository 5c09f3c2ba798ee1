import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, daysAgo } from '../../../tests/support/factories.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { projectPageSchema, projectSchema } from '../../shared/projects.js';

let server: TestServer;
let mulei: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  mulei = await server.as('mulei');
});
afterAll(() => server?.close());

async function create(overrides = {}) {
  const res = await mulei.post('/api/projects', buildProject(overrides));
  expect(res.status).toBe(201);
  return res.body;
}

describe('project ledger', () => {
  it('POST /api/projects → 201, stored as given, with its first stage on the timeline', async () => {
    const input = buildProject({ name: '<script>alert(1)</script> 风电项目', investmentYuan: 574_200_000 });
    const res = await mulei.post('/api/projects', input);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: input.name,
      regionCode: '652328',
      regionName: '木垒哈萨克自治县',
      investmentYuan: 574_200_000,
      stage: 'signed',
      stageDate: input.stageDate,
      version: 1,
      overdue: false,
    });
    const history = await mulei.get(`/api/projects/${res.body.id}/history`);
    expect(history.body.items).toHaveLength(1);
    expect(history.body.items[0]).toMatchObject({ kind: 'create', toStage: 'signed', actor: { username: 'mulei' } });
  });

  it('a lowercase credit code is stored upper-cased; an invalid one → 400 naming investorUscc', async () => {
    const ok = await create({ investorUscc: '91350100m000100y43' });
    expect(ok.investorUscc).toBe('91350100M000100Y43');
    const bad = await mulei.post('/api/projects', buildProject({ investorUscc: '91350100M000100Y44' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('investorUscc');
    expect(bad.body.error.message).toContain('统一社会信用代码');
  });

  const badFields: [string, unknown, string][] = [
    ['name', '', 'name'],
    ['name', 'x'.repeat(201), 'name'],
    ['name', 42, 'name'],
    ['investorName', undefined, 'investorName'],
    ['regionCode', undefined, 'regionCode'],
    ['regionCode', '999999', 'regionCode'],
    ['regionCode', '652300', 'regionCode'],
    ['investmentYuan', -1, 'investmentYuan'],
    ['investmentYuan', 1.5, 'investmentYuan'],
    ['investmentYuan', '100', 'investmentYuan'],
    ['investmentYuan', undefined, 'investmentYuan'],
    ['investmentYuan', 1_000_000_000_001, 'investmentYuan'],
    ['fundsInPlaceYuan', -5, 'fundsInPlaceYuan'],
    ['cluster', 'x'.repeat(101), 'cluster'],
    ['chain', 'x'.repeat(101), 'chain'],
    ['capacity', 'x'.repeat(201), 'capacity'],
    ['description', 'x'.repeat(5001), 'description'],
    ['chainLeader', 7, 'chainLeader'],
    ['officer', 'x'.repeat(101), 'officer'],
    ['tagGreen', 'yes', 'tagGreen'],
    ['tagInnovation', 1, 'tagInnovation'],
    ['tagValue', null, 'tagValue'],
    ['stage', 'landed', 'stage'],
    ['stageDate', '2023-02-30', 'stageDate'],
    ['stageDate', daysAgo(-1), 'stageDate'],
    ['plannedDates', { landed: '17/05/2023' }, 'plannedDates.landed'],
    ['plannedDates', { landed: '2024-01-01', started: '2023-12-31' }, 'plannedDates.started'],
    ['plannedDates', { nonsense: '2024-01-01' }, 'plannedDates.nonsense'],
    ['extraField', 'x', 'extraField'],
    ['name', '风电\u0000项目', 'name'],
    ['officer', '张\u001b三', 'officer'],
  ];
  it.each(badFields)('POST with %s = %j → 400 naming %s, nothing written', async (field, value, expected) => {
    const before = (await mulei.get('/api/projects')).body.total;
    const body: Record<string, unknown> = { ...buildProject() };
    if (value === undefined) delete body[field];
    else body[field] = value;
    const res = await mulei.post('/api/projects', body);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(expected);
    expect(res.body.error.message.length).toBeGreaterThan(2);
    expect((await mulei.get('/api/projects')).body.total).toBe(before);
  });

  it('field errors read in English with Accept-Language: en', async () => {
    mulei.lang = 'en';
    const res = await mulei.post('/api/projects', buildProject({ investmentYuan: -1 }));
    mulei.lang = 'zh';
    expect(res.body.error.message).toBe('Planned investment (yuan) must be at least 0');
  });

  it('PATCH with the current version → 200 and version + 1; the audit log keeps before and after', async () => {
    const p = await create({ officer: '李四' });
    const res = await mulei.patch(`/api/projects/${p.id}`, { officer: '王五', fundsInPlaceYuan: 50_000_000, version: p.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ officer: '王五', fundsInPlaceYuan: 50_000_000, version: 2 });
    const admin = await server.as('admin');
    const audit = await admin.get(`/api/audit?entity=project&entityId=${p.id}`);
    const update = audit.body.items.find((e: { action: string }) => e.action === 'project.update');
    expect(update).toMatchObject({ actor: 'mulei', before: { officer: '李四' }, after: { officer: '王五' } });
  });

  it('a stale PATCH → 409 and the newer edit is kept', async () => {
    const p = await create();
    expect((await mulei.patch(`/api/projects/${p.id}`, { name: '第一次修改', version: 1 })).status).toBe(200);
    const stale = await mulei.patch(`/api/projects/${p.id}`, { name: '过期的修改', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await mulei.get(`/api/projects/${p.id}`)).body.name).toBe('第一次修改');
  });

  it('PATCH may not set the stage → 400 naming stage', async () => {
    const p = await create();
    const res = await mulei.patch(`/api/projects/${p.id}`, { stage: 'operating', version: p.version });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('stage');
  });

  it('a region officer moving a project out of their region → 403 naming regionCode', async () => {
    const p = await create();
    const res = await mulei.patch(`/api/projects/${p.id}`, { regionCode: '652324', version: p.version });
    expect(res.status).toBe(403);
    expect(res.body.error.field).toBe('regionCode');
  });
});

describe('lifecycle over HTTP', () => {
  it('advancing one stage → 200, recorded on the timeline with who and when', async () => {
    const p = await create({ stageDate: daysAgo(20) });
    const res = await mulei.post(`/api/projects/${p.id}/transitions`, { to: 'landed', date: daysAgo(10), note: '土地已摘牌' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stage: 'landed', stageDate: daysAgo(10), version: 2 });
    expect(res.body.stageDates).toMatchObject({ signed: daysAgo(20), landed: daysAgo(10) });
    const history = (await mulei.get(`/api/projects/${p.id}/history`)).body.items;
    expect(history.map((h: { toStage: string }) => h.toStage)).toEqual(['signed', 'landed']);
    expect(history[1]).toMatchObject({ kind: 'advance', fromStage: 'signed', note: '土地已摘牌', actor: { username: 'mulei' } });
  });

  // The transition's answer is built from the row read inside its transaction, not read again.
  it('a transition answers with the project exactly as stored afterwards, as a GET then shows it', async () => {
    const p = await create({ stageDate: daysAgo(20), plannedDates: { landed: daysAgo(15), started: daysAgo(2) } });
    for (const step of [{ to: 'landed', date: daysAgo(10), note: '土地已摘牌' }, { to: 'terminated', date: daysAgo(1), reason: '投资方撤资' }]) {
      const res = await mulei.post(`/api/projects/${p.id}/transitions`, step);
      expect(res.status).toBe(200);
      expect(res.body).toEqual((await mulei.get(`/api/projects/${p.id}`)).body);
    }
  });

  // Project responses are written without zod parsing them again (projects/serialize.ts): the
  // presenter alone decides what is sent, so every field it sends must be one the schema declares.
  it('list, single, create and transition responses hold exactly the schema’s fields, of its types', async () => {
    const p = await create({ stageDate: daysAgo(20) });
    const moved = await mulei.post(`/api/projects/${p.id}/transitions`, { to: 'landed', date: daysAgo(10) });
    const one = await mulei.get(`/api/projects/${p.id}`);
    for (const body of [p, moved.body, one.body]) expect(projectSchema.parse(body)).toEqual(body);
    const page = (await mulei.get('/api/projects?pageSize=5&sort=investment')).body;
    expect(page.items.length).toBeGreaterThan(0);
    expect(projectPageSchema.parse(page)).toEqual(page);
  });

  it('a skipped stage → 400 naming to; a back-dated or future date → 400 naming date; nothing changes', async () => {
    const p = await create({ stageDate: daysAgo(20) });
    const skip = await mulei.post(`/api/projects/${p.id}/transitions`, { to: 'started', date: daysAgo(1) });
    expect([skip.status, skip.body.error.code, skip.body.error.field]).toEqual([400, 'stage_skipped', 'to']);
    const early = await mulei.post(`/api/projects/${p.id}/transitions`, { to: 'landed', date: daysAgo(21) });
    expect([early.status, early.body.error.code, early.body.error.field]).toEqual([400, 'date_before_previous_stage', 'date']);
    const future = await mulei.post(`/api/projects/${p.id}/transitions`, { to: 'landed', date: daysAgo(-1) });
    expect([future.status, future.body.error.code]).toEqual([400, 'date_in_future']);
    const after = (await mulei.get(`/api/projects/${p.id}`)).body;
    expect([after.stage, after.version]).toEqual(['signed', 1]);
    expect((await mulei.get(`/api/projects/${p.id}/history`)).body.items).toHaveLength(1);
  });

  it('termination needs a reason; a region officer may not go back (403) but an admin may', async () => {
    const p = await create({ stageDate: daysAgo(20) });
    await mulei.post(`/api/projects/${p.id}/transitions`, { to: 'landed', date: daysAgo(5) });
    const back = await mulei.post(`/api/projects/${p.id}/transitions`, { to: 'signed', date: daysAgo(0), reason: '误操作' });
    expect(back.status).toBe(403);
    const noReason = await mulei.post(`/api/projects/${p.id}/transitions`, { to: 'terminated', date: daysAgo(0) });
    expect([noReason.status, noReason.body.error.field]).toEqual([400, 'reason']);
    const admin = await server.as('admin');
    const rolled = await admin.post(`/api/projects/${p.id}/transitions`, { to: 'signed', date: daysAgo(0), reason: '误操作' });
    expect(rolled.status).toBe(200);
    expect(rolled.body).toMatchObject({ stage: 'signed', stageDates: { landed: null } });
  });

  it('terminating with only a note → 200, the note kept as the reason', async () => {
    const p = await create({ stageDate: daysAgo(20) });
    const res = await mulei.post(`/api/projects/${p.id}/transitions`, { to: 'terminated', date: daysAgo(0), note: '企业战略调整,撤回投资' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stage: 'terminated', terminatedReason: '企业战略调整,撤回投资', overdue: false });
  });

  it('a project past its next planned date is overdue in the list filter and its item', async () => {
    const late = await create({ stageDate: daysAgo(60), plannedDates: { landed: daysAgo(3) } });
    expect(late.overdue).toBe(true);
    expect(late.overdueDays).toBe(3);
    const list = await mulei.get('/api/projects?overdue=true&pageSize=100');
    expect(list.body.items.map((i: { id: number }) => i.id)).toContain(late.id);
    expect(list.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    await mulei.post(`/api/projects/${late.id}/transitions`, { to: 'landed', date: daysAgo(0) });
    const after = await mulei.get('/api/projects?overdue=true&pageSize=100');
    expect(after.body.items.map((i: { id: number }) => i.id)).not.toContain(late.id);
  });
});

describe('bad input to edits and transitions', () => {
  const badEdits: [string, Record<string, unknown>, string][] = [
    ['no version', { name: '新名称' }, 'version'],
    ['a version that is text', { name: '新名称', version: 'one' }, 'version'],
    ['an empty name', { name: '', version: 1 }, 'name'],
    ['a bad credit code', { investorUscc: '123', version: 1 }, 'investorUscc'],
    ['negative funds', { fundsInPlaceYuan: -1, version: 1 }, 'fundsInPlaceYuan'],
    ['a planned start before landing', { plannedDates: { landed: '2030-01-02', started: '2030-01-01' }, version: 1 }, 'plannedDates.started'],
    ['a field that does not exist', { owner: 'x', version: 1 }, 'owner'],
  ];
  it.each(badEdits)('PATCH with %s → 400 naming %s, the project unchanged', async (_what, body, field) => {
    const p = await create();
    const res = await mulei.patch(`/api/projects/${p.id}`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect((await mulei.get(`/api/projects/${p.id}`)).body).toEqual(p);
  });

  const badTransitions: [string, Record<string, unknown>, string][] = [
    ['an unknown stage', { to: 'built', date: '2024-01-01' }, 'to'],
    ['no date', { to: 'landed' }, 'date'],
    ['a date in another format', { to: 'landed', date: '2024/01/01' }, 'date'],
    ['an impossible date', { to: 'landed', date: '2024-13-01' }, 'date'],
    ['a note over 1000 characters', { to: 'landed', date: daysAgo(0), note: 'x'.repeat(1001) }, 'note'],
  ];
  it.each(badTransitions)('POST transitions with %s → 400 naming %s', async (_what, body, field) => {
    const p = await create();
    const res = await mulei.post(`/api/projects/${p.id}/transitions`, body);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });

  it('an id that is not a number → 400 naming id; a missing project → 404', async () => {
    expect((await mulei.get('/api/projects/abc')).body.error.field).toBe('id');
    expect((await mulei.get('/api/projects/987654')).status).toBe(404);
    expect((await mulei.get('/api/projects/99999999999')).body.error.field).toBe('id');
  });
});

describe('list, search, sort and export', () => {
  it('GET /api/projects filters by q over name and investor, sorts by investment and pages with a total', async () => {
    const tag = `搜索${Date.now() % 100000}`;
    await create({ name: `${tag}甲`, investmentYuan: 300 });
    await create({ investorName: `${tag}乙公司`, investmentYuan: 100 });
    await create({ name: `${tag}丙`, investmentYuan: 200 });
    const res = await mulei.get(`/api/projects?q=${encodeURIComponent(tag)}&sort=investment&order=asc&pageSize=2`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items.map((i: { investmentYuan: number }) => i.investmentYuan)).toEqual([100, 200]);
    const page2 = await mulei.get(`/api/projects?q=${encodeURIComponent(tag)}&sort=investment&order=asc&pageSize=2&page=2`);
    expect(page2.body.items.map((i: { investmentYuan: number }) => i.investmentYuan)).toEqual([300]);
  });

  it('empty next-stage dates sort last in both directions', async () => {
    const tag = `排序${Date.now() % 100000}`;
    await create({ name: `${tag}无计划`, plannedDates: {} });
    await create({ name: `${tag}有计划`, plannedDates: { landed: daysAgo(-10) } });
    for (const order of ['asc', 'desc']) {
      const res = await mulei.get(`/api/projects?q=${encodeURIComponent(tag)}&sort=nextPlannedDate&order=${order}`);
      expect(res.body.items.map((i: { nextPlannedDate: string | null }) => i.nextPlannedDate)).toEqual([daysAgo(-10), null]);
    }
  });

  it('search folds full-width and non-ASCII letters the same on both databases', async () => {
    const p = await create({ name: 'Éclair ПРОЕКТ', investorName: 'Ａｌｐｈａ风电' });
    for (const q of ['éclair', 'проект', 'alpha', 'ａｌ']) {
      const res = await mulei.get(`/api/projects?q=${encodeURIComponent(q)}`);
      expect(res.body.items.map((i: { id: number }) => i.id)).toContain(p.id);
    }
  });

  it('GET /api/projects?enterpriseId= lists the projects of one investor in the enterprise base', async () => {
    const firm = await (await server.as('admin')).post('/api/enterprises', {
      name: '项目筛选测试企业有限公司', uscc: '91440300708461136T', isLocal: false, regionCode: null, province: '广东省',
    });
    const p = await create({ enterpriseId: firm.body.id });
    await create();
    const res = await mulei.get(`/api/projects?enterpriseId=${firm.body.id}`);
    expect(res.body.items.map((i: { id: number }) => i.id)).toEqual([p.id]);
    expect(res.body.items[0].enterprise).toEqual({ id: firm.body.id, name: '项目筛选测试企业有限公司' });
  });

  it('a search for % or _ matches those characters literally', async () => {
    const res = await mulei.get(`/api/projects?q=${encodeURIComponent('%')}`);
    expect(res.body.total).toBe(0);
  });

  it('an unknown sort field or a page size over 100 → 400 naming it', async () => {
    expect((await mulei.get('/api/projects?sort=password_hash')).body.error.field).toBe('sort');
    expect((await mulei.get('/api/projects?pageSize=1000')).body.error.field).toBe('pageSize');
  });

  it('GET /api/projects/export.xlsx → a real workbook with Chinese headers, the filtered rows and formulas defused', async () => {
    await create({ name: '=HYPERLINK("http://evil","点我")', investmentYuan: 123_456_789 });
    const res = await mulei.get('/api/projects/export.xlsx?q=HYPERLINK');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw!);
    const sheet = wb.getWorksheet('项目台账')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('项目名称');
    expect(sheet.getRow(1).getCell(8).value).toBe('计划投资(元)');
    expect(sheet.getRow(2).getCell(2).value).toBe(`'=HYPERLINK("http://evil","点我")`);
    expect(sheet.getRow(2).getCell(8).value).toBe(123_456_789);
    expect(sheet.getRow(3).getCell(2).value).toBe('合计(1 个项目)');
  });
});
