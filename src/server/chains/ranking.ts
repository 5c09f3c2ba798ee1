import type { Target } from '../../shared/chains.js';
import { daysBetween } from '../../shared/format.js';
import type { Hop } from './walk.js';

export interface Party {
  id: number;
  name: string;
}
export type Candidate = Party & { uscc: string; province: string; city: string };

/**
 * How much one supply link says about a tie, in (0, 1]: recent trade counts more than old,
 * large volume more than small. Undated links count as two years old.
 */
export function linkWeight(link: { volume: number | null; date: string | null }, today: string): number {
  return volumeWeight(link.volume) * recency(link.date, today);
}

function recency(date: string | null, today: string): number {
  const ageYears = date ? Math.max(0, daysBetween(date, today)) / 365 : 2;
  return 1 / (1 + ageYears);
}

function volumeWeight(volume: number | null): number {
  return 0.5 + 0.5 * (volume ? Math.min(1, Math.log10(1 + volume) / 6) : 0);
}

// Tiers are far apart so that any direct tie outranks every two-step one, whatever the volumes.
// Several ties reinforce each other without ever reaching the next tier: 1 − Π(1 − w).
const DIRECT_BASE = 100;
const TWO_STEP_BASE = 10;

/** A path from the candidate to a leader: `hops[0]` leaves the candidate, `hops[1]` (two-step) the enterprise in between. */
export interface RankedPath {
  leader: number;
  hops: Hop[];
  weight: number;
}

export interface Ranked {
  candidate: Candidate;
  tier: Target['tier'];
  score: number;
  /** Every path of the tier, however many are kept in `paths`. */
  pathCount: number;
  /** Distinct leader names the direct ties reach (the explanation names one and counts the rest). */
  leaderCount: number;
  /** The strongest paths, strongest first. */
  paths: RankedPath[];
}

export interface RankInput {
  candidates: Candidate[];
  leaders: Party[];
  /** Links of candidates, seen from the candidate: those to leaders, and every link of a candidate with none. */
  hops: Hop[];
  /** Every link between a leader and an enterprise a tie-less candidate trades with, seen from that enterprise. */
  leaderTies: Hop[];
  today: string;
  /** How many paths each candidate keeps; scores and counts always cover them all. */
  shown: number;
}

// Strongest first; equal weights by link ids, so the order (and the explanation quoting the first
// path) does not depend on the order a database engine returns rows in.
function before(a: RankedPath, b: RankedPath): boolean {
  if (a.weight !== b.weight) return a.weight > b.weight;
  for (let i = 0; i < Math.min(a.hops.length, b.hops.length); i++) if (a.hops[i].id !== b.hops[i].id) return a.hops[i].id < b.hops[i].id;
  return a.hops.length < b.hops.length;
}

/**
 * Keeps the `size` strongest paths offered, sorted. A candidate may have hundreds of thousands of
 * two-step paths at province scale: a weaker one than all kept is turned away before it is built.
 */
function strongest(size: number) {
  const kept: RankedPath[] = [];
  return {
    offer(weight: number, leader: number, first: Hop, second?: Hop) {
      if (kept.length === size && weight < kept[size - 1].weight) return;
      const path = { leader, hops: second ? [first, second] : [first], weight };
      let i = kept.length;
      while (i > 0 && before(path, kept[i - 1])) i--;
      if (i === size) return;
      kept.splice(i, 0, path);
      if (kept.length > size) kept.pop();
    },
    kept,
  };
}

// Tens of thousands of links share a few thousand dates: parsing each date once is most of the work saved.
function byFrom(hops: Hop[], today: string): Map<number, { hop: Hop; weight: number }[]> {
  const grouped = new Map<number, { hop: Hop; weight: number }[]>();
  const recencies = new Map<string | null, number>();
  for (const hop of hops) {
    const list = grouped.get(hop.from);
    let r = recencies.get(hop.date);
    if (r === undefined) recencies.set(hop.date, (r = recency(hop.date, today)));
    const tie = { hop, weight: volumeWeight(hop.volume) * r };
    if (list) list.push(tie);
    else grouped.set(hop.from, [tie]);
  }
  return grouped;
}

const collator = new Intl.Collator('zh-CN');

/**
 * Outside candidates ranked by how they trade with local chain leaders: a direct tie scores 100+,
 * a tie through one enterprise in between 10+ (only when there is no direct one), none 0.
 * Linear in the links and paths walked; only `shown` paths per candidate are kept.
 */
export function rankCandidates(input: RankInput): Ranked[] {
  const { candidates, leaders, today, shown } = input;
  const leaderNames = new Map(leaders.map((l) => [l.id, l.name]));
  const own = byFrom(input.hops, today);
  const toLeaders = byFrom(input.leaderTies, today);
  const ranked = candidates.map((candidate): Ranked => {
    const ties = own.get(candidate.id) ?? [];
    const top = strongest(shown);
    let rest = 1;
    let pathCount = 0;
    const direct = ties.filter((t) => leaderNames.has(t.hop.other));
    if (direct.length) {
      for (const t of direct) {
        rest *= 1 - t.weight;
        top.offer(t.weight, t.hop.other, t.hop);
      }
      const names = new Set(direct.map((t) => leaderNames.get(t.hop.other)));
      const score = DIRECT_BASE + 10 * (1 - rest);
      return { candidate, tier: 'direct', score: Math.round(score * 100) / 100, pathCount: direct.length, leaderCount: names.size, paths: top.kept };
    }
    for (const first of ties) {
      for (const second of toLeaders.get(first.hop.other) ?? []) {
        const weight = first.weight * second.weight;
        rest *= 1 - weight;
        pathCount++;
        top.offer(weight, second.hop.other, first.hop, second.hop);
      }
    }
    if (pathCount === 0) return { candidate, tier: 'none', score: 0, pathCount: 0, leaderCount: 0, paths: [] };
    const score = TWO_STEP_BASE + 5 * (1 - rest);
    return { candidate, tier: 'two_step', score: Math.round(score * 100) / 100, pathCount, leaderCount: 0, paths: top.kept };
  });
  return ranked.sort((a, b) => b.score - a.score || collator.compare(a.candidate.name, b.candidate.name));
}
