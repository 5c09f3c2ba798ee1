import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import type { ApiClient } from '../../../tests/support/client.js';

// The demo conference of 2023-05-17, against the report's own figures and against values worked
// out by hand from demo/projects.ts (every demo project signed on 2023-05-17).
let server: TestServer;
let admin: ApiClient;
let eventId: number;

beforeAll(async () => {
  server = await startTestServer({ demoProjects: true });
  admin = await server.as('admin');
  const list = await admin.get('/api/events?pageSize=100');
  eventId = list.body.items.find((e: { name: string }) => e.name === '2023年新疆·昌吉“链主”企业产业招商恳谈会').id;
});
afterAll(() => server?.close());

describe('the demo conference', () => {
  it('GET /api/events lists it with its counts → 200', async () => {
    const res = await admin.get('/api/events?pageSize=100&q=恳谈会&year=2023');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    const [e] = res.body.items;
    expect(e).toMatchObject({ theme: '“链”上昌吉、融入“丝路”', startsOn: '2023-05-17', endsOn: '2023-05-17', venue: '昌吉迎宾馆', isSample: true });
    expect(e.counts).toEqual({ guests: 30, invited: 30, accepted: 27, checkedIn: 20, groups: 5, signings: 16, signedYuan: 5_742_000_000, leads: 0 });
    expect((await admin.get('/api/events?year=2024')).body.total).toBe(0);
  });

  it('GET /api/events/:id/summary is the report’s sentence and figures → 200', async () => {
    const res = await admin.get(`/api/events/${eventId}/summary`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ regions: 6, chainLeaders: 9, partners: 16, projects: 16, totalYuan: 5_742_000_000, totalYi: '57.42' });
    expect(res.body.sentenceZh).toBe('6个县市(园区)与9家“链主”企业、16家产业链上下游优质企业,共签约合作项目16个,总投资达57.42亿元');
    const report = '6个县市(园区)与9家“链主”企业、16家产业链上下游优质企业,围绕产业发展、技术创新、供应链、战略合作等领域,共签约合作项目16个,总投资达57.42亿元';
    expect(report.replace(',围绕产业发展、技术创新、供应链、战略合作等领域', '')).toBe(res.body.sentenceZh);
    expect(res.body.sentenceEn).toContain('16 cooperation projects');
  });

  it('GET /api/events/:id/scorecard matches the hand-computed days, medians and funds → 200', async () => {
    const res = await admin.get(`/api/events/${eventId}/scorecard`);
    expect(res.status).toBe(200);
    const card = res.body;
    expect(card.items).toHaveLength(16);
    const rongkai = card.items.find((i: { projectName: string }) => i.projectName.startsWith('年产20万吨铝棒'));
    // 2023-05-17 → 2023-08-20 is 14 + 30 + 31 + 20 days; → 2024-04-15 crosses 2024-02-29.
    expect(rongkai).toMatchObject({ stage: 'started', signedOn: '2023-05-17', daysToLanded: 95, daysToStarted: 334, daysToOperating: null });
    const counts = Object.fromEntries(card.byStage.map((s: { stage: string; count: number }) => [s.stage, s.count]));
    expect(counts).toEqual({ negotiating: 0, signed: 3, landed: 5, started: 5, operating: 2, full_capacity: 1, terminated: 0 });
    // Landed: 13 projects, days 34 42 49 54 62 76 [95] 107 111 145 152 187 238.
    expect(card.medians.landed).toEqual({ days: 95, n: 13 });
    // Started: 8 projects, 90 118 144 169 | 198 285 308 334 → (169 + 198) / 2.
    expect(card.medians.started).toEqual({ days: 183.5, n: 8 });
    // Operating: 359 459 775.
    expect(card.medians.operating).toEqual({ days: 459, n: 3 });
    expect(card.signedYuan).toBe(5_742_000_000);
    expect(card.fundsInPlaceYuan).toBe(2_140_000_000);
    expect(card.fundsRatio).toBe(0.3727);
  });

  it('a region officer’s scorecard holds only its own region’s projects → 200', async () => {
    const mulei = await server.as('mulei');
    const res = await mulei.get(`/api/events/${eventId}/scorecard`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(3);
    for (const i of res.body.items) expect(i.regionName).toBe('木垒哈萨克自治县');
    // The summary is the event's public record and stays whole.
    expect((await mulei.get(`/api/events/${eventId}/summary`)).body.projects).toBe(16);
  });

  it('the run sheet holds five groups with ordered routes, 30 guests and 16 signings → 200', async () => {
    const res = await admin.get(`/api/events/${eventId}/run-sheet`);
    expect(res.status).toBe(200);
    expect(res.body.groups.map((g: { name: string }) => g.name.split(':')[1])).toEqual(['木垒县', '吉木萨尔县', '阜康市', '昌吉国家高新技术产业开发区', '新疆准东经济技术开发区']);
    for (const g of res.body.groups) {
      expect(g.stops.length).toBeGreaterThanOrEqual(2);
      expect(g.stops.map((s: { seq: number }) => s.seq)).toEqual(g.stops.map((_: unknown, i: number) => i + 1));
      expect(g.stops.every((s: { scheduledAt: string }) => s.scheduledAt.startsWith('2023-05-17 0') || s.scheduledAt.startsWith('2023-05-17 1'))).toBe(true);
    }
    expect(res.body.groups[0].stops[1].enterprise.name).toBe('新疆东方风电新能源有限公司');
    expect(res.body.guests).toHaveLength(30);
    expect(res.body.signings).toHaveLength(16);
    expect(res.body.summary.totalYi).toBe('57.42');
  });

  it('the demo signings take the chain leader as partner and the project’s investment → 200', async () => {
    const res = await admin.get(`/api/events/${eventId}/signings`);
    expect(res.body.totalYuan).toBe(5_742_000_000);
    const rongkai = res.body.items.find((s: { investorName: string }) => s.investorName === '南昌荣凯实业有限公司');
    expect(rongkai).toMatchObject({ regionName: '玛纳斯县', partnerName: '新疆嘉润资源控股有限公司', partnerRole: 'chain_leader', amountYuan: 1_000_000_000, signedOn: '2023-05-17' });
    expect(rongkai.partnerEnterpriseId).not.toBeNull();
    const link = await admin.get(`/api/projects/${rongkai.project.id}/signing-event`);
    expect(link.body.event).toEqual({ id: eventId, name: '2023年新疆·昌吉“链主”企业产业招商恳谈会', startsOn: '2023-05-17' });
  });

  it('guests filter by group, status and check-in, and export to Excel → 200', async () => {
    const groups = (await admin.get(`/api/events/${eventId}/groups`)).body.items;
    const first = await admin.get(`/api/events/${eventId}/guests?groupId=${groups[0].id}&pageSize=100`);
    expect(first.body.items.map((g: { personName: string }) => g.personName)).toContain('张军');
    expect(first.body.total).toBe(groups[0].members.length);
    expect((await admin.get(`/api/events/${eventId}/guests?status=declined`)).body.total).toBe(1);
    expect((await admin.get(`/api/events/${eventId}/guests?checkedIn=true`)).body.total).toBe(20);
    expect((await admin.get(`/api/events/${eventId}/guests?q=荣凯`)).body.items[0].personName).toBe('王青');
    const xlsx = await admin.get(`/api/events/${eventId}/guests/export.xlsx`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw!);
    const sheet = book.getWorksheet('嘉宾名单')!;
    expect(sheet.rowCount).toBe(2 + 30 + 1);
    expect(sheet.getRow(3).getCell(2).value).toBe('张军');
  });

  it('an event with signed projects cannot be deleted → 409', async () => {
    const res = await admin.request('DELETE', `/api/events/${eventId}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('event_has_signings');
  });
});

/** Every cell of the guest workbook as text. */
async function exportedTexts(client: ApiClient): Promise<string[]> {
  const xlsx = await client.get(`/api/events/${eventId}/guests/export.xlsx`);
  expect(xlsx.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.raw!);
  const texts: string[] = [];
  book.getWorksheet('嘉宾名单')!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
  return texts;
}

describe('who may see and change events', () => {
  const calls: [string, (c: ApiClient) => Promise<{ status: number }>][] = [
    ['GET /api/events', (c) => c.get('/api/events')],
    ['GET /api/events/:id', (c) => c.get(`/api/events/${eventId}`)],
    ['GET /api/events/:id/summary', (c) => c.get(`/api/events/${eventId}/summary`)],
    ['GET /api/events/:id/guests', (c) => c.get(`/api/events/${eventId}/guests`)],
  ];
  it.each(calls)('%s as the 发改委 department officer → 403', async (_name, call) => {
    expect((await call(await server.as('fgw'))).status).toBe(403);
  });
  it.each(calls)('%s as leader and region officer → 200', async (_name, call) => {
    expect((await call(await server.as('leader'))).status).toBe(200);
    expect((await call(await server.as('gaoxin'))).status).toBe(200);
  });

  it('a region officer’s writes → 403, even with a body that would not validate', async () => {
    const mulei = await server.as('mulei');
    const guests = (await admin.get(`/api/events/${eventId}/guests`)).body.items;
    expect((await mulei.post('/api/events', {})).status).toBe(403);
    expect((await mulei.patch(`/api/events/${eventId}`, { name: 'x', version: 1 })).status).toBe(403);
    expect((await mulei.post(`/api/events/${eventId}/guests/${guests[0].id}/check-in`)).status).toBe(403);
    expect((await mulei.post(`/api/events/${eventId}/signings`, { projectId: 1 })).status).toBe(403);
    expect((await mulei.request('DELETE', `/api/events/${eventId}`)).status).toBe(403);
    expect((await (await server.as('leader')).post(`/api/events/${eventId}/groups`, { name: '新分组' })).status).toBe(403);
  });

  it('guests’ phone numbers → shown to the bureau, blank for the leader and county officers, in the list, run sheet and export', async () => {
    const added = await admin.post(`/api/events/${eventId}/guests`, { personName: '电话测试嘉宾', phone: '13800138000' });
    expect([added.status, added.body.phone]).toEqual([201, '13800138000']);
    for (const who of ['leader', 'mulei'] as const) {
      const client = await server.as(who);
      const listed = (await client.get(`/api/events/${eventId}/guests?q=${encodeURIComponent('电话测试嘉宾')}`)).body.items;
      expect(listed.map((g: { phone: string }) => g.phone)).toEqual(['']);
      const sheet = (await client.get(`/api/events/${eventId}/run-sheet`)).body.guests;
      expect(sheet.find((g: { id: number }) => g.id === added.body.id).phone).toBe('');
      expect(await exportedTexts(client)).not.toContain('13800138000');
    }
    expect(await exportedTexts(admin)).toContain('13800138000');
    await admin.request('DELETE', `/api/events/${eventId}/guests/${added.body.id}`);
  });

  it('anonymous → 401; a missing event → 404', async () => {
    expect((await server.anonymous().get('/api/events')).status).toBe(401);
    expect((await admin.get('/api/events/99999999/summary')).status).toBe(404);
  });
});
