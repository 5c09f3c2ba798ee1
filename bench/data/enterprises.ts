// The chain map, the enterprise base and the supply graph. Enterprises are a pure function of
// (seed, id) — see enterpriseAt — so later generators (projects, leads, events) can name an
// investor or a target without this module keeping a million rows around.
import { DEMO_CHAINS, DEMO_CLUSTERS, DEMO_ENTERPRISES } from '../../src/server/demo/chains.js';
import { enterpriseSearchText } from '../../src/server/enterprises/search.js';
import { usccCheckChar } from '../../src/shared/uscc.js';
import { chance, cumulate, int, logNormal, mulberry32, pick, rngFor, weighted, zipf, type Rand } from './random.js';
import { BRAND_CHARS, GENERATED_CHAINS, GIVEN_CHARS, INDUSTRY_WORDS, LOCAL_PLACES, OUTSIDE_PLACES, PRODUCT_GRADES, SURNAMES, UNITS } from './vocab.js';
import type { Ctx } from './context.js';

export interface ChainInfo { id: number; cluster: string; clusterName: string; name: string; nodeIds: number[]; leaderIds: number[] }
export interface NodeInfo { id: number; chainId: number; name: string; status: 'missing' | 'weak' | 'covered' }
export interface ChainMap { chains: ChainInfo[]; nodes: NodeInfo[]; links: [number, number][]; covered: number[]; weak: number[] }

const LEADERS_PER_CHAIN = 2;
const POSITIONS = ['upstream', 'midstream', 'downstream'] as const;

export async function generateChainMap(ctx: Ctx): Promise<ChainMap> {
  const { w, seed } = ctx;
  const r = mulberry32(seed ^ 0xc4a1);
  const putCluster = w.table('clusters', ['id', 'code', 'name', 'sort_order']);
  const putChain = w.table('chains', ['id', 'cluster_id', 'name', 'description', 'weak_threshold', 'created_at', 'updated_at']);
  const putNode = w.table('chain_nodes', ['id', 'chain_id', 'name', 'position', 'sort_order']);
  const putLink = w.table('chain_node_links', ['id', 'chain_id', 'from_node_id', 'to_node_id']);
  const putClusters = async () => { for (const [i, [code, name]] of DEMO_CLUSTERS.entries()) await putCluster([i + 1, code, name, i]); };
  // The demo's four chains keep their nodes and links; the generated ones link each tier to the next.
  const specs = [
    ...DEMO_CHAINS.map((c) => ({ cluster: c.cluster as string, name: c.name, description: c.description, nodes: c.nodes, links: c.links })),
    ...GENERATED_CHAINS.map((c) => {
      const nodes = c.tiers.flatMap((tier, t) => tier.map((n) => [n, POSITIONS[t]] as [string, (typeof POSITIONS)[number]]));
      const links: [string, string][] = [];
      for (let t = 0; t < 2; t++) {
        const [from, to] = [c.tiers[t], c.tiers[t + 1]];
        from.forEach((n, i) => links.push([n, to[i % to.length]], [n, to[(i + 1) % to.length]]));
      }
      return { cluster: c.cluster, name: c.name, description: `${c.name}产业链(基准测试数据)`, nodes, links: links.filter(([a, b], i) => links.findIndex(([x, y]) => x === a && y === b) === i) };
    }),
  ];
  w.phase('chain_nodes', specs.reduce((n, spec) => n + spec.nodes.length, 0));
  await putClusters();
  const map: ChainMap = { chains: [], nodes: [], links: [], covered: [], weak: [] };
  const created = ctx.isoAt(5 * 365);
  for (const spec of specs) {
    const chainId = map.chains.length + 1;
    const clusterIndex = DEMO_CLUSTERS.findIndex(([code]) => code === spec.cluster);
    await putChain([chainId, clusterIndex + 1, spec.name, spec.description, 2, created, created]);
    const chain: ChainInfo = { id: chainId, cluster: spec.cluster, clusterName: DEMO_CLUSTERS[clusterIndex][1], name: spec.name, nodeIds: [], leaderIds: [] };
    const byName = new Map<string, number>();
    for (const [i, [name, position]] of spec.nodes.entries()) {
      const id = map.nodes.length + 1;
      // Gaps and weak links give gap analysis and ranked targets something to find at every scale.
      const roll = r();
      let status: NodeInfo['status'] = roll < 0.18 ? 'missing' : roll < 0.3 ? 'weak' : 'covered';
      if (position === 'midstream' && i === spec.nodes.findIndex(([, p]) => p === 'midstream')) status = 'covered'; // room for the leaders
      if (spec.name === '风电装备' && name === '叶片制造') status = 'missing'; // the demo's gap, which bench/chain.ts targets
      map.nodes.push({ id, chainId, name, status });
      (status === 'covered' ? map.covered : status === 'weak' ? map.weak : []).push(id);
      chain.nodeIds.push(id);
      byName.set(name, id);
      await putNode([id, chainId, name, position, i]);
    }
    for (const [from, to] of spec.links) {
      map.links.push([byName.get(from)!, byName.get(to)!]);
      await putLink([map.links.length, chainId, byName.get(from)!, byName.get(to)!]);
    }
    map.chains.push(chain);
  }
  return map;
}

export interface Enterprise {
  id: number; name: string; uscc: string; isLocal: boolean; region: string | null; province: string; city: string;
  size: 'large' | 'medium' | 'small' | 'micro'; nodeIds: number[]; contact: string; phone: string; createdDaysAgo: number;
}

const OUTSIDE_CUM = cumulate(OUTSIDE_PLACES.map((p) => p[3]));
const LOCAL_CUM = cumulate(LOCAL_PLACES.map((p) => p[3]));
const SIZES = ['large', 'medium', 'small', 'micro'] as const;
const SIZE_CUM = cumulate([3, 15, 40, 42]);
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_SPACE = 31 ** 9;

/** 91 + area code + a 9-character code that is a bijection of the id (so unique) + GB 32100 check character. */
export function benchUscc(seed: number, area: string, id: number): string {
  let x = (id * 97_654_321 + (seed % 1_000_003) * 7_777) % ORG_SPACE;
  let org = '';
  for (let i = 0; i < 9; i++, x = Math.floor(x / 31)) org = USCC_ALPHABET[x % 31] + org;
  const first17 = `91${area}${org}`;
  return first17 + usccCheckChar(first17)!;
}

export const personName = (r: Rand) => pick(r, SURNAMES) + pick(r, GIVEN_CHARS) + (chance(r, 0.6) ? pick(r, GIVEN_CHARS) : '');
const brand = (r: Rand) => pick(r, BRAND_CHARS) + pick(r, BRAND_CHARS) + (chance(r, 0.3) ? pick(r, BRAND_CHARS) : '');
const suffix = (r: Rand) => (chance(r, 0.1) ? '股份有限公司' : chance(r, 0.05) ? '有限责任公司' : '有限公司');

/** Ids 1..leaders are the chain leaders (local, large, ranked first); then one local firm per weak node; then everyone else. */
export function enterpriseAt(ctx: Ctx, id: number): Enterprise {
  const { map, seed } = ctx;
  const r = rngFor(seed, 1, id);
  const leaderCount = map.chains.length * LEADERS_PER_CHAIN;
  let isLocal = id <= leaderCount + map.weak.length || chance(r, 0.2);
  let nodeIds: number[];
  let name: string | null = null;
  let place: (typeof LOCAL_PLACES)[number] | null = null;
  if (id <= leaderCount) {
    const chain = map.chains[Math.floor((id - 1) / LEADERS_PER_CHAIN)];
    const covered = chain.nodeIds.filter((n) => map.nodes[n - 1].status === 'covered');
    nodeIds = [...new Set([covered[0], pick(r, covered)])];
    const demo = (id - 1) % LEADERS_PER_CHAIN === 0 ? DEMO_ENTERPRISES.find((e) => e.leads?.includes(chain.name)) : undefined;
    if (demo) {
      name = demo.name;
      place = LOCAL_PLACES.find((p) => p[0] === demo.region) ?? null;
    }
  } else if (id <= leaderCount + map.weak.length) {
    nodeIds = [map.weak[id - leaderCount - 1]];
  } else {
    const primary = isLocal ? pick(r, map.covered) : int(r, 1, map.nodes.length);
    nodeIds = [primary];
    const extra = weighted(r, [0, 1, 2], [60, 90, 100]);
    for (let i = 0; i < extra; i++) {
      // Most firms work along one chain; some straddle two.
      const node = chance(r, 0.85) ? pick(r, map.chains[map.nodes[primary - 1].chainId - 1].nodeIds) : int(r, 1, map.nodes.length);
      if (!nodeIds.includes(node) && (!isLocal || map.nodes[node - 1].status === 'covered')) nodeIds.push(node);
    }
  }
  const chain = map.chains[map.nodes[nodeIds[0] - 1].chainId - 1];
  let region: string | null = null;
  let province = '';
  let city = '';
  let area: string;
  let word: string;
  if (isLocal) {
    place ??= weighted(r, LOCAL_PLACES, LOCAL_CUM);
    [region, word, area] = place;
    if (chance(r, 0.3)) word = '新疆';
  } else {
    const [p, c, code] = weighted(r, OUTSIDE_PLACES, OUTSIDE_CUM);
    [province, city, area] = [p, c, code];
    word = chance(r, 0.85) ? c.replace(/(市|哈萨克自治州)$/, '') : p.replace(/(省|市|维吾尔自治区|回族自治区|壮族自治区|自治区)$/, '');
  }
  name ??= word + brand(r) + pick(r, INDUSTRY_WORDS[chain.cluster]) + suffix(r);
  const size = id <= leaderCount ? 'large' : weighted(r, SIZES, SIZE_CUM);
  const phone = `1${pick(r, ['3', '5', '7', '8', '9'])}${String(int(r, 0, 999_999_999)).padStart(9, '0')}`;
  return { id, name, uscc: benchUscc(seed, area, id), isLocal, region, province, city, size, nodeIds, contact: personName(r), phone, createdDaysAgo: int(r, 0, 5 * 365) };
}

export const ENTERPRISE_COLUMNS = ['id', 'name', 'uscc', 'is_local', 'region_code', 'province', 'city', 'size', 'contact_name', 'contact_phone', 'description', 'search_text', 'is_sample', 'version', 'created_at', 'updated_at'];

/** Writes enterprises, their nodes and the chain leaders; returns each node's members in id order (leaders first). */
export async function generateEnterprises(ctx: Ctx): Promise<number[][]> {
  const { w, map, scale } = ctx;
  const put = w.table('enterprises', ENTERPRISE_COLUMNS);
  const putNode = w.table('enterprise_nodes', ['enterprise_id', 'node_id']);
  const putLeader = w.table('chain_leaders', ['chain_id', 'enterprise_id']);
  const members: number[][] = map.nodes.map(() => []);
  w.phase('enterprises', scale.enterprises);
  for (let id = 1; id <= scale.enterprises; id++) {
    const e = enterpriseAt(ctx, id);
    const at = ctx.isoAt(e.createdDaysAgo);
    const description = `主营${e.nodeIds.map((n) => map.nodes[n - 1].name).join('、')}。`;
    await put([id, e.name, e.uscc, e.isLocal ? 1 : 0, e.region, e.province, e.city, e.size, e.contact, e.phone, description, enterpriseSearchText(e.name, e.uscc), 0, 1, at, at]);
    for (const node of e.nodeIds) {
      await putNode([id, node]);
      members[node - 1].push(id);
    }
  }
  for (const chain of map.chains) {
    for (let i = 0; i < LEADERS_PER_CHAIN; i++) {
      const id = (chain.id - 1) * LEADERS_PER_CHAIN + i + 1;
      chain.leaderIds.push(id);
      await putLeader([chain.id, id]);
    }
  }
  return members;
}

const SOURCES = ['企业填报', '招商调研', '海关数据', '商务部门', '第三方数据'];

/**
 * Supply links: 15% have a chain leader at one end and a uniformly drawn partner on a neighbouring node, so each
 * leader trades with thousands at province scale; the rest run along the chain map (a node link's supplier
 * side to its customer side, or 15% of the time any two nodes), each side a Zipf pick over the node's members
 * in id order, so a few firms are hubs and most trade with few.
 */
export async function generateSupplyLinks(ctx: Ctx, members: number[][]): Promise<void> {
  const { w, map, scale, seed } = ctx;
  const r = mulberry32(seed ^ 0x5a9917);
  const put = w.table('supply_links', ['id', 'supplier_id', 'customer_id', 'product', 'volume', 'unit', 'source', 'date', 'created_at']);
  const seen = new Set<number>();
  const grades = PRODUCT_GRADES.length;
  const n = scale.enterprises + 1;
  // Two chains may share a node name (原料煤): the product key is the name, as the unique constraint sees it.
  const names = [...new Set(map.nodes.map((node) => node.name))];
  const nameIndex = map.nodes.map((node) => names.indexOf(node.name));
  if (n * n * names.length * grades > Number.MAX_SAFE_INTEGER) throw new Error('supply link keys would overflow');
  const upstreamOf = map.nodes.map((node) => map.links.filter(([, to]) => to === node.id));
  const downstreamOf = map.nodes.map((node) => map.links.filter(([f]) => f === node.id));
  const leaders = map.chains.flatMap((c) => c.leaderIds.map((id) => ({ id, nodeIds: enterpriseAt(ctx, id).nodeIds })));
  w.phase('supply_links', scale.links);
  let id = 0;
  while (id < scale.links) {
    let supplier: number;
    let customer: number;
    let from: number;
    if (chance(r, 0.15)) {
      const leader = pick(r, leaders);
      const node = pick(r, leader.nodeIds);
      const upstream = upstreamOf[node - 1];
      const downstream = downstreamOf[node - 1];
      const buys = upstream.length > 0 && (downstream.length === 0 || chance(r, 0.6));
      const other = buys ? pick(r, upstream)[0] : downstream.length ? pick(r, downstream)[1] : node;
      const partner = pick(r, members[other - 1]);
      [supplier, customer, from] = buys ? [partner, leader.id, other] : [leader.id, partner, node];
      if (!partner) continue;
    } else {
      const [a, b] = chance(r, 0.85) ? pick(r, map.links) : [int(r, 1, map.nodes.length), int(r, 1, map.nodes.length)];
      const suppliers = members[a - 1];
      const customers = members[b - 1];
      if (suppliers.length === 0 || customers.length === 0) continue;
      supplier = suppliers[zipf(r, suppliers.length, 1)];
      customer = customers[zipf(r, customers.length, 1)];
      from = a;
    }
    const grade = PRODUCT_GRADES.indexOf(PRODUCT_GRADES[Math.floor(r() * grades)]); // '' repeats: key by its first index
    const key = (supplier * n + customer) * names.length * grades + nameIndex[from - 1] * grades + grade;
    if (supplier === customer || seen.has(key)) continue; // the unique (supplier, customer, product) constraint
    seen.add(key);
    const daysAgo = int(r, 0, 5 * 365);
    const withVolume = chance(r, 0.9);
    await put([
      ++id, supplier, customer, map.nodes[from - 1].name + PRODUCT_GRADES[grade],
      withVolume ? Math.max(1, Math.round(logNormal(r, 500, 1.5))) : null, withVolume ? pick(r, UNITS) : '',
      pick(r, SOURCES), ctx.dateAt(daysAgo), ctx.isoAt(daysAgo),
    ]);
  }
}
