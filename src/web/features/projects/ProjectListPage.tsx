import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Grid, List, Pagination, Space, Table, Typography, Button } from 'antd';
import type { TableProps } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { formatTimestamp, formatYuan } from '../../../shared/format.js';
import type { ProjectListItem as Project } from '../../../shared/projects.js';
import { endpoints } from '../../api/endpoints.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ProjectFilterBar } from './ProjectFilterBar.js';
import { OverdueTag, SampleTag, StageTag } from './StageTag.js';
import type { ProjectSort } from '../../../shared/project-sorts.js';
import { useListParams } from './useListParams.js';
import { BlockedTag } from '../approvals/labels.js';

const rowAttrs = { 'data-testid': 'project-row' } as HTMLAttributes<HTMLElement>;

export default function ProjectListPage() {
  const { t, lang } = useI18n();
  const { nameOf } = useRegions();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const state = useListParams();
  const { params, update, hasFilters, clear } = state;

  const list = useQuery({
    queryKey: ['projects', params],
    queryFn: () => endpoints.projects(params),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;

  const sortOrderOf = (key: ProjectSort) =>
    params.sort === key ? (params.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;

  const columns: TableProps<Project>['columns'] = [
    {
      title: t('colName'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      fixed: mobile ? undefined : 'left',
      width: 230,
      render: (_, p) => (
        <Space size={4} wrap>
          <Link to={`/projects/${p.id}`} data-testid="project-link">
            {p.name}
          </Link>
          {p.isSample && <SampleTag />}
        </Space>
      ),
    },
    { title: t('colInvestor'), dataIndex: 'investorName', key: 'investorName', width: 170, ellipsis: true },
    {
      title: t('colRegion'),
      dataIndex: 'regionCode',
      key: 'region',
      width: 120,
      render: (_, p) => nameOf(p.regionCode, p.regionName),
    },
    {
      title: t('colInvestment'),
      dataIndex: 'investmentYuan',
      key: 'investment',
      sorter: true,
      sortOrder: sortOrderOf('investment'),
      align: 'right',
      width: 110,
      render: (y: number) => formatYuan(y, lang),
    },
    {
      title: t('colStage'),
      dataIndex: 'stage',
      key: 'stage',
      sorter: true,
      sortOrder: sortOrderOf('stage'),
      width: 80,
      render: (_, p) => <StageTag stage={p.stage} />,
    },
    {
      title: t('colNextPlanned'),
      dataIndex: 'nextPlannedDate',
      key: 'nextPlannedDate',
      sorter: true,
      sortOrder: sortOrderOf('nextPlannedDate'),
      width: 170,
      render: (_, p) => (
        <Space size={4} wrap>
          <span>{p.nextPlannedDate ?? t('none')}</span>
          {p.overdue && <OverdueTag days={p.overdueDays} />}
        </Space>
      ),
    },
    {
      title: t('apBlockedCol'),
      key: 'blocked',
      width: 200,
      render: (_, p) => <BlockedTag blocked={p.blocked} />,
    },
    {
      title: t('colUpdated'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      sortOrder: sortOrderOf('updatedAt'),
      width: 140,
      render: (at: string) => formatTimestamp(at),
    },
  ];

  const onTableChange: TableProps<Project>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = s?.order ? (s.columnKey as ProjectSort) : undefined;
      update({ sort: key, order: key ? (s.order === 'ascend' ? 'asc' : 'desc') : undefined });
    } else if (extra.action === 'paginate') {
      update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? 20 });
    }
  };

  const empty = (
    <Empty description={t('emptyProjects')} data-testid="projects-empty">
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
    showTotal: (n: number) => t('totalCount', { n }),
  };

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={4}>{t('projectsTitle')}</Typography.Title>
      </div>
      <Card size="small">
        <ProjectFilterBar state={state} />
        {list.isError && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 12 }} />}
        {mobile ? (
          <>
            <List
              loading={list.isLoading}
              dataSource={items}
              locale={{ emptyText: empty }}
              renderItem={(p) => (
                <Card
                  size="small"
                  className="project-card clickable-row"
                  data-testid="project-row"
                  data-row-key={p.id}
                  onClick={() => navigate(`/projects/${p.id}`)}
                  title={
                    <Space size={4} wrap>
                      <span>{p.name}</span>
                      {p.isSample && <SampleTag />}
                    </Space>
                  }
                  extra={<StageTag stage={p.stage} />}
                >
                  <div>{p.investorName}</div>
                  <Space size={8} wrap style={{ marginTop: 4 }}>
                    <Typography.Text type="secondary">{nameOf(p.regionCode, p.regionName)}</Typography.Text>
                    <Typography.Text strong>{formatYuan(p.investmentYuan, lang)}</Typography.Text>
                    {p.overdue && <OverdueTag days={p.overdueDays} />}
                    <BlockedTag blocked={p.blocked} />
                  </Space>
                </Card>
              )}
            />
            {total > 0 && (
              <Pagination
                {...pager}
                size="small"
                style={{ marginTop: 8, textAlign: 'center' }}
                onChange={(page, pageSize) => update({ page, pageSize })}
              />
            )}
          </>
        ) : (
          <Table<Project>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={list.isFetching}
            onChange={onTableChange}
            onRow={() => rowAttrs}
            scroll={{ x: 1220 }}
            locale={{ emptyText: empty }}
            pagination={pager}
            data-testid="project-table"
          />
        )}
      </Card>
    </div>
  );
}
