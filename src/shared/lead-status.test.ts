import { describe, expect, it } from 'vitest';
import { LEAD_STATUSES, refuseLeadMove, refuseLeadSign, type LeadStatus } from './lead-status.js';

// The whole table: every from × to, for an open lead, a lost one (lost from 已联系) and a signed one.
// '' is allowed; otherwise the refusal code. `lost` is tried with a reason; without one it is refused apart.
const TABLE: Record<LeadStatus, Record<LeadStatus, string>> = {
  new: { new: 'lead_same_status', contacted: '', visited: '', negotiating: '', signed: 'lead_sign_required', lost: '' },
  contacted: { new: 'lead_no_going_back', contacted: 'lead_same_status', visited: '', negotiating: '', signed: 'lead_sign_required', lost: '' },
  visited: { new: 'lead_no_going_back', contacted: 'lead_no_going_back', visited: 'lead_same_status', negotiating: '', signed: 'lead_sign_required', lost: '' },
  negotiating: { new: 'lead_no_going_back', contacted: 'lead_no_going_back', visited: 'lead_no_going_back', negotiating: 'lead_same_status', signed: 'lead_sign_required', lost: '' },
  signed: { new: 'lead_signed_final', contacted: 'lead_signed_final', visited: 'lead_signed_final', negotiating: 'lead_signed_final', signed: 'lead_same_status', lost: 'lead_signed_final' },
  lost: {
    new: 'lead_reopen_only_to_lost_from',
    contacted: '',
    visited: 'lead_reopen_only_to_lost_from',
    negotiating: 'lead_reopen_only_to_lost_from',
    signed: 'lead_sign_required',
    lost: 'lead_same_status',
  },
};

describe('refuseLeadMove', () => {
  const cases = LEAD_STATUSES.flatMap((from) => LEAD_STATUSES.map((to) => [from, to, TABLE[from][to]] as const));
  it.each(cases)('%s → %s: %s', (from, to, code) => {
    const refusal = refuseLeadMove({ from, to, lostFrom: from === 'lost' ? 'contacted' : null, reason: '外省给出更优条件' });
    expect(refusal?.code ?? '').toBe(code);
  });

  it('lost without a reason, or with only spaces, is refused naming reason, in both languages', () => {
    for (const reason of [undefined, null, '', '   ']) {
      const refusal = refuseLeadMove({ from: 'visited', to: 'lost', lostFrom: null, reason });
      expect(refusal).toMatchObject({ field: 'reason', code: 'lead_lost_reason_required' });
      expect(refusal!.message.zh).toContain('原因');
      expect(refusal!.message.en).toMatch(/why/);
    }
  });

  it('a lost lead with no recorded lost_from cannot be reopened at all', () => {
    expect(refuseLeadMove({ from: 'lost', to: 'new', lostFrom: null })?.code).toBe('lead_reopen_only_to_lost_from');
  });
});

describe('refuseLeadSign', () => {
  it.each([
    ['new', null],
    ['negotiating', null],
    ['lost', 'lead_lost_cannot_sign'],
    ['signed', 'lead_already_signed'],
  ] as const)('%s → %s', (from, code) => {
    expect(refuseLeadSign(from)?.code ?? null).toBe(code);
  });
});
