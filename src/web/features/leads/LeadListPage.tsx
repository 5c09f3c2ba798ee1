import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Grid, Input, List, Pagination, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { formatTimestamp } from '../../../shared/format.js';
import type { Lead } from '../../../shared/leads.js';
import { endpoints } from '../../api/endpoints.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/dict.js';

const rowAttrs = { 'data-testid': 'lead-row' } as HTMLAttributes<HTMLElement>;

// Copies of LEAD_STATUSES / LEAD_SOURCES labels: shared/leads.ts imports zod.
const STATUS_KEYS: Record<Lead['status'], MessageKey> = {
  new: 'leadNew',
  contacted: 'leadContacted',
  visited: 'leadVisited',
  negotiating: 'leadNegotiating',
  signed: 'leadSigned',
  lost: 'leadLost',
};
const SOURCE_KEYS: Record<Lead['source'], MessageKey> = {
  gap_analysis: 'sourceGapAnalysis',
  chain_leader_referral: 'sourceReferral',
  conference: 'sourceConference',
  visit: 'sourceVisit',
  desk_research: 'sourceDesk',
  public_page: 'sourcePublic',
};

export default function LeadListPage() {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const mobile = screens.md === false;
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(search.get('pageSize')) || 20));
  const q = search.get('q') || undefined;
  const [input, setInput] = useState(q ?? '');
  useEffect(() => setInput(q ?? ''), [q]);

  const set = (patch: Record<string, string | number | undefined>) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      if (!('page' in patch)) next.delete('page');
      return next;
    });

  const leads = useQuery({
    queryKey: ['leads', { q, page, pageSize }],
    queryFn: () => endpoints.leads({ q, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const items = leads.data?.items ?? [];
  const total = leads.data?.total ?? 0;
  const empty = <Empty description={q ? t('emptyLeadsSearch') : t('emptyLeads')} data-testid="leads-empty" />;
  const pager = {
    current: page,
    pageSize,
    total,
    showSizeChanger: !mobile,
    showTotal: (n: number) => t('leadCount', { n }),
    onChange: (p: number, ps: number) => set({ page: p, pageSize: ps }),
  };
  const score = (l: Lead) => (l.score == null ? t('none') : l.score.toFixed(1));

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={4}>{t('leadsTitle')}</Typography.Title>
      </div>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('leadSearch')}
            aria-label={t('leadSearch')}
            data-testid="filter-q"
            style={{ width: 280, maxWidth: '100%' }}
            value={input}
            onChange={(e) => setInput(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
          />
          <Typography.Text type="secondary">{t('leadsHint')}</Typography.Text>
        </Space>
        {leads.isError && <Alert type="error" showIcon message={leads.error.message} style={{ marginBottom: 12 }} />}
        {mobile ? (
          <>
            <List
              loading={leads.isLoading}
              dataSource={items}
              locale={{ emptyText: empty }}
              renderItem={(l) => (
                <Card
                  size="small"
                  className="project-card"
                  data-testid="lead-row"
                  title={<Link to={`/enterprises/${l.enterprise.id}`}>{l.enterprise.name}</Link>}
                  extra={<Tag color="blue">{t(STATUS_KEYS[l.status])}</Tag>}
                >
                  <div>
                    {l.chain && <Link to={`/chains/${l.chain.id}`}>{l.chain.name}</Link>} · {l.node?.name}
                  </div>
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
                    {l.explanation}
                  </Typography.Paragraph>
                  <Space size={8} wrap>
                    <span>
                      {t('score')} {score(l)}
                    </span>
                    <Typography.Text type="secondary">
                      {l.createdBy ?? t('systemActor')} · {formatTimestamp(l.createdAt)}
                    </Typography.Text>
                  </Space>
                </Card>
              )}
            />
            {total > 0 && <Pagination {...pager} size="small" style={{ marginTop: 8, textAlign: 'center' }} />}
          </>
        ) : (
          <Table<Lead>
            rowKey="id"
            size="middle"
            data-testid="lead-table"
            loading={leads.isFetching}
            dataSource={items}
            onRow={() => rowAttrs}
            scroll={{ x: 1200 }}
            locale={{ emptyText: empty }}
            pagination={pager}
            columns={[
              {
                title: t('enterpriseName'),
                key: 'enterprise',
                width: 200,
                fixed: 'left',
                render: (_, l) => <Link to={`/enterprises/${l.enterprise.id}`}>{l.enterprise.name}</Link>,
              },
              {
                title: t('leadNode'),
                key: 'node',
                width: 200,
                render: (_, l) => (
                  <span>
                    {l.chain && <Link to={`/chains/${l.chain.id}`}>{l.chain.name}</Link>} · {l.node?.name}
                  </span>
                ),
              },
              { title: t('leadRegion'), dataIndex: 'regionName', width: 110, render: (v: string | null) => v ?? t('none') },
              { title: t('leadStatus'), dataIndex: 'status', width: 80, render: (s: Lead['status']) => <Tag color="blue">{t(STATUS_KEYS[s])}</Tag> },
              { title: t('leadSource'), dataIndex: 'source', width: 100, render: (s: Lead['source']) => t(SOURCE_KEYS[s]) },
              { title: t('score'), key: 'score', width: 70, align: 'right', render: (_, l) => score(l) },
              {
                title: t('explanation'),
                dataIndex: 'explanation',
                width: 320,
                render: (v: string, l) => (
                  <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true, symbol: t('more') }}>
                    {[v, l.note].filter(Boolean).join(' ') || t('none')}
                  </Typography.Paragraph>
                ),
              },
              { title: t('createdBy'), dataIndex: 'createdBy', width: 100, render: (v: string | null) => v ?? t('systemActor') },
              { title: t('createdAt'), dataIndex: 'createdAt', width: 140, render: (v: string) => formatTimestamp(v) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
