import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadActivityListSchema, leadBoardSchema, leadPageSchema, leadSchema } from '../../shared/leads.js';
import { buildLead, daysAgo } from '../../../tests/support/factories.js';
import { addEnterprise, buildChain } from '../../../tests/support/chain-fixture.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import type { ApiClient } from '../../../tests/support/client.js';

let server: TestServer;
let admin: ApiClient;
let mulei: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  await server.db.insertInto('clusters').values({ code: 'test', name: '测试集群', sort_order: 0 }).execute();
  admin = await server.as('admin');
  mulei = await server.as('mulei');
});
afterAll(() => server?.close());

async function newLead(client: ApiClient, overrides: Parameters<typeof buildLead>[0] = {}) {
  const res = await client.post('/api/leads', buildLead(overrides));
  if (res.status !== 201) throw new Error(`lead: ${res.status} ${JSON.stringify(res.body)}`);
  return leadSchema.strict().parse(res.body);
}
const move = (client: ApiClient, lead: { id: number; version: number }, to: string, extra: Record<string, unknown> = {}) =>
  client.post(`/api/leads/${lead.id}/transition`, { to, version: lead.version, ...extra });

describe('creating and editing leads', () => {
  it('POST /api/leads for a firm not yet in the base → 201, owner defaults to the creator', async () => {
    const lead = await newLead(mulei, { enterpriseName: '江苏示例风电叶片有限公司', contactName: '赵六' });
    expect(lead).toMatchObject({ enterprise: { id: null, name: '江苏示例风电叶片有限公司' }, status: 'new', source: 'desk_research', regionCode: '652328', estimatedInvestmentYuan: 50_000_000, version: 1 });
    expect(lead.owner?.id).toBe(server.users.get('mulei')!.id);
    const found = leadPageSchema.parse((await mulei.get(`/api/leads?q=${encodeURIComponent('赵六')}`)).body);
    expect(found.items.map((l) => l.id)).toEqual([lead.id]);
  });

  it('neither a firm from the base nor a name → 400 naming enterpriseName', async () => {
    const res = await mulei.post('/api/leads', buildLead({ enterpriseName: undefined }));
    expect([res.status, res.body.error.field]).toEqual([400, 'enterpriseName']);
  });

  it('a chain-leader referral without a referrer → 400 naming referrerEnterpriseId; a referrer who leads no chain → 400', async () => {
    const none = await mulei.post('/api/leads', buildLead({ source: 'chain_leader_referral' }));
    expect([none.status, none.body.error.field, none.body.error.code]).toEqual([400, 'referrerEnterpriseId', 'referrer_required']);
    const firm = await addEnterprise(admin);
    const notLeader = await mulei.post('/api/leads', buildLead({ source: 'chain_leader_referral', referrerEnterpriseId: firm.id }));
    expect([notLeader.status, notLeader.body.error.field, notLeader.body.error.code]).toEqual([400, 'referrerEnterpriseId', 'referrer_not_chain_leader']);
  });

  it('a referral by a chain leader, for a firm from the base on a node → 201 with chain, node and referrer named', async () => {
    const chain = await buildChain(admin, '测试线索链', [['上游A', 'upstream'], ['中游B', 'midstream']]);
    const leader = await addEnterprise(admin, { name: '测试链主企业有限公司', leadChainIds: [chain.chainId] });
    const target = await addEnterprise(admin, { name: '测试外地目标有限公司' }, true);
    const lead = await newLead(mulei, { enterpriseName: undefined, enterpriseId: target.id, nodeId: chain.nodeIds['上游A'], source: 'chain_leader_referral', referrerEnterpriseId: leader.id });
    expect(lead).toMatchObject({ enterprise: { id: target.id, name: '测试外地目标有限公司' }, chain: { id: chain.chainId }, node: { id: chain.nodeIds['上游A'], name: '上游A' }, referrer: { id: leader.id, name: '测试链主企业有限公司' } });
    const byReferrer = (await mulei.get(`/api/leads?referrerEnterpriseId=${leader.id}&chainId=${chain.chainId}`)).body;
    expect(byReferrer.items.map((l: { id: number }) => l.id)).toEqual([lead.id]);
    const again = await mulei.post('/api/leads', buildLead({ enterpriseName: undefined, enterpriseId: target.id, nodeId: chain.nodeIds['上游A'] }));
    expect([again.status, again.body.error.code]).toEqual([409, 'lead_exists']);
    const wrongChain = await mulei.post('/api/leads', buildLead({ chainId: chain.chainId + 1000, nodeId: chain.nodeIds['中游B'] }));
    expect([wrongChain.status, wrongChain.body.error.field]).toEqual([400, 'nodeId']);
  });

  it('PATCH with the version read → 200 and version + 1; with a stale version → 409 version_conflict', async () => {
    const lead = await newLead(mulei);
    const ok = await mulei.patch(`/api/leads/${lead.id}`, { nextStep: '上门拜访', nextStepOn: daysAgo(-3), estimatedInvestmentYuan: 80_000_000, version: 1 });
    expect([ok.status, ok.body.version, ok.body.nextStep, ok.body.estimatedInvestmentYuan]).toEqual([200, 2, '上门拜访', 80_000_000]);
    const stale = await mulei.patch(`/api/leads/${lead.id}`, { note: '过期的编辑', version: 1 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
  });

  it('a region officer moving a lead into another region → 403 naming regionCode', async () => {
    const lead = await newLead(mulei);
    const res = await mulei.patch(`/api/leads/${lead.id}`, { regionCode: '652324', version: lead.version });
    expect([res.status, res.body.error.field]).toEqual([403, 'regionCode']);
    expect((await mulei.get(`/api/leads/${lead.id}`)).body.regionCode).toBe('652328');
  });

  it('a lead the prefecture moves to another region leaves its officer’s view → 404, as a project would', async () => {
    const lead = await newLead(mulei);
    const moved = await admin.patch(`/api/leads/${lead.id}`, { regionCode: '652324', version: lead.version });
    expect([moved.status, moved.body.regionCode]).toEqual([200, '652324']);
    expect((await mulei.get(`/api/leads/${lead.id}`)).status).toBe(404);
    expect((await mulei.patch(`/api/leads/${lead.id}`, { note: '县里继续跟进', version: moved.body.version })).status).toBe(404);
  });

  it('an officer’s lead without a region lands in its region → 201; clearing the region → 403 naming regionCode', async () => {
    const lead = await newLead(mulei, { regionCode: null });
    expect(lead.regionCode).toBe('652328');
    const cleared = await mulei.patch(`/api/leads/${lead.id}`, { regionCode: null, version: lead.version });
    expect([cleared.status, cleared.body.error.field]).toEqual([403, 'regionCode']);
  });
});

describe('the lead state machine', () => {
  it('forward one or several steps → 200, each step in the activity log', async () => {
    let lead = await newLead(mulei);
    const a = await move(mulei, lead, 'contacted', { note: '首次电话' });
    expect([a.status, a.body.status, a.body.version]).toEqual([200, 'contacted', 2]);
    lead = a.body;
    const b = await move(mulei, lead, 'negotiating');
    expect([b.status, b.body.status]).toEqual([200, 'negotiating']);
    const log = leadActivityListSchema.parse((await mulei.get(`/api/leads/${lead.id}/activities`)).body).items;
    expect(log.map((x) => [x.kind, x.fromStatus, x.toStatus])).toEqual([
      ['status', 'contacted', 'negotiating'],
      ['status', 'new', 'contacted'],
    ]);
  });

  it('backwards → 400 lead_no_going_back; to the same status → 400; straight to signed → 400 (signing is its own command)', async () => {
    const lead = (await move(mulei, await newLead(mulei), 'visited')).body;
    const back = await move(mulei, lead, 'contacted');
    expect([back.status, back.body.error.code, back.body.error.field]).toEqual([400, 'lead_no_going_back', 'to']);
    expect((await move(mulei, lead, 'visited')).body.error.code).toBe('lead_same_status');
    expect((await move(mulei, lead, 'signed')).body.error.code).toBe('lead_sign_required');
  });

  it('lost without a reason → 400 naming reason; with one → 200; reopened only to where it was lost from', async () => {
    const lead = (await move(mulei, await newLead(mulei), 'contacted')).body;
    const bare = await move(mulei, lead, 'lost');
    expect([bare.status, bare.body.error.field, bare.body.error.code]).toEqual([400, 'reason', 'lead_lost_reason_required']);
    const blank = await move(mulei, lead, 'lost', { reason: '   ' });
    expect([blank.status, blank.body.error.field]).toEqual([400, 'reason']);
    const lost = await move(mulei, lead, 'lost', { reason: '企业已在外省落地' });
    expect([lost.status, lost.body.status, lost.body.lostFrom, lost.body.lostReason]).toEqual([200, 'lost', 'contacted', '企业已在外省落地']);
    const elsewhere = await move(mulei, lost.body, 'negotiating');
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([400, 'lead_reopen_only_to_lost_from']);
    const reopened = await move(mulei, lost.body, 'contacted');
    expect([reopened.status, reopened.body.status, reopened.body.lostReason]).toEqual([200, 'contacted', null]);
  });

  it('a transition with a stale version → 409 version_conflict', async () => {
    const lead = await newLead(mulei);
    await move(mulei, lead, 'contacted');
    const stale = await move(mulei, lead, 'visited');
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
  });
});

describe('activities, filters, board, export and reminders', () => {
  it('POST activities → 201; a date in the future → 400 naming occurredOn', async () => {
    const lead = await newLead(mulei);
    const ok = await mulei.post(`/api/leads/${lead.id}/activities`, { kind: 'visit', occurredOn: daysAgo(1), people: '县招商局 张三;企业 李总', summary: '参观塔筒车间' });
    expect(ok.status).toBe(201);
    expect(ok.body.items[0]).toMatchObject({ kind: 'visit', people: '县招商局 张三;企业 李总', summary: '参观塔筒车间' });
    const future = await mulei.post(`/api/leads/${lead.id}/activities`, { kind: 'call', occurredOn: daysAgo(-1), summary: '未来' });
    expect([future.status, future.body.error.field]).toEqual([400, 'occurredOn']);
  });

  it('overdue, status and owner filters; the board and reminders agree', async () => {
    const late = await newLead(mulei, { nextStepOn: daysAgo(5), nextStep: '回访(逾期)' });
    const unowned = await newLead(mulei, { nextStepOn: daysAgo(2), ownerId: null });
    const adminsOwn = await newLead(admin, { nextStepOn: daysAgo(9) });
    const overdue = leadPageSchema.parse((await mulei.get('/api/leads?overdue=true&pageSize=100')).body);
    expect(overdue.items.map((l) => l.id)).toEqual(expect.arrayContaining([late.id, unowned.id, adminsOwn.id]));
    expect(overdue.items.every((l) => l.overdue)).toBe(true);
    const mine = (await mulei.get('/api/leads?ownerId=me&overdue=true&pageSize=100')).body.items.map((l: { id: number }) => l.id);
    expect(mine).toContain(late.id);
    expect(mine).not.toContain(unowned.id);
    const reminders = leadPageSchema.parse((await mulei.get('/api/leads/reminders')).body);
    expect(reminders.items.map((l) => l.id)).toEqual([late.id, unowned.id]);
    expect(reminders.total).toBe(2);
    const sorted = (await mulei.get('/api/leads?sort=nextStepOn&order=asc&status=new,contacted&pageSize=100')).body.items.map((l: { nextStepOn: string }) => l.nextStepOn);
    expect(sorted).toEqual([...sorted].sort());
    const board = leadBoardSchema.parse((await mulei.get('/api/leads/board?limit=2')).body);
    const newColumn = board.columns.find((c) => c.status === 'new')!;
    expect(board.columns.map((c) => c.status)).toEqual(['new', 'contacted', 'visited', 'negotiating', 'signed', 'lost']);
    expect(newColumn.items.length).toBe(2);
    expect(newColumn.total).toBeGreaterThan(2);
    expect(newColumn.items[0].id).toBe(adminsOwn.id);
    expect((await mulei.get('/api/leads/board?limit=51')).status).toBe(400);
    expect((await mulei.get('/api/leads?status=won')).status).toBe(400);
  });

  it('GET /api/leads/board → a column lists dated next steps first, soonest first, then undated ones, newest first', async () => {
    const tag = '看板排序';
    await newLead(mulei, { enterpriseName: `${tag}甲有限公司`, nextStep: '', nextStepOn: null });
    const later = await newLead(mulei, { enterpriseName: `${tag}乙有限公司`, nextStepOn: daysAgo(-20) });
    const undatedNewer = await newLead(mulei, { enterpriseName: `${tag}丙有限公司`, nextStep: '', nextStepOn: null });
    const sooner = await newLead(mulei, { enterpriseName: `${tag}丁有限公司`, nextStepOn: daysAgo(-3) });
    const board = leadBoardSchema.parse((await mulei.get(`/api/leads/board?q=${encodeURIComponent(tag)}&limit=3`)).body);
    const column = board.columns.find((c) => c.status === 'new')!;
    expect(column.total).toBe(4);
    expect(column.items.map((l) => l.id)).toEqual([sooner.id, later.id, undatedNewer.id]);
  });

  it('GET /api/leads/export.xlsx → a workbook with Chinese headers and the filtered rows', async () => {
    const lead = await newLead(mulei, { enterpriseName: '导出测试企业有限公司' });
    const res = await mulei.get(`/api/leads/export.xlsx?q=${encodeURIComponent('导出测试')}`);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.raw!);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(2).value).toBe('目标企业');
    expect([sheet.getRow(2).getCell(1).value, sheet.getRow(2).getCell(2).value]).toEqual([lead.id, '导出测试企业有限公司']);
    expect(sheet.rowCount).toBe(3);
  });
});
