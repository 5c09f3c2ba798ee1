import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent, buildProject } from '../../../tests/support/factories.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import type { ApiClient } from '../../../tests/support/client.js';

// A hand-built event whose answers are known, on an empty ledger.
let server: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.as('admin');
});
afterAll(() => server?.close());

async function newEvent(overrides = {}) {
  const res = await admin.post('/api/events', buildEvent(overrides));
  expect(res.status).toBe(201);
  return res.body as { id: number; version: number };
}

async function newProject(overrides = {}) {
  const res = await admin.post('/api/projects', buildProject(overrides));
  expect(res.status).toBe(201);
  return res.body as { id: number };
}

describe('an event and its edits', () => {
  it('POST /api/events → 201, an event with zero signings has a zero summary and an empty scorecard', async () => {
    const event = await newEvent({ endsOn: undefined });
    const got = await admin.get(`/api/events/${event.id}`);
    expect(got.body).toMatchObject({ endsOn: '2024-06-18', version: 1, counts: { guests: 0, signings: 0, signedYuan: 0 } });
    const summary = await admin.get(`/api/events/${event.id}/summary`);
    expect(summary.body).toMatchObject({ regions: 0, chainLeaders: 0, partners: 0, projects: 0, totalYuan: 0, totalYi: '0.00' });
    expect(summary.body.sentenceZh).toBe('0个县市(园区)与0家“链主”企业、0家产业链上下游优质企业,共签约合作项目0个,总投资达0.00亿元');
    const card = await admin.get(`/api/events/${event.id}/scorecard`);
    expect(card.body).toMatchObject({ items: [], signedYuan: 0, fundsInPlaceYuan: 0, fundsRatio: null });
  });

  it('PATCH with the version read → 200; with a stale version → 409', async () => {
    const event = await newEvent();
    const ok = await admin.patch(`/api/events/${event.id}`, { venue: '新会场', version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ venue: '新会场', version: 2 });
    const stale = await admin.patch(`/api/events/${event.id}`, { venue: '又一个会场', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.field).toBe('version');
  });

  it('bad input names the field in the user’s language → 400, and nothing is written', async () => {
    const before = (await admin.get('/api/events')).body.total;
    const noDate = await admin.post('/api/events', { name: '缺日期的活动' });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error.field).toBe('startsOn');
    expect(noDate.body.error.message).toBe('请填写开始日期');
    const noName = await admin.post('/api/events', { startsOn: '2024-06-18' });
    expect(noName.body.error).toMatchObject({ field: 'name', message: '请填写活动名称' });
    const backwards = await admin.post('/api/events', buildEvent({ startsOn: '2024-06-18', endsOn: '2024-06-17' }));
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.field).toBe('endsOn');
    expect(backwards.body.error.message).toContain('结束日期不能早于开始日期');
    admin.lang = 'en';
    const en = await admin.post('/api/events', buildEvent({ endsOn: '2024-06-01' }));
    admin.lang = 'zh';
    expect(en.body.error.message).toContain('end date');
    expect((await admin.get('/api/events')).body.total).toBe(before);
  });

  it('DELETE an event with nothing signed → 204, and it is gone → 404', async () => {
    const event = await newEvent();
    await admin.post(`/api/events/${event.id}/guests`, { personName: '将被删除' });
    expect((await admin.request('DELETE', `/api/events/${event.id}`)).status).toBe(204);
    expect((await admin.get(`/api/events/${event.id}`)).status).toBe(404);
  });
});

describe('guests and check-in', () => {
  it('checking a guest in twice keeps the first time and says so → 200, 200', async () => {
    const event = await newEvent();
    const guest = (await admin.post(`/api/events/${event.id}/guests`, { personName: '赵六', organisation: '测试企业', invitationStatus: 'accepted' })).body;
    const first = await admin.post(`/api/events/${event.id}/guests/${guest.id}/check-in`);
    expect(first.status).toBe(200);
    expect(first.body.alreadyCheckedIn).toBe(false);
    expect(first.body.guest.checkedInBy).toBe('州招商局管理员');
    const second = await admin.post(`/api/events/${event.id}/guests/${guest.id}/check-in`);
    expect(second.status).toBe(200);
    expect(second.body.alreadyCheckedIn).toBe(true);
    expect(second.body.message).toContain('已于此前签到');
    expect(second.body.guest.checkedInAt).toBe(first.body.guest.checkedInAt);
    const counts = (await admin.get(`/api/events/${event.id}/guests`)).body.counts;
    expect(counts).toEqual({ guests: 1, invited: 1, accepted: 1, checkedIn: 1 });
    const undone = await admin.request('DELETE', `/api/events/${event.id}/guests/${guest.id}/check-in`);
    expect(undone.body.checkedInAt).toBeNull();
    const audit = await server.db.selectFrom('audit_log').select('action').where('action', '=', 'event.guest.check_in').execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('a guest of another event is not found here → 404; a group of another event is refused → 400', async () => {
    const a = await newEvent();
    const b = await newEvent();
    const guest = (await admin.post(`/api/events/${a.id}/guests`, { personName: '钱七' })).body;
    expect((await admin.post(`/api/events/${b.id}/guests/${guest.id}/check-in`)).status).toBe(404);
    const groupOfB = (await admin.post(`/api/events/${b.id}/groups`, { name: 'B组' })).body;
    const res = await admin.patch(`/api/events/${a.id}/guests/${guest.id}`, { groupId: groupOfB.id });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('groupId');
  });

  it('a guest without a name → 400 naming personName; a bad status → 400 naming invitationStatus', async () => {
    const event = await newEvent();
    const missing = await admin.post(`/api/events/${event.id}/guests`, { organisation: '某单位' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('personName');
    const status = await admin.post(`/api/events/${event.id}/guests`, { personName: '孙八', invitationStatus: 'maybe' });
    expect(status.body.error.field).toBe('invitationStatus');
  });
});

describe('visit groups and their routes', () => {
  it('stops are numbered densely, reorder in one step, and stay dense after a removal → 200', async () => {
    const event = await newEvent();
    const group = (await admin.post(`/api/events/${event.id}/groups`, { name: '第一组:木垒县' })).body;
    const path = `/api/events/${event.id}/groups/${group.id}/stops`;
    for (const place of ['甲', '乙', '丙']) {
      expect((await admin.post(path, { place, regionCode: '652328', scheduledAt: '2024-06-18 09:30' })).status).toBe(201);
    }
    const stops = (await admin.get(`/api/events/${event.id}/groups`)).body.items[0].stops;
    const [a, b, c] = stops.map((s: { id: number }) => s.id);
    const reordered = await admin.post(`${path}/reorder`, { stopIds: [c, a, b] });
    expect(reordered.body.stops.map((s: { place: string; seq: number }) => `${s.seq}${s.place}`)).toEqual(['1丙', '2甲', '3乙']);
    const incomplete = await admin.post(`${path}/reorder`, { stopIds: [c, a] });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.field).toBe('stopIds');
    const removed = await admin.request('DELETE', `${path}/${a}`);
    expect(removed.body.stops.map((s: { place: string; seq: number }) => `${s.seq}${s.place}`)).toEqual(['1丙', '2乙']);
    const badTime = await admin.post(path, { place: '丁', scheduledAt: '2024-06-18 25:00' });
    expect(badTime.status).toBe(400);
    expect(badTime.body.error.field).toBe('scheduledAt');
  });

  it('members are set exactly; deleting the group keeps its members as guests → 200, 204', async () => {
    const event = await newEvent();
    const group = (await admin.post(`/api/events/${event.id}/groups`, { name: '考察组' })).body;
    const ids = [];
    for (const personName of ['周一', '吴二', '郑三']) ids.push((await admin.post(`/api/events/${event.id}/guests`, { personName })).body.id);
    const set = await admin.request('PUT', `/api/events/${event.id}/groups/${group.id}/members`, { guestIds: [ids[0], ids[2]] });
    expect(set.body.members.map((m: { personName: string }) => m.personName)).toEqual(['周一', '郑三']);
    const again = await admin.request('PUT', `/api/events/${event.id}/groups/${group.id}/members`, { guestIds: [ids[1]] });
    expect(again.body.members.map((m: { personName: string }) => m.personName)).toEqual(['吴二']);
    expect((await admin.request('DELETE', `/api/events/${event.id}/groups/${group.id}`)).status).toBe(204);
    expect((await admin.get(`/api/events/${event.id}/guests`)).body.total).toBe(3);
  });
});

describe('the signing ceremony', () => {
  it('a signing takes its defaults from the project and the event → 201, and the summary counts it', async () => {
    const event = await newEvent({ startsOn: '2024-06-18' });
    const p1 = await newProject({ regionCode: '652328', investmentYuan: 123_456_789, chainLeader: '新疆东方风电新能源有限公司', investorName: '甲投资有限公司' });
    const p2 = await newProject({ regionCode: '652324', investmentYuan: 200_000_000, chainLeader: '新疆东方风电新能源有限公司', investorName: '乙投资有限公司' });
    const p3 = await newProject({ regionCode: '652324', investmentYuan: 76_543_211, chainLeader: '', investorName: '甲投资有限公司' });
    const s1 = await admin.post(`/api/events/${event.id}/signings`, { projectId: p1.id });
    expect(s1.status).toBe(201);
    expect(s1.body).toMatchObject({ regionCode: '652328', investorName: '甲投资有限公司', partnerName: '新疆东方风电新能源有限公司', partnerRole: 'chain_leader', amountYuan: 123_456_789, signedOn: '2024-06-18', seq: 1 });
    await admin.post(`/api/events/${event.id}/signings`, { projectId: p2.id });
    const s3 = await admin.post(`/api/events/${event.id}/signings`, { projectId: p3.id, partnerName: '某合作伙伴', partnerRole: 'partner' });
    expect(s3.body.seq).toBe(3);
    const summary = (await admin.get(`/api/events/${event.id}/summary`)).body;
    // Two regions, one chain leader (the partner signs as partner), two investors, 4亿元 exactly.
    expect(summary).toMatchObject({ regions: 2, chainLeaders: 1, partners: 2, projects: 3, totalYuan: 400_000_000, totalYi: '4.00' });
    const list = (await admin.get(`/api/events/${event.id}/signings`)).body;
    expect(list.totalYuan).toBe(400_000_000);

    const edited = await admin.patch(`/api/events/${event.id}/signings/${s1.body.id}`, { amountYuan: 23_456_789 });
    expect(edited.body.amountYuan).toBe(23_456_789);
    expect((await admin.get(`/api/events/${event.id}/summary`)).body.totalYi).toBe('3.00');
    expect((await admin.request('DELETE', `/api/events/${event.id}/signings/${s3.body.id}`)).status).toBe(204);
    expect((await admin.get(`/api/events/${event.id}/summary`)).body.projects).toBe(2);
  });

  it('twenty signings added at once → 201 each, numbered 1 to 20 in the run sheet with none shared', async () => {
    const event = await newEvent();
    const projects = await Promise.all(Array.from({ length: 20 }, () => newProject()));
    const answers = await Promise.all(projects.map((p) => admin.post(`/api/events/${event.id}/signings`, { projectId: p.id })));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const seqs = ((await admin.get(`/api/events/${event.id}/signings`)).body.items as { seq: number }[]).map((s) => s.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('signing the same project at two events → 409 naming the first event', async () => {
    const first = await newEvent({ name: '第一场签约活动' });
    const second = await newEvent();
    const project = await newProject();
    expect((await admin.post(`/api/events/${first.id}/signings`, { projectId: project.id })).status).toBe(201);
    const again = await admin.post(`/api/events/${second.id}/signings`, { projectId: project.id });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'project_already_signed', field: 'projectId' });
    expect(again.body.error.message).toContain('第一场签约活动');
    expect((await admin.post(`/api/events/${first.id}/signings`, { projectId: project.id })).status).toBe(409);
    expect((await admin.get(`/api/events/${second.id}/signings`)).body.items).toHaveLength(0);
  });

  it('a project not in the ledger → 400 naming projectId; a negative amount → 400 naming amountYuan', async () => {
    const event = await newEvent();
    const missing = await admin.post(`/api/events/${event.id}/signings`, { projectId: 99_999_999 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('projectId');
    const project = await newProject();
    const negative = await admin.post(`/api/events/${event.id}/signings`, { projectId: project.id, amountYuan: -1 });
    expect(negative.status).toBe(400);
    expect(negative.body.error.field).toBe('amountYuan');
  });
});
