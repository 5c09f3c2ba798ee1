import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Input, Select, Space, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { formatTimestamp } from '../../../shared/format.js';
import { POLICY_VALIDITIES, POLICY_VALIDITY_LABELS, type Policy } from '../../../shared/policies.js';
import { endpoints } from '../../api/endpoints.js';
import { urlTableSort } from '../../api/tableSort.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { policyApi } from './api.js';
import { SampleMark, ValidityRange, ValidityTag } from './labels.js';
import { RuleChips } from './RuleChips.js';
import { usePolicyParams } from './usePolicyParams.js';

// Table column keys → the API's sort names.
const SORT_KEYS: Record<string, string> = { title: 'title', valid: 'validTo', updated: 'updatedAt' };

export default function PolicyListPage() {
  const { t, lang } = useI18n();
  const { isAdmin } = useAuth();
  const navigate = useNavigate();
  const { params, filters, update, clear, hasFilters } = usePolicyParams();
  const list = useQuery({ queryKey: ['policies', params], queryFn: () => policyApi.list(params), placeholderData: keepPreviousData });
  const clusters = useQuery({ queryKey: ['clusters'], queryFn: endpoints.clusters, staleTime: 60_000 });
  const { sortOrderOf, onChange: onSortChange } = urlTableSort<Policy>(SORT_KEYS, params, { sort: 'updatedAt', order: 'desc' }, update);

  const columns: TableProps<Policy>['columns'] = [
    {
      title: t('plColTitle'),
      key: 'title',
      width: 300,
      sorter: true,
      sortOrder: sortOrderOf('title'),
      render: (_, p) => (
        <Space size={4} wrap>
          <Link to={`/policies/${p.id}`} data-testid="policy-link">
            {p.title}
          </Link>
          <SampleMark sample={p.isSample} />
        </Space>
      ),
    },
    { title: t('plColIssuer'), dataIndex: 'issuer', width: 180 },
    { title: t('plColDoc'), dataIndex: 'docNumber', width: 200 },
    { title: t('plColValid'), key: 'valid', width: 200, sorter: true, sortOrder: sortOrderOf('valid'), render: (_, p) => <ValidityRange policy={p} /> },
    { title: t('plColStatus'), key: 'status', width: 90, render: (_, p) => <ValidityTag validity={p.validity} /> },
    { title: t('plColRules'), key: 'rules', width: 320, render: (_, p) => <RuleChips rules={p.rules} /> },
    { title: t('plColUpdated'), key: 'updated', width: 150, sorter: true, sortOrder: sortOrderOf('updated'), render: (_, p) => formatTimestamp(p.updatedAt) },
  ];

  return (
    <div>
      <div className="page-head" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('plMenu')}
        </Typography.Title>
        {isAdmin && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/policies/new')} data-testid="create-policy">
            {t('plNew')}
          </Button>
        )}
      </div>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            defaultValue={params.q}
            placeholder={t('plSearch')}
            style={{ width: 280 }}
            onSearch={(q) => update({ q })}
            data-testid="policy-search"
          />
          <Select
            allowClear
            placeholder={t('plValidity')}
            style={{ width: 120 }}
            value={params.validity}
            onChange={(validity) => update({ validity })}
            options={POLICY_VALIDITIES.map((v) => ({ value: v, label: POLICY_VALIDITY_LABELS[v][lang] }))}
            data-testid="policy-validity-filter"
          />
          <Select
            allowClear
            placeholder={t('plCluster')}
            style={{ width: 180 }}
            value={params.cluster}
            onChange={(cluster) => update({ cluster })}
            options={(clusters.data?.items ?? []).map((c) => ({ value: c.name, label: c.name }))}
          />
          {hasFilters && <Button onClick={clear}>{t('plClear')}</Button>}
          <Button icon={<DownloadOutlined />} href={policyApi.exportUrl(filters)} download data-testid="policy-export">
            {t('plExport')}
          </Button>
        </Space>
        {list.isError && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 12 }} />}
        <Table<Policy>
          rowKey="id"
          size="middle"
          data-testid="policy-table"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1400 }}
          locale={{ emptyText: <Empty description={hasFilters ? t('plEmptyFiltered') : t('plEmpty')} /> }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n: number) => t('plCount', { n }),
            onChange: (page: number, pageSize: number) => update({ page, pageSize }),
          }}
          columns={columns}
          onChange={onSortChange}
        />
      </Card>
    </div>
  );
}
