import { Tag, Tooltip } from 'antd';
import { REQUEST_CATEGORY_LABELS, REQUEST_STATUS_LABELS, type RequestCategory, type RequestStatus } from '../../../shared/service-catalog.js';
import type { RequestLight } from '../../../shared/service-requests.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const STATUS_COLORS: Record<RequestStatus, string> = {
  submitted: 'default',
  accepted: 'blue',
  in_progress: 'gold',
  resolved: 'cyan',
  confirmed: 'green',
  reopened: 'magenta',
};
const LIGHT_COLORS: Record<RequestLight, string> = { green: '#52c41a', yellow: '#faad14', red: '#f5222d' };
const LIGHT_KEYS = { green: 'svcLightGreen', yellow: 'svcLightYellow', red: 'svcLightRed' } as const;

export function useServiceLabels() {
  const { lang } = useI18n();
  return {
    status: (s: RequestStatus) => REQUEST_STATUS_LABELS[s][lang],
    category: (c: RequestCategory) => REQUEST_CATEGORY_LABELS[c][lang],
  };
}

export function RequestStatusTag({ status, testId = 'service-status' }: { status: RequestStatus; testId?: string }) {
  const { status: label } = useServiceLabels();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={testId}>
      {label(status)}
    </Tag>
  );
}

/** The deadline light as a coloured dot, its meaning in the tooltip and for screen readers. */
export function LightDot({ light }: { light: RequestLight | null }) {
  const { t } = useI18n();
  if (!light) return null;
  return (
    <Tooltip title={t(LIGHT_KEYS[light])}>
      <span
        className="service-light"
        role="img"
        aria-label={t(LIGHT_KEYS[light])}
        data-testid={`service-light-${light}`}
        style={{ display: 'inline-block', width: 10, height: 10, borderRadius: '50%', background: LIGHT_COLORS[light], marginRight: 6, verticalAlign: 'middle' }}
      />
    </Tooltip>
  );
}
