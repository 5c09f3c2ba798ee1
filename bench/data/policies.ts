// The policy library (惠企政策): documents from the prefecture and its counties, each with eligibility
// rules of the shape the matcher reads (policyRulesSchema: clusters by name, region codes, stages, an
// investment range, sizes, tags; a rule left out means "any"). Most name one or two conditions, some
// none (every enterprise qualifies), a few are narrow.
import { REGIONS } from '../../src/server/regions/data.js';
import { policySearchText } from '../../src/server/policies/search.js';
import { DEMO_CLUSTERS } from '../../src/server/demo/chains.js';
import { ENTERPRISE_SIZES, PROJECT_TAGS } from '../../src/shared/service-catalog.js';
import { STAGES } from '../../src/shared/stages.js';
import type { Ctx } from './context.js';
import type { BenchUser } from './projects.js';
import { chance, int, mulberry32, pick, shuffle, weighted, type Rand } from './random.js';
import { LOCAL_PLACES } from './vocab.js';

const TOPICS = [
  ['支持{cluster}产业高质量发展的若干措施', '对新建{cluster}项目按设备投资额给予补助,对达产企业给予一次性奖励。'],
  ['促进招商引资项目落地的实施意见', '对签约后按期落地的项目给予用地、用能保障,并安排项目前期经费。'],
  ['降低企业用电成本的若干措施', '对符合条件的工业企业执行优惠电价,给予输配电价补贴。'],
  ['支持中小微企业纾困发展的若干政策', '给予贷款贴息、融资担保费补贴和社保费阶段性缓缴。'],
  ['推动绿色低碳转型的奖励办法', '对取得绿色工厂认定、实施节能改造的企业给予奖励。'],
  ['鼓励科技创新的若干措施', '对研发投入、科技型企业认定和成果转化给予奖励和补助。'],
  ['稳岗扩就业的支持政策', '按新增就业岗位给予一次性吸纳就业补贴和职业培训补贴。'],
  ['支持产业链链主企业做大做强的措施', '对带动上下游配套落地的链主企业,按配套项目投资额给予奖励。'],
] as const;
const ISSUERS = ['昌吉回族自治州人民政府', '昌吉州发展和改革委员会', '昌吉州工业和信息化局', '昌吉州财政局', '昌吉州人力资源和社会保障局', '昌吉州招商发展局'];
const PREFIX = ['昌州政发', '昌州政办发', '昌州发改', '昌州工信发', '昌州财发', '昌州人社发'];
const REGION_CODES = LOCAL_PLACES.map((p) => p[0]);
const regionName = (code: string) => REGIONS.find((r) => r.code === code)!.name;

const some = <T>(r: Rand, items: readonly T[], min: number, max: number): T[] => shuffle(r, [...items]).slice(0, int(r, min, max));

/** One policy's eligibility; every draw is made whether or not its rule is kept, so the stream stays put. */
function rulesFor(r: Rand, cluster: string) {
  const rules: Record<string, unknown> = {};
  const keep = (key: string, p: number, value: unknown) => {
    if (chance(r, p)) rules[key] = value;
  };
  keep('clusters', 0.6, [...new Set([cluster, ...(chance(r, 0.3) ? [pick(r, DEMO_CLUSTERS)[1]] : [])])]);
  keep('regionCodes', 0.5, some(r, REGION_CODES, 1, 3));
  keep('stages', 0.5, some(r, STAGES, 1, 3));
  keep('minInvestmentYuan', 0.3, pick(r, [10, 50, 100, 500, 1000]) * 1_000_000);
  if (rules.minInvestmentYuan === undefined) keep('maxInvestmentYuan', 0.1, pick(r, [50, 100, 300]) * 1_000_000);
  keep('sizes', 0.3, some(r, ENTERPRISE_SIZES, 1, 2));
  keep('tags', 0.2, [pick(r, PROJECT_TAGS)]);
  return rules as { clusters?: string[]; regionCodes?: string[] };
}

export async function generatePolicies(ctx: Ctx, users: BenchUser[]): Promise<void> {
  const { w, scale, seed } = ctx;
  const r = mulberry32(seed ^ 0x901c);
  const put = w.table('policies', [
    'id', 'title', 'issuer', 'doc_number', 'valid_from', 'valid_to', 'benefits', 'full_text', 'rules_json', 'search_text', 'is_sample', 'version', 'created_by', 'created_at', 'updated_at',
  ]);
  const admins = users.filter((u) => u.role === 'admin');
  w.phase('policies', scale.policies);
  for (let id = 1; id <= scale.policies; id++) {
    const clusterName = pick(r, DEMO_CLUSTERS)[1];
    const [topic, benefit] = pick(r, TOPICS);
    const rules = rulesFor(r, clusterName);
    // A county's own policy names the county; the prefecture's apply everywhere unless the rules say otherwise.
    const county = rules.regionCodes?.length === 1 ? regionName(rules.regionCodes[0]) : '';
    const title = `${county || '昌吉州'}关于${topic.replace('{cluster}', clusterName)}`;
    const issuerIndex = int(r, 0, ISSUERS.length - 1);
    const issuer = county ? `${county}人民政府` : ISSUERS[issuerIndex];
    const fromAgo = int(r, 0, 4 * 365);
    const validFrom = ctx.dateAt(fromAgo);
    const years = weighted(r, [1, 2, 3, 5, 0] as const, [15, 35, 70, 90, 100]);
    const validTo = years ? ctx.dateAt(fromAgo - years * 365) : null; // 0: no end date
    const docNumber = `${county ? `${county.slice(0, 2)}政发` : PREFIX[issuerIndex]}〔${validFrom.slice(0, 4)}〕${int(r, 1, 120)}号`;
    const benefits = benefit.replace('{cluster}', clusterName);
    const fullText = [
      `为贯彻落实自治区关于产业发展的决策部署,${benefits}现就有关事项通知如下。`,
      `一、适用范围。${rules.clusters ? `${clusterName}等产业集群内` : '在本州'}依法登记注册、具有独立法人资格的企业。`,
      `二、支持内容。${benefits}具体标准由主管部门会同财政部门另行制定。`,
      `三、申报程序。企业向所在县市园区主管部门提出申请,经审核后报州级主管部门审定。`,
      `四、本政策自${validFrom}起施行${validTo ? `,有效期至${validTo}` : ''}。`,
    ].join('\n');
    const created = ctx.isoAt(fromAgo + int(r, 0, 20));
    await put([
      id, title, issuer, docNumber, validFrom, validTo, benefits, fullText, JSON.stringify(rules), policySearchText(title, issuer, docNumber), 0,
      int(r, 1, 3), pick(r, admins).id, created, chance(r, 0.3) ? ctx.isoAt(int(r, 0, fromAgo)) : created,
    ]);
  }
}
