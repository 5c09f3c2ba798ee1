import { describe, expect, it } from 'vitest';
import { buildScorecard, daysFrom, median, medianOf } from './scorecard.js';
import { summariseSignings, yiWithTwoDecimals } from './summary.js';

describe('median', () => {
  it('of nothing is null', () => expect(median([])).toBeNull());
  it('of one value is that value', () => expect(median([42])).toBe(42));
  it('of an odd count is the middle one, whatever the input order', () => expect(median([9, 1, 5])).toBe(5));
  it('of an even count is the mean of the two middle ones', () => expect(median([10, 1, 4, 7])).toBe(5.5));
  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('days from signing', () => {
  it('is null until the stage is reached', () => expect(daysFrom('2023-05-17', null)).toBeNull());
  it('counts calendar days, across a leap day', () => expect(daysFrom('2024-02-28', '2024-03-01')).toBe(2));
  it('over only the projects that reached the stage, with n', () => expect(medianOf([null, 10, null, 30])).toEqual({ days: 20, n: 2 }));
  it('with none reached is null with n = 0', () => expect(medianOf([null, null])).toEqual({ days: null, n: 0 }));
});

describe('the scorecard of no signings', () => {
  it('is empty, with no ratio rather than a division by zero', () => {
    const card = buildScorecard([]);
    expect(card.items).toEqual([]);
    expect(card.fundsRatio).toBeNull();
    expect(card.medians.landed).toEqual({ days: null, n: 0 });
    expect(card.byStage.every((s) => s.count === 0)).toBe(true);
  });
});

describe('the summary sentence', () => {
  it('writes 亿元 with two decimals, exactly', () => {
    expect(yiWithTwoDecimals(5_742_000_000)).toBe('57.42');
    expect(yiWithTwoDecimals(0)).toBe('0.00');
    expect(yiWithTwoDecimals(100_000_000)).toBe('1.00');
    expect(yiWithTwoDecimals(105_000_000)).toBe('1.05');
    expect(yiWithTwoDecimals(1_234_567_890_123)).toBe('12345.68');
  });
  it('counts a firm once whether named twice or by the same enterprise id', () => {
    const row = { region_code: 'A', investor_name: '甲', investor_enterprise_id: null, partner_name: '链主', partner_enterprise_id: 7, partner_role: 'chain_leader', amount_yuan: 50_000_000 };
    const s = summariseSignings([row, { ...row, region_code: 'B', partner_name: '链主(简称)' }, { ...row, investor_name: '乙', partner_role: 'partner', partner_enterprise_id: 8 }]);
    expect(s).toMatchObject({ regions: 2, chainLeaders: 1, partners: 2, projects: 3, totalYuan: 150_000_000, totalYi: '1.50' });
    expect(s.sentenceZh).toBe('2个县市(园区)与1家“链主”企业、2家产业链上下游优质企业,共签约合作项目3个,总投资达1.50亿元');
  });
});
