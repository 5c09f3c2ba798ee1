import type { Target } from '../../shared/chains.js';
import { daysBetween } from '../../shared/format.js';
import type { Lang } from '../errors.js';

export interface Party {
  id: number;
  name: string;
}
export interface Link {
  supplier_id: number;
  customer_id: number;
  product: string;
  volume: number | null;
  unit: string;
  date: string | null;
}

/**
 * How much one supply link says about a tie, in (0, 1]: recent trade counts more than old,
 * large volume more than small. Undated links count as two years old.
 */
export function linkWeight(link: Pick<Link, 'volume' | 'date'>, today: string): number {
  const ageYears = link.date ? Math.max(0, daysBetween(link.date, today)) / 365 : 2;
  const recency = 1 / (1 + ageYears);
  const volume = link.volume ? Math.min(1, Math.log10(1 + link.volume) / 6) : 0;
  return recency * (0.5 + 0.5 * volume);
}

/** Several ties reinforce each other without ever reaching the next tier: 1 − Π(1 − w). */
function combine(weights: number[]): number {
  return 1 - weights.reduce((rest, w) => rest * (1 - w), 1);
}

// Tiers are far apart so that any direct tie outranks every two-step one, whatever the volumes.
const DIRECT_BASE = 100;
const TWO_STEP_BASE = 10;

export interface RankInput {
  candidates: (Party & { uscc: string; province: string; city: string })[];
  leaders: Party[];
  names: Map<number, string>;
  links: Link[];
  leadIds: Map<number, number>;
  today: string;
  lang: Lang;
}

function other(link: Link, id: number): number {
  return link.supplier_id === id ? link.customer_id : link.supplier_id;
}

export function rankTargets(input: RankInput): Target[] {
  const { candidates, leaders, names, links, today, lang } = input;
  const leaderIds = new Set(leaders.map((l) => l.id));
  const byEnterprise = new Map<number, Link[]>();
  for (const link of links) {
    for (const id of [link.supplier_id, link.customer_id]) byEnterprise.set(id, [...(byEnterprise.get(id) ?? []), link]);
  }
  const party = (id: number) => ({ id, name: names.get(id) ?? String(id) });
  const step = (l: Link) => ({ supplier: party(l.supplier_id), customer: party(l.customer_id), product: l.product, volume: l.volume, unit: l.unit, date: l.date });

  const ranked = candidates.map((c): Target => {
    const own = byEnterprise.get(c.id) ?? [];
    const direct = own.filter((l) => leaderIds.has(other(l, c.id)));
    const twoStep = own
      .filter((l) => !leaderIds.has(other(l, c.id)))
      .flatMap((first) => {
        const middle = other(first, c.id);
        return (byEnterprise.get(middle) ?? []).filter((second) => leaderIds.has(other(second, middle))).map((second) => [first, second] as const);
      });
    const tier = direct.length ? 'direct' : twoStep.length ? 'two_step' : 'none';
    const score =
      tier === 'direct'
        ? DIRECT_BASE + 10 * combine(direct.map((l) => linkWeight(l, today)))
        : tier === 'two_step'
          ? TWO_STEP_BASE + 5 * combine(twoStep.map(([a, b]) => linkWeight(a, today) * linkWeight(b, today)))
          : 0;
    const paths = [
      ...direct.map((l) => ({ leader: party(other(l, c.id)), steps: [step(l)] })),
      ...(tier === 'two_step' ? twoStep.map(([a, b]) => ({ leader: party(other(b, other(a, c.id))), steps: [step(a), step(b)] })) : []),
    ];
    return {
      enterprise: { id: c.id, name: c.name, uscc: c.uscc, province: c.province, city: c.city },
      tier,
      score: Math.round(score * 100) / 100,
      paths,
      explanation: explain(c, tier, paths, lang),
      leadId: input.leadIds.get(c.id) ?? null,
    };
  });
  return ranked.sort((a, b) => b.score - a.score || a.enterprise.name.localeCompare(b.enterprise.name, 'zh-CN'));
}

function explain(c: Party, tier: Target['tier'], paths: Target['paths'], lang: Lang): string {
  if (tier === 'none') return lang === 'zh' ? '与本地链主暂无已知供需关系' : 'No known supply tie to a local chain leader';
  const first = paths[0];
  const s = first.steps[0];
  const leaders = [...new Set(paths.map((p) => p.leader.name))];
  if (tier === 'direct') {
    const supplies = s.supplier.id === c.id;
    const zh = supplies ? `直接向本地链主${first.leader.name}供应${s.product}` : `直接采购本地链主${first.leader.name}的${s.product}`;
    const en = supplies ? `Supplies ${s.product} directly to local chain leader ${first.leader.name}` : `Buys ${s.product} directly from local chain leader ${first.leader.name}`;
    const more = leaders.length > 1 ? (lang === 'zh' ? `等${leaders.length}家链主` : ` and ${leaders.length - 1} more leaders`) : '';
    return lang === 'zh' ? `${zh}${more}(${paths.length}条直接供需关系)` : `${en}${more} (${paths.length} direct ties)`;
  }
  const middle = s.supplier.id === c.id ? s.customer : s.supplier;
  return lang === 'zh'
    ? `经${middle.name}与本地链主${first.leader.name}间接关联(${paths.length}条二级关系)`
    : `Tied to local chain leader ${first.leader.name} through ${middle.name} (${paths.length} two-step ties)`;
}
