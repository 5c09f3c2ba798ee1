import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Grid, Rate, Space, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { formatTimestamp } from '../../../shared/format.js';
import type { ServiceRequest } from '../../../shared/service-requests.js';
import { urlTableSort } from '../../api/tableSort.js';
import { useRegions } from '../../api/useRegions.js';
import { ListOrCards, listPager } from '../layout/ListOrCards.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { serviceApi } from './api.js';
import { LightDot, RequestStatusTag, useServiceLabels } from './labels.js';
import { ServiceFilterBar } from './ServiceFilterBar.js';
import { useServiceParams } from './useServiceParams.js';
import { serviceMenuKey } from './menu.js';

const rowAttrs = { 'data-testid': 'service-row' } as HTMLAttributes<HTMLElement>;
const SORT_KEYS: Record<string, string> = { due: 'dueOn', created: 'createdAt' };

export default function ServiceListPage() {
  const { t, lang } = useI18n();
  const labels = useServiceLabels();
  const { nameOf } = useRegions();
  const { user } = useAuth();
  const heading = t(serviceMenuKey(user?.role));
  const mobile = Grid.useBreakpoint().md === false;
  const state = useServiceParams();
  const { params, update, hasFilters } = state;
  const list = useQuery({ queryKey: ['service-requests', params], queryFn: () => serviceApi.list(params), placeholderData: keepPreviousData });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const empty = <Empty description={hasFilters ? t('svcEmptyFiltered') : t('svcEmpty')} data-testid="services-empty" />;
  const pager = listPager({ params, total, mobile, showTotal: (n) => t('svcCount', { n }), update });
  const { sortOrderOf, onChange: onSortChange } = urlTableSort<ServiceRequest>(SORT_KEYS, params, { sort: 'createdAt', order: 'desc' }, update);
  const title = (r: ServiceRequest) => (
    <Space size={4} wrap>
      <LightDot light={r.light} />
      <Link to={`/services/${r.id}`} data-testid="service-link">
        {r.title}
      </Link>
      {r.escalatedAt && <Tag color="red">{t('svcEscalated')}</Tag>}
      {r.isSample && <Tag>{t('svcSample')}</Tag>}
    </Space>
  );
  const departments = (r: ServiceRequest) => r.departments.map((d) => (lang === 'zh' ? d.name : d.nameEn)).join('、') || t('svcNone');
  const due = (r: ServiceRequest) => <Typography.Text type={r.light === 'red' || r.light === 'yellow' ? 'danger' : undefined}>{r.dueOn ?? t('svcNone')}</Typography.Text>;

  const columns: TableProps<ServiceRequest>['columns'] = [
    { title: t('svcColTitle'), key: 'title', width: 280, fixed: 'left', render: (_, r) => title(r) },
    { title: t('svcColEnterprise'), key: 'enterprise', width: 220, render: (_, r) => r.enterprise.name },
    { title: t('svcColCategory'), key: 'category', width: 80, render: (_, r) => labels.category(r.category) },
    { title: t('svcColDepartments'), key: 'departments', width: 200, render: (_, r) => departments(r) },
    { title: t('svcFilterRegion'), key: 'region', width: 130, render: (_, r) => (r.regionCode ? nameOf(r.regionCode, r.regionName ?? undefined) : t('svcNone')) },
    { title: t('svcColStatus'), key: 'status', width: 90, render: (_, r) => <RequestStatusTag status={r.status} /> },
    { title: t('svcColDue'), key: 'due', width: 120, sorter: true, sortOrder: sortOrderOf('due'), render: (_, r) => due(r) },
    { title: t('svcColRating'), key: 'rating', width: 140, render: (_, r) => (r.rating ? <Rate disabled value={r.rating} style={{ fontSize: 12 }} /> : t('svcNone')) },
    { title: t('svcColCreated'), key: 'created', width: 150, sorter: true, sortOrder: sortOrderOf('created'), render: (_, r) => formatTimestamp(r.createdAt) },
  ];

  return (
    <div>
      <Typography.Title level={4} data-testid="services-heading">
        {heading}
      </Typography.Title>
      <Card size="small">
        <ServiceFilterBar state={state} />
        {list.isError && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 12 }} />}
        <ListOrCards<ServiceRequest>
          mobile={mobile}
          items={items}
          loading={list.isLoading}
          fetching={list.isFetching}
          empty={empty}
          pager={pager}
          card={(r) => (
            <Card size="small" className="project-card" data-testid="service-row" title={title(r)} extra={<RequestStatusTag status={r.status} />}>
              <div>{r.enterprise.name}</div>
              <div>{labels.category(r.category)} · {departments(r)}</div>
              <div>{t('svcColDue')}:{due(r)}</div>
            </Card>
          )}
          table={{ 'data-testid': 'service-table', onRow: () => rowAttrs, scroll: { x: 1400 }, columns, onChange: onSortChange } as TableProps<ServiceRequest>}
        />
      </Card>
    </div>
  );
}
