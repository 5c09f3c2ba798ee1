import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.js';
import { policyApi } from './api.js';
import { MatchedPolicyList } from './MatchedPolicies.js';

/** The enterprise user's 惠企政策: the policies in force its own enterprise qualifies for. */
export default function MyPoliciesPage() {
  const { t } = useI18n();
  const mine = useQuery({ queryKey: ['my-policies'], queryFn: policyApi.mine });
  return (
    <div data-testid="my-policies">
      <div className="page-head">
        <Typography.Title level={4}>{t('plMyTitle')}</Typography.Title>
      </div>
      <Card size="small" loading={mine.isLoading}>
        <Typography.Paragraph type="secondary">{t('plMyHint')}</Typography.Paragraph>
        {mine.isError ? <Alert type="error" showIcon message={mine.error.message} /> : <MatchedPolicyList items={mine.data?.items ?? []} linkToPolicy={false} />}
      </Card>
    </div>
  );
}
