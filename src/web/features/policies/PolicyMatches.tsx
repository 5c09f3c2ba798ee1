import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatYuan } from '../../../shared/format.js';
import type { PolicyMatch } from '../../../shared/policies.js';
import type { AnyStage } from '../../../shared/stages.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { StageTag } from '../projects/StageTag.js';
import { policyApi } from './api.js';
import { POLICY_SIZE_LABELS } from '../../../shared/policies.js';

const PAGE_SIZE = 10;

/** One tab of a policy's page: the qualifying projects or enterprises in the caller's scope, paged on the server. */
export function PolicyMatches({ policyId, kind, expired }: { policyId: number; kind: 'projects' | 'enterprises'; expired: boolean }) {
  const { t, lang } = useI18n();
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: ['policy-matches', policyId, kind, page],
    queryFn: () => policyApi.matches(policyId, kind, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const link = (m: PolicyMatch) => <Link to={`/${kind}/${m.id}`}>{m.name}</Link>;
  const columns =
    kind === 'projects'
      ? [
          { title: t('plColName'), key: 'name', render: (_: unknown, m: PolicyMatch) => link(m) },
          { title: t('plColRegion'), dataIndex: 'regionName', width: 200 },
          { title: t('plColStage'), key: 'stage', width: 100, render: (_: unknown, m: PolicyMatch) => (m.stage ? <StageTag stage={m.stage as AnyStage} /> : null) },
          { title: t('plColInvestment'), key: 'investment', width: 130, align: 'right' as const, render: (_: unknown, m: PolicyMatch) => (m.investmentYuan === null ? '' : formatYuan(m.investmentYuan, lang)) },
        ]
      : [
          { title: t('plColName'), key: 'name', render: (_: unknown, m: PolicyMatch) => link(m) },
          { title: t('plColRegion'), dataIndex: 'regionName', width: 200, render: (v: string | null) => v ?? '—' },
          { title: t('plColSize'), key: 'size', width: 100, render: (_: unknown, m: PolicyMatch) => (m.size ? POLICY_SIZE_LABELS[m.size][lang] : '—') },
        ];
  if (query.isError) return <Alert type="error" showIcon message={query.error.message} />;
  return (
    <Table<PolicyMatch>
      rowKey="id"
      size="small"
      data-testid={`policy-matches-${kind}`}
      loading={query.isFetching}
      dataSource={query.data?.items ?? []}
      columns={columns}
      scroll={{ x: 640 }}
      locale={{ emptyText: expired ? t('plMatchExpired') : t('plMatchEmpty') }}
      pagination={{ current: page, pageSize: PAGE_SIZE, total: query.data?.total ?? 0, onChange: setPage, showTotal: (n: number) => t('plMatchCount', { n }) }}
    />
  );
}
