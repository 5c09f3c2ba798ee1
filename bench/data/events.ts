// Investment events (招商活动) as the 2023-05-17 conference shaped them: guests, five site-visit groups
// of three stops each, and for a third of the past events a signing ceremony whose projects are ledger
// projects signed that very day (event_signings.project_id is unique, so a project is signed once).
// search_text follows eventSearchText / guestSearchText of the events module (src/server/events/search.ts
// on feat-events, not on this branch yet): import them here once it is merged.
import { searchKey } from '../../src/server/db/search.js';
import { REGIONS } from '../../src/server/regions/data.js';
import type { Ctx } from './context.js';
import { enterpriseAt, personName } from './enterprises.js';
import type { BenchUser, ProjectInfo } from './projects.js';
import { chance, cumulate, int, logNormal, mulberry32, pick, shuffle, weighted, zipf } from './random.js';
import { DEPARTMENTS, LOCAL_PLACES } from './vocab.js';

export interface EventInfo { id: number; daysAgo: number; chainId: number }

const regionName = (code: string) => REGIONS.find((r) => r.code === code)!.name;
const REGION_CUM = cumulate(LOCAL_PLACES.map((p) => p[3]));
const EVENT_FORMS = [
  '{year}年昌吉州{chain}产业链招商推介会', '{year}年新疆·昌吉“链主”企业产业招商恳谈会', '{chain}产业链上下游企业对接会',
  '{year}年{region}重点项目集中签约仪式', '{cluster}产业招商专题推介会(第{n}期)', '{year}年{region}{chain}产业合作洽谈会',
];
const THEMES = ['“链”上昌吉、融入“丝路”', '以商招商、延链补链', '强链补链、共赢发展', '聚力产业链、共建新昌吉', ''];
const VENUES = ['昌吉迎宾馆', '{region}会展中心', '{region}人民政府会议中心', '乌鲁木齐国际会展中心', '昌吉州行政中心报告厅'];
const ORGANISERS = ['昌吉州人民政府', '州招商局', '{region}人民政府', '州商务局', '州工业和信息化局'];
const PLACES = ['规划展示馆', '产业园区', '标准化厂房', '项目建设现场', '企业服务中心'];
const ACTIVITIES = ['听讲解', '看规划', '进企业', '座谈交流', '参观生产线'];
const TITLES = {
  enterprise: ['董事长', '总经理', '副总经理', '项目经理', '投资总监'], government: ['局长', '副局长', '主任', '科长'], media: ['记者', '编辑'], other: ['研究员', '主任'],
};
const MEDIA = ['新疆日报', '昌吉日报', '天山网', '昌吉电视台', '亚心网'];
const GROUP_SIZE = 5;
const STOPS_PER_GROUP = 3;

export async function generateEvents(ctx: Ctx, projects: ProjectInfo[], users: BenchUser[]): Promise<EventInfo[]> {
  const { w, map, scale, seed } = ctx;
  const r = mulberry32(seed ^ 0xe7e7);
  const put = w.table('events', ['id', 'name', 'theme', 'starts_on', 'ends_on', 'venue', 'organiser', 'description', 'search_text', 'is_sample', 'version', 'created_by', 'created_at', 'updated_at']);
  const putGroup = w.table('event_groups', ['id', 'event_id', 'name', 'leader', 'note', 'sort_order']);
  const putStop = w.table('event_stops', ['id', 'group_id', 'seq', 'region_code', 'place', 'enterprise_id', 'scheduled_at', 'host', 'activity']);
  const putGuest = w.table('event_guests', [
    'id', 'event_id', 'enterprise_id', 'organisation', 'person_name', 'title', 'phone', 'category', 'invitation_status', 'group_id',
    'checked_in_at', 'checked_in_by', 'note', 'search_text', 'created_at', 'updated_at',
  ]);
  const putSigning = w.table('event_signings', [
    'id', 'event_id', 'project_id', 'seq', 'region_code', 'investor_name', 'investor_enterprise_id', 'partner_name', 'partner_enterprise_id',
    'partner_role', 'amount_yuan', 'signed_on', 'created_at',
  ]);
  const admins = users.filter((u) => u.role === 'admin');
  // Chain leaders are the stops' enterprises and the signings' partners; both need their names and regions.
  const leaders = map.chains.flatMap((c) => c.leaderIds.map((id) => enterpriseAt(ctx, id)));
  const leaderByName = new Map(leaders.map((e) => [e.name, e.id]));
  const leadersIn = new Map(LOCAL_PLACES.map(([code]) => [code, leaders.filter((e) => e.region === code)]));
  // Projects by the day they were signed, so a ceremony signs projects whose ledger says that day.
  const signedOn = new Map<number, ProjectInfo[]>();
  for (const p of projects) if (p.signedDaysAgo !== null) (signedOn.get(p.signedDaysAgo) ?? signedOn.set(p.signedDaysAgo, []).get(p.signedDaysAgo)!).push(p);
  const signingDays = [...signedOn.keys()];
  const events: EventInfo[] = [];
  let groupId = 0;
  let stopId = 0;
  let guestId = 0;
  let signingId = 0;
  w.phase('events', scale.events);
  for (let id = 1; id <= scale.events; id++) {
    // A third of them (past ones) are signing ceremonies, dated on a day projects were signed.
    const ceremony = signingDays.length > 0 && chance(r, 0.33);
    const daysAgo = ceremony ? pick(r, signingDays) : int(r, -60, 5 * 365);
    const chain = pick(r, map.chains);
    const host = weighted(r, LOCAL_PLACES, REGION_CUM)[0];
    const date = ctx.dateAt(daysAgo);
    const fill = (t: string) =>
      t.replace('{year}', date.slice(0, 4)).replace('{chain}', chain.name).replace('{cluster}', chain.clusterName)
        .replace('{region}', regionName(host)).replace('{n}', String(int(r, 1, 12)));
    const name = fill(pick(r, EVENT_FORMS));
    const theme = pick(r, THEMES);
    const venue = fill(pick(r, VENUES));
    const organiser = fill(pick(r, ORGANISERS));
    const creator = pick(r, admins);
    const created = ctx.isoAt(daysAgo + int(r, 20, 90));
    const updated = ctx.isoAt(Math.max(0, daysAgo - int(r, 0, 10)));
    const description = `${organiser}主办,围绕${chain.name}产业链开展项目推介、考察和签约。`;
    await put([id, name, theme, date, chance(r, 0.3) ? ctx.dateAt(daysAgo - 1) : date, venue, organiser, description,
      searchKey([name, theme, venue, organiser].join('\n')), 0, int(r, 1, 6), creator.id, created, updated]);
    events.push({ id, daysAgo, chainId: chain.id });

    // Five visit groups, each to a different county or park, three stops in the morning.
    const groupRegions = shuffle(r, LOCAL_PLACES.map((p) => p[0])).slice(0, GROUP_SIZE);
    const groups: number[] = [];
    for (const [i, region] of groupRegions.entries()) {
      groups.push(++groupId);
      await putGroup([groupId, id, `第${'一二三四五'[i]}组 ${regionName(region)}`, `${personName(r)}(州领导)`, '', i]);
      for (let seq = 1; seq <= STOPS_PER_GROUP; seq++) {
        const firm = seq > 1 && leadersIn.get(region)!.length ? pick(r, leadersIn.get(region)!) : null;
        const place = firm ? firm.name : `${regionName(region)}${pick(r, PLACES)}`;
        await putStop([++stopId, groupId, seq, region, place, firm?.id ?? null, `${date} ${String(8 + seq).padStart(2, '0')}:${pick(r, ['00', '30'])}`, personName(r), pick(r, ACTIVITIES)]);
      }
    }

    // About 150 guests, long-tailed; a past event's invitations are settled and most who came checked in.
    const past = daysAgo > 0;
    const count = Math.min(800, Math.max(20, Math.round(logNormal(r, 132, 0.5))));
    for (let g = 0; g < count; g++) {
      const category = weighted(r, ['enterprise', 'government', 'media', 'other'] as const, [70, 90, 95, 100]);
      const firm = category === 'enterprise' ? enterpriseAt(ctx, 1 + zipf(r, scale.enterprises, 0.6)) : null;
      const organisation = firm ? firm.name : category === 'government' ? `${regionName(weighted(r, LOCAL_PLACES, REGION_CUM)[0])}${pick(r, DEPARTMENTS)}` : category === 'media' ? pick(r, MEDIA) : '新疆产业发展研究院';
      const person = personName(r);
      const status = past ? weighted(r, ['accepted', 'declined', 'invited'] as const, [80, 95, 100]) : weighted(r, ['pending', 'invited', 'accepted', 'declined'] as const, [30, 80, 95, 100]);
      const checkedIn = past && status === 'accepted' && chance(r, 0.9);
      const group = status === 'accepted' && chance(r, 0.5) ? pick(r, groups) : null;
      const title = pick(r, TITLES[category]);
      const phone = `1${pick(r, ['3', '5', '8', '9'])}${String(int(r, 0, 999_999_999)).padStart(9, '0')}`;
      await putGuest([++guestId, id, firm?.id ?? null, organisation, person, title, phone, category, status, group,
        checkedIn ? ctx.isoAt(daysAgo) : null, checkedIn ? creator.id : null, '', searchKey([person, organisation, title, phone].join('\n')), created, updated]);
    }

    if (!ceremony) continue;
    const candidates = signedOn.get(daysAgo)!;
    const k = Math.min(candidates.length, int(r, 3, 16));
    for (let seq = 1; seq <= k; seq++) {
      const p = candidates.pop()!; // taken: a project is signed at one event
      const asLeader = chance(r, 0.85);
      const other = asLeader ? null : enterpriseAt(ctx, 1 + zipf(r, scale.enterprises, 0.6));
      const partner = other ? other.name : p.chainLeader;
      await putSigning([++signingId, id, p.id, seq, p.region, p.investorName, p.enterpriseId, partner, other ? other.id : leaderByName.get(partner) ?? null,
        asLeader ? 'chain_leader' : 'partner', p.investment, date, ctx.isoAt(daysAgo)]);
    }
    if (candidates.length === 0) {
      signedOn.delete(daysAgo);
      signingDays.splice(signingDays.indexOf(daysAgo), 1);
    }
  }
  return events;
}
