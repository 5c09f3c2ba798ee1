import { FACTOR_LABELS, type ApprovalStatus, type FactorKind } from './service-catalog.js';
import { nextStage, stageIndex, type AnyStage, type Stage } from './stages.js';

// The one rule for "which milestone is blocked, and by what": the server stores its result on the
// project (projects.blocked_stage) and the web app words it, so both read it the same way.

/** An approval stops blocking once approved, or once the office decides it is not needed. */
export const CLEARED_APPROVAL_STATUSES: readonly ApprovalStatus[] = ['approved', 'not_required'];

export interface BlockingApproval {
  name: string;
  /** The English name when the template knows one; '' otherwise. */
  nameEn?: string;
  status: ApprovalStatus;
  blocksStage: Stage;
}

export interface BlockingFactor {
  kind: FactorKind;
  requiredAmount: number;
  securedAmount: number;
  blocksStage: Stage;
}

export type BlockReason =
  | { kind: 'approval'; name: string; nameEn: string; status: ApprovalStatus }
  | { kind: 'factor'; factor: FactorKind; required: number; secured: number };

export interface BlockedMilestone {
  stage: Stage;
  reasons: BlockReason[];
}

/**
 * What keeps a project from its next stage: approvals not yet cleared and factors not yet secured
 * whose blocks_stage is that stage or an earlier one (a permit needed before landing is still
 * missing when the project wants to start). Null when nothing is missing or there is no next stage.
 */
export function blockedMilestone(input: { stage: AnyStage; approvals: readonly BlockingApproval[]; factors: readonly BlockingFactor[] }): BlockedMilestone | null {
  const next = nextStage(input.stage);
  if (!next) return null;
  const due = (blocks: Stage) => stageIndex(blocks) <= stageIndex(next);
  const reasons: BlockReason[] = [
    ...input.approvals
      .filter((a) => due(a.blocksStage) && !CLEARED_APPROVAL_STATUSES.includes(a.status))
      .map((a): BlockReason => ({ kind: 'approval', name: a.name, nameEn: a.nameEn ?? '', status: a.status })),
    ...input.factors
      .filter((f) => due(f.blocksStage) && f.securedAmount < f.requiredAmount)
      .map((f): BlockReason => ({ kind: 'factor', factor: f.kind, required: f.requiredAmount, secured: f.securedAmount })),
  ];
  return reasons.length > 0 ? { stage: next, reasons } : null;
}

const BLOCKED_STAGE: Record<Stage, { zh: string; en: string }> = {
  negotiating: { zh: '洽谈受阻', en: 'Negotiation blocked' },
  signed: { zh: '签约受阻', en: 'Signing blocked' },
  landed: { zh: '落地受阻', en: 'Landing blocked' },
  started: { zh: '开工受阻', en: 'Start blocked' },
  operating: { zh: '投产受阻', en: 'Operation blocked' },
  full_capacity: { zh: '达产受阻', en: 'Full capacity blocked' },
};

const APPROVAL_GAP: Record<ApprovalStatus, { zh: string; en: string }> = {
  pending: { zh: '未批复', en: 'pending' },
  submitted: { zh: '审批中', en: 'under review' },
  rejected: { zh: '未通过', en: 'rejected' },
  approved: { zh: '已批复', en: 'approved' },
  not_required: { zh: '无需办理', en: 'not required' },
};

function amount(n: number, lang: 'zh' | 'en'): string {
  const rounded = Math.round(n * 100) / 100;
  return lang === 'en' ? rounded.toLocaleString('en-US') : String(rounded);
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** One reason in words: "施工许可未批复" / "construction permit pending", "用电缺口 1200 kVA" / "power short by 1,200 kVA". */
export function formatBlockReason(reason: BlockReason, lang: 'zh' | 'en'): string {
  if (reason.kind === 'approval') {
    const gap = APPROVAL_GAP[reason.status][lang];
    return lang === 'zh' ? `${reason.name}${gap}` : `${reason.nameEn ? lowerFirst(reason.nameEn) : reason.name} ${gap}`;
  }
  const label = FACTOR_LABELS[reason.factor];
  const short = amount(reason.required - reason.secured, lang);
  return lang === 'zh' ? `${label.zh}缺口 ${short} ${label.unit}` : `${lowerFirst(label.en)} short by ${short} ${label.unitEn}`;
}

/** "开工受阻:施工许可未批复、用电缺口 1200 kVA" / "Start blocked: construction permit pending, power short by 1,200 kVA". */
export function formatBlocked(blocked: BlockedMilestone, lang: 'zh' | 'en'): string {
  const head = BLOCKED_STAGE[blocked.stage][lang];
  const reasons = blocked.reasons.map((r) => formatBlockReason(r, lang));
  return lang === 'zh' ? `${head}:${reasons.join('、')}` : `${head}: ${reasons.join(', ')}`;
}
