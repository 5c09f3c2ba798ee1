import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Alert, Button, Empty, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { formatTimestamp, formatYuan } from '../../../shared/format.js';
import type { Opportunity } from '../../../shared/opportunities.js';
import { errorMessage } from '../../api/formErrors.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { useRegions } from '../../api/useRegions.js';
import { opportunityApi } from './api.js';
import { OfferFormModal } from './OfferFormModal.js';

const rowAttrs = { 'data-testid': 'offer-row' } as HTMLAttributes<HTMLElement>;

export function OffersTab() {
  const { t, lang, field } = useI18n();
  const { canWrite, user } = useAuth();
  const { regions } = useRegions();
  const [region, setRegion] = useState<string | undefined>();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [q, setQ] = useState<string | undefined>();
  const [published, setPublished] = useState<'true' | 'false' | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<Opportunity | null | undefined>(undefined);

  const list = useQuery({
    queryKey: ['opportunities', { q, region, published, page, pageSize }],
    queryFn: () => opportunityApi.list({ q, region, published, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['opportunities'] });

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      void refresh();
    }
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('offerSearch')} aria-label={t('offerSearch')} style={{ width: 240 }} onSearch={(v) => { setQ(v.trim() || undefined); setPage(1); }} />
        {user?.role !== 'region' && (
          <Select
            allowClear
            placeholder={field('region')}
            aria-label={field('region')}
            style={{ width: 200 }}
            value={region}
            onChange={(v) => { setRegion(v); setPage(1); }}
            options={regions.filter((r) => r.kind !== 'prefecture').map((r) => ({ value: r.code, label: lang === 'en' ? r.nameEn : r.name }))}
            data-testid="offer-filter-region"
          />
        )}
        <Select
          allowClear
          placeholder={t('offerFilterPublished')}
          style={{ width: 140 }}
          value={published}
          onChange={(v) => { setPublished(v); setPage(1); }}
          options={[{ value: 'true', label: t('offerPublished') }, { value: 'false', label: t('offerDraft') }]}
        />
        {canWrite && (
          <Button type="primary" onClick={() => setEditing(null)} data-testid="offer-new">
            {t('newOffer')}
          </Button>
        )}
        <Link to="/open" target="_blank">{t('viewPublicPage')}</Link>
      </Space>
      {list.isError && <Alert type="error" showIcon message={list.error.message} style={{ marginBottom: 12 }} />}
      <Table<Opportunity>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        onRow={() => rowAttrs}
        scroll={{ x: 1100 }}
        locale={{ emptyText: <Empty description={q || published || region ? t('emptyOffersSearch') : t('emptyOffers')} /> }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('offerCount', { n }),
          onChange: (p, ps) => { setPage(p); setPageSize(ps); },
        }}
        columns={[
          {
            title: field('title'),
            key: 'title',
            width: 260,
            fixed: 'left',
            render: (_, o) => (
              <Space direction="vertical" size={0}>
                <span>
                  {o.title} {o.isSample && <Tag>{t('sampleTag')}</Tag>}
                </span>
                {o.titleEn && <Typography.Text type="secondary">{o.titleEn}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('offerWhere'),
            key: 'where',
            width: 220,
            render: (_, o) => [o.region?.name ?? t('prefectureWide'), o.chain?.name, o.node?.name].filter(Boolean).join(' · '),
          },
          { title: t('offerInvestment'), dataIndex: 'investmentYuan', width: 110, align: 'right', render: (v: number | null) => (v === null ? t('none') : formatYuan(v, lang)) },
          {
            title: t('offerFilterPublished'),
            dataIndex: 'published',
            width: 90,
            render: (p: boolean) => <Tag color={p ? 'green' : 'default'}>{p ? t('offerPublished') : t('offerDraft')}</Tag>,
          },
          { title: t('offerInterests'), dataIndex: 'interestCount', width: 80, align: 'right' },
          { title: t('updatedAt'), dataIndex: 'updatedAt', width: 140, render: (v: string) => formatTimestamp(v) },
          ...(canWrite
            ? [
                {
                  title: t('actions'),
                  key: 'actions',
                  width: 170,
                  fixed: 'right' as const,
                  render: (_: unknown, o: Opportunity) => (
                    <Space size={0} wrap>
                      <Button type="link" size="small" onClick={() => setEditing(o)} data-testid="offer-edit">{t('edit')}</Button>
                      {o.published ? (
                        <Popconfirm title={t('unpublishConfirm', { title: o.title })} onConfirm={() => act(() => opportunityApi.setPublished(o.id, false, o.version), t('unpublishedOk'))}>
                          <Button type="link" size="small" data-testid="offer-unpublish">{t('unpublish')}</Button>
                        </Popconfirm>
                      ) : (
                        <Button type="link" size="small" data-testid="offer-publish" onClick={() => act(() => opportunityApi.setPublished(o.id, true, o.version), t('publishedOk'))}>
                          {t('publish')}
                        </Button>
                      )}
                      <Popconfirm title={t('deleteOfferConfirm', { title: o.title })} okButtonProps={{ danger: true }} onConfirm={() => act(() => opportunityApi.remove(o.id, o.version), t('deleted'))}>
                        <Button type="link" size="small" danger>{t('delete')}</Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== undefined && (
        <OfferFormModal
          offer={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            message.success(t('saved'));
            void refresh();
          }}
        />
      )}
    </>
  );
}
