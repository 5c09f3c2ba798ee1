import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceRequestDetailSchema, serviceRequestPageSchema } from '../../shared/service-requests.js';
import { todayInShanghai } from '../../shared/format.js';
import { buildEnterprise, buildProject } from '../../../tests/support/factories.js';
import { addEnterpriseUser, startTestServer, type TestServer } from '../../../tests/support/server.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { REGION_CODES } from '../regions/data.js';

let server: TestServer;
let admin: ApiClient, leader: ApiClient, mulei: ApiClient, manas: ApiClient, fgw: ApiClient, zrzy: ApiClient, ent: ApiClient, other: ApiClient;
let enterpriseId: number, otherEnterpriseId: number, projectId: number, otherProjectId: number;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.as('admin');
  const e1 = buildEnterprise({ name: '诉求测试风电有限公司', regionCode: REGION_CODES.mulei });
  const e2 = buildEnterprise({ name: '玛纳斯测试铝业有限公司', regionCode: REGION_CODES.manas });
  enterpriseId = (await admin.post('/api/enterprises', e1)).body.id;
  otherEnterpriseId = (await admin.post('/api/enterprises', e2)).body.id;
  projectId = (await admin.post('/api/projects', buildProject({ investorUscc: e1.uscc, regionCode: REGION_CODES.mulei }))).body.id;
  otherProjectId = (await admin.post('/api/projects', buildProject({ investorUscc: e2.uscc, regionCode: REGION_CODES.manas }))).body.id;
  await addEnterpriseUser(server, 'ent1', e1.uscc);
  await addEnterpriseUser(server, 'ent2', e2.uscc);
  [leader, mulei, manas, fgw, zrzy, ent, other] = await Promise.all(['leader', 'mulei', 'manas', 'fgw', 'zrzy', 'ent1', 'ent2'].map((u) => server.as(u)));
});
afterAll(() => server?.close());

const raise = (client: ApiClient, body: Record<string, unknown> = {}) =>
  client.post('/api/service-requests', { category: 'approval', title: '备案变更', description: '请协助办理备案变更', ...body });
const detail = async (client: ApiClient, id: number) => {
  const res = await client.get(`/api/service-requests/${id}`);
  expect(res.status).toBe(200);
  return serviceRequestDetailSchema.strict().parse(res.body);
};
const move = (client: ApiClient, id: number, dept: string, to: string, note?: string) =>
  client.post(`/api/service-requests/${id}/assignments/${dept}/transition`, note === undefined ? { to } : { to, note });

/** Working days by hand: step a day at a time, skip Saturdays, Sundays and the given holidays. */
function byHand(from: string, count: number, holidays: string[]): string {
  const d = new Date(`${from}T00:00:00Z`);
  let left = count;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.toISOString().slice(0, 10);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidays.includes(day)) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

describe('raising a request', () => {
  it('an enterprise raises one for itself: routed to the category’s department, due in working days past weekends and a holiday → 201', async () => {
    const today = todayInShanghai();
    // The next weekday after today is made a holiday: the deadline must step over it.
    const next = new Date(`${today}T00:00:00Z`);
    do next.setUTCDate(next.getUTCDate() + 1);
    while (next.getUTCDay() === 0 || next.getUTCDay() === 6);
    const holiday = next.toISOString().slice(0, 10);
    await server.db.insertInto('calendar_days').values({ day: holiday, kind: 'holiday', name: '测试假日' }).execute();
    try {
      const res = await raise(ent, { category: 'power', projectId });
      expect(res.status).toBe(201);
      const r = await detail(ent, res.body.id);
      // power: 5 working days to the 供电公司, red 2 working days later.
      const due = byHand(today, 5, [holiday]);
      expect(r).toMatchObject({ status: 'submitted', category: 'power', enterprise: { id: enterpriseId }, project: { id: projectId }, regionCode: REGION_CODES.mulei, dueOn: due, redOn: byHand(due, 2, [holiday]), light: 'green', onBehalf: false });
      expect(r.assignments.map((a) => [a.departmentCode, a.status, a.dueOn])).toEqual([['gdj', 'submitted', due]]);
      expect(r.timeline.map((e) => e.kind)).toEqual(['created', 'assigned']);
      // 5 working days with a weekend and the holiday between them are at least 8 calendar days.
      expect(Date.parse(due) - Date.parse(today)).toBeGreaterThanOrEqual(8 * 86_400_000);
    } finally {
      await server.db.deleteFrom('calendar_days').where('day', '=', holiday).execute();
    }
  });

  it('the department’s officers are told, the raiser is not', async () => {
    const id = (await raise(ent)).body.id;
    const notices = await server.db.selectFrom('notifications').select(['user_id', 'kind']).where('entity', '=', 'service_request').where('entity_id', '=', String(id)).execute();
    expect(notices).toEqual([{ user_id: server.users.get('fgw')!.id, kind: 'assigned' }]);
  });

  it('an enterprise naming another enterprise → 403 naming enterpriseId; a project not its own → 400 naming projectId', async () => {
    const res = await raise(ent, { enterpriseId: otherEnterpriseId });
    expect(res.status).toBe(403);
    expect(res.body.error.field).toBe('enterpriseId');
    const wrong = await raise(ent, { projectId: otherProjectId });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ field: 'projectId', message: '该项目不属于所选企业' });
  });

  it('an officer must name the enterprise → 400; a region officer only for its region’s enterprises → 403; unknown department → 400', async () => {
    expect((await raise(mulei)).body.error.field).toBe('enterpriseId');
    const out = await raise(mulei, { enterpriseId: otherEnterpriseId });
    expect(out.status).toBe(403);
    expect(out.body.error.field).toBe('enterpriseId');
    const inRegion = await raise(mulei, { enterpriseId, fromVisit: true });
    expect(inRegion.status).toBe(201);
    expect(await detail(mulei, inRegion.body.id)).toMatchObject({ onBehalf: true, fromVisit: true });
    const unknown = await raise(admin, { enterpriseId, departmentCodes: ['nope'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ field: 'departmentCodes', message: '部门不存在或已停用:nope' });
  });

  it('the leader and a department raise nothing → 403', async () => {
    expect((await raise(leader, { enterpriseId })).status).toBe(403);
    expect((await raise(fgw, { enterpriseId })).status).toBe(403);
  });
});

describe('the state machine', () => {
  it('two departments: every legal move, illegal ones refused in Chinese, the request’s status derived, then confirmed with a rating', async () => {
    const id = (await raise(admin, { enterpriseId, departmentCodes: ['fgw', 'zrzy'] })).body.id;
    const status = async () => (await detail(admin, id)).status;
    expect(await status()).toBe('submitted');

    const skip = await move(fgw, id, 'fgw', 'resolved', '跳过');
    expect(skip.status).toBe(409);
    expect(skip.body.error).toMatchObject({ field: 'to', message: '不能从“已提交”变为“已办结”' });
    expect((await move(zrzy, id, 'fgw', 'accepted')).status).toBe(403);

    expect((await move(fgw, id, 'fgw', 'accepted')).status).toBe(200);
    expect(await status()).toBe('accepted');
    expect((await move(fgw, id, 'fgw', 'accepted')).body.error.message).toBe('不能从“已受理”变为“已受理”');
    expect((await move(fgw, id, 'fgw', 'in_progress')).status).toBe(200);
    expect(await status()).toBe('in_progress');
    const bare = await move(fgw, id, 'fgw', 'resolved');
    expect(bare.status).toBe(400);
    expect(bare.body.error.field).toBe('note');
    expect((await move(fgw, id, 'fgw', 'resolved', '已办结备案')).status).toBe(200);
    // zrzy has not started: one department resolved is not the request resolved.
    expect(await status()).toBe('in_progress');

    expect((await move(zrzy, id, 'zrzy', 'accepted')).status).toBe(200);
    expect((await move(zrzy, id, 'zrzy', 'in_progress')).status).toBe(200);
    const tooEarly = await ent.post(`/api/service-requests/${id}/confirm`, { rating: 5 });
    expect(tooEarly.status).toBe(409);
    expect((await move(zrzy, id, 'zrzy', 'resolved', '用地预审已出具')).status).toBe(200);
    const resolved = await detail(ent, id);
    expect(resolved).toMatchObject({ status: 'resolved', dueOn: null, redOn: null, light: null, resolvedOnTime: true, can: { confirm: true, reopen: true } });
    expect(resolved.assignments.map((a) => a.response)).toEqual(['已办结备案', '用地预审已出具']);
    expect((await move(fgw, id, 'fgw', 'resolved', '再办')).status).toBe(409);

    for (const rating of [0, 6, 4.5]) {
      const bad = await ent.post(`/api/service-requests/${id}/confirm`, { rating });
      expect(bad.status).toBe(400);
      expect(bad.body.error.field).toBe('rating');
      expect(bad.body.error.message).toContain('评价星级');
    }
    expect((await other.post(`/api/service-requests/${id}/confirm`, { rating: 5 })).status).toBe(404);
    expect((await fgw.post(`/api/service-requests/${id}/confirm`, { rating: 5 })).status).toBe(403);
    const ok = await ent.post(`/api/service-requests/${id}/confirm`, { rating: 4, comment: '满意' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'confirmed', rating: 4, ratingComment: '满意' });
    expect(ok.body.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'assigned', 'assigned', 'accepted', 'in_progress', 'resolved', 'accepted', 'in_progress', 'resolved', 'confirmed']);
    expect((await ent.post(`/api/service-requests/${id}/confirm`, { rating: 5 })).status).toBe(409);
    expect((await ent.post(`/api/service-requests/${id}/reopen`, { reason: '再看看' })).status).toBe(409);
    expect((await admin.post(`/api/service-requests/${id}/assignments`, { departmentCode: 'gdj' })).status).toBe(409);
    // The departments hear of the confirmation; the enterprise heard of each step.
    const kinds = await server.db.selectFrom('notifications').select(['user_id', 'kind']).where('entity_id', '=', String(id)).execute();
    expect(kinds.filter((n) => n.kind === 'confirmed').map((n) => n.user_id).sort()).toEqual([server.users.get('fgw')!.id, server.users.get('zrzy')!.id].sort());
    expect(kinds.filter((n) => n.kind === 'status_changed' && n.user_id === server.users.get('ent1')!.id)).toHaveLength(6);
  });

  it('reopened: every department back in progress with a new deadline; the request stays reopened until all resolve again', async () => {
    const id = (await raise(ent)).body.id;
    for (const to of ['accepted', 'in_progress']) await move(fgw, id, 'fgw', to);
    await move(fgw, id, 'fgw', 'resolved', '已办');
    const noReason = await ent.post(`/api/service-requests/${id}/reopen`, {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.field).toBe('reason');
    const res = await ent.post(`/api/service-requests/${id}/reopen`, { reason: '问题未解决' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'reopened', resolvedAt: null, light: 'green' });
    expect(res.body.assignments[0]).toMatchObject({ status: 'in_progress', resolvedAt: null });
    expect(res.body.dueOn).toBe(res.body.assignments[0].dueOn);
    expect((await move(fgw, id, 'fgw', 'resolved', '已重新办理')).status).toBe(200);
    expect((await detail(ent, id)).status).toBe('resolved');
  });

  it('a department added later gets its own deadline; a department cannot add one → 403; twice → 409', async () => {
    const id = (await raise(ent)).body.id;
    expect((await fgw.post(`/api/service-requests/${id}/assignments`, { departmentCode: 'zrzy' })).status).toBe(403);
    const added = await mulei.post(`/api/service-requests/${id}/assignments`, { departmentCode: 'zrzy' });
    expect(added.status).toBe(201);
    expect(added.body.assignments.map((a: { departmentCode: string }) => a.departmentCode)).toEqual(['fgw', 'zrzy']);
    const twice = await admin.post(`/api/service-requests/${id}/assignments`, { departmentCode: 'zrzy' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.field).toBe('departmentCode');
    expect((await zrzy.get(`/api/service-requests/${id}`)).status).toBe(200);
  });
});

describe('scope', () => {
  let fgwOnly: number, zrzyOnly: number, otherOnes: number;
  beforeAll(async () => {
    fgwOnly = (await raise(ent, { title: '只给发改委' })).body.id;
    zrzyOnly = (await raise(ent, { category: 'land', title: '只给自然资源局' })).body.id;
    otherOnes = (await raise(other, { category: 'land', title: '玛纳斯企业的诉求' })).body.id;
  });

  it('a department never sees another department’s request → 404, nor acts on it', async () => {
    expect((await fgw.get(`/api/service-requests/${zrzyOnly}`)).status).toBe(404);
    expect((await move(fgw, zrzyOnly, 'zrzy', 'accepted')).status).toBe(404);
    expect((await zrzy.get(`/api/service-requests/${fgwOnly}`)).status).toBe(404);
    const queue = serviceRequestPageSchema.parse((await fgw.get('/api/service-requests?pageSize=100')).body);
    expect(queue.items.every((r) => r.departments.some((d) => d.code === 'fgw'))).toBe(true);
    expect(queue.items.map((r) => r.id)).toContain(fgwOnly);
    expect(queue.items.map((r) => r.id)).not.toContain(zrzyOnly);
  });

  it('an enterprise sees only its own → 404 for another’s; a region officer only its region’s → 404', async () => {
    expect((await other.get(`/api/service-requests/${fgwOnly}`)).status).toBe(404);
    const own = (await other.get('/api/service-requests?pageSize=100')).body;
    expect(own.items.map((r: { id: number }) => r.id)).toEqual([otherOnes]);
    expect((await manas.get(`/api/service-requests/${fgwOnly}`)).status).toBe(404);
    expect((await mulei.get(`/api/service-requests/${otherOnes}`)).status).toBe(404);
    expect((await manas.get(`/api/service-requests/${otherOnes}`)).status).toBe(200);
    expect((await mulei.post(`/api/service-requests/${otherOnes}/assignments`, { departmentCode: 'fgw' })).status).toBe(404);
  });

  it('the leader reads everything and writes nothing → 403', async () => {
    expect((await leader.get(`/api/service-requests/${otherOnes}`)).status).toBe(200);
    expect((await move(leader, fgwOnly, 'fgw', 'accepted')).status).toBe(403);
    expect((await leader.post(`/api/service-requests/${fgwOnly}/assignments`, { departmentCode: 'zrzy' })).status).toBe(403);
    expect((await leader.post(`/api/service-requests/${fgwOnly}/reopen`, { reason: 'x' })).status).toBe(403);
  });

  it('search finds by title, description and enterprise name; filters by department, category and flag', async () => {
    const q = async (query: string) => (await admin.get(`/api/service-requests?${query}&pageSize=100`)).body.items.map((r: { id: number }) => r.id);
    expect(await q(`q=${encodeURIComponent('只给自然')}`)).toEqual([zrzyOnly]);
    expect(await q(`q=${encodeURIComponent('玛纳斯测试铝业')}`)).toEqual([otherOnes]);
    expect(await q('departmentCode=zrzy&category=land')).toEqual(expect.arrayContaining([zrzyOnly, otherOnes]));
    expect(await q('departmentCode=zrzy')).not.toContain(fgwOnly);
    // Nothing is late yet, until a deadline is moved into the past.
    expect(await q('flag=overdue')).toEqual([]);
    await server.db.updateTable('service_requests').set({ due_on: '2020-01-02', red_on: '2020-01-07' }).where('id', '=', zrzyOnly).execute();
    expect(await q('flag=overdue')).toEqual([zrzyOnly]);
    expect(await q('flag=red')).toEqual([zrzyOnly]);
    expect((await detail(admin, zrzyOnly)).light).toBe('red');
    const sheet = await admin.get('/api/service-requests/export?category=land');
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toContain('spreadsheetml');
  });
});
