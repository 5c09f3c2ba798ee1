import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { SkillsCategory } from '../../shared/skills.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { moderate, signOffModule } from '../skills/marking.js';
import { addJudge, checkEligibility, registerContestant } from '../skills/registration.js';
import { issueCertificates } from '../skills/results.js';
import { importScheme, type ParsedAspect } from '../skills/scheme.js';
import { touchEvents } from '../skills/evaluate.js';
import { addDelegation, addUnit, createCompetition, createEvent } from '../skills/setup.js';

// The Changji site of the 2nd national vocational skills competition's Xinjiang selection (report,
// 2023-05-15): the host college, the three events it ran and the fourteen prefectures. The report
// gives no people, units below the prefectures, schemes or marks: those are samples, named 示例.
// 机器人焊接技术 is marked, moderated, signed off and certified; 工业互联网工程技术 is being marked,
// and the demo judge `caipan` (of 示例单位·昌吉职业院校) finds his own unit's contestants kept from him.

export const DEMO_HOST = '新疆昌吉职业技术学院(昌吉技师培训学院)';
export const DEMO_JUDGE_UNIT = '示例单位·昌吉职业院校';
const PREFECTURES = ['乌鲁木齐市', '克拉玛依市', '吐鲁番市', '哈密市', '昌吉回族自治州', '伊犁哈萨克自治州', '塔城地区', '阿勒泰地区', '博尔塔拉蒙古自治州', '巴音郭楞蒙古自治州', '阿克苏地区', '克孜勒苏柯尔克孜自治州', '喀什地区', '和田地区'];
const UNITS: [string, string, 'school' | 'enterprise'][] = [
  [DEMO_JUDGE_UNIT, '昌吉回族自治州', 'school'],
  ['示例单位·乌鲁木齐职业院校', '乌鲁木齐市', 'school'],
  ['示例单位·克拉玛依石化企业', '克拉玛依市', 'enterprise'],
  ['示例单位·伊犁职业院校', '伊犁哈萨克自治州', 'school'],
  ['示例单位·哈密能源企业', '哈密市', 'enterprise'],
  ['示例单位·巴州职业院校', '巴音郭楞蒙古自治州', 'school'],
  ['示例单位·阿克苏职业院校', '阿克苏地区', 'school'],
  ['示例单位·喀什职业院校', '喀什地区', 'school'],
];
const EVENTS = [
  { code: 'GYHLW', name: '工业互联网工程技术', venue: '示例:实训楼A区 工业互联网实训室' },
  { code: 'ZCZZ', name: '增材制造设备技术', venue: '示例:实训楼B区 增材制造实训室' },
  { code: 'JQRHJ', name: '机器人焊接技术', venue: '示例:焊接实训中心' },
];
// module, name, [code, description, kind, max]: three modules adding up to 100 in every event.
const SCHEME: [string, string, [string, string, 'M' | 'J', number][]][] = [
  ['A', '示例模块:方案设计与安全', [['A1', '示例:方案完整、参数正确', 'M', 10], ['A2', '示例:安全操作与防护', 'J', 10]]],
  ['B', '示例模块:装调与编程', [['B1', '示例:功能点逐项实现', 'M', 30], ['B2', '示例:工艺规范性', 'J', 20]]],
  ['C', '示例模块:成品质量', [['C1', '示例:尺寸与精度测量', 'M', 15], ['C2', '示例:成品外观与整体质量', 'J', 15]]],
];
const SURNAMES = '甲乙丙丁戊己庚辛壬癸';
const CATEGORIES: SkillsCategory[] = ['student', 'student', 'worker', 'teacher'];

function schemeAspects(): ParsedAspect[] {
  return SCHEME.flatMap(([moduleCode, moduleName, aspects]) => aspects.map(([code, description, kind, max]) => ({ moduleCode, moduleName, code, description, kind, maxCenti: max * 100 })));
}

/** A sample judge's 0–3: stronger contestants score higher; judges differ by at most two points. */
function sampleScore(contestant: number, aspect: number, judge: number): number {
  const base = contestant % 3 === 0 ? 2 : 1;
  return base + ((contestant * 7 + aspect * 3 + judge) % 3) - 1;
}

export async function createDemoSkills(db: Kysely<DB>, users: Map<string, CurrentUser>): Promise<number> {
  const organiser = users.get('saishi')!;
  const competitionId = await createCompetition({
    db,
    user: organiser,
    isSample: true,
    input: {
      name: '第二届全国职业技能大赛新疆选拔赛(昌吉赛点)',
      site: DEMO_HOST,
      startsOn: '2023-05-15',
      endsOn: '2023-05-21',
      judgesPerUnit: 2,
      contestantsPerUnit: 3,
      spreadTolerance: 2,
      releaseAt: '2023-05-21T18:00:00+08:00',
      appealHours: 2,
    },
  });
  const delegations = new Map<string, number>();
  for (const prefecture of PREFECTURES) delegations.set(prefecture, await addDelegation({ db, user: organiser, competitionId, input: { prefecture, leader: '示例领队' }, isSample: true }));
  const hostId = await addUnit({ db, user: organiser, competitionId, input: { name: DEMO_HOST, kind: 'host', delegationId: delegations.get('昌吉回族自治州')! } });
  const unitIds: number[] = [];
  for (const [name, prefecture, kind] of UNITS) unitIds.push(await addUnit({ db, user: organiser, competitionId, isSample: true, input: { name, kind, delegationId: delegations.get(prefecture)! } }));

  for (const [e, spec] of EVENTS.entries()) {
    const eventId = await createEvent({ db, user: organiser, competitionId, isSample: true, input: { ...spec, hostUnitId: hostId, startsOn: '2023-05-15', places: 2, judgesPerAspect: 3 } });
    await importScheme({ db, user: organiser, eventId, aspects: schemeAspects() });
    for (let i = 0; i < 8; i++) {
      // Two from the demo judge's own unit in each event, then one each from the others.
      const unit = unitIds[i < 2 ? 0 : i - 1];
      const own = e === 2 && i === 2;
      const tooYoung = e === 1 && i === 7;
      await registerContestant({
          db,
          user: organiser,
          eventId,
          isSample: true,
          input: { unitId: unit, name: own ? '示例选手·技能大赛' : `示例选手${SURNAMES[i]}${e + 1}`, category: CATEGORIES[i % 4], birthDate: tooYoung ? '2009-06-01' : `${2001 - (i % 4) * 3}-0${(i % 9) + 1}-15`, username: own ? 'xuanshou' : null },
        });
    }
    await checkEligibility({ db, user: organiser, eventId });
    const judges: Judge[] = [];
    for (const [j, unitId] of [unitIds[7], unitIds[1], unitIds[2], unitIds[3], unitIds[4], unitIds[5]].entries()) {
      const id = await addJudge({ db, user: organiser, eventId, isSample: true, input: { unitId, name: j === 0 ? `示例裁判长${e + 1}` : `示例裁判${SURNAMES[j]}${e + 1}`, isChief: j === 0 } });
      judges.push({ id, unitId });
    }
    if (e === 0) await addJudge({ db, user: organiser, eventId, input: { unitId: unitIds[0], name: '裁判员(示例)', username: 'caipan' } });
    if (e === 1) continue;
    await sampleMarks(db, organiser, eventId, judges, e === 2 ? 5 : 2);
    if (e === 2) {
      const modules = await db.selectFrom('skills_modules').select('id').where('event_id', '=', eventId).orderBy('sort_order').execute();
      for (const m of modules) await signOffModule({ db, user: organiser, moduleId: m.id });
    }
  }
  await issueCertificates({ db, user: organiser, eventId: (await db.selectFrom('skills_events').select('id').where('code', '=', 'JQRHJ').executeTakeFirstOrThrow()).id });
  return competitionId;
}

interface Judge {
  id: number;
  unitId: number;
}

/**
 * The sample judges' marks, written straight to the table (they have no accounts to sign in with).
 * The rules hold as in the app: nobody marks their own unit's contestant. Each M aspect is marked by
 * the first judge free to, each J aspect by the first `jJudges` of them; one spread goes to moderation.
 */
async function sampleMarks(db: Kysely<DB>, organiser: CurrentUser, eventId: number, judges: Judge[], jJudges: number): Promise<void> {
  const aspects = await db.selectFrom('skills_aspects').selectAll().where('event_id', '=', eventId).orderBy('sort_order').execute();
  const contestants = await db.selectFrom('skills_contestants').select(['id', 'unit_id']).where('event_id', '=', eventId).where('eligibility', '=', 'eligible').orderBy('reg_no').execute();
  const rows: { contestant_id: number; aspect_id: number; judge_id: number; value: number; updated_at: string }[] = [];
  for (const [c, contestant] of contestants.entries()) {
    const free = judges.filter((j) => j.unitId !== contestant.unit_id);
    for (const [a, aspect] of aspects.entries()) {
      const mark = (judgeId: number, value: number) => rows.push({ contestant_id: contestant.id, aspect_id: aspect.id, judge_id: judgeId, value, updated_at: nowIso() });
      if (aspect.kind === 'M') mark(free[0].id, aspect.max_centi - ((c * 50 + a * 25) % 300));
      else free.slice(0, jJudges).forEach((j, k) => mark(j.id, c === 3 && a === 1 ? (k === 0 ? 0 : 3) : sampleScore(c, a, k)));
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('skills_marks').values(rows).execute();
    await touchEvents(trx, { eventId });
    await recordAudit(trx, { actor: organiser, action: 'demo.skills_marks', entity: 'skills_event', entityId: eventId, after: { marks: rows.length } });
  });
  if (contestants.length > 3 && jJudges >= 3) {
    await moderate({ db, user: organiser, input: { contestantId: contestants[3].id, aspectId: aspects[1].id, method: 'median', reason: '示例:一名裁判误读评分细则,经裁判长组织复议取中位数' } });
  }
}
