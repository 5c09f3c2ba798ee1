import { Alert, Tag } from 'antd';
import type { BlockedMilestone } from '../../../shared/project-blocks.js';
import { formatBlocked } from '../../../shared/project-blocks.js';
import { APPROVAL_STATUS_LABELS, FACTOR_LABELS, type ApprovalStatus, type FactorKind } from '../../../shared/service-catalog.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const STATUS_COLORS: Record<ApprovalStatus, string> = {
  pending: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
  not_required: 'purple',
};

export function ApprovalStatusTag({ status }: { status: ApprovalStatus }) {
  const { lang } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="approval-status" data-status={status}>
      {APPROVAL_STATUS_LABELS[status][lang]}
    </Tag>
  );
}

export function factorName(kind: FactorKind, lang: 'zh' | 'en'): string {
  return FACTOR_LABELS[kind][lang];
}

export function factorUnit(kind: FactorKind, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? FACTOR_LABELS[kind].unit : FACTOR_LABELS[kind].unitEn;
}

/** The project's blocked milestone in one sentence ("开工受阻:施工许可未批复"), or that nothing blocks it. */
export function BlockedBanner({ blocked, okText }: { blocked: BlockedMilestone | null; okText?: string }) {
  const { lang } = useI18n();
  if (!blocked) return okText ? <Alert type="success" showIcon message={okText} data-testid="blocked-banner" data-blocked="false" style={{ marginBottom: 12 }} /> : null;
  return <Alert type="warning" showIcon message={formatBlocked(blocked, lang)} data-testid="blocked-banner" data-blocked="true" style={{ marginBottom: 12 }} />;
}

/** The ledger's short flag: the blocked stage as a red tag, the full sentence on hover. */
export function BlockedTag({ blocked }: { blocked: BlockedMilestone | null }) {
  const { lang } = useI18n();
  if (!blocked) return null;
  const text = formatBlocked(blocked, lang);
  return (
    <Tag color="red" title={text} data-testid="blocked-tag" style={{ whiteSpace: 'normal' }}>
      {text}
    </Tag>
  );
}
