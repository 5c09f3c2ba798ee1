import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SkillsResults } from '../../shared/skills.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { buildCompetition, markAll, setUpSkillsEvent, type SkillsFixture } from '../../../tests/support/skills-fixture.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function results(f: SkillsFixture) {
  return (await f.organiser.get(`/api/skills/events/${f.eventId}/results`)).body;
}
const row = (body: SkillsResults, id: number) => body.rows.find((r) => r.contestantId === id)!;

describe('judgement-mark arithmetic over the API', () => {
  it('three judges: A1 (max 60) from 2, 3, 2 is 46.67; B1 (max 30) from 3, 3, 3 is 30; the sheet adds M 10 → 86.67', async () => {
    const f = await setUpSkillsEvent(server, { judges: 4 });
    const c = f.contestants[0];
    await markAll(f, c.id, { A1: [2, 3, 2], B1: [3, 3, 3] });
    const r = row(await results(f), c.id);
    expect(r).toMatchObject({ totalCenti: 8667, complete: true, modules: { A: 5667, B: 3000 } });
  });

  it('five judges: the highest and the lowest are dropped (0, 2, 2, 1, 3 on 60 → mean of 2, 2, 1 → 33.33)', async () => {
    // A tolerance of 3 lets the 0-to-3 spread stand, so the arithmetic alone decides.
    const f = await setUpSkillsEvent(server, { judges: 6, event: { judgesPerAspect: 5 }, competition: { spreadTolerance: 3 } });
    const c = f.contestants[0];
    await markAll(f, c.id, { A1: [0, 2, 2, 1, 3], B1: [3, 3, 3, 3, 3] });
    expect(row(await results(f), c.id)).toMatchObject({ modules: { A: 4333, B: 3000 }, complete: true });
  });
});

describe('the conflict of interest', () => {
  it('the queue never lists the judge’s own unit; viewing or marking such a contestant answers 403 and is logged', async () => {
    const f = await setUpSkillsEvent(server, { judges: 3 });
    const judge = f.judges[0];
    const own = f.contestants.find((c) => c.unitId === judge.unitId)!;
    const queue = (await judge.client.get('/api/skills/mark/queue')).body;
    const listed = queue.events[0].contestants.map((c: { id: number }) => c.id);
    expect(listed).not.toContain(own.id);
    expect(listed).toHaveLength(f.contestants.length - 1);
    expect(JSON.stringify(queue)).not.toContain('示例选手');

    const view = await judge.client.get(`/api/skills/mark/contestants/${own.id}`);
    expect([view.status, view.body.error.code]).toEqual([403, 'conflict_of_interest']);
    const write = await judge.client.put('/api/skills/marks', { contestantId: own.id, aspectId: f.aspects.A1, value: 3 });
    expect([write.status, write.body.error.code]).toEqual([403, 'conflict_of_interest']);
    const marks = await server.db.selectFrom('skills_marks').select('id').where('contestant_id', '=', own.id).execute();
    expect(marks).toEqual([]);
    const log = await server.db.selectFrom('audit_log').select(['action', 'after_json', 'username']).where('action', '=', 'skills.conflict_refused').where('entity_id', '=', String(own.id)).execute();
    expect(log.map((l) => [l.username, JSON.parse(l.after_json!).attempt])).toEqual([
      [judge.username, 'view'],
      [judge.username, 'mark'],
    ]);
  });

  it('a judge of another event gets 404 for this event’s contestant; a J score above 3 answers 400 naming value', async () => {
    const f = await setUpSkillsEvent(server, { judges: 3 });
    const other = await setUpSkillsEvent(server, { judges: 3 });
    const outsider = await other.judges[0].client.put('/api/skills/marks', { contestantId: f.contestants[3].id, aspectId: f.aspects.A1, value: 2 });
    expect(outsider.status).toBe(404);
    const tooHigh = await f.judges[0].client.put('/api/skills/marks', { contestantId: f.contestants[3].id, aspectId: f.aspects.A1, value: 4 });
    expect([tooHigh.status, tooHigh.body.error.field]).toEqual([400, 'value']);
    const mTooHigh = await f.judges[0].client.put('/api/skills/marks', { contestantId: f.contestants[3].id, aspectId: f.aspects.A2, value: 1001 });
    expect([mTooHigh.status, mTooHigh.body.error.field]).toEqual([400, 'value']);
  });
});

describe('spread moderation', () => {
  it('a spread above the tolerance is held for the chief judge, who moderates with a reason; raw marks are kept; a chief never moderates a mark they gave', async () => {
    const f = await setUpSkillsEvent(server, { judges: 5, chief: 4 });
    const c = f.contestants[0];
    // Judges 1–3 mark (judge 0 is of c's unit); the chief (judge 4) does not mark A1.
    for (const [i, value] of [[1, 0], [2, 3], [3, 3]] as const) await f.judges[i].client.put('/api/skills/marks', { contestantId: c.id, aspectId: f.aspects.A1, value });
    const chief = f.judges[4];
    const list = (await chief.client.get(`/api/skills/events/${f.eventId}/moderation`)).body.items;
    expect(list.map((i: { contestantId: number; aspectCode: string; spread: number }) => [i.contestantId, i.aspectCode, i.spread])).toEqual([[c.id, 'A1', 3]]);
    expect(row(await results(f), c.id).complete).toBe(false);

    const plain = await f.judges[1].client.post('/api/skills/moderations', { contestantId: c.id, aspectId: f.aspects.A1, method: 'median', reason: '复议' });
    expect(plain.status).toBe(403);
    const noReason = await chief.client.post('/api/skills/moderations', { contestantId: c.id, aspectId: f.aspects.A1, method: 'median' });
    expect([noReason.status, noReason.body.error.field]).toEqual([400, 'reason']);
    const done = await chief.client.post('/api/skills/moderations', { contestantId: c.id, aspectId: f.aspects.A1, method: 'median', reason: '一名裁判误读细则,取中位数' });
    expect(done.status).toBe(200);
    const after = (await chief.client.get(`/api/skills/events/${f.eventId}/moderation`)).body.items[0];
    expect(after.moderation).toMatchObject({ method: 'median', value: 300, markCenti: 6000 });
    expect(after.entries.map((e: { value: number }) => e.value).sort()).toEqual([0, 3, 3]);

    // The chief marks B1, spreads it, and may not moderate it.
    for (const [i, value] of [[1, 0], [2, 3], [4, 3]] as const) await f.judges[i].client.put('/api/skills/marks', { contestantId: c.id, aspectId: f.aspects.B1, value });
    const own = await chief.client.post('/api/skills/moderations', { contestantId: c.id, aspectId: f.aspects.B1, method: 'mean', reason: '复议' });
    expect([own.status, own.body.error.code]).toEqual([403, 'moderator_marked']);
  });
});

describe('sign-off, lock and unlock', () => {
  it('sign-off is refused while marks are missing (409), then locks the module: marks answer 409 until an unlock with a reason, which is logged', async () => {
    const f = await setUpSkillsEvent(server, { judges: 4, chief: 3 });
    const chief = f.judges[3];
    const early = await chief.client.post(`/api/skills/modules/${f.modules.A}/sign-off`);
    expect([early.status, early.body.error.code]).toEqual([409, 'marks_incomplete']);
    for (const c of f.contestants) await markAll(f, c.id, { A1: [2, 2, 2], B1: [1, 1, 1] });
    expect((await chief.client.post(`/api/skills/modules/${f.modules.A}/sign-off`)).status).toBe(200);
    const c = f.contestants[0];
    const locked = await f.judges[1].client.put('/api/skills/marks', { contestantId: c.id, aspectId: f.aspects.A1, value: 3 });
    expect([locked.status, locked.body.error.code]).toEqual([409, 'marks_locked']);
    // Module B is still open.
    expect((await f.judges[1].client.put('/api/skills/marks', { contestantId: c.id, aspectId: f.aspects.B1, value: 2 })).status).toBe(200);

    const noReason = await chief.client.post(`/api/skills/modules/${f.modules.A}/unlock`, {});
    expect([noReason.status, noReason.body.error.field]).toEqual([400, 'reason']);
    const byJudge = await f.judges[1].client.post(`/api/skills/modules/${f.modules.A}/unlock`, { reason: '复核' });
    expect(byJudge.status).toBe(403);
    expect((await chief.client.post(`/api/skills/modules/${f.modules.A}/unlock`, { reason: '复核发现录入错误' })).status).toBe(200);
    expect((await f.judges[1].client.put('/api/skills/marks', { contestantId: c.id, aspectId: f.aspects.A1, value: 3 })).status).toBe(200);
    const log = await server.db.selectFrom('audit_log').select(['action', 'after_json']).where('entity', '=', 'skills_module').where('entity_id', '=', String(f.modules.A)).orderBy('id').execute();
    expect(log.map((l) => l.action)).toEqual(['skills.module.sign_off', 'skills.module.unlock']);
    expect(JSON.parse(log[1].after_json!).reason).toBe('复核发现录入错误');
  });
});

describe('ranking and the qualification cut', () => {
  it('a tie on total at the last place is warned; a module decides it; a full tie waits for the jury, whose decision then orders it', async () => {
    const f = await setUpSkillsEvent(server, { judges: 4, event: { places: 2 } });
    const [c0, c1, c2, c3] = f.contestants.map((c) => c.id);
    await markAll(f, c0, { A1: [3, 3, 3], B1: [3, 3, 3] }); // 100
    await markAll(f, c1, { A1: [3, 3, 3], B1: [0, 0, 0] }); // A 70, B 0 → 70
    await markAll(f, c2, { A1: [2, 2, 2], B1: [1, 1, 1] }, 1000); // A 40+10, B 10 → 60
    await markAll(f, c3, { A1: [2, 2, 2], B1: [3, 3, 3] }, 0); // A 40, B 30 → 70
    let body = await results(f);
    expect(body.rows.map((r: { contestantId: number; position: number; qualified: boolean }) => [r.contestantId, r.position, r.qualified])).toEqual([
      [c0, 1, true],
      [c1, 2, true],
      [c3, 3, false],
      [c2, 4, false],
    ]);
    expect(body.cutWarning).toEqual({ contestantIds: [c1, c3], decidedBy: 'module:A' });

    // Make c3 equal c1 in every module: only the jury can separate them.
    await markAll(f, c3, { A1: [3, 3, 3], B1: [0, 0, 0] }, 1000);
    body = await results(f);
    expect(body.cutWarning.decidedBy).toBe('reg_no');
    expect([row(body, c1).position, row(body, c3).position]).toEqual([2, 2]);
    const jury = await f.organiser.put(`/api/skills/contestants/${c3}/jury`, { juryRank: 1, reason: '仲裁委员会复核现场记录' });
    expect(jury.status).toBe(200);
    await f.organiser.put(`/api/skills/contestants/${c1}/jury`, { juryRank: 2, reason: '仲裁委员会复核现场记录' });
    body = await results(f);
    expect([row(body, c3).position, row(body, c3).qualified, row(body, c1).position, row(body, c1).qualified]).toEqual([2, true, 3, false]);
    expect(body.cutWarning.decidedBy).toBe('jury');
  });
});

describe('embargo, appeals and certificates', () => {
  it('results stay embargoed (403) for judges and contestants until the release time; appeals only in the window; certificates after it, checked by the public page', async () => {
    const f = await setUpSkillsEvent(server, { judges: 4, chief: 3, competition: { releaseAt: hoursFromNow(5) } });
    const contestantUser = await server.as('xuanshou');
    const mine = f.contestants[1];
    await server.db.updateTable('skills_contestants').set({ user_id: server.users.get('xuanshou')!.id }).where('id', '=', mine.id).execute();
    for (const c of f.contestants) await markAll(f, c.id, { A1: [3, 2, 2], B1: [2, 2, 2] });
    for (const m of Object.values(f.modules)) expect((await f.judges[3].client.post(`/api/skills/modules/${m}/sign-off`)).status).toBe(200);

    const embargoed = await f.judges[0].client.get(`/api/skills/events/${f.eventId}/results`);
    expect([embargoed.status, embargoed.body.error.code]).toEqual([403, 'results_embargoed']);
    const me = (await contestantUser.get('/api/skills/me')).body.items.find((e: { contestant: { id: number } }) => e.contestant.id === mine.id);
    expect(me.result).toBeNull();
    expect((await contestantUser.post('/api/skills/appeals', { contestantId: mine.id, text: '对模块A评分有异议' })).status).toBe(409);
    expect((await f.organiser.post(`/api/skills/events/${f.eventId}/certificates`)).body.error.code).toBe('not_released');

    const put = (releaseAt: string) => f.organiser.put(`/api/skills/competitions/${f.competitionId}`, buildCompetition({ name: '示例技能大赛', judgesPerUnit: 3, releaseAt }));
    expect((await put(hoursFromNow(-1))).status).toBe(200);
    expect((await f.judges[0].client.get(`/api/skills/events/${f.eventId}/results`)).status).toBe(200);
    const appeal = await contestantUser.post('/api/skills/appeals', { contestantId: mine.id, text: '对模块A评分有异议' });
    expect(appeal.status).toBe(201);
    const other = await contestantUser.post('/api/skills/appeals', { contestantId: f.contestants[2].id, text: '替别人申诉一下' });
    expect(other.status).toBe(404);
    expect((await f.organiser.post(`/api/skills/events/${f.eventId}/certificates`)).body.error.code).toBe('appeals_open');

    await put(hoursFromNow(-3));
    expect((await f.organiser.post(`/api/skills/events/${f.eventId}/certificates`)).body.error.code).toBe('appeals_pending');
    expect((await f.organiser.post(`/api/skills/appeals/${appeal.body.id}/ruling`, { status: 'rejected', ruling: '经复核评分无误' })).status).toBe(200);
    expect((await f.organiser.post(`/api/skills/appeals/${appeal.body.id}/ruling`, { status: 'upheld', ruling: '改判' })).status).toBe(409);
    const issued = await f.organiser.post(`/api/skills/events/${f.eventId}/certificates`);
    expect(issued.body).toEqual({ issued: 4 });

    const entry = (await contestantUser.get('/api/skills/me')).body.items.find((e: { contestant: { id: number } }) => e.contestant.id === mine.id);
    expect(entry.result.totalCenti).toBe(row(await results(f), mine.id).totalCenti);
    const code = entry.certificate.code as string;
    const check = await server.anonymous().get(`/api/public/certificates/${code.toLowerCase()}`);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ valid: true, code, name: expect.stringContaining('示例选手'), kind: expect.stringMatching(/qualified|participation/) });
    expect((await server.anonymous().get('/api/public/certificates/AAAA-BBBB-CCCC')).status).toBe(404);
    const pdf = await contestantUser.get(`/api/skills/certificates/${code}/pdf`);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(Buffer.from(pdf.raw!).subarray(0, 5).toString()).toBe('%PDF-');
    const othersPdf = await contestantUser.get(`/api/skills/certificates/${row(await results(f), f.contestants[0].id).certificateCode}/pdf`);
    expect(othersPdf.status).toBe(404);
  });
});
