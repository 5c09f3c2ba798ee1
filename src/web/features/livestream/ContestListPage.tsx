import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Contest, ContestListQuery } from '../../../shared/livestream.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { livestreamApi } from './api.js';
import { PhaseTag, SampleTag } from './labels.js';

const SORT_KEYS: Record<string, ContestListQuery['sort']> = { name: 'name', window: 'windowStartOn', updated: 'updatedAt' };

export default function ContestListPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useState<Partial<ContestListQuery> & { page: number; pageSize: number }>({ page: 1, pageSize: 20, sort: 'windowStartOn', order: 'desc' });
  const list = useQuery({ queryKey: ['ls-contests', params], queryFn: () => livestreamApi.list(params), placeholderData: keepPreviousData });
  const canManage = !!user && ['admin', 'organiser'].includes(user.role);
  const sortOrderOf = (key: string) => (params.sort === SORT_KEYS[key] ? (params.order === 'asc' ? 'ascend' : 'descend') : null);

  const columns: TableProps<Contest>['columns'] = [
    {
      title: t('lsColName'),
      key: 'name',
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (_, c) => (
        <Space size={4} wrap>
          <Link to={`/livestream/${c.id}`} data-testid="ls-contest-link">{c.name}</Link>
          <SampleTag sample={c.isSample} />
          {c.frozenFrom && <Tag color="blue">{t('lsFrozen')}</Tag>}
        </Space>
      ),
    },
    { title: t('lsColRegistration'), key: 'registration', width: 200, render: (_, c) => `${c.registrationOpensOn} ~ ${c.registrationClosesOn}` },
    { title: t('lsColWindow'), key: 'window', width: 200, sorter: true, sortOrder: sortOrderOf('window'), render: (_, c) => `${c.windowStartOn} ~ ${c.windowEndOn}` },
    {
      title: t('lsColContestants'),
      key: 'contestants',
      width: 150,
      render: (_, c) => (
        <Space size={4}>
          {c.contestants}
          {c.pendingRegistrations > 0 && <Tag color="gold">{t('lsPending', { n: c.pendingRegistrations })}</Tag>}
        </Space>
      ),
    },
    { title: t('lsColPhase'), key: 'phase', width: 170, render: (_, c) => <PhaseTag phase={c.phase} /> },
  ];

  return (
    <div>
      <div className="page-head" style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{t('lsMenu')}</Typography.Title>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/livestream/new')} data-testid="ls-create">
            {t('lsNew')}
          </Button>
        )}
      </div>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('lsSearch')} style={{ width: 280 }} onSearch={(q) => setParams((p) => ({ ...p, q, page: 1 }))} data-testid="ls-search" />
        </Space>
        {list.isError && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 12 }} />}
        <Table<Contest>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          columns={columns}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={params.q ? t('lsEmptyFiltered') : t('lsEmpty')} /> }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n: number) => t('lsCount', { n }),
            onChange: (page: number, pageSize: number) => setParams((p) => ({ ...p, page, pageSize })),
          }}
          onChange={(_p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = SORT_KEYS[String(s?.columnKey)];
            setParams((p) => (s?.order && key ? { ...p, sort: key, order: s.order === 'ascend' ? 'asc' : 'desc', page: 1 } : { ...p, sort: 'windowStartOn', order: 'desc' }));
          }}
        />
      </Card>
    </div>
  );
}
