import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, List, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { MatchedPolicy } from '../../../shared/policies.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { policyApi } from './api.js';
import { MetChips } from './RuleChips.js';
import { SampleMark, ValidityRange } from './labels.js';

/** The policies in force one project or enterprise qualifies for (可享受政策), each with the rules met. */
export function MatchedPolicyList({ items, linkToPolicy }: { items: MatchedPolicy[]; linkToPolicy: boolean }) {
  const { t } = useI18n();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plEligibleEmpty')} />;
  return (
    <List
      dataSource={items}
      data-testid="matched-policies"
      renderItem={(p) => (
        <List.Item data-testid="matched-policy">
          <Space direction="vertical" size={4} style={{ width: '100%' }}>
            <Space size={4} wrap>
              {linkToPolicy ? <Link to={`/policies/${p.id}`}>{p.title}</Link> : <Typography.Text strong>{p.title}</Typography.Text>}
              <SampleMark sample={p.isSample} />
            </Space>
            <Typography.Text type="secondary">
              {[p.issuer, p.docNumber].filter(Boolean).join(' · ')} · <ValidityRange policy={p} />
            </Typography.Text>
            {p.benefits && <div style={{ whiteSpace: 'pre-wrap' }}>{p.benefits}</div>}
            <MetChips met={p.met} />
          </Space>
        </List.Item>
      )}
    />
  );
}

/** The 可享受政策 card on a project's or an enterprise's page. */
export function MatchedPoliciesCard({ subject }: { subject: { kind: 'project' | 'enterprise'; id: number } }) {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: ['subject-policies', subject.kind, subject.id],
    queryFn: () => (subject.kind === 'project' ? policyApi.forProject(subject.id) : policyApi.forEnterprise(subject.id)),
  });
  return (
    <Card size="small" title={t('plEligible')} style={{ marginBottom: 12 }} data-testid="eligible-policies" loading={query.isLoading}>
      {query.isError ? <Alert type="info" showIcon message={query.error.message} /> : <MatchedPolicyList items={query.data?.items ?? []} linkToPolicy />}
    </Card>
  );
}
