import ExcelJS from 'exceljs';
import type { CompetitionInput, ContestantInput, EventInput } from '../../src/shared/skills.js';
import { createUser } from '../../src/server/auth/users.js';
import type { ApiClient } from './client.js';
import { TEST_PASSWORD, type TestServer } from './server.js';
import { upload } from './upload.js';

let serial = 0;

export function buildCompetition(overrides: Partial<CompetitionInput> = {}): CompetitionInput {
  return { name: `示例技能大赛${++serial}`, site: '示例赛点', startsOn: '2023-05-15', endsOn: '2023-05-21', judgesPerUnit: 3, contestantsPerUnit: 3, spreadTolerance: 2, releaseAt: null, appealHours: 2, ...overrides };
}

export function buildSkillsEvent(overrides: Partial<EventInput> = {}): EventInput {
  return { code: `EV${++serial}`, name: '示例赛项', venue: '示例场地', startsOn: '2023-05-15', places: 2, judgesPerAspect: 3, ...overrides };
}

export function buildContestant(unitId: number, overrides: Partial<ContestantInput> = {}): ContestantInput {
  return { unitId, name: `示例选手${++serial}`, category: 'student', birthDate: '2002-03-01', ...overrides };
}

/** A scheme workbook: rows of [module, module name, aspect, description, kind, max]. */
export async function schemeWorkbook(rows: (string | number)[][], header = ['模块编号', '模块名称', '评分项编号', '评分项描述', '类型(M/J)', '分值']): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('评分标准');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Module A: one J aspect of 60 and one M of 10; module B: one J of 30. */
export const SIMPLE_SCHEME = [
  ['A', '模块甲', 'A1', '评价项', 'J', 60],
  ['A', '模块甲', 'A2', '测量项', 'M', 10],
  ['B', '模块乙', 'B1', '评价项', 'J', 30],
];

export interface SkillsFixture {
  organiser: ApiClient;
  competitionId: number;
  eventId: number;
  units: number[];
  /** judge clients in order; judge i comes from units[i % units.length]'s neighbour (see below). */
  judges: { client: ApiClient; id: number; unitId: number; username: string }[];
  contestants: { id: number; unitId: number }[];
  aspects: { A1: number; A2: number; B1: number };
  modules: { A: number; B: number };
}

/**
 * An event set up through the API: `unitCount` units, one contestant per unit, and judges with
 * accounts: judge i belongs to unit i, so each judge has exactly one contestant of their own unit.
 */
export async function setUpSkillsEvent(server: TestServer, options: { judges: number; chief?: number; competition?: Partial<CompetitionInput>; event?: Partial<EventInput> }): Promise<SkillsFixture> {
  const organiser = await server.as('saishi');
  const competitionId = (await organiser.post('/api/skills/competitions', buildCompetition(options.competition))).body.id;
  const delegation = (await organiser.post(`/api/skills/competitions/${competitionId}/delegations`, { prefecture: `示例地州${++serial}` })).body.id;
  const units: number[] = [];
  const unitCount = Math.max(options.judges, 4);
  for (let i = 0; i < unitCount; i++) {
    units.push((await organiser.post(`/api/skills/competitions/${competitionId}/units`, { name: `示例单位${serial}-${i}`, kind: 'school', delegationId: delegation })).body.id);
  }
  const eventId = (await organiser.post(`/api/skills/competitions/${competitionId}/events`, buildSkillsEvent(options.event))).body.id;
  const imported = await upload(organiser, `/api/skills/events/${eventId}/scheme`, { name: 'scheme.xlsx', data: await schemeWorkbook(SIMPLE_SCHEME) });
  if (imported.status !== 200) throw new Error(`scheme import: ${JSON.stringify(imported.body)}`);
  const contestants = [];
  for (const unitId of units) contestants.push({ id: (await organiser.post(`/api/skills/events/${eventId}/contestants`, buildContestant(unitId))).body.id, unitId });
  await organiser.post(`/api/skills/events/${eventId}/eligibility`);
  const judges = [];
  for (let i = 0; i < options.judges; i++) {
    const username = `judge${++serial}`;
    const user = await createUser({ db: server.db, username, password: TEST_PASSWORD, displayName: username, role: 'judge' });
    server.users.set(username, user);
    const res = await organiser.post(`/api/skills/events/${eventId}/judges`, { unitId: units[i], name: `示例裁判${i}`, username, isChief: i === options.chief });
    if (res.status !== 201) throw new Error(`judge: ${JSON.stringify(res.body)}`);
    judges.push({ client: await server.as(username), id: res.body.id, unitId: units[i], username });
  }
  const scheme = (await organiser.get(`/api/skills/events/${eventId}/scheme`)).body;
  const aspect = (code: string) => scheme.modules.flatMap((m: { aspects: { code: string; id: number }[] }) => m.aspects).find((a: { code: string }) => a.code === code).id;
  return {
    organiser,
    competitionId,
    eventId,
    units,
    judges,
    contestants,
    aspects: { A1: aspect('A1'), A2: aspect('A2'), B1: aspect('B1') },
    modules: { A: scheme.modules[0].id, B: scheme.modules[1].id },
  };
}

/** Every judge free to marks every aspect of `contestantId`: J scores from `scores` by judge index, M full marks. */
export async function markAll(f: SkillsFixture, contestantId: number, scores: Record<'A1' | 'B1', number[]>, mValue = 1000): Promise<void> {
  const contestant = f.contestants.find((c) => c.id === contestantId)!;
  const free = f.judges.filter((j) => j.unitId !== contestant.unitId);
  for (const [i, judge] of free.entries()) {
    for (const code of ['A1', 'B1'] as const) {
      if (scores[code][i] === undefined) continue;
      const res = await judge.client.put('/api/skills/marks', { contestantId, aspectId: f.aspects[code], value: scores[code][i] });
      if (res.status !== 200) throw new Error(`mark: ${JSON.stringify(res.body)}`);
    }
  }
  await free[0].client.put('/api/skills/marks', { contestantId, aspectId: f.aspects.A2, value: mValue });
}
