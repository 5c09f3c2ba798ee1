// The lead state machine, shared by the API and the board so a drop the server would refuse is refused
// in the browser first, with the same words. No zod here: the board imports it.
export const LEAD_STATUSES = ['new', 'contacted', 'visited', 'negotiating', 'signed', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
export const OPEN_LEAD_STATUSES = ['new', 'contacted', 'visited', 'negotiating'] as const;
export type OpenLeadStatus = (typeof OPEN_LEAD_STATUSES)[number];

export const LEAD_STATUS_LABELS: Record<LeadStatus, { zh: string; en: string }> = {
  new: { zh: '新线索', en: 'New' },
  contacted: { zh: '已联系', en: 'Contacted' },
  visited: { zh: '已拜访', en: 'Visited' },
  negotiating: { zh: '洽谈中', en: 'Negotiating' },
  signed: { zh: '已签约', en: 'Signed' },
  lost: { zh: '已流失', en: 'Lost' },
};

export function isOpenLeadStatus(s: string): s is OpenLeadStatus {
  return (OPEN_LEAD_STATUSES as readonly string[]).includes(s);
}

export interface LeadMove {
  from: LeadStatus;
  to: LeadStatus;
  /** The open status a lost lead was lost from: the only one it may be reopened to. */
  lostFrom: string | null;
  reason?: string | null;
}

export type LeadMoveRefusal = { field: 'to' | 'reason'; code: string; message: { zh: string; en: string } };

const label = (s: string, lang: 'zh' | 'en') => LEAD_STATUS_LABELS[s as LeadStatus]?.[lang] ?? s;

/** Null when the move is allowed; otherwise why not, naming the field to fix. Signing is not a move. */
export function refuseLeadMove(move: LeadMove): LeadMoveRefusal | null {
  const { from, to } = move;
  const refuse = (code: string, zh: string, en: string, field: 'to' | 'reason' = 'to'): LeadMoveRefusal => ({ field, code, message: { zh, en } });
  if (from === to) return refuse('lead_same_status', `线索已是“${label(to, 'zh')}”状态`, `The lead is already ${label(to, 'en')}`);
  if (from === 'signed') return refuse('lead_signed_final', '已签约的线索不能再变更状态', 'A signed lead is final');
  if (to === 'signed') return refuse('lead_sign_required', '请通过“签约”登记项目来完成签约', 'Sign the lead to record its project; it cannot simply be moved to signed');
  if (from === 'lost') {
    if (to === move.lostFrom) return null;
    const back = move.lostFrom ? label(move.lostFrom, 'zh') : '';
    return refuse(
      'lead_reopen_only_to_lost_from',
      back ? `已流失的线索只能恢复到流失前的“${back}”状态` : '已流失的线索不能恢复',
      move.lostFrom ? `A lost lead can only be reopened to ${label(move.lostFrom, 'en')}, where it was lost from` : 'This lost lead cannot be reopened',
    );
  }
  if (to === 'lost') {
    if (!move.reason || !move.reason.trim()) return refuse('lead_lost_reason_required', '标记流失须填写原因', 'Say why the lead was lost', 'reason');
    return null;
  }
  if (OPEN_LEAD_STATUSES.indexOf(to) < OPEN_LEAD_STATUSES.indexOf(from as OpenLeadStatus)) {
    return refuse('lead_no_going_back', `线索不能从“${label(from, 'zh')}”退回“${label(to, 'zh')}”`, `A lead cannot go back from ${label(from, 'en')} to ${label(to, 'en')}`);
  }
  return null;
}

/** Only an open lead can be signed. */
export function refuseLeadSign(from: LeadStatus): LeadMoveRefusal | null {
  if (from === 'signed') return { field: 'to', code: 'lead_already_signed', message: { zh: '该线索已签约', en: 'This lead is already signed' } };
  if (from === 'lost') return { field: 'to', code: 'lead_lost_cannot_sign', message: { zh: '已流失的线索须先恢复才能签约', en: 'Reopen a lost lead before signing it' } };
  return null;
}
