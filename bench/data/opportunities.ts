// Park offers for the public page (投资项目清单): mostly on the chain map's gaps, in Chinese and English,
// seven in ten published. Node and chain names exist in Chinese only, so the English text names the cluster.
import { REGIONS } from '../../src/server/regions/data.js';
import type { Ctx } from './context.js';
import { personName } from './enterprises.js';
import type { BenchUser } from './projects.js';
import { chance, int, logNormal, mulberry32, pick } from './random.js';
import { LOCAL_PLACES } from './vocab.js';

const CLUSTER_EN: Record<string, string> = {
  oil_gas: 'oil and gas', coal: 'coal, power and coal chemicals', mining: 'green mining', grain_oil: 'grain and edible oil',
  cotton_textile: 'cotton, textiles and garments', fruit_veg: 'organic fruit and vegetables', livestock: 'livestock products', new_energy: 'new energy and materials',
};

export async function generateOpportunities(ctx: Ctx, users: BenchUser[]): Promise<void> {
  const { w, map, scale, seed } = ctx;
  const r = mulberry32(seed ^ 0x0bb0);
  const put = w.table('opportunities', [
    'id', 'title', 'title_en', 'summary', 'summary_en', 'region_code', 'chain_id', 'node_id', 'investment_yuan', 'land_mu', 'contact',
    'published', 'is_sample', 'version', 'created_by', 'created_at', 'updated_at',
  ]);
  const gaps = map.nodes.filter((n) => n.status !== 'covered');
  const admins = users.filter((u) => u.role === 'admin');
  w.phase('opportunities', scale.opportunities);
  for (let id = 1; id <= scale.opportunities; id++) {
    const node = chance(r, 0.8) && gaps.length ? pick(r, gaps) : pick(r, map.nodes);
    const chain = map.chains[node.chainId - 1];
    const code = pick(r, LOCAL_PLACES)[0];
    const region = REGIONS.find((x) => x.code === code)!;
    const investment = Math.round(logNormal(r, 300_000_000, 0.9) / 1_000_000) * 1_000_000;
    const land = int(r, 5, 120) * 10;
    const yi = (investment / 100_000_000).toFixed(2);
    const creator = chance(r, 0.5) ? pick(r, admins) : pick(r, users.filter((u) => u.role === 'region' && u.regions.includes(region.code))) ?? admins[0];
    const days = int(r, 0, 720);
    await put([
      id, `${region.name}${node.name}项目`, `${CLUSTER_EN[chain.cluster][0].toUpperCase()}${CLUSTER_EN[chain.cluster].slice(1)} project in ${region.nameEn}`,
      `${region.name}拟引进${chain.name}产业链${node.name}项目,计划总投资约${yi}亿元,可提供工业用地${land}亩,水电气配套到位。`,
      `A ${CLUSTER_EN[chain.cluster]} project in ${region.nameEn}: about CNY ${yi} hundred million of investment, ${land} mu of industrial land with utilities in place.`,
      region.code, chain.id, node.id, investment, land, `${personName(r)} 0994-${int(r, 2_000_000, 2_999_999)}`,
      chance(r, 0.7) ? 1 : 0, 0, int(r, 1, 4), creator.id, ctx.isoAt(days + int(r, 0, 90)), ctx.isoAt(days),
    ]);
  }
}
