import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { buildCompetition, buildContestant, buildSkillsEvent, schemeWorkbook, SIMPLE_SCHEME } from '../../../tests/support/skills-fixture.js';
import { upload } from '../../../tests/support/upload.js';
import type { ApiClient } from '../../../tests/support/client.js';

let server: TestServer;
let organiser: ApiClient;
let competitionId: number;
let eventId: number;
let units: number[];

beforeAll(async () => {
  server = await startTestServer();
  organiser = await server.as('saishi');
  competitionId = (await organiser.post('/api/skills/competitions', buildCompetition({ contestantsPerUnit: 2, judgesPerUnit: 1 }))).body.id;
  const delegation = (await organiser.post(`/api/skills/competitions/${competitionId}/delegations`, { prefecture: '昌吉回族自治州' })).body.id;
  units = [];
  for (const name of ['示例单位甲', '示例单位乙']) units.push((await organiser.post(`/api/skills/competitions/${competitionId}/units`, { name, kind: 'school', delegationId: delegation })).body.id);
  eventId = (await organiser.post(`/api/skills/competitions/${competitionId}/events`, buildSkillsEvent({ categories: ['student', 'worker'], minAge: 16, maxAge: 35, startsOn: '2023-05-15' }))).body.id;
});
afterAll(async () => {
  await server?.close();
});

describe('set-up', () => {
  it('a second delegation for the same prefecture answers 409; an unknown host unit 400 naming hostUnitId', async () => {
    const dup = await organiser.post(`/api/skills/competitions/${competitionId}/delegations`, { prefecture: '昌吉回族自治州' });
    expect([dup.status, dup.body.error.field]).toEqual([409, 'prefecture']);
    const bad = await organiser.post(`/api/skills/competitions/${competitionId}/events`, buildSkillsEvent({ hostUnitId: 999_999 }));
    expect([bad.status, bad.body.error.field]).toEqual([400, 'hostUnitId']);
  });

  it('contest and platform accounts other than the organiser get 403 on set-up; a contest account gets 403 on the platform', async () => {
    for (const name of ['caipan', 'xuanshou', 'mulei']) {
      const client = await server.as(name);
      expect((await client.post('/api/skills/competitions', buildCompetition())).status).toBe(403);
      expect((await client.get(`/api/skills/events/${eventId}/contestants`)).status).toBe(403);
    }
    expect((await (await server.as('saishi')).get('/api/projects')).status).toBe(403);
    expect((await server.anonymous().get('/api/skills/competitions')).status).toBe(401);
  });
});

describe('registration limits and eligibility', () => {
  it('at most N contestants per unit per event (409 naming unitId); the check marks the wrong category and age ineligible with the reason', async () => {
    const ok1 = await organiser.post(`/api/skills/events/${eventId}/contestants`, buildContestant(units[0], { name: '示例选手·合格', birthDate: '2000-05-15' }));
    const ok2 = await organiser.post(`/api/skills/events/${eventId}/contestants`, buildContestant(units[0], { name: '示例选手·教师组', category: 'teacher' }));
    expect([ok1.status, ok2.status]).toEqual([201, 201]);
    const third = await organiser.post(`/api/skills/events/${eventId}/contestants`, buildContestant(units[0]));
    expect([third.status, third.body.error.code, third.body.error.field]).toEqual([409, 'unit_limit', 'unitId']);
    await organiser.post(`/api/skills/events/${eventId}/contestants`, buildContestant(units[1], { name: '示例选手·年龄', birthDate: '2007-05-16' }));
    const check = await organiser.post(`/api/skills/events/${eventId}/eligibility`);
    expect(check.body).toEqual({ eligible: 1, ineligible: 2 });
    const list = (await organiser.get(`/api/skills/events/${eventId}/contestants?sort=name`)).body.items;
    const byName = Object.fromEntries(list.map((c: { name: string; eligibility: string; eligibilityNote: string }) => [c.name, [c.eligibility, c.eligibilityNote]]));
    expect(byName['示例选手·合格']).toEqual(['eligible', '']);
    expect(byName['示例选手·教师组'][1]).toContain('不设教师组');
    // Born 2007-05-16: fifteen on 2023-05-15, one day short of sixteen.
    expect(byName['示例选手·年龄'][1]).toContain('15 岁');
    const reg = list.map((c: { regNo: string; blindCode: string }) => [c.regNo, /^G\d{3}$/.test(c.blindCode)]);
    expect(reg.every(([, blind]: [string, boolean]) => blind)).toBe(true);
  });

  it('the list searches, filters and exports to Excel', async () => {
    const found = (await organiser.get(`/api/skills/events/${eventId}/contestants?q=${encodeURIComponent('教师')}`)).body;
    expect(found.items.map((c: { name: string }) => c.name)).toEqual(['示例选手·教师组']);
    const eligible = (await organiser.get(`/api/skills/events/${eventId}/contestants?eligibility=eligible`)).body;
    expect(eligible.total).toBe(1);
    const xlsx = await organiser.get(`/api/skills/events/${eventId}/contestants.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.raw!);
    expect(workbook.worksheets[0].getRow(1).getCell(2).value).toBe('姓名');
    expect(workbook.worksheets[0].rowCount).toBe(1 + 3 + 1);
  });

  it('at most N judges per unit per event; a judge account must be a judge', async () => {
    expect((await organiser.post(`/api/skills/events/${eventId}/judges`, { unitId: units[0], name: '示例裁判', username: 'caipan' })).status).toBe(201);
    const full = await organiser.post(`/api/skills/events/${eventId}/judges`, { unitId: units[0], name: '示例裁判二' });
    expect([full.status, full.body.error.code]).toEqual([409, 'unit_limit']);
    const wrong = await organiser.post(`/api/skills/events/${eventId}/judges`, { unitId: units[1], name: '示例裁判三', username: 'xuanshou' });
    expect([wrong.status, wrong.body.error.field]).toEqual([400, 'username']);
  });
});

describe('marking-scheme import', () => {
  it('the template downloads and imports as it is', async () => {
    const template = await organiser.get('/api/skills/scheme-template.xlsx');
    expect(template.status).toBe(200);
    const res = await upload(organiser, `/api/skills/events/${eventId}/scheme`, { name: '模板.xlsx', data: Buffer.from(template.raw!) });
    expect([res.status, res.body.totalCenti, res.body.modules.map((m: { code: string }) => m.code)]).toEqual([200, 10_000, ['A', 'B']]);
  });

  it('problems are named by row and column, all at once, and nothing is written; totals must be 100', async () => {
    const before = (await organiser.get(`/api/skills/events/${eventId}/scheme`)).body;
    const bad = await schemeWorkbook([
      ['A', '模块甲', 'A1', '评价项', 'X', 60],
      ['A', '模块乙', 'A1', '', 'J', -1],
      ['B', '模块乙', 'B1', '评价项', 'M', 30],
    ]);
    const res = await upload(organiser, `/api/skills/events/${eventId}/scheme`, { name: 'bad.xlsx', data: bad });
    expect([res.status, res.body.error.code]).toEqual([400, 'scheme_invalid']);
    expect(res.body.problems.map((p: { row: number; column: string }) => [p.row, p.column])).toEqual([
      [2, '类型(M/J)'],
      [3, '模块名称'],
      [3, '评分项编号'],
      [3, '评分项描述'],
      [3, '分值'],
    ]);
    const short = await upload(organiser, `/api/skills/events/${eventId}/scheme`, { name: 'short.xlsx', data: await schemeWorkbook(SIMPLE_SCHEME.slice(0, 2)) });
    expect(short.body.problems).toEqual([{ row: null, column: '分值', message: '分值合计为 70.00,应为 100' }]);
    const header = await upload(organiser, `/api/skills/events/${eventId}/scheme`, { name: 'h.xlsx', data: await schemeWorkbook(SIMPLE_SCHEME, ['模块', '模块名称', '评分项编号', '评分项描述', '类型(M/J)', '分值']) });
    expect(header.body.problems[0]).toMatchObject({ row: 1, column: '模块编号' });
    const notXlsx = await upload(organiser, `/api/skills/events/${eventId}/scheme`, { name: 'a.csv', data: Buffer.from('a,b') });
    expect([notXlsx.status, notXlsx.body.error.field]).toEqual([400, 'file']);
    expect((await organiser.get(`/api/skills/events/${eventId}/scheme`)).body).toEqual(before);
  });
});
