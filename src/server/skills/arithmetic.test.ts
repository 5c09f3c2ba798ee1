import { describe, expect, it } from 'vitest';
import { aspectOutcome, judgementMarkCenti, moderationValue, rankContestants, type RankInput } from './arithmetic.js';

const j = (...values: number[]) => values.map((value, i) => ({ judgeId: i + 1, value }));

describe('judgement marks', () => {
  it('three judges: maximum × mean / 3 (2, 3, 2 on a 6-point aspect gives 4.67)', () => {
    expect(judgementMarkCenti(600, j(2, 3, 2))).toBe(467);
    expect(judgementMarkCenti(300, j(3, 3, 3))).toBe(300);
    expect(judgementMarkCenti(450, j(0, 1, 2))).toBe(150);
  });

  it('five judges: the highest and the lowest are dropped before the mean', () => {
    // 0 and 3 dropped; 2, 2, 1 → mean 5/3 → 6 × 5/9 = 3.33
    expect(judgementMarkCenti(600, j(0, 2, 3, 2, 1))).toBe(333);
    const outcome = aspectOutcome({ kind: 'J', maxCenti: 600, entries: j(0, 2, 3, 2, 1), requiredJudges: 5, tolerance: 3, moderation: null });
    expect(outcome.droppedJudgeIds.sort()).toEqual([1, 3]);
    expect(outcome.markCenti).toBe(333);
    expect(outcome.complete).toBe(true);
  });

  it('four judges keep every score', () => {
    expect(judgementMarkCenti(300, j(0, 3, 3, 3))).toBe(225);
  });

  it('rounds half up to the hundredth', () => {
    // 1 × 1/3 × 150 = 50; 250 × 2/3 = 166.67 → 167
    expect(judgementMarkCenti(250, j(2, 2, 2))).toBe(167);
  });
});

describe('spread moderation', () => {
  it('a spread above the tolerance is not complete until the chief judge moderates; the raw entries decide nothing then', () => {
    const entries = j(0, 3, 3);
    const open = aspectOutcome({ kind: 'J', maxCenti: 600, entries, requiredJudges: 3, tolerance: 2, moderation: null });
    expect(open).toMatchObject({ spread: 3, needsModeration: true, complete: false, markCenti: 400 });
    const median = moderationValue('J', 'median', entries);
    expect(median).toBe(300);
    const done = aspectOutcome({ kind: 'J', maxCenti: 600, entries, requiredJudges: 3, tolerance: 2, moderation: { value: median! } });
    expect(done).toMatchObject({ needsModeration: true, moderated: true, complete: true, markCenti: 600 });
  });

  it('a spread at the tolerance passes', () => {
    expect(aspectOutcome({ kind: 'J', maxCenti: 600, entries: j(1, 3, 2), requiredJudges: 3, tolerance: 2 }).needsModeration).toBe(false);
  });

  it('each method: mean of every raw score, median, one judge’s score, the chief’s re-mark', () => {
    const entries = j(0, 1, 3);
    expect(moderationValue('J', 'mean', entries)).toBe(133);
    expect(moderationValue('J', 'median', entries)).toBe(100);
    expect(moderationValue('J', 'judge', entries, { judgeId: 3 })).toBe(300);
    expect(moderationValue('J', 'judge', entries, { judgeId: 9 })).toBeNull();
    expect(moderationValue('J', 'remark', entries, { value: 200 })).toBe(200);
    expect(moderationValue('M', 'median', j(150, 200))).toBe(175);
  });

  it('M aspects: judges must agree exactly', () => {
    expect(aspectOutcome({ kind: 'M', maxCenti: 500, entries: j(500, 500), requiredJudges: 3, tolerance: 2 })).toMatchObject({ complete: true, markCenti: 500 });
    expect(aspectOutcome({ kind: 'M', maxCenti: 500, entries: j(500, 250), requiredJudges: 3, tolerance: 2 })).toMatchObject({ complete: false, needsModeration: true });
  });

  it('too few judges is incomplete', () => {
    expect(aspectOutcome({ kind: 'J', maxCenti: 300, entries: j(2, 2), requiredJudges: 3, tolerance: 2 }).complete).toBe(false);
  });
});

function row(id: number, totalCenti: number, modules: Record<string, number>, juryRank: number | null = null): RankInput {
  return { id, regNo: `R-${String(id).padStart(3, '0')}`, totalCenti, modules, juryRank };
}

describe('ranking and the qualification cut', () => {
  it('orders by total, then the modules in the published order', () => {
    const { ranked, cutWarning } = rankContestants([row(1, 8000, { A: 4000, B: 4000 }), row(2, 8500, { A: 4000, B: 4500 }), row(3, 8000, { A: 4500, B: 3500 })], ['A', 'B'], 1);
    expect(ranked.map((r) => [r.row.id, r.position, r.decidedBy, r.qualified])).toEqual([
      [2, 1, null, true],
      [3, 2, 'total', false],
      [1, 3, 'module:A', false],
    ]);
    expect(cutWarning).toBeNull();
  });

  it('warns when a tie straddles the last place and says what broke it', () => {
    const { ranked, cutWarning } = rankContestants([row(1, 9000, { A: 5000 }), row(2, 8000, { A: 4000, B: 4000 }), row(3, 8000, { A: 4500, B: 3500 })], ['A', 'B'], 2);
    expect(ranked.map((r) => r.row.id)).toEqual([1, 3, 2]);
    expect(cutWarning).toEqual({ contestantIds: [3, 2], decidedBy: 'module:A' });
  });

  it('a tie no module breaks shares the position and waits for the jury; the jury’s decision then orders it', () => {
    const tied = [row(1, 9000, { A: 5000 }), row(2, 8000, { A: 4000 }), row(3, 8000, { A: 4000 })];
    const before = rankContestants(tied, ['A'], 2);
    expect(before.ranked.map((r) => r.position)).toEqual([1, 2, 2]);
    expect(before.cutWarning).toEqual({ contestantIds: [2, 3], decidedBy: 'reg_no' });
    const after = rankContestants([tied[0], { ...tied[1], juryRank: 2 }, { ...tied[2], juryRank: 1 }], ['A'], 2);
    expect(after.ranked.map((r) => [r.row.id, r.position, r.qualified])).toEqual([
      [1, 1, true],
      [3, 2, true],
      [2, 3, false],
    ]);
    expect(after.cutWarning?.decidedBy).toBe('jury');
  });
});
