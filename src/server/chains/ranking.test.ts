import { describe, expect, it } from 'vitest';
import { explainTarget } from './explain.js';
import { linkWeight, rankCandidates, type Candidate, type RankInput } from './ranking.js';
import type { Hop } from './walk.js';

const today = '2026-11-27';
const candidate = (id: number, name: string): Candidate => ({ id, name, uscc: `U${id}`, province: '甘肃省', city: '兰州市' });
let nextLink = 1;
/** A link between `from` and `other` seen from `from`, `years` old. */
const hop = (from: number, other: number, volume: number | null, years: number, id = nextLink++): Hop => ({
  id,
  from,
  other,
  volume,
  date: `${2026 - years}-11-27`,
});

// Leaders 1 and 2 (2 is the one with many partners); candidates 10 (direct, weak), 11 (two-step through
// the hub 100 that trades with leader 2 many times), 12 (two-step, one weak path), 13 (no tie).
const leaders = [
  { id: 1, name: '链主甲' },
  { id: 2, name: '链主乙' },
];
const weakDirect = hop(10, 1, 5, 4);
const toHub = hop(11, 100, 100_000, 0);
const hubTies = [0, 1, 2, 3, 4, 5].map((k) => hop(100, 2, 10 ** k, k % 3));
const lone = hop(12, 101, 10, 3);
const loneTie = hop(101, 1, 10, 3);
const input: RankInput = {
  candidates: [candidate(13, '无关联'), candidate(12, '二级弱'), candidate(11, '二级强'), candidate(10, '直接弱')],
  leaders,
  hops: [weakDirect, toHub, lone],
  leaderTies: [...hubTies, loneTie],
  today,
  shown: 3,
};

describe('ranking candidates for a gap node', () => {
  it('a direct tie, however weak, outranks a hub of many strong two-step ties; no tie comes last', () => {
    const ranked = rankCandidates(input);
    expect(ranked.map((r) => [r.candidate.id, r.tier])).toEqual([
      [10, 'direct'],
      [11, 'two_step'],
      [12, 'two_step'],
      [13, 'none'],
    ]);
    expect(ranked[0].score).toBeGreaterThan(100);
    expect(ranked[1].score).toBeLessThan(15);
  });

  it('scores and counts every path, lists only the strongest, strongest first', () => {
    const hub = rankCandidates(input).find((r) => r.candidate.id === 11)!;
    const weights = hubTies.map((t) => linkWeight(toHub, today) * linkWeight(t, today));
    const all = 1 - weights.reduce((rest, w) => rest * (1 - w), 1);
    expect(hub.score).toBe(Math.round((10 + 5 * all) * 100) / 100);
    expect(hub.pathCount).toBe(6);
    expect(hub.paths.map((p) => p.weight)).toEqual([...weights].sort((a, b) => b - a).slice(0, 3));
    expect(hub.paths.every((p) => p.leader === 2 && p.hops[0] === toHub)).toBe(true);
  });

  it('does not depend on the order the database returns links in', () => {
    const shuffled = rankCandidates({ ...input, hops: [...input.hops].reverse(), leaderTies: [...input.leaderTies].reverse() });
    expect(shuffled).toEqual(rankCandidates(input));
  });

  it('equal weights keep the lower link id first', () => {
    const [a, b] = [hop(20, 1, 100, 1, 900), hop(20, 1, 100, 1, 800)];
    const [ranked] = rankCandidates({ ...input, candidates: [candidate(20, '等权')], hops: [a, b] });
    expect(ranked.paths.map((p) => p.hops[0].id)).toEqual([800, 900]);
  });

  it('a direct target counts the distinct leaders it trades with', () => {
    const both = [hop(30, 1, 10, 1), hop(30, 2, 10, 1), hop(30, 2, 20, 2)];
    const [ranked] = rankCandidates({ ...input, candidates: [candidate(30, '双链主')], hops: both });
    expect([ranked.tier, ranked.pathCount, ranked.leaderCount]).toEqual(['direct', 3, 2]);
  });
});

describe('explaining a target', () => {
  const party = (id: number, name: string) => ({ id, name });
  const step = { supplier: party(11, '二级强'), customer: party(100, '枢纽'), product: '零件', volume: 1, unit: '吨', date: null };
  const paths = [0, 1, 2].map(() => ({ leader: party(2, '链主乙'), steps: [step, { ...step, supplier: party(100, '枢纽'), customer: party(2, '链主乙') }] }));

  it('says how many paths there are, and that only the strongest are listed when some are not', () => {
    const text = (pathCount: number, lang: 'zh' | 'en') => explainTarget({ candidate: party(11, '二级强'), tier: 'two_step', paths, pathCount, leaderCount: 0, lang });
    expect(text(3, 'zh')).toBe('经枢纽与本地链主链主乙间接关联(3条二级关系)');
    expect(text(6, 'zh')).toBe('经枢纽与本地链主链主乙间接关联(6条二级关系,列出最强的3条)');
    expect(text(6, 'en')).toBe('Tied to local chain leader 链主乙 through 枢纽 (6 two-step ties, the 3 strongest listed)');
  });
});
