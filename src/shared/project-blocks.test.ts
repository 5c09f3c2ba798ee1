import { describe, expect, it } from 'vitest';
import { blockedMilestone, formatBlocked, type BlockingApproval, type BlockingFactor } from './project-blocks.js';

const permit = (status: BlockingApproval['status'], blocksStage: BlockingApproval['blocksStage'] = 'started'): BlockingApproval => ({
  name: '施工许可',
  nameEn: 'Construction permit',
  status,
  blocksStage,
});
const power = (secured: number, blocksStage: BlockingFactor['blocksStage'] = 'started'): BlockingFactor => ({ kind: 'power', requiredAmount: 2000, securedAmount: secured, blocksStage });

describe('blockedMilestone', () => {
  it('a landed project with a pending permit and a power shortfall is blocked from starting by both', () => {
    const blocked = blockedMilestone({ stage: 'landed', approvals: [permit('pending')], factors: [power(800)] });
    expect(blocked).toEqual({
      stage: 'started',
      reasons: [
        { kind: 'approval', name: '施工许可', nameEn: 'Construction permit', status: 'pending' },
        { kind: 'factor', factor: 'power', required: 2000, secured: 800 },
      ],
    });
    expect(formatBlocked(blocked!, 'zh')).toBe('开工受阻:施工许可未批复、用电缺口 1200 kVA');
    expect(formatBlocked(blocked!, 'en')).toBe('Start blocked: construction permit pending, power short by 1,200 kVA');
  });

  it('approved and not-required items and secured factors block nothing', () => {
    expect(blockedMilestone({ stage: 'landed', approvals: [permit('approved'), { ...permit('not_required'), name: '能评' }], factors: [power(2000), power(2500)] })).toBeNull();
  });

  it('submitted and rejected items still block', () => {
    const blocked = blockedMilestone({ stage: 'landed', approvals: [permit('submitted'), { ...permit('rejected'), name: '环评', nameEn: '' }], factors: [] });
    expect(blocked?.reasons.map((r) => r.kind === 'approval' && r.status)).toEqual(['submitted', 'rejected']);
    expect(formatBlocked(blocked!, 'en')).toBe('Start blocked: construction permit under review, 环评 rejected');
  });

  it('only prerequisites of the next stage or earlier count: an operating-stage factor does not block a start', () => {
    expect(blockedMilestone({ stage: 'landed', approvals: [], factors: [power(0, 'operating')] })).toBeNull();
    expect(blockedMilestone({ stage: 'started', approvals: [], factors: [power(0, 'operating')] })?.stage).toBe('operating');
  });

  it('a prerequisite of an earlier stage still missing blocks the next one', () => {
    const blocked = blockedMilestone({ stage: 'started', approvals: [permit('pending', 'landed')], factors: [] });
    expect(blocked?.stage).toBe('operating');
    expect(formatBlocked(blocked!, 'zh')).toBe('投产受阻:施工许可未批复');
  });

  it('terminated and full-capacity projects have no next milestone', () => {
    expect(blockedMilestone({ stage: 'terminated', approvals: [permit('pending')], factors: [power(0)] })).toBeNull();
    expect(blockedMilestone({ stage: 'full_capacity', approvals: [permit('pending')], factors: [power(0)] })).toBeNull();
  });

  it('fractional shortfalls keep two decimals', () => {
    const blocked = blockedMilestone({ stage: 'signed', approvals: [], factors: [{ kind: 'land', requiredAmount: 120.5, securedAmount: 100.25, blocksStage: 'landed' }] });
    expect(formatBlocked(blocked!, 'zh')).toBe('落地受阻:用地缺口 20.25 亩');
    expect(formatBlocked(blocked!, 'en')).toBe('Landing blocked: land short by 20.25 mu');
  });
});
