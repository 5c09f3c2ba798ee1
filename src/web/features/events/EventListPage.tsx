import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { EventItem } from '../../../shared/events.js';
import { formatYuan } from '../../../shared/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { eventApi } from './api.js';
import { EventFormModal } from './EventFormModal.js';
import { dateRange } from './labels.js';

const rowAttrs = { 'data-testid': 'event-row' } as HTMLAttributes<HTMLElement>;
const thisYear = new Date().getFullYear();

export default function EventListPage() {
  const { t, lang } = useI18n();
  const { isAdmin } = useAuth();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const page = Math.max(1, Number(search.get('page')) || 1);
  const pageSize = Math.min(100, Math.max(1, Number(search.get('pageSize')) || 20));
  const q = search.get('q') || undefined;
  const year = Number(search.get('year')) || undefined;
  const sort = search.get('sort') || 'startsOn';
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

  const events = useQuery({
    queryKey: ['events', { q, year, sort, page, pageSize }],
    queryFn: () => eventApi.list({ q, year, sort, order: sort === 'name' ? 'asc' : 'desc', page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const columns = [
    {
      title: t('evName'),
      key: 'name',
      render: (_: unknown, e: EventItem) => (
        <Space direction="vertical" size={0}>
          <Link to={`/events/${e.id}`} data-testid="event-link">{e.name}</Link>
          {e.theme && <Typography.Text type="secondary">{e.theme}</Typography.Text>}
          {e.isSample && <Tag>{t('sample')}</Tag>}
        </Space>
      ),
    },
    { title: t('evDates'), key: 'dates', width: 130, render: (_: unknown, e: EventItem) => dateRange(e.startsOn, e.endsOn) },
    { title: t('evVenue'), dataIndex: 'venue', key: 'venue', width: 160 },
    { title: t('evGuestsCol'), key: 'guests', width: 130, render: (_: unknown, e: EventItem) => `${e.counts.guests}(${e.counts.checkedIn})` },
    { title: t('evSigningsCol'), key: 'signings', width: 100, align: 'right' as const, render: (_: unknown, e: EventItem) => e.counts.signings },
    { title: t('evSignedCol'), key: 'signed', width: 130, align: 'right' as const, render: (_: unknown, e: EventItem) => formatYuan(e.counts.signedYuan, lang) },
    { title: t('evLeads'), key: 'leads', width: 90, align: 'right' as const, render: (_: unknown, e: EventItem) => e.counts.leads },
  ];

  return (
    <div>
      <div className="page-head">
        <Typography.Title level={4}>{t('evTitle')}</Typography.Title>
        {isAdmin && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="event-new">
            {t('evNew')}
          </Button>
        )}
      </div>
      <Card size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder={t('evSearch')} defaultValue={q} onSearch={(v) => set({ q: v.trim() })} style={{ width: 280 }} data-testid="event-search" />
          <Select
            allowClear
            placeholder={t('evYear')}
            value={year}
            style={{ width: 120 }}
            onChange={(v) => set({ year: v })}
            options={Array.from({ length: thisYear - 2019 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: String(y) }))}
          />
          <Select
            value={sort}
            style={{ width: 140 }}
            onChange={(v) => set({ sort: v })}
            options={[
              { value: 'startsOn', label: t('evSortStarts') },
              { value: 'name', label: t('evSortName') },
              { value: 'createdAt', label: t('evSortCreated') },
            ]}
          />
        </Space>
        <Table<EventItem>
          rowKey="id"
          size="middle"
          loading={events.isFetching}
          dataSource={events.data?.items ?? []}
          columns={columns}
          onRow={() => rowAttrs}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description={q || year ? t('evEmptySearch') : t('evEmpty')} /> }}
          pagination={{
            current: page,
            pageSize,
            total: events.data?.total ?? 0,
            showTotal: (n) => t('evCount', { n }),
            onChange: (p, ps) => set({ page: p, pageSize: ps }),
          }}
        />
      </Card>
      <EventFormModal open={creating} onClose={() => setCreating(false)} onSaved={(e) => navigate(`/events/${e.id}`)} />
    </div>
  );
}
