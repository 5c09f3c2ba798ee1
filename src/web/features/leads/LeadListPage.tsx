import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Grid, Space, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { formatTimestamp, formatYuan } from '../../../shared/format.js';
import type { Lead } from '../../../shared/leads.js';
import { endpoints } from '../../api/endpoints.js';
import { useRegions } from '../../api/useRegions.js';
import { urlTableSort } from '../../api/tableSort.js';
import { ListOrCards, listPager } from '../layout/ListOrCards.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { LeadStatusTag, useLeadLabels } from './labels.js';
import { LeadFilterBar } from './LeadFilterBar.js';
import { LeadsHeader } from './LeadsHeader.js';
import { useLeadParams } from './useLeadParams.js';

const rowAttrs = { 'data-testid': 'lead-row' } as HTMLAttributes<HTMLElement>;
// Table column keys → the API's sort names.
const SORT_KEYS: Record<string, string> = { investment: 'estimatedInvestment', next: 'nextStepOn', updated: 'updatedAt' };

export default function LeadListPage() {
  const { t, lang } = useI18n();
  const labels = useLeadLabels();
  const { nameOf } = useRegions();
  const region = (l: Lead) => (l.regionCode ? nameOf(l.regionCode, l.regionName ?? undefined) : t('lpNone'));
  const mobile = Grid.useBreakpoint().md === false;
  const state = useLeadParams();
  const { params, update, hasFilters } = state;

  const list = useQuery({ queryKey: ['leads', params], queryFn: () => endpoints.leads(params), placeholderData: keepPreviousData });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const empty = <Empty description={hasFilters ? t('lpEmptyFiltered') : t('lpEmpty')} data-testid="leads-empty" />;
  const pager = listPager({ params, total, mobile, showTotal: (n) => t('lpCount', { n }), update });
  const { sortOrderOf, onChange: onSortChange } = urlTableSort<Lead>(SORT_KEYS, params, { sort: 'updatedAt', order: 'desc' }, update);
  const firm = (l: Lead) => (
    <Space size={4} wrap>
      <Link to={`/leads/${l.id}`} data-testid="lead-link">
        {l.enterprise.name}
      </Link>
      {l.isSample && <Tag>{t('lpSample')}</Tag>}
    </Space>
  );
  const chainNode = (l: Lead) => [l.chain?.name, l.node?.name].filter(Boolean).join(' · ') || t('lpNone');
  const next = (l: Lead) =>
    l.nextStep || l.nextStepOn ? (
      <Space size={4} wrap>
        <Typography.Text type={l.overdue ? 'danger' : undefined}>{[l.nextStepOn, l.nextStep].filter(Boolean).join(' ')}</Typography.Text>
        {l.overdue && <Tag color="red">{t('lpOverdueTag')}</Tag>}
      </Space>
    ) : (
      t('lpNone')
    );

  const columns: TableProps<Lead>['columns'] = [
    { title: t('lpColFirm'), key: 'firm', width: 220, fixed: 'left', render: (_, l) => firm(l) },
    { title: t('lpColChain'), key: 'chain', width: 180, render: (_, l) => chainNode(l) },
    { title: t('lpColRegion'), key: 'region', width: 140, render: (_, l) => region(l) },
    { title: t('lpColStatus'), key: 'status', width: 90, render: (_, l) => <LeadStatusTag status={l.status} /> },
    { title: t('lpColSource'), key: 'source', width: 150, render: (_, l) => labels.source(l.source) },
    { title: t('lpColReferrer'), key: 'referrer', width: 180, render: (_, l) => l.referrer?.name ?? t('lpNone') },
    { title: t('lpColOwner'), key: 'owner', width: 140, render: (_, l) => l.owner?.name ?? t('lpNone') },
    {
      title: t('lpColInvestment'),
      key: 'investment',
      width: 120,
      align: 'right',
      sorter: true,
      sortOrder: sortOrderOf('investment'),
      render: (_, l) => (l.estimatedInvestmentYuan == null ? t('lpNone') : formatYuan(l.estimatedInvestmentYuan, lang)),
    },
    { title: t('lpColNext'), key: 'next', width: 220, sorter: true, sortOrder: sortOrderOf('next'), render: (_, l) => next(l) },
    { title: t('lpColUpdated'), key: 'updated', width: 150, sorter: true, sortOrder: sortOrderOf('updated'), render: (_, l) => formatTimestamp(l.updatedAt) },
  ];

  return (
    <div>
      <LeadsHeader current="list" />
      <Card size="small">
        <LeadFilterBar state={state} />
        {list.isError && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 12 }} />}
        <ListOrCards<Lead>
          mobile={mobile}
          items={items}
          loading={list.isLoading}
          fetching={list.isFetching}
          empty={empty}
          pager={pager}
          card={(l) => (
            <Card size="small" className="project-card" data-testid="lead-row" title={firm(l)} extra={<LeadStatusTag status={l.status} />}>
              <div>{chainNode(l)}</div>
              <div>{region(l)} · {labels.source(l.source)}</div>
              <div>{next(l)}</div>
            </Card>
          )}
          table={{ 'data-testid': 'lead-table', onRow: () => rowAttrs, scroll: { x: 1500 }, columns, onChange: onSortChange } as TableProps<Lead>}
        />
      </Card>
    </div>
  );
}
