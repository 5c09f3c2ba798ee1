import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreateLeadInput } from '../../shared/leads.js';
import type { LeadStatus } from '../../shared/lead-status.js';
import { todayInShanghai } from '../clock.js';
import type { DB } from '../db/schema.js';
import { addLeadActivity, createLead, transitionLead } from '../leads/commands.js';
import { REGION_CODES as R } from '../regions/data.js';

type Activity = [kind: 'visit' | 'call' | 'meeting' | 'note', daysAgo: number, people: string, summary: string];
interface DemoLead {
  by: string;
  firm: string;
  contact: string;
  chain: string;
  node?: string;
  region: string;
  source: CreateLeadInput['source'];
  referrer?: string;
  wan: number;
  path: LeadStatus[];
  lostReason?: string;
  next: string;
  /** Days from today: negative is overdue, so the dashboard's reminders show something. */
  nextIn: number;
  activities: Activity[];
}

// Plainly sample firms (示例), across statuses and regions. The report's chain leaders refer some of them
// (以商招商); none is tied to the report's 16 signed projects.
const DEMO_LEADS: DemoLead[] = [
  {
    by: 'mulei', firm: '示例江苏风电主轴承有限公司', contact: '陈经理', chain: '风电装备', node: '齿轮箱/发电机', region: R.mulei,
    source: 'chain_leader_referral', referrer: '新疆东方风电新能源有限公司', wan: 30_000, path: ['contacted', 'visited', 'negotiating'],
    next: '报送投资协议草案', nextIn: -3,
    activities: [['call', 40, '县招商局 示例专员;企业 陈经理', '东方风电引荐,首次电话介绍木垒风电装备产业园'], ['visit', 20, '县领导、示例专员', '赴企业总部考察主轴承产线']],
  },
  {
    by: 'mulei', firm: '示例河北塔筒法兰有限公司', contact: '刘总', chain: '风电装备', node: '钢材/铸锻件', region: R.mulei,
    source: 'chain_leader_referral', referrer: '新疆东方风电新能源有限公司', wan: 8_000, path: [],
    next: '电话联系刘总,确认来木垒考察时间', nextIn: 2, activities: [['note', 3, '示例专员', '东方风电采购部推荐,年供法兰锻件约 1500 吨']],
  },
  {
    by: 'mulei', firm: '示例甘肃风电运维服务有限公司', contact: '马经理', chain: '风电装备', node: '运维服务', region: R.mulei,
    source: 'visit', wan: 2_000, path: ['contacted'], next: '寄送园区政策汇编', nextIn: -6,
    activities: [['meeting', 10, '示例专员;企业 马经理', '在酒泉走访时结识,有意在木垒设运维站']],
  },
  {
    by: 'admin', firm: '示例山东铝型材深加工有限公司', contact: '孙总', chain: '铝基新材料', region: R.manas,
    source: 'chain_leader_referral', referrer: '新疆嘉润资源控股有限公司', wan: 50_000, path: ['contacted', 'visited'],
    next: '安排与嘉润铝水供应对接会', nextIn: 5, activities: [['visit', 15, '州招商局、玛纳斯县', '考察嘉润铝水直供条件']],
  },
  {
    by: 'admin', firm: '示例浙江储能系统有限公司', contact: '周经理', chain: '输变电装备/电线电缆', region: R.gaoxin,
    source: 'conference', wan: 20_000, path: ['contacted'], next: '回访,了解储能项目选址意向', nextIn: -10,
    activities: [['meeting', 30, '州招商局', '在招商推介会上交换意向']],
  },
  {
    by: 'admin', firm: '示例四川光伏支架有限公司', contact: '吴总', chain: '风电装备', region: R.jimsar,
    source: 'desk_research', wan: 5_000, path: ['contacted', 'lost'], lostReason: '企业已在甘肃落地新基地,暂无新疆布局计划',
    next: '', nextIn: 0, activities: [['call', 25, '吉木萨尔县', '电话沟通投资意向']],
  },
  {
    by: 'admin', firm: '示例广东电缆附件有限公司', contact: '', chain: '输变电装备/电线电缆', region: R.changji,
    source: 'desk_research', wan: 3_000, path: [], next: '查询企业联系方式', nextIn: -1, activities: [],
  },
];

const offset = (days: number) => {
  const d = new Date(`${todayInShanghai()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export async function createDemoLeads(db: Kysely<DB>, users: Map<string, CurrentUser>): Promise<number> {
  const [chains, nodes, firms] = await Promise.all([
    db.selectFrom('chains').select(['id', 'name']).execute(),
    db.selectFrom('chain_nodes').select(['id', 'name', 'chain_id']).execute(),
    db.selectFrom('enterprises').select(['id', 'name']).execute(),
  ]);
  // A lead met at a conference names it: the report's 2023-05-17 恳谈会 when the demo holds it.
  const conference = await db.selectFrom('events').select('id').where('starts_on', '=', '2023-05-17').where('is_sample', '=', 1).executeTakeFirst();
  for (const d of DEMO_LEADS) {
    const user = users.get(d.by)!;
    const chainId = chains.find((c) => c.name === d.chain)?.id ?? null;
    const id = await createLead({
      db,
      user,
      isSample: true,
      input: {
        enterpriseName: d.firm,
        contactName: d.contact,
        chainId,
        nodeId: d.node ? (nodes.find((n) => n.chain_id === chainId && n.name === d.node)?.id ?? null) : null,
        source: d.source,
        eventId: d.source === 'conference' ? (conference?.id ?? null) : null,
        referrerEnterpriseId: d.referrer ? (firms.find((f) => f.name === d.referrer)?.id ?? null) : null,
        regionCode: d.region,
        // Leads filed at the prefecture go unowned, so the county's officers see them among their reminders.
        ownerId: d.by === 'admin' ? null : user.id,
        estimatedInvestmentYuan: d.wan * 10_000,
        nextStep: d.next,
        nextStepOn: d.next ? offset(d.nextIn) : null,
        note: '示例线索',
      },
    });
    for (const [kind, ago, people, summary] of d.activities) {
      await addLeadActivity({ db, user, id, input: { kind, occurredOn: offset(-ago), people, summary } });
    }
    for (const [i, to] of d.path.entries()) {
      await transitionLead({ db, user, id, input: { to, version: i + 1, reason: to === 'lost' ? d.lostReason : undefined } });
    }
  }
  return DEMO_LEADS.length;
}
