import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Input, Space, Table, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { formatTimestamp, formatYuan } from '../../../shared/format.js';
import type { Interest } from '../../../shared/opportunities.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { opportunityApi } from './api.js';
import { toQuery } from '../../api/client.js';

const rowAttrs = { 'data-testid': 'interest-row' } as HTMLAttributes<HTMLElement>;

/** What outside investors left on the public page; every text is rendered as text (React escapes it). */
export function InterestsTab() {
  const { t, lang, field } = useI18n();
  const { isAdmin } = useAuth();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useQuery({
    queryKey: ['opportunity-interests', { q, page, pageSize }],
    queryFn: () => opportunityApi.interests({ q, page, pageSize }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('interestSearch')} aria-label={t('interestSearch')} style={{ width: 260 }} onSearch={(v) => { setQ(v.trim() || undefined); setPage(1); }} />
        <Button icon={<DownloadOutlined />} href={`/api/opportunities/interests/export.xlsx${toQuery({ q })}`} download data-testid="interests-export">
          {t('exportExcel')}
        </Button>
      </Space>
      {list.isError && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 12 }} />}
      <Table<Interest>
        rowKey="id"
        size="middle"
        data-testid="interest-table"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        onRow={() => rowAttrs}
        scroll={{ x: 1200 }}
        locale={{ emptyText: <Empty description={t('emptyInterests')} /> }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('interestCount', { n }),
          onChange: (p, ps) => { setPage(p); setPageSize(ps); },
        }}
        columns={[
          { title: t('interestWhen'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatTimestamp(v) },
          {
            title: field('companyName'),
            key: 'company',
            width: 220,
            render: (_, i) => <span data-testid="interest-company-cell">{i.companyName}</span>,
          },
          {
            title: field('contactName'),
            key: 'contact',
            width: 200,
            render: (_, i) => (
              <Space direction="vertical" size={0}>
                <span>{i.contactName}</span>
                {i.phone && <Typography.Text type="secondary">{i.phone}</Typography.Text>}
                {i.email && <Typography.Text type="secondary">{i.email}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('interestTarget'),
            key: 'target',
            width: 220,
            render: (_, i) => [i.opportunity?.title, i.chain?.name && i.node ? `${i.chain.name} · ${i.node.name}` : i.chain?.name, i.region?.name].filter(Boolean).join(' / ') || t('none'),
          },
          {
            title: field('estimatedInvestmentWan'),
            dataIndex: 'estimatedInvestmentYuan',
            width: 110,
            align: 'right',
            render: (v: number | null) => (v === null ? t('none') : formatYuan(v, lang)),
          },
          {
            title: field('message'),
            dataIndex: 'message',
            width: 260,
            render: (v: string) => (
              <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true, symbol: t('more') }}>
                {v || t('none')}
              </Typography.Paragraph>
            ),
          },
          {
            title: t('interestLead'),
            key: 'lead',
            width: 90,
            render: (_, i) => <Link to={`/leads/${i.lead.id}`} data-testid="interest-lead-link">#{i.lead.id}</Link>,
          },
          ...(isAdmin ? [{ title: t('interestAddress'), dataIndex: 'address', width: 130 }] : []),
        ]}
      />
    </>
  );
}
