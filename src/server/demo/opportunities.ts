import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreateOpportunityInput } from '../../shared/opportunities.js';
import type { DB } from '../db/schema.js';
import { createOpportunity } from '../opportunities/commands.js';
import { REGION_CODES as R } from '../regions/data.js';

// The report names no park offers: every offer here is a sample, titled 示例 and flagged is_sample,
// placed on the gaps of the report's chains in the counties and parks it visited.
type DemoOffer = Omit<CreateOpportunityInput, 'nodeId' | 'chainId'> & { at?: [chain: string, node?: string] };

export const DEMO_OPPORTUNITIES: DemoOffer[] = [
  {
    title: '示例:木垒风电装备产业园叶片配套项目',
    titleEn: 'Sample: wind-blade supply project, Mori wind-equipment park',
    summary: '示例内容。围绕链主新疆东方风电新能源有限公司整机制造,招引风电叶片及叶片材料配套企业,园区提供标准化厂房与配套用地。',
    summaryEn: 'Sample text. Blade and blade-material suppliers for the local turbine maker; standard workshops and serviced land are available.',
    regionCode: R.mulei,
    at: ['风电装备', '叶片制造'],
    investmentYuan: 800_000_000,
    landMu: 300,
    contact: '木垒县招商服务中心(示例)',
    published: true,
  },
  {
    title: '示例:玛纳斯汽车轻量化铝部件项目',
    titleEn: 'Sample: lightweight aluminium auto parts, Manas',
    summary: '示例内容。依托铝棒、铝型材产能,延伸汽车轻量化部件精深加工。',
    summaryEn: 'Sample text. Downstream machining of lightweight auto parts on local aluminium rods and profiles.',
    regionCode: R.manas,
    at: ['铝基新材料', '汽车轻量化部件'],
    investmentYuan: 500_000_000,
    landMu: 200,
    contact: '玛纳斯县招商局(示例)',
    published: true,
  },
  {
    title: '示例:准东铝箔/板带精深加工项目',
    titleEn: 'Sample: aluminium foil and strip processing, Zhundong',
    summary: '示例内容。就近利用电解铝原料,建设铝箔、板带生产线。',
    regionCode: R.zhundong,
    at: ['铝基新材料', '铝箔/板带'],
    investmentYuan: 1_200_000_000,
    landMu: 450,
    contact: '准东开发区招商局(示例)',
    published: true,
  },
  {
    title: '示例:昌吉高新区智能开关设备项目',
    titleEn: 'Sample: smart switchgear, Changji High-tech Zone',
    summary: '示例内容。配套输变电装备链,招引中高压开关设备制造企业。',
    summaryEn: 'Sample text. Medium and high-voltage switchgear makers to complete the power-equipment chain.',
    regionCode: R.gaoxin,
    at: ['输变电装备/电线电缆', '开关设备'],
    investmentYuan: 300_000_000,
    landMu: 120,
    contact: '昌吉高新区招商局(示例)',
    published: true,
  },
  {
    title: '示例:阜康产业园标准化厂房招租',
    titleEn: 'Sample: standard workshops to let, Fukang industrial park',
    summary: '示例内容。现有标准化厂房可拎包入驻,适合装备制造配套企业。',
    summaryEn: 'Sample text. Ready-to-use standard workshops suited to equipment suppliers.',
    regionCode: R.fukang,
    investmentYuan: null,
    landMu: 60,
    contact: '阜康市招商局(示例)',
    published: true,
  },
  {
    title: '示例:吉木萨尔葡萄酒灌装项目(筹备中)',
    summary: '示例内容。尚在论证,暂不对外公开。',
    regionCode: R.jimsar,
    at: ['葡萄酒', '灌装'],
    investmentYuan: 100_000_000,
    landMu: 50,
    published: false,
  },
];

/** The sample offers, after the chain map they point into; an offer whose chain is missing goes without it. */
export async function createDemoOpportunities(db: Kysely<DB>, admin: CurrentUser): Promise<number> {
  for (const { at, ...input } of DEMO_OPPORTUNITIES) {
    const node = at?.[1]
      ? await db
          .selectFrom('chain_nodes')
          .innerJoin('chains', 'chains.id', 'chain_nodes.chain_id')
          .select('chain_nodes.id')
          .where('chains.name', '=', at[0])
          .where('chain_nodes.name', '=', at[1])
          .executeTakeFirst()
      : undefined;
    await createOpportunity({ db, user: admin, isSample: true, input: { ...input, nodeId: node?.id ?? null } });
  }
  return DEMO_OPPORTUNITIES.length;
}
