import { Space, Tag } from 'antd';
import { describeRules, type PolicyRules, type RuleResult } from '../../../shared/policies.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** A policy's rules as readable chips ("产业集群:新能源新材料"). */
export function RuleChips({ rules }: { rules: PolicyRules }) {
  const { t, lang } = useI18n();
  const { regions } = useRegions();
  const names = { regions: Object.fromEntries(regions.map((r) => [r.code, { zh: r.name, en: r.nameEn }])) };
  const described = describeRules(rules, names);
  if (described.length === 0) return <Tag>{t('plNoRules')}</Tag>;
  return (
    <Space size={[4, 4]} wrap data-testid="policy-rules">
      {described.map((r) => (
        <Tag key={r.rule} color="blue">
          {r[lang]}
        </Tag>
      ))}
    </Space>
  );
}

/** The rules a subject met, as the server wrote them ("… ✓"). */
export function MetChips({ met }: { met: RuleResult[] }) {
  const { t, lang } = useI18n();
  if (met.length === 0) return <Tag color="green">{t('plNoRules')}</Tag>;
  return (
    <Space size={[4, 4]} wrap data-testid="policy-met">
      {met.map((r) => (
        <Tag key={r.rule} color="green">
          {r[lang]}
        </Tag>
      ))}
    </Space>
  );
}
