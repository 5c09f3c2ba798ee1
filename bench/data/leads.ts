// Leads (招商线索) shaped like a funnel, with the activity log each one's history would have left, and
// the two-way link to the ledger for the signed ones (leads.project_id and, after loading, projects.lead_id).
import { leadSearchText } from '../../src/server/leads/search.js';
import { LEAD_STATUSES } from '../../src/shared/leads.js';
import type { Ctx } from './context.js';
import { enterpriseAt, personName, type Enterprise } from './enterprises.js';
import type { EventInfo } from './events.js';
import type { BenchUser, ProjectInfo } from './projects.js';
import { chance, cumulate, int, logNormal, mulberry32, pick, rngFor, shuffle, weighted } from './random.js';
import { LOCAL_PLACES } from './vocab.js';

type Status = (typeof LEAD_STATUSES)[number];
const OPEN: Status[] = ['new', 'contacted', 'visited', 'negotiating'];
// new 30%, contacted 22, visited 15, negotiating 10, signed 8, lost 15
const STATUS_CUM = cumulate([30, 22, 15, 10, 8, 15]);
const SOURCES = ['chain_leader_referral', 'gap_analysis', 'conference', 'visit', 'desk_research', 'public_page'] as const;
const SOURCE_CUM = cumulate([40, 15, 15, 12, 13, 5]);
const REGION_CUM = cumulate(LOCAL_PLACES.map((p) => p[3]));
const NEXT_STEPS = ['电话回访,确认投资意向', '邀请来昌实地考察', '报送项目建议书', '洽谈投资协议条款', '对接用地与能耗指标', '安排与链主企业座谈', '寄送招商资料', '约见企业负责人'];
const LOST_REASONS = ['企业已选择其他地区落地', '投资意向取消', '用地条件不满足', '能耗指标不足', '企业经营困难,暂停扩张', '长期无法联系'];
const KINDS = ['visit', 'call', 'meeting', 'note'] as const;
const SUMMARIES: Record<(typeof KINDS)[number], string[]> = {
  visit: ['赴企业总部拜访,介绍园区配套', '陪同企业考察园区用地', '走访企业生产基地,了解扩产计划'],
  call: ['电话沟通投资意向', '电话确认考察行程', '电话跟进项目建议书反馈'],
  meeting: ['与企业负责人座谈,洽谈合作方式', '召开项目对接会', '与链主企业共同会见投资方'],
  note: ['企业反馈需进一步研究', '整理企业基本情况', '链主企业推荐,待首次联系'],
};
const LEAD_COLUMNS = [
  'id', 'enterprise_id', 'enterprise_name', 'contact_name', 'contact_phone', 'contact_email', 'chain_id', 'node_id', 'region_code', 'source',
  'referrer_enterprise_id', 'event_id', 'owner_id', 'estimated_investment_yuan', 'status', 'lost_reason', 'lost_from', 'next_step', 'next_step_on',
  'note', 'score', 'explanation', 'project_id', 'signed_on', 'search_text', 'is_sample', 'version', 'created_by', 'created_at', 'updated_at',
];

export async function generateLeads(ctx: Ctx, members: number[][], users: BenchUser[], projects: ProjectInfo[], events: EventInfo[]): Promise<void> {
  const { w, map, scale, seed } = ctx;
  const put = w.table('leads', LEAD_COLUMNS);
  const putActivity = w.table('lead_activities', ['id', 'lead_id', 'kind', 'occurred_on', 'people', 'summary', 'from_status', 'to_status', 'user_id', 'created_at']);
  const officers = new Map(LOCAL_PLACES.map(([code]) => [code, users.filter((u) => u.role === 'region' && u.regions.includes(code))]));
  const admin = users[0];
  const gaps = map.nodes.filter((n) => n.status !== 'covered' && members[n.id - 1].length > 0).map((n) => n.id);
  const anyNode = map.nodes.filter((n) => members[n.id - 1].length > 0).map((n) => n.id);
  const pastEvents = events.filter((e) => e.daysAgo > 0 && e.daysAgo <= 3 * 365);
  // Signed leads take ledger projects that were signed and have no lead yet, in a seeded order.
  const signable = shuffle(mulberry32(seed ^ 0x1ead), projects.filter((p) => p.signedDaysAgo !== null));
  const seen = new Set<number>(); // the unique (enterprise_id, node_id): a firm is a lead for a node once
  const pairKey = (enterprise: number, node: number) => enterprise * (map.nodes.length + 1) + node;
  let activityId = 0;
  w.phase('leads', scale.leads);
  for (let id = 1; id <= scale.leads; id++) {
    const r = rngFor(seed, 5, id);
    let status = weighted(r, LEAD_STATUSES, STATUS_CUM);
    const project = status === 'signed' ? signable.pop() : undefined;
    if (status === 'signed' && !project) status = 'negotiating'; // a small ledger has run out of signed projects
    let source = weighted(r, SOURCES, SOURCE_CUM);
    let firm: Enterprise | null = null;
    let enterpriseId: number | null = null;
    let nodeId: number | null = null;
    let region: string;
    if (project) {
      firm = project.enterpriseId ? enterpriseAt(ctx, project.enterpriseId) : null;
      enterpriseId = project.enterpriseId;
      nodeId = project.nodeId;
      region = project.region;
    } else if (chance(r, 0.85)) {
      // A firm from the base on a node we lack, more often than not; drawn again if it is already a lead there.
      for (let attempt = 0; attempt < 5 && enterpriseId === null; attempt++) {
        const node = chance(r, 0.6) && gaps.length ? pick(r, gaps) : pick(r, anyNode);
        const candidate = pick(r, members[node - 1]);
        if (seen.has(pairKey(candidate, node))) continue;
        enterpriseId = candidate;
        nodeId = node;
      }
      if (enterpriseId !== null) firm = enterpriseAt(ctx, enterpriseId);
      region = weighted(r, LOCAL_PLACES, REGION_CUM)[0];
    } else {
      region = weighted(r, LOCAL_PLACES, REGION_CUM)[0];
    }
    // A firm not yet in the base: an enterprise the seed would make past the base's last id, so its name reads right.
    const named = firm ?? enterpriseAt(ctx, scale.enterprises + id);
    nodeId ??= firm ? null : chance(r, 0.7) ? named.nodeIds[0] : null;
    if (enterpriseId !== null && nodeId !== null) {
      if (seen.has(pairKey(enterpriseId, nodeId))) nodeId = null; // two signed projects of one investor on one node
      else seen.add(pairKey(enterpriseId, nodeId));
    }
    const chain = map.chains[map.nodes[(nodeId ?? named.nodeIds[0]) - 1].chainId - 1];
    if (project && source === 'public_page') source = 'visit';
    const regionOfficers = officers.get(region)!;
    const owner = source === 'public_page' && chance(r, 0.5) ? null : regionOfficers.length && chance(r, 0.9) ? pick(r, regionOfficers) : null;
    const creator = source === 'public_page' ? null : owner ?? (regionOfficers.length ? pick(r, regionOfficers) : admin);
    const event = source === 'conference' && pastEvents.length ? pick(r, pastEvents) : null;
    const contact = firm && chance(r, 0.7) ? firm.contact : personName(r);
    const phone = firm && contact === firm.contact ? firm.phone : `1${pick(r, ['3', '5', '8', '9'])}${String(int(r, 0, 999_999_999)).padStart(9, '0')}`;

    // The history: created, then one status step after another, each a status activity, with contacts between.
    const lostFrom = status === 'lost' ? weighted(r, OPEN, cumulate([40, 30, 20, 10])) : null;
    const path: Status[] = LEAD_STATUSES.slice(0, LEAD_STATUSES.indexOf(lostFrom ?? status) + 1).filter((s) => s !== 'lost');
    if (lostFrom) path.push('lost');
    const signedDay = project ? project.signedDaysAgo! : null;
    let day = event ? event.daysAgo : signedDay !== null ? signedDay + int(r, 30, 365) : int(r, 0, 3 * 365);
    const created = day;
    const activities: unknown[][] = [];
    let lostReason: string | null = null;
    const by = owner ?? creator ?? admin;
    const addContacts = (n: number, until: number) => {
      for (let i = 0; i < n && day > until; i++) {
        day = Math.max(until, day - int(r, 1, 30));
        const kind = weighted(r, KINDS, cumulate([25, 35, 20, 20]));
        activities.push([++activityId, id, kind, ctx.dateAt(day), `${personName(r)}、${contact}`, pick(r, SUMMARIES[kind]), null, null, by.id, ctx.isoAt(day)]);
      }
    };
    for (let i = 1; i < path.length; i++) {
      const last = i === path.length - 1;
      const stepDay = last && signedDay !== null ? signedDay : Math.max(signedDay ?? 0, day - int(r, 3, 60));
      addContacts(int(r, 0, 1), stepDay);
      day = Math.min(day, stepDay);
      const reason = path[i] === 'lost' ? (lostReason = pick(r, LOST_REASONS)) : '';
      activities.push([++activityId, id, 'status', ctx.dateAt(day), '', reason, path[i - 1], path[i], by.id, ctx.isoAt(day)]);
    }
    addContacts(int(r, 0, 2), 0);

    // About 30% of all leads have a next step, a third of those (10% of all) already past due.
    const open = OPEN.includes(status);
    const withNext = open && chance(r, 0.39);
    const overdue = withNext && chance(r, 1 / 3);
    const nextOn = withNext ? ctx.dateAt(overdue ? int(r, 1, 60) : -int(r, 0, 45)) : null;
    const estimate = project ? project.investment : chance(r, 0.7) ? Math.round(logNormal(r, 150_000_000, 1.2) / 10_000) * 10_000 : null;
    const gap = source === 'gap_analysis';
    const row = [
      id, enterpriseId, named.name, contact, phone, chance(r, 0.2) ? `contact${id}@example.com` : '', chain.id, nodeId, region, source,
      source === 'chain_leader_referral' ? pick(r, chain.leaderIds) : null, event?.id ?? null, owner?.id ?? null, estimate, status,
      lostReason, lostFrom, withNext ? pick(r, NEXT_STEPS) : '', nextOn,
      source === 'public_page' ? '通过投资项目清单页面提交的投资意向' : '', gap ? Math.round(r() * 1000) / 10 : null,
      gap ? `与${chain.name}链主企业存在供应关系` : '', project?.id ?? null, signedDay !== null ? ctx.dateAt(signedDay) : null,
      leadSearchText(named.name, contact), 0, path.length + (withNext ? 1 : 0), creator?.id ?? null, ctx.isoAt(created), ctx.isoAt(Math.min(day, created)),
    ];
    await put(row);
    for (const a of activities) await putActivity(a);
  }
  // The ledger's side of the link, in one statement once the leads' unique project index exists.
  w.afterLoad('projects.lead_id', 'UPDATE projects SET lead_id = (SELECT l.id FROM leads l WHERE l.project_id = projects.id) WHERE id IN (SELECT project_id FROM leads WHERE project_id IS NOT NULL)');
}
