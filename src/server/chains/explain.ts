import type { Target } from '../../shared/chains.js';
import type { Lang } from '../errors.js';
import type { Party } from './ranking.js';

/**
 * Why a candidate ranks where it does, quoting its strongest path. `pathCount` counts every path of
 * its tier; when fewer are listed, the explanation says so, since the list alone would understate them.
 */
export function explainTarget(options: { candidate: Party; tier: Target['tier']; paths: Target['paths']; pathCount: number; leaderCount: number; lang: Lang }): string {
  const { candidate, tier, paths, pathCount, leaderCount, lang } = options;
  if (tier === 'none') return lang === 'zh' ? '与本地链主暂无已知供需关系' : 'No known supply tie to a local chain leader';
  const first = paths[0];
  const s = first.steps[0];
  const listed = pathCount > paths.length ? (lang === 'zh' ? `,列出最强的${paths.length}条` : `, the ${paths.length} strongest listed`) : '';
  if (tier === 'direct') {
    const supplies = s.supplier.id === candidate.id;
    const zh = supplies ? `直接向本地链主${first.leader.name}供应${s.product}` : `直接采购本地链主${first.leader.name}的${s.product}`;
    const en = supplies ? `Supplies ${s.product} directly to local chain leader ${first.leader.name}` : `Buys ${s.product} directly from local chain leader ${first.leader.name}`;
    const more = leaderCount > 1 ? (lang === 'zh' ? `等${leaderCount}家链主` : ` and ${leaderCount - 1} more leaders`) : '';
    return lang === 'zh' ? `${zh}${more}(${pathCount}条直接供需关系${listed})` : `${en}${more} (${pathCount} direct ties${listed})`;
  }
  const middle = s.supplier.id === candidate.id ? s.customer : s.supplier;
  return lang === 'zh'
    ? `经${middle.name}与本地链主${first.leader.name}间接关联(${pathCount}条二级关系${listed})`
    : `Tied to local chain leader ${first.leader.name} through ${middle.name} (${pathCount} two-step ties${listed})`;
}
