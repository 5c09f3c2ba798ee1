import { Tag } from 'antd';
import { LEAD_ACTIVITY_LABELS, LEAD_SOURCE_LABELS } from '../../../shared/lead-labels.js';
import { LEAD_STATUS_LABELS, type LeadStatus } from '../../../shared/lead-status.js';
import type { LeadSource } from '../../../shared/leads.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export const STATUS_COLORS: Record<LeadStatus, string> = {
  new: 'default',
  contacted: 'blue',
  visited: 'cyan',
  negotiating: 'gold',
  signed: 'green',
  lost: 'red',
};

/** Status, source and activity names in the user's language, from the words the server also uses. */
export function useLeadLabels() {
  const { lang } = useI18n();
  return {
    status: (s: LeadStatus) => LEAD_STATUS_LABELS[s][lang],
    source: (s: LeadSource) => LEAD_SOURCE_LABELS[s][lang],
    activity: (k: keyof typeof LEAD_ACTIVITY_LABELS) => LEAD_ACTIVITY_LABELS[k][lang],
  };
}

export function LeadStatusTag({ status }: { status: LeadStatus }) {
  const { status: label } = useLeadLabels();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="lead-status">
      {label(status)}
    </Tag>
  );
}

/** Counties, cities and parks (never the prefecture itself) as select options, in the user's language. */
export function useRegionOptions(keep: (code: string) => boolean = () => true) {
  const { regions, nameOf } = useRegions();
  return regions.filter((r) => r.kind !== 'prefecture' && keep(r.code)).map((r) => ({ value: r.code, label: nameOf(r.code, r.name) }));
}
