import { describe, expect, it } from 'vitest';
import { matchPolicy, policyValidity, type MatchSubject, type PolicyRules, type ProjectFacts } from './policies.js';

const project = (overrides: Partial<Extract<MatchSubject, { kind: 'project' }>> = {}): MatchSubject => ({
  kind: 'project',
  name: '风电塔筒项目',
  cluster: '新能源新材料',
  regionCode: '652328',
  regionParentCode: '652300',
  stage: 'landed',
  investmentYuan: 300_000_000,
  tags: ['green'],
  size: 'medium',
  ...overrides,
});
const facts = (overrides: Partial<ProjectFacts> = {}): ProjectFacts => ({ name: '项目甲', stage: 'started', investmentYuan: 500_000_000, tags: ['innovation'], ...overrides });
const enterprise = (overrides: Partial<Extract<MatchSubject, { kind: 'enterprise' }>> = {}): MatchSubject => ({
  kind: 'enterprise',
  clusters: ['新能源新材料'],
  regionCode: '652328',
  regionParentCode: '652300',
  size: 'large',
  projects: [facts()],
  ...overrides,
});
const names = { regions: { '652328': { zh: '木垒哈萨克自治县', en: 'Mori' } } };

const ALL: PolicyRules = {
  clusters: ['新能源新材料', '绿色矿业'],
  regionCodes: ['652328'],
  stages: ['signed', 'landed'],
  minInvestmentYuan: 300_000_000,
  maxInvestmentYuan: 500_000_000,
  sizes: ['medium'],
  tags: ['green', 'value'],
};

describe('matchPolicy on a project', () => {
  it('a project meeting every rule qualifies, each rule met with a readable text', () => {
    const r = matchPolicy(ALL, project(), names);
    expect(r.qualifies).toBe(true);
    expect(r.failed).toEqual([]);
    expect(r.met.map((m) => m.rule)).toEqual(['clusters', 'regions', 'stages', 'investment', 'sizes', 'tags']);
    expect(r.met[0].zh).toBe('产业集群:新能源新材料、绿色矿业 ✓');
    expect(r.met[1].zh).toBe('地区:木垒哈萨克自治县 ✓');
    expect(r.met[3].zh).toBe('投资额:3.00亿元–5.00亿元 ✓');
    expect(r.met[0].en).toBe('Cluster: 新能源新材料, 绿色矿业 ✓');
  });

  it.each([
    ['clusters', { cluster: '粮油' }],
    ['regions', { regionCode: '652324' }],
    ['stages', { stage: 'operating' as const }],
    ['investment', { investmentYuan: 299_999_999 }],
    ['investment', { investmentYuan: 500_000_001 }],
    ['sizes', { size: 'large' as const }],
    ['sizes', { size: null }],
    ['tags', { tags: ['innovation' as const] }],
  ])('one rule failing (%s) is enough to not qualify', (rule, overrides) => {
    const r = matchPolicy(ALL, project(overrides));
    expect(r.qualifies).toBe(false);
    expect(r.failed.map((f) => f.rule)).toEqual([rule]);
    expect(r.failed[0].zh.endsWith('✗')).toBe(true);
  });

  it('investment bounds are inclusive', () => {
    expect(matchPolicy(ALL, project({ investmentYuan: 300_000_000 })).qualifies).toBe(true);
    expect(matchPolicy(ALL, project({ investmentYuan: 500_000_000 })).qualifies).toBe(true);
  });

  it('a county rule covers its parks, and the prefecture covers everything', () => {
    const park = project({ regionCode: 'MLPARK', regionParentCode: '652328' });
    expect(matchPolicy({ regionCodes: ['652328'] }, park).qualifies).toBe(true);
    expect(matchPolicy({ regionCodes: ['652300'] }, project({ regionCode: '652324' })).qualifies).toBe(true);
    expect(matchPolicy({ regionCodes: ['652324'] }, park).qualifies).toBe(false);
  });

  it('no rules admit every live project; a terminated one qualifies for nothing', () => {
    expect(matchPolicy({}, project())).toEqual({ qualifies: true, met: [], failed: [] });
    expect(matchPolicy({}, project({ stage: 'terminated' })).qualifies).toBe(false);
  });
});

describe('matchPolicy on an enterprise', () => {
  it('meets cluster, region and size itself, and project rules through one project meeting them all', () => {
    const rules: PolicyRules = { clusters: ['新能源新材料'], regionCodes: ['652328'], sizes: ['large'], stages: ['started'], tags: ['innovation'] };
    const r = matchPolicy(rules, enterprise(), names);
    expect(r.qualifies).toBe(true);
    expect(r.met.find((m) => m.rule === 'stages')?.zh).toBe('项目阶段:开工(项目:项目甲) ✓');
  });

  it('project rules met only by different projects do not add up', () => {
    const rules: PolicyRules = { stages: ['started'], tags: ['green'] };
    const split = enterprise({ projects: [facts({ stage: 'started', tags: [] }), facts({ stage: 'operating', tags: ['green'] })] });
    expect(matchPolicy(rules, split).qualifies).toBe(false);
    const together = enterprise({ projects: [facts({ stage: 'operating', tags: [] }), facts({ name: '项目乙', stage: 'started', tags: ['green'] })] });
    const r = matchPolicy(rules, together);
    expect(r.qualifies).toBe(true);
    expect(r.met[0].zh).toContain('项目乙');
  });

  it('an enterprise without projects fails project rules but may meet enterprise rules alone', () => {
    expect(matchPolicy({ stages: ['signed'] }, enterprise({ projects: [] })).qualifies).toBe(false);
    expect(matchPolicy({ clusters: ['新能源新材料'] }, enterprise({ projects: [] })).qualifies).toBe(true);
    expect(matchPolicy({ clusters: ['粮油'] }, enterprise({ projects: [] })).qualifies).toBe(false);
  });
});

describe('policyValidity', () => {
  it('from and to are inclusive and open when missing', () => {
    expect(policyValidity('2024-01-01', '2024-12-31', '2024-01-01')).toBe('valid');
    expect(policyValidity('2024-01-01', '2024-12-31', '2024-12-31')).toBe('valid');
    expect(policyValidity('2024-01-01', '2024-12-31', '2025-01-01')).toBe('expired');
    expect(policyValidity('2024-01-02', null, '2024-01-01')).toBe('upcoming');
    expect(policyValidity(null, null, '2024-01-01')).toBe('valid');
  });
});
