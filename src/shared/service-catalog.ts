// The vocabulary of enterprise services, shared so the web app offers exactly what the server accepts.
export const REQUEST_CATEGORIES = ['land', 'power', 'water', 'gas', 'finance', 'labour', 'approval', 'logistics', 'other'] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export const REQUEST_CATEGORY_LABELS: Record<RequestCategory, { zh: string; en: string }> = {
  land: { zh: '用地', en: 'Land' },
  power: { zh: '用电', en: 'Power' },
  water: { zh: '用水', en: 'Water' },
  gas: { zh: '用气', en: 'Gas' },
  finance: { zh: '融资', en: 'Finance' },
  labour: { zh: '用工', en: 'Labour' },
  approval: { zh: '审批', en: 'Approvals' },
  logistics: { zh: '物流', en: 'Logistics' },
  other: { zh: '其他', en: 'Other' },
};

/** A request's status; each department's assignment moves through the first four. */
export const REQUEST_STATUSES = ['submitted', 'accepted', 'in_progress', 'resolved', 'confirmed', 'reopened'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const ASSIGNMENT_STATUSES = ['submitted', 'accepted', 'in_progress', 'resolved'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const REQUEST_STATUS_LABELS: Record<RequestStatus, { zh: string; en: string }> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  in_progress: { zh: '办理中', en: 'In progress' },
  resolved: { zh: '已办结', en: 'Resolved' },
  confirmed: { zh: '已确认', en: 'Confirmed' },
  reopened: { zh: '已重办', en: 'Reopened' },
};

export const PROJECT_TYPES = ['industrial', 'energy', 'service'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];
export const PROJECT_TYPE_LABELS: Record<ProjectType, { zh: string; en: string }> = {
  industrial: { zh: '工业项目', en: 'Industrial' },
  energy: { zh: '能源项目', en: 'Energy' },
  service: { zh: '服务业项目', en: 'Services' },
};

export const APPROVAL_STATUSES = ['pending', 'submitted', 'approved', 'rejected', 'not_required'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];
export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, { zh: string; en: string }> = {
  pending: { zh: '未申报', en: 'Pending' },
  submitted: { zh: '已申报', en: 'Submitted' },
  approved: { zh: '已批复', en: 'Approved' },
  rejected: { zh: '未通过', en: 'Rejected' },
  not_required: { zh: '无需办理', en: 'Not required' },
};

export const FACTOR_KINDS = ['land', 'power', 'water', 'gas', 'finance', 'labour'] as const;
export type FactorKind = (typeof FACTOR_KINDS)[number];
export const FACTOR_LABELS: Record<FactorKind, { zh: string; en: string; unit: string; unitEn: string }> = {
  land: { zh: '用地', en: 'Land', unit: '亩', unitEn: 'mu' },
  power: { zh: '用电', en: 'Power', unit: 'kVA', unitEn: 'kVA' },
  water: { zh: '用水', en: 'Water', unit: '吨/日', unitEn: 't/day' },
  gas: { zh: '用气', en: 'Gas', unit: '立方米/日', unitEn: 'm³/day' },
  finance: { zh: '融资', en: 'Finance', unit: '元', unitEn: 'yuan' },
  labour: { zh: '用工', en: 'Labour', unit: '人', unitEn: 'people' },
};

export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];
export const PROJECT_TAGS = ['green', 'innovation', 'value'] as const;
export type ProjectTag = (typeof PROJECT_TAGS)[number];

export const NOTIFICATION_KINDS = ['assigned', 'due_soon', 'overdue', 'escalated', 'status_changed', 'confirmed', 'reopened', 'approval'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
