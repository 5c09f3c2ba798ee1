import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreatePolicyInput } from '../../shared/policies.js';
import type { DB } from '../db/schema.js';
import { createPolicy } from '../policies/commands.js';
import { REGION_CODES as R } from '../regions/data.js';

// The report promises "拿着政策进企业" but names no policy: every policy here is a sample, titled
// （示例）with a 示例 document number and flagged is_sample. Their rules are chosen so that some demo
// projects and enterprises qualify and others do not, and one has expired.
const NEW_ENERGY = '新能源新材料';
const SAMPLE_TEXT = '本政策为演示用示例,不对应真实文件,条款与金额均为虚构。';

export const DEMO_POLICIES: CreatePolicyInput[] = [
  {
    title: '昌吉州支持新能源新材料产业集群高质量发展若干措施（示例）',
    issuer: '昌吉州人民政府办公室(示例)',
    docNumber: '昌州政办发〔2023〕示例1号',
    validFrom: '2023-06-01',
    validTo: '2028-12-31',
    benefits: '对签约、落地、在建阶段的新能源新材料项目,按设备投资额的 5% 给予补助,单个项目最高 1000 万元(示例)。',
    fullText: `${SAMPLE_TEXT}\n第一条 支持新能源新材料产业集群项目加快落地建设。\n第二条 对签约后一年内开工的项目,按设备投资额 5% 给予补助。`,
    rules: { clusters: [NEW_ENERGY], stages: ['signed', 'landed', 'started'] },
  },
  {
    title: '木垒县风电装备产业链招商引资优惠政策（示例）',
    issuer: '木垒哈萨克自治县人民政府(示例)',
    docNumber: '昌州政办发〔2023〕示例2号',
    validFrom: '2023-05-17',
    validTo: '2027-12-31',
    benefits: '在木垒县投资风电装备产业链的企业,标准化厂房前三年租金全免;配套用地优先保障(示例)。',
    fullText: `${SAMPLE_TEXT}\n第一条 适用于在木垒县从事风电整机及零部件制造、风电场开发的企业。\n第二条 标准化厂房租金前三年全免。`,
    rules: { clusters: [NEW_ENERGY], regionCodes: [R.mulei] },
  },
  {
    title: '昌吉州中小企业专精特新培育扶持办法（示例）',
    issuer: '昌吉州工业和信息化局(示例)',
    docNumber: '昌州政办发〔2024〕示例3号',
    validFrom: '2024-01-01',
    validTo: null,
    benefits: '认定为专精特新的中小企业一次性奖励 30 万元,研发费用按 10% 补助(示例)。',
    fullText: `${SAMPLE_TEXT}\n第一条 支持中型、小型、微型企业走专业化、精细化、特色化、新颖化发展道路。`,
    rules: { sizes: ['medium', 'small', 'micro'], tags: ['innovation'] },
  },
  {
    title: '昌吉州绿色低碳重大项目贷款贴息办法（示例）',
    issuer: '昌吉州金融工作办公室(示例)',
    docNumber: '昌州政办发〔2023〕示例4号',
    validFrom: '2023-01-01',
    validTo: '2029-12-31',
    benefits: '计划投资 3 亿元及以上的绿色项目,项目贷款按 LPR 的 30% 贴息,期限 3 年(示例)。',
    fullText: `${SAMPLE_TEXT}\n第一条 适用于含绿量标签、计划投资不低于 3 亿元的项目。`,
    rules: { tags: ['green'], minInvestmentYuan: 300_000_000 },
  },
  {
    title: '昌吉州2022年招商引资项目落地奖励办法（示例）',
    issuer: '昌吉州招商发展局(示例)',
    docNumber: '昌州政办发〔2022〕示例5号',
    validFrom: '2022-01-01',
    validTo: '2023-12-31',
    benefits: '已于 2023 年底到期,仅作历史参考(示例)。',
    fullText: `${SAMPLE_TEXT}\n本办法有效期至 2023 年 12 月 31 日。`,
    rules: { clusters: [NEW_ENERGY] },
  },
];

/** Runs after the chain map: the rules name its clusters, which must exist. */
export async function createDemoPolicies(db: Kysely<DB>, admin: CurrentUser): Promise<void> {
  for (const input of DEMO_POLICIES) await createPolicy({ db, user: admin, input, isSample: true });
}
