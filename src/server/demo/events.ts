import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreateGuestInput } from '../../shared/events.js';
import type { DB } from '../db/schema.js';
import { addGuest, checkInGuest, createEvent } from '../events/commands.js';
import { addStop, createGroup } from '../events/groups.js';
import { addSigning } from '../events/signings.js';
import { REGION_CODES as R } from '../regions/data.js';
import { DEMO_PROJECTS } from './projects.js';

// The 2023-05-17 conference at 昌吉迎宾馆. The report gives the name, theme, venue, date, the five places
// the visit groups drove to that morning, five of the people (张军, 阳春, 王青, 刘晴, 刘锡鸿), three of the
// enterprises visited and the signing's totals. Everything else here is a sample and named 示例.
const DESCRIPTION =
  '全面部署开展实体经济振兴发展三年行动,聚焦重点产业链进行集群招商。' +
  '示例说明:主办/承办单位、考察日程时间、报道未点名的考察点与嘉宾(标“示例”)、签到记录均为示例;' +
  '16个签约项目与项目台账中的演示项目一一对应,单个项目金额为示例,合计57.42亿元与报道一致。';

type StopSpec = { place: string; region: string; at: string; host?: string; enterprise?: string; activity: string };
const GROUPS: { name: string; leader: string; stops: StopSpec[] }[] = [
  {
    name: '第一组:木垒县', leader: '示例带队领导(木垒县)',
    stops: [
      { place: '木垒县风电装备产业园(示例)', region: R.mulei, at: '09:30', activity: '听讲解、看规划' },
      { place: '新疆东方风电新能源有限公司 风电装备制造基地', region: R.mulei, at: '10:30', enterprise: '新疆东方风电新能源有限公司', host: '张军', activity: '进企业' },
    ],
  },
  {
    name: '第二组:吉木萨尔县', leader: '示例带队领导(吉木萨尔县)',
    stops: [
      { place: '吉木萨尔县产业园区规划展示(示例)', region: R.jimsar, at: '09:30', activity: '听讲解、看规划' },
      { place: '示例吉木萨尔风电场开发有限公司', region: R.jimsar, at: '10:40', enterprise: '示例吉木萨尔风电场开发有限公司', host: '示例企业负责人', activity: '进企业' },
    ],
  },
  {
    name: '第三组:阜康市', leader: '示例带队领导(阜康市)',
    stops: [
      { place: '阜康产业园规划展示(示例)', region: R.fukang, at: '09:20', activity: '听讲解、看规划' },
      { place: '新疆维格瑞生物科技有限公司', region: R.fukang, at: '10:10', host: '示例企业负责人', activity: '进企业、对接合作' },
      { place: '示例阜康铸锻有限公司', region: R.fukang, at: '11:10', enterprise: '示例阜康铸锻有限公司', host: '示例企业负责人', activity: '进企业' },
    ],
  },
  {
    name: '第四组:昌吉国家高新技术产业开发区', leader: '示例带队领导(昌吉高新区)',
    stops: [
      { place: '昌吉高新区规划展示馆(示例)', region: R.gaoxin, at: '09:00', activity: '听讲解、看规划' },
      { place: '特变电工股份有限公司', region: R.gaoxin, at: '09:50', enterprise: '特变电工股份有限公司', host: '示例企业负责人', activity: '进企业' },
      { place: '示例昌吉电缆有限公司', region: R.gaoxin, at: '11:00', enterprise: '示例昌吉电缆有限公司', host: '示例企业负责人', activity: '进企业' },
    ],
  },
  {
    name: '第五组:新疆准东经济技术开发区', leader: '示例带队领导(准东开发区)',
    stops: [
      { place: '准东开发区规划展示(示例)', region: R.zhundong, at: '09:40', activity: '听讲解、看规划' },
      { place: '示例准东新能源电站有限公司', region: R.zhundong, at: '10:50', enterprise: '示例准东新能源电站有限公司', host: '示例企业负责人', activity: '进企业' },
    ],
  },
];

// [name, organisation, title, category, group (1-5, 0 = none), invitation status, checked in]
type GuestSpec = [string, string, string, CreateGuestInput['category'], number, CreateGuestInput['invitationStatus'], boolean];
const GUESTS: GuestSpec[] = [
  ['张军', '新疆东方风电新能源有限公司', '执行董事、总经理', 'enterprise', 1, 'accepted', true],
  ['阳春', '东莞全球环保科技有限公司', '总经理', 'enterprise', 3, 'accepted', true],
  ['王青', '南昌荣凯实业有限公司', '总经理', 'enterprise', 4, 'accepted', false],
  ['刘晴', '江西龙泰新材料股份有限公司', '总经理', 'enterprise', 4, 'accepted', true],
  ['刘锡鸿', '昌吉州工业和信息化局', '党组书记', 'government', 0, 'accepted', true],
  ['示例嘉宾01', '北京双杰电气股份有限公司', '示例职务', 'enterprise', 1, 'accepted', true],
  ['示例嘉宾02', '唐山海泰新能科技股份有限公司', '示例职务', 'enterprise', 1, 'accepted', true],
  ['示例嘉宾03', '新疆示例新能源有限公司', '示例职务', 'enterprise', 1, 'accepted', false],
  ['示例嘉宾04', '示例企业02有限公司', '示例职务', 'enterprise', 2, 'accepted', true],
  ['示例嘉宾05', '示例企业03有限公司', '示例职务', 'enterprise', 2, 'accepted', true],
  ['示例嘉宾06', '示例企业04有限公司', '示例职务', 'enterprise', 2, 'accepted', false],
  ['示例嘉宾07', '示例企业05有限公司', '示例职务', 'enterprise', 3, 'accepted', true],
  ['示例嘉宾08', '示例企业06有限公司', '示例职务', 'enterprise', 3, 'accepted', true],
  ['示例嘉宾09', '示例企业07有限公司', '示例职务', 'enterprise', 4, 'accepted', true],
  ['示例嘉宾10', '示例企业08有限公司', '示例职务', 'enterprise', 4, 'accepted', false],
  ['示例嘉宾11', '示例企业09有限公司', '示例职务', 'enterprise', 5, 'accepted', true],
  ['示例嘉宾12', '示例企业10有限公司', '示例职务', 'enterprise', 5, 'accepted', true],
  ['示例嘉宾13', '新疆嘉润资源控股有限公司', '示例职务', 'enterprise', 0, 'accepted', true],
  ['示例嘉宾14', '特变电工股份有限公司', '示例职务', 'enterprise', 0, 'accepted', true],
  ['示例嘉宾15', '示例链主企业甲', '示例职务', 'enterprise', 0, 'accepted', false],
  ['示例嘉宾16', '示例链主企业乙', '示例职务', 'enterprise', 0, 'invited', false],
  ['示例嘉宾17', '示例链主企业丙', '示例职务', 'enterprise', 0, 'declined', false],
  ['示例嘉宾18', '木垒县人民政府(示例)', '示例职务', 'government', 1, 'accepted', true],
  ['示例嘉宾19', '吉木萨尔县人民政府(示例)', '示例职务', 'government', 2, 'accepted', true],
  ['示例嘉宾20', '阜康市人民政府(示例)', '示例职务', 'government', 3, 'accepted', true],
  ['示例嘉宾21', '昌吉高新区管委会(示例)', '示例职务', 'government', 4, 'accepted', false],
  ['示例嘉宾22', '准东开发区管委会(示例)', '示例职务', 'government', 5, 'accepted', true],
  ['示例嘉宾23', '州招商局(示例)', '示例职务', 'government', 0, 'accepted', true],
  ['示例嘉宾24', '示例媒体', '记者', 'media', 0, 'accepted', false],
  ['示例嘉宾25', '示例企业11有限公司', '示例职务', 'enterprise', 0, 'invited', false],
];

/** The conference with its visit groups, guests and the signing of the ledger's 16 demo projects. */
export async function createDemoEvents(db: Kysely<DB>, admin: CurrentUser): Promise<number> {
  const eventId = await createEvent({
    db,
    user: admin,
    isSample: true,
    input: {
      name: '2023年新疆·昌吉“链主”企业产业招商恳谈会',
      theme: '“链”上昌吉、融入“丝路”',
      startsOn: '2023-05-17',
      endsOn: '2023-05-17',
      venue: '昌吉迎宾馆',
      organiser: '昌吉回族自治州人民政府、州招商局(示例)',
      description: DESCRIPTION,
    },
  });
  const enterpriseId = async (name: string | undefined) =>
    name ? ((await db.selectFrom('enterprises').select('id').where('name', '=', name).executeTakeFirst())?.id ?? null) : null;
  const groupIds: number[] = [];
  for (const [i, g] of GROUPS.entries()) {
    const groupId = await createGroup({ db, user: admin, eventId, input: { name: g.name, leader: g.leader, sortOrder: i } });
    groupIds.push(groupId);
    for (const s of g.stops) {
      await addStop({
        db, user: admin, eventId, groupId,
        input: { place: s.place, regionCode: s.region, enterpriseId: await enterpriseId(s.enterprise), scheduledAt: `2023-05-17 ${s.at}`, host: s.host ?? '示例接待人', activity: s.activity },
      });
    }
  }
  for (const [i, [personName, organisation, title, category, group, invitationStatus, checkedIn]] of GUESTS.entries()) {
    const guestId = await addGuest({
      db, user: admin, eventId,
      input: { personName, organisation, title, category, invitationStatus, groupId: group ? groupIds[group - 1] : null, enterpriseId: await enterpriseId(organisation) },
    });
    if (checkedIn) {
      await checkInGuest({ db, user: admin, eventId, guestId });
      // The sample check-ins happened on the morning of the conference (08:00 on, Beijing time), not at load time.
      const at = new Date(Date.UTC(2023, 4, 17, 0, i)).toISOString();
      await db.updateTable('event_guests').set({ checked_in_at: at }).where('id', '=', guestId).execute();
    }
  }
  for (const p of DEMO_PROJECTS) {
    const project = await db.selectFrom('projects').select('id').where('name', '=', p.name).where('investor_name', '=', p.investorName).executeTakeFirstOrThrow();
    await addSigning({ db, user: admin, eventId, input: { projectId: project.id } });
  }
  return eventId;
}
