import { Tag } from 'antd';
import { POLICY_VALIDITY_LABELS, type Policy, type PolicyValidity } from '../../../shared/policies.js';
import { useI18n } from '../../i18n/I18nProvider.js';

const VALIDITY_COLORS: Record<PolicyValidity, string> = { valid: 'green', expired: 'default', upcoming: 'orange' };

export function ValidityTag({ validity }: { validity: PolicyValidity }) {
  const { lang } = useI18n();
  return (
    <Tag color={VALIDITY_COLORS[validity]} data-testid="policy-validity">
      {POLICY_VALIDITY_LABELS[validity][lang]}
    </Tag>
  );
}

export function ValidityRange({ policy }: { policy: Pick<Policy, 'validFrom' | 'validTo'> }) {
  const { t } = useI18n();
  return <span>{`${policy.validFrom ?? '—'} ~ ${policy.validTo ?? t('plForever')}`}</span>;
}

export function SampleMark({ sample }: { sample: boolean }) {
  const { t } = useI18n();
  return sample ? <Tag>{t('plSample')}</Tag> : null;
}
