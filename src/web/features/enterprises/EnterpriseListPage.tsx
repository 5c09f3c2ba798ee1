import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Grid, Input, List, Pagination, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Enterprise } from '../../../shared/enterprises.js';
import { formatTimestamp } from '../../../shared/format.js';
import { endpoints } from '../../api/endpoints.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { LeaderTag } from '../chains/StatusTag.js';
import { SampleTag } from '../projects/StageTag.js';
import { SIZE_KEYS, SIZES } from './constants.js';
import { LocalTag, placeOf } from './EnterpriseTags.js';
import { useEnterpriseParams } from './useEnterpriseParams.js';

const rowAttrs = { 'data-testid': 'enterprise-row' } as HTMLAttributes<HTMLElement>;

function NodeTags({ e }: { e: Enterprise }) {
  const shown = e.nodes.slice(0, 3);
  return (
    <Space size={[2, 2]} wrap>
      {shown.map((n) => (
        <Tag key={n.id} title={`${n.chainName} · ${n.name}`}>
          {n.name}
        </Tag>
      ))}
      {e.nodes.length > shown.length && <Tag>+{e.nodes.length - shown.length}</Tag>}
    </Space>
  );
}

export default function EnterpriseListPage() {
  const { t } = useI18n();
  const { regions, nameOf } = useRegions();
  const { canWrite } = useAuth();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const { params, filters, update, clear, hasFilters } = useEnterpriseParams();
  const [q, setQ] = useState(params.q ?? '');
  useEffect(() => setQ(params.q ?? ''), [params.q]);

  const clusters = useQuery({ queryKey: ['clusters'], queryFn: endpoints.clusters, staleTime: 60_000 });
  const chainOptions = (clusters.data?.items ?? []).map((c) => ({
    label: c.name,
    title: c.name,
    options: c.chains.map((ch) => ({ value: ch.id, label: ch.name })),
  }));

  // Arriving from a chain node's drawer: name the node in the filter tag.
  const node = useQuery({
    queryKey: ['chain-node', params.nodeId],
    queryFn: () => endpoints.node(params.nodeId!),
    enabled: params.nodeId != null,
  });

  const list = useQuery({
    queryKey: ['enterprises', params],
    queryFn: () => endpoints.enterprises(params),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  const sortOrderOf = (key: string) =>
    params.sort === key ? (params.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const sizeLabel = (s: Enterprise['size']) => (s ? t(SIZE_KEYS[s]) : t('none'));

  const columns: TableProps<Enterprise>['columns'] = [
    {
      title: t('enterpriseName'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      fixed: mobile ? undefined : 'left',
      width: 240,
      render: (_, e) => (
        <Space size={4} wrap>
          <Link to={`/enterprises/${e.id}`} data-testid="enterprise-link">
            {e.name}
          </Link>
          {e.leadChains.length > 0 && <LeaderTag />}
          {e.isSample && <SampleTag />}
        </Space>
      ),
    },
    { title: t('uscc'), dataIndex: 'uscc', key: 'uscc', width: 190, render: (v: string) => <Typography.Text copyable={!!v} style={{ fontFamily: 'monospace' }}>{v}</Typography.Text> },
    {
      title: t('location'),
      key: 'place',
      width: 150,
      render: (_, e) => (
        <Space size={4} wrap>
          <LocalTag isLocal={e.isLocal} />
          <span>{e.isLocal && e.regionCode ? nameOf(e.regionCode, e.regionName ?? undefined) : placeOf(e)}</span>
        </Space>
      ),
    },
    { title: t('size'), dataIndex: 'size', key: 'size', width: 70, render: sizeLabel },
    { title: t('colNodesShort'), key: 'nodes', width: 220, render: (_, e) => <NodeTags e={e} /> },
    {
      title: t('colUpdated'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      sortOrder: sortOrderOf('updatedAt'),
      width: 140,
      render: (at: string) => formatTimestamp(at),
    },
    {
      title: t('createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      width: 140,
      render: (at: string) => formatTimestamp(at),
    },
  ];

  const onTableChange: TableProps<Enterprise>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = s?.order ? String(s.columnKey) : undefined;
      update({ sort: key, order: key ? (s.order === 'ascend' ? 'asc' : 'desc') : undefined });
    } else if (extra.action === 'paginate') {
      update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 });
    }
  };

  const empty = (
    <Empty description={t('emptyEnterprises')} data-testid="enterprises-empty">
      {hasFilters && (
        <Button onClick={clear} type="primary">
          {t('clearFilters')}
        </Button>
      )}
    </Empty>
  );

  const pager = {
    current: params.page,
    pageSize: params.pageSize,
    total,
    showSizeChanger: !mobile,
    showTotal: (n: number) => t('enterpriseCount', { n }),
  };

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={4}>{t('enterprisesTitle')}</Typography.Title>
      </div>
      <Card size="small">
        <Space wrap size={[8, 8]} style={{ marginBottom: 12, width: '100%' }}>
          <Input.Search
            allowClear
            placeholder={t('enterpriseSearch')}
            aria-label={t('enterpriseSearch')}
            data-testid="filter-q"
            style={{ width: 260, maxWidth: '100%' }}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onSearch={(v) => update({ q: v.trim() || undefined })}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('filterRegion')}
            aria-label={t('filterRegion')}
            data-testid="filter-region"
            style={{ width: 180 }}
            value={params.region}
            onChange={(v: string | undefined) => update({ region: v })}
            options={regions.map((r) => ({ value: r.code, label: nameOf(r.code, r.name) }))}
          />
          <Select
            allowClear
            placeholder={t('filterLocal')}
            aria-label={t('filterLocal')}
            data-testid="filter-local"
            style={{ width: 120 }}
            value={params.local}
            onChange={(v: 'true' | 'false' | undefined) => update({ local: v })}
            options={[
              { value: 'true', label: t('local') },
              { value: 'false', label: t('outside') },
            ]}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('filterChain')}
            aria-label={t('filterChain')}
            data-testid="filter-chain"
            style={{ width: 180 }}
            value={params.chainId}
            onChange={(v: number | undefined) => update({ chainId: v, nodeId: undefined })}
            options={chainOptions}
          />
          <Select
            allowClear
            placeholder={t('size')}
            aria-label={t('size')}
            data-testid="filter-size"
            style={{ width: 100 }}
            value={params.size}
            onChange={(v: string | undefined) => update({ size: v })}
            options={SIZES.map((s) => ({ value: s, label: t(SIZE_KEYS[s]) }))}
          />
          <Space size={4}>
            <Switch
              checked={params.leader === 'true'}
              onChange={(on) => update({ leader: on ? 'true' : undefined })}
              data-testid="filter-leader"
              aria-label={t('filterLeader')}
            />
            <span>{t('filterLeader')}</span>
          </Space>
          {params.nodeId && (
            <Tag closable onClose={() => update({ nodeId: undefined })} data-testid="filter-node">
              {node.data ? `${node.data.chain.name} · ${node.data.node.name}` : t('filterNode', { id: params.nodeId })}
            </Tag>
          )}
          {hasFilters && (
            <Button type="link" onClick={clear} data-testid="clear-filters">
              {t('clearFilters')}
            </Button>
          )}
          <Button icon={<DownloadOutlined />} href={endpoints.enterpriseExportUrl(filters)} download data-testid="export-excel">
            {t('exportExcel')}
          </Button>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/enterprises/new')} data-testid="create-enterprise">
              {t('createEnterprise')}
            </Button>
          )}
        </Space>
        {list.isError && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 12 }} />}
        {mobile ? (
          <>
            <List
              loading={list.isLoading}
              dataSource={items}
              locale={{ emptyText: empty }}
              renderItem={(e) => (
                <Card
                  size="small"
                  className="project-card clickable-row"
                  data-testid="enterprise-row"
                  data-row-key={e.id}
                  onClick={() => navigate(`/enterprises/${e.id}`)}
                  title={
                    <Space size={4} wrap>
                      <Link to={`/enterprises/${e.id}`} data-testid="enterprise-link" onClick={(ev) => ev.stopPropagation()}>
                        {e.name}
                      </Link>
                      {e.isSample && <SampleTag />}
                    </Space>
                  }
                  extra={e.leadChains.length > 0 && <LeaderTag />}
                >
                  <Space size={8} wrap>
                    <LocalTag isLocal={e.isLocal} />
                    <Typography.Text type="secondary">{placeOf(e)}</Typography.Text>
                    {e.size && <span>{sizeLabel(e.size)}</span>}
                  </Space>
                  {e.nodes.length > 0 && (
                    <div style={{ marginTop: 4 }}>
                      <NodeTags e={e} />
                    </div>
                  )}
                </Card>
              )}
            />
            {total > 0 && (
              <Pagination {...pager} size="small" style={{ marginTop: 8, textAlign: 'center' }} onChange={(page, pageSize) => update({ page, pageSize })} />
            )}
          </>
        ) : (
          <Table<Enterprise>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={list.isFetching}
            onChange={onTableChange}
            onRow={() => rowAttrs}
            scroll={{ x: 1150 }}
            locale={{ emptyText: empty }}
            pagination={pager}
            data-testid="enterprise-table"
          />
        )}
      </Card>
    </div>
  );
}
