import { Tag } from 'antd';
import { CONTEST_PHASE_LABELS, CONTESTANT_STATUS_LABELS, formatFen, type ContestantStatus, type ContestPhase } from '../../../shared/livestream.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const PHASE_COLORS: Record<ContestPhase, string> = { upcoming: 'default', registration: 'blue', running: 'green', refund_window: 'gold', awaiting_settlement: 'orange', settled: 'purple' };
const STATUS_COLORS: Record<ContestantStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

export function PhaseTag({ phase }: { phase: ContestPhase }) {
  const { lang } = useI18n();
  return <Tag color={PHASE_COLORS[phase]} data-testid="ls-phase">{CONTEST_PHASE_LABELS[phase][lang]}</Tag>;
}

export function ContestantStatusTag({ status }: { status: ContestantStatus }) {
  const { lang } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{CONTESTANT_STATUS_LABELS[status][lang]}</Tag>;
}

export function SampleTag({ sample }: { sample: boolean }) {
  const { t } = useI18n();
  return sample ? <Tag color="orange">{t('lsSample')}</Tag> : null;
}

/** Fen shown as yuan with two decimals; the server keeps integers. */
export const yuan = formatFen;

/** A Beijing wall-clock time of a UTC instant, minutes precision. */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
