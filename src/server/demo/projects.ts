import type { Stage } from '../../shared/stages.js';
import { REGION_CODES as R } from '../regions/data.js';

// The 16 projects signed at the 2023-05-17 conference. The report names five investors, their chain
// leaders and one project; it gives only the total (57.42亿元), never a single amount, so every
// amount is a sample (is_sample) and the other eleven projects are named 示例. Progress after
// signing is likewise sample data, there to show the lifecycle.
export interface DemoProject {
  name: string;
  investorName: string;
  sampleCode?: boolean;
  regionCode: string;
  cluster: string;
  chain: string;
  investmentWan: number;
  fundsWan: number;
  chainLeader: string;
  capacity: string;
  tags: ('green' | 'innovation' | 'value')[];
  reached: [Stage, string][];
  planned: Partial<Record<Exclude<Stage, 'negotiating'>, string>>;
  description: string;
}

const SIGNED: [Stage, string] = ['signed', '2023-05-17'];
const NEW_ENERGY = '新能源新材料';
const SAMPLE_NOTE = '报道未披露单个项目投资额,金额与签约后进度均为示例。';

export const DEMO_PROJECTS: DemoProject[] = [
  {
    name: '年产20万吨铝棒、铝型材、10万吨再生铝产业园基地项目',
    investorName: '南昌荣凯实业有限公司',
    regionCode: R.manas, cluster: NEW_ENERGY, chain: '铝基新材料', investmentWan: 100000, fundsWan: 42000,
    chainLeader: '新疆嘉润资源控股有限公司', capacity: '铝棒、铝型材20万吨/年,再生铝10万吨/年', tags: ['green', 'value'],
    reached: [SIGNED, ['landed', '2023-08-20'], ['started', '2024-04-15']],
    planned: { landed: '2023-09-30', started: '2024-04-30', operating: '2027-06-30', full_capacity: '2028-06-30' },
    description: `立足上游新疆嘉润资源控股有限公司的产品和资源,在玛纳斯县落地投建。${SAMPLE_NOTE}`,
  },
  {
    name: '北京双杰电气风电配套装备项目(示例名称)',
    investorName: '北京双杰电气股份有限公司',
    regionCode: R.mulei, cluster: NEW_ENERGY, chain: '风电装备', investmentWan: 50000, fundsWan: 30000,
    chainLeader: '新疆东方风电新能源有限公司', capacity: '示例', tags: ['green', 'innovation'],
    reached: [SIGNED, ['landed', '2023-07-10'], ['started', '2023-10-08']],
    planned: { landed: '2023-07-31', started: '2023-10-31', operating: '2027-03-31', full_capacity: '2027-12-31' },
    description: `由新疆东方风电新能源有限公司引进,融入木垒县风电装备制造基地。${SAMPLE_NOTE}`,
  },
  {
    name: '唐山海泰新能新能源装备项目(示例名称)',
    investorName: '唐山海泰新能科技股份有限公司',
    regionCode: R.mulei, cluster: NEW_ENERGY, chain: '风电装备', investmentWan: 45000, fundsWan: 12000,
    chainLeader: '新疆东方风电新能源有限公司', capacity: '示例', tags: ['green', 'innovation'],
    reached: [SIGNED, ['landed', '2023-09-05']],
    planned: { landed: '2023-09-30', started: '2027-04-30', operating: '2028-04-30' },
    description: `由新疆东方风电新能源有限公司引进。${SAMPLE_NOTE}`,
  },
  {
    name: '示例项目:风电塔筒配套加工项目',
    investorName: '新疆示例新能源有限公司', sampleCode: true,
    regionCode: R.mulei, cluster: NEW_ENERGY, chain: '风电装备', investmentWan: 20000, fundsWan: 0,
    chainLeader: '新疆东方风电新能源有限公司', capacity: '示例', tags: ['green'],
    reached: [SIGNED],
    planned: { landed: '2024-03-31' },
    description: `示例数据,不对应真实企业。${SAMPLE_NOTE}`,
  },
  {
    name: '电线电缆新材料项目(示例名称)',
    investorName: '江西龙泰新材料股份有限公司',
    regionCode: R.gaoxin, cluster: NEW_ENERGY, chain: '输变电装备/电线电缆', investmentWan: 30000, fundsWan: 18000,
    chainLeader: '特变电工股份有限公司', capacity: '示例', tags: ['innovation', 'value'],
    reached: [SIGNED, ['landed', '2023-06-28'], ['started', '2023-09-12'], ['operating', '2024-08-18']],
    planned: { landed: '2023-06-30', started: '2023-09-30', operating: '2024-09-30', full_capacity: '2027-09-30' },
    description: `背靠特变电工电缆终端市场,在昌吉投资设厂。${SAMPLE_NOTE}`,
  },
  {
    name: '高附加值生物产品创新研发合作项目(示例名称)',
    investorName: '东莞全球环保科技有限公司',
    regionCode: R.fukang, cluster: '绿色有机果蔬', chain: '生物制品', investmentWan: 12000, fundsWan: 4000,
    chainLeader: '新疆维格瑞生物科技有限公司', capacity: '示例', tags: ['innovation'],
    reached: [SIGNED, ['landed', '2023-10-16']],
    planned: { landed: '2023-10-31', started: '2024-05-31' },
    description: `与新疆维格瑞生物科技有限公司对接的合作项目;项目所在县市为示例。${SAMPLE_NOTE}`,
  },
];

// Eleven further projects the report counts but does not describe.
type SampleRow = [string, string, string, string, number, number, number, DemoProject['tags'], [Stage, string][], DemoProject['planned']];
const SAMPLES: SampleRow[] = [
  [R.jimsar, '煤炭煤电煤化工', '煤化工', '示例链主企业甲', 60000, 25000, 3, ['value'], [SIGNED, ['landed', '2023-08-01'], ['started', '2024-03-20']], { landed: '2023-08-31', started: '2024-03-31', operating: '2027-08-31' }],
  [R.jimsar, '油气生产加工', '油气化工', '示例链主企业甲', 35000, 8000, 4, ['value'], [SIGNED, ['landed', '2023-11-20']], { landed: '2023-12-31', started: '2024-06-30' }],
  [R.jimsar, '新能源新材料', '光伏材料', '示例链主企业乙', 18000, 0, 5, ['green'], [SIGNED], { landed: '2027-03-31' }],
  [R.fukang, '绿色矿业', '矿产品加工', '示例链主企业乙', 25000, 15000, 6, ['green'], [SIGNED, ['landed', '2023-07-18'], ['started', '2023-11-02'], ['operating', '2025-06-30']], { landed: '2023-07-31', started: '2023-11-30', operating: '2025-06-30', full_capacity: '2027-06-30' }],
  [R.fukang, '新能源新材料', '储能', '示例链主企业丙', 15000, 3000, 7, ['green', 'innovation'], [SIGNED, ['landed', '2024-01-10']], { landed: '2024-01-31', started: '2024-07-31' }],
  [R.gaoxin, '新能源新材料', '输变电装备/电线电缆', '特变电工股份有限公司', 22000, 22000, 8, ['innovation'], [SIGNED, ['landed', '2023-06-20'], ['started', '2023-08-15'], ['operating', '2024-05-10'], ['full_capacity', '2025-05-10']], { landed: '2023-06-30', started: '2023-08-31', operating: '2024-05-31', full_capacity: '2025-05-31' }],
  [R.gaoxin, '粮油', '粮油精深加工', '示例链主企业丁', 16000, 6000, 9, ['value'], [SIGNED, ['landed', '2023-09-01'], ['started', '2024-02-26']], { landed: '2023-09-30', started: '2024-03-31', operating: '2027-02-28' }],
  [R.zhundong, '煤炭煤电煤化工', '煤电', '示例链主企业戊', 48000, 20000, 10, ['value'], [SIGNED, ['landed', '2023-07-05'], ['started', '2023-12-01']], { landed: '2023-07-31', started: '2023-12-31', operating: '2026-06-30' }],
  [R.zhundong, '新能源新材料', '硅基新材料', '示例链主企业戊', 36000, 9000, 11, ['green', 'innovation'], [SIGNED, ['landed', '2023-10-09']], { landed: '2023-10-31', started: '2027-05-31' }],
  [R.manas, '新能源新材料', '铝基新材料', '新疆嘉润资源控股有限公司', 42200, 0, 12, ['green'], [SIGNED], { landed: '2024-06-30', started: '2024-12-31' }],
];

SAMPLES.forEach(([regionCode, cluster, chain, chainLeader, investmentWan, fundsWan, n, tags, reached, planned]) => {
  const no = String(n - 1).padStart(2, '0');
  DEMO_PROJECTS.push({
    name: `示例项目${no}:${chain}项目`,
    investorName: `示例企业${no}有限公司`,
    sampleCode: true,
    regionCode, cluster, chain, investmentWan, fundsWan, chainLeader,
    capacity: '示例', tags, reached, planned,
    description: `示例数据,不对应真实企业或项目。${SAMPLE_NOTE}`,
  });
});
