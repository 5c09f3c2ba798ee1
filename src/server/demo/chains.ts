import type { NodePosition } from '../../shared/chains.js';
import { REGION_CODES as R } from '../regions/data.js';

// Xinjiang's eight industrial clusters (八大产业集群), as the report's "以'八大产业集群'为支撑" names them.
export const DEMO_CLUSTERS = [
  ['oil_gas', '油气生产加工'],
  ['coal', '煤炭煤电煤化工'],
  ['mining', '绿色矿业'],
  ['grain_oil', '粮油'],
  ['cotton_textile', '棉花和纺织服装'],
  ['fruit_veg', '绿色有机果蔬'],
  ['livestock', '优质畜产品'],
  ['new_energy', '新能源新材料'],
] as const;

type NodeSpec = [name: string, position: NodePosition];
export interface DemoChain {
  cluster: (typeof DEMO_CLUSTERS)[number][0];
  name: string;
  description: string;
  nodes: NodeSpec[];
  links: [from: string, to: string][];
}

// The chains the report touches, with the node names the trades use.
export const DEMO_CHAINS: DemoChain[] = [
  {
    cluster: 'new_energy',
    name: '风电装备',
    description: '木垒县以新疆东方风电新能源有限公司为链主建设大型高端风电装备制造基地。',
    nodes: [
      ['钢材/铸锻件', 'upstream'], ['叶片材料(玻纤/树脂)', 'upstream'], ['电气元件(变流器/箱变)', 'upstream'],
      ['叶片制造', 'midstream'], ['塔筒制造', 'midstream'], ['齿轮箱/发电机', 'midstream'], ['整机制造', 'midstream'],
      ['风电场开发', 'downstream'], ['运维服务', 'downstream'],
    ],
    links: [
      ['钢材/铸锻件', '塔筒制造'], ['钢材/铸锻件', '齿轮箱/发电机'], ['叶片材料(玻纤/树脂)', '叶片制造'], ['电气元件(变流器/箱变)', '整机制造'],
      ['叶片制造', '整机制造'], ['齿轮箱/发电机', '整机制造'], ['塔筒制造', '风电场开发'], ['整机制造', '风电场开发'], ['风电场开发', '运维服务'],
    ],
  },
  {
    cluster: 'new_energy',
    name: '输变电装备/电线电缆',
    description: '特变电工带动电线电缆及输变电装备上下游企业集聚。',
    nodes: [
      ['铜杆/铝杆', 'upstream'], ['绝缘材料(电缆料)', 'upstream'], ['硅钢片', 'upstream'],
      ['电线电缆', 'midstream'], ['变压器', 'midstream'], ['开关设备', 'midstream'],
      ['电网工程', 'downstream'], ['新能源电站', 'downstream'],
    ],
    links: [
      ['铜杆/铝杆', '电线电缆'], ['绝缘材料(电缆料)', '电线电缆'], ['硅钢片', '变压器'], ['电线电缆', '电网工程'],
      ['变压器', '电网工程'], ['开关设备', '新能源电站'], ['电线电缆', '新能源电站'],
    ],
  },
  {
    cluster: 'new_energy',
    name: '铝基新材料',
    description: '以新疆嘉润资源控股有限公司电解铝为上游,延伸铝棒、铝型材与再生铝。',
    nodes: [
      ['电解铝', 'upstream'], ['铝棒', 'midstream'], ['铝型材', 'midstream'], ['铝箔/板带', 'midstream'], ['再生铝', 'midstream'],
      ['建筑铝材应用', 'downstream'], ['汽车轻量化部件', 'downstream'],
    ],
    links: [
      ['电解铝', '铝棒'], ['电解铝', '铝箔/板带'], ['铝棒', '铝型材'], ['再生铝', '铝棒'], ['铝型材', '建筑铝材应用'], ['铝型材', '汽车轻量化部件'],
    ],
  },
  {
    cluster: 'fruit_veg',
    name: '葡萄酒',
    description: '天山北麓葡萄酒产业:种植、酿造、灌装到销售与直播电商。',
    nodes: [['葡萄种植', 'upstream'], ['酿造', 'midstream'], ['灌装', 'midstream'], ['销售', 'downstream'], ['直播电商', 'downstream']],
    links: [['葡萄种植', '酿造'], ['酿造', '灌装'], ['灌装', '销售'], ['灌装', '直播电商']],
  },
];

export interface DemoEnterprise {
  key: string;
  name: string;
  /** A prefecture region for local enterprises; province/city for outside ones. */
  region?: string;
  province?: string;
  city?: string;
  areaCode: string;
  nodes: [chain: string, node: string][];
  leads?: string[];
  size?: 'large' | 'medium' | 'small' | 'micro';
  note: string;
}

const REPORT = '报道所述企业;信用代码、规模与所在环节为示例。';
const SAMPLE = '示例数据,不对应真实企业。';

export const DEMO_ENTERPRISES: DemoEnterprise[] = [
  // Chain leaders and the firms the report names.
  { key: 'dongfang', name: '新疆东方风电新能源有限公司', region: R.mulei, areaCode: '652328', nodes: [['风电装备', '整机制造']], leads: ['风电装备'], size: 'large', note: REPORT },
  { key: 'tbea', name: '特变电工股份有限公司', region: R.changji, areaCode: '652301', nodes: [['输变电装备/电线电缆', '电线电缆'], ['输变电装备/电线电缆', '变压器']], leads: ['输变电装备/电线电缆'], size: 'large', note: REPORT },
  { key: 'jiarun', name: '新疆嘉润资源控股有限公司', region: R.manas, areaCode: '652324', nodes: [['铝基新材料', '电解铝']], leads: ['铝基新材料'], size: 'large', note: `${REPORT}所在县为示例。` },
  { key: 'shuangjie', name: '北京双杰电气股份有限公司', province: '北京市', city: '北京市', areaCode: '110000', nodes: [['风电装备', '电气元件(变流器/箱变)'], ['输变电装备/电线电缆', '开关设备']], size: 'large', note: REPORT },
  { key: 'haitai', name: '唐山海泰新能科技股份有限公司', province: '河北省', city: '唐山市', areaCode: '130200', nodes: [['风电装备', '风电场开发']], size: 'large', note: REPORT },
  { key: 'longtai', name: '江西龙泰新材料股份有限公司', province: '江西省', city: '', areaCode: '360000', nodes: [['输变电装备/电线电缆', '绝缘材料(电缆料)']], size: 'medium', note: REPORT },
  { key: 'rongkai', name: '南昌荣凯实业有限公司', province: '江西省', city: '南昌市', areaCode: '360100', nodes: [['铝基新材料', '铝棒'], ['铝基新材料', '铝型材'], ['铝基新材料', '再生铝']], size: 'medium', note: REPORT },
  // Samples that give the map its shape: some nodes covered, some weak, some missing.
  { key: 'tower', name: '示例木垒塔筒制造有限公司', region: R.mulei, areaCode: '652328', nodes: [['风电装备', '塔筒制造']], size: 'medium', note: SAMPLE },
  { key: 'farm1', name: '示例吉木萨尔风电场开发有限公司', region: R.jimsar, areaCode: '652327', nodes: [['风电装备', '风电场开发']], size: 'medium', note: SAMPLE },
  { key: 'farm2', name: '示例准东新能源电站有限公司', region: R.zhundong, areaCode: '652300', nodes: [['风电装备', '风电场开发'], ['输变电装备/电线电缆', '新能源电站']], size: 'medium', note: SAMPLE },
  { key: 'steel', name: '示例阜康铸锻有限公司', region: R.fukang, areaCode: '652302', nodes: [['风电装备', '钢材/铸锻件']], size: 'small', note: SAMPLE },
  { key: 'cable2', name: '示例昌吉电缆有限公司', region: R.gaoxin, areaCode: '652301', nodes: [['输变电装备/电线电缆', '电线电缆']], size: 'medium', note: SAMPLE },
  { key: 'alrod', name: '示例玛纳斯铝棒有限公司', region: R.manas, areaCode: '652324', nodes: [['铝基新材料', '铝棒']], size: 'small', note: SAMPLE },
  { key: 'winery', name: '示例天山北麓酒庄有限公司', region: R.manas, areaCode: '652324', nodes: [['葡萄酒', '葡萄种植'], ['葡萄酒', '酿造']], leads: ['葡萄酒'], size: 'small', note: SAMPLE },
  { key: 'bladeA', name: '示例盐城风电叶片有限公司', province: '江苏省', city: '盐城市', areaCode: '320900', nodes: [['风电装备', '叶片制造']], size: 'large', note: SAMPLE },
  { key: 'bladeB', name: '示例保定叶片科技有限公司', province: '河北省', city: '保定市', areaCode: '130600', nodes: [['风电装备', '叶片制造']], size: 'medium', note: SAMPLE },
  { key: 'bladeC', name: '示例包头复合材料有限公司', province: '内蒙古自治区', city: '包头市', areaCode: '150200', nodes: [['风电装备', '叶片制造'], ['风电装备', '叶片材料(玻纤/树脂)']], size: 'medium', note: SAMPLE },
  { key: 'gear', name: '示例酒泉传动设备有限公司', province: '甘肃省', city: '酒泉市', areaCode: '620900', nodes: [['风电装备', '齿轮箱/发电机']], size: 'large', note: SAMPLE },
  { key: 'om', name: '示例西安风电运维有限公司', province: '陕西省', city: '西安市', areaCode: '610100', nodes: [['风电装备', '运维服务']], size: 'small', note: SAMPLE },
  { key: 'mcn', name: '示例杭州直播电商有限公司', province: '浙江省', city: '杭州市', areaCode: '330100', nodes: [['葡萄酒', '直播电商']], size: 'small', note: SAMPLE },
];

type LinkSpec = [supplier: string, customer: string, product: string, volume: number | null, unit: string, date: string | null, source: string];
const FROM_REPORT = '2023-05-17恳谈会报道(数量与日期为示例)';

export const DEMO_SUPPLY_LINKS: LinkSpec[] = [
  ['jiarun', 'rongkai', '铝水', 200000, '吨', '2023-05-17', FROM_REPORT],
  ['longtai', 'tbea', '电缆料', 8000, '吨', '2023-05-17', FROM_REPORT],
  ['shuangjie', 'dongfang', '箱式变电站', 120, '台', '2023-05-17', FROM_REPORT],
  ['haitai', 'dongfang', '新能源项目合作', null, '', '2023-05-17', FROM_REPORT],
  ['bladeA', 'dongfang', '风电叶片', 300, '套', '2025-06-30', '示例'],
  ['bladeC', 'dongfang', '叶片芯材', 50, '吨', '2021-03-01', '示例'],
  ['bladeB', 'gear', '叶片', 200, '套', '2025-01-15', '示例'],
  ['gear', 'dongfang', '齿轮箱', 80, '台', '2024-09-01', '示例'],
  ['steel', 'tower', '法兰锻件', 1500, '吨', '2025-04-01', '示例'],
  ['tower', 'farm1', '风电塔筒', 60, '套', '2025-08-01', '示例'],
  ['dongfang', 'farm2', '风电机组', 40, '台', '2025-10-01', '示例'],
  ['om', 'farm1', '运维服务', null, '', '2024-05-01', '示例'],
];
