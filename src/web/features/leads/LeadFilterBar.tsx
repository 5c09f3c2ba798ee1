import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { LEAD_SOURCES } from '../../../shared/leads.js';
import { LEAD_STATUSES } from '../../../shared/lead-status.js';
import { endpoints } from '../../api/endpoints.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useLeadLabels, useRegionOptions } from './labels.js';
import type { useLeadParams } from './useLeadParams.js';

export function LeadFilterBar({ state, board }: { state: ReturnType<typeof useLeadParams>; board?: boolean }) {
  const { t } = useI18n();
  const labels = useLeadLabels();
  const regionOptions = useRegionOptions();
  const { params, filters, update, clear, hasFilters } = state;
  const clusters = useQuery({ queryKey: ['clusters'], queryFn: endpoints.clusters, staleTime: 60_000 });
  // Typed locally and applied on Enter, not on every key.
  const [q, setQ] = useState(params.q ?? '');
  useEffect(() => setQ(params.q ?? ''), [params.q]);

  return (
    <Space wrap size={[8, 8]} style={{ marginBottom: 12, width: '100%' }}>
      <Input.Search
        allowClear
        placeholder={t('lpSearch')}
        aria-label={t('lpSearch')}
        data-testid="lead-filter-q"
        style={{ width: 240, maxWidth: '100%' }}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => update({ q: v.trim() || undefined })}
      />
      {!board && (
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('lpFilterStatus')}
          aria-label={t('lpFilterStatus')}
          data-testid="lead-filter-status"
          style={{ width: 220 }}
          value={params.status ? params.status.split(',') : []}
          onChange={(v: string[]) => update({ status: v.join(',') || undefined })}
          options={LEAD_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
        />
      )}
      <Select
        allowClear
        placeholder={t('lpFilterSource')}
        aria-label={t('lpFilterSource')}
        data-testid="lead-filter-source"
        style={{ width: 170 }}
        value={params.source}
        onChange={(v: string | undefined) => update({ source: v })}
        options={LEAD_SOURCES.map((s) => ({ value: s, label: labels.source(s) }))}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('lpFilterRegion')}
        aria-label={t('lpFilterRegion')}
        data-testid="lead-filter-region"
        style={{ width: 170 }}
        value={params.regionCode}
        onChange={(v: string | undefined) => update({ regionCode: v })}
        options={regionOptions}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('lpFilterChain')}
        aria-label={t('lpFilterChain')}
        data-testid="lead-filter-chain"
        style={{ width: 170 }}
        value={params.chainId}
        onChange={(v: number | undefined) => update({ chainId: v })}
        options={(clusters.data?.items ?? []).flatMap((c) => c.chains.map((ch) => ({ value: ch.id, label: ch.name })))}
      />
      <Space size={4}>
        <Switch checked={params.ownerId === 'me'} onChange={(on) => update({ ownerId: on ? 'me' : undefined })} data-testid="lead-filter-mine" aria-label={t('lpMine')} />
        <span>{t('lpMine')}</span>
      </Space>
      <Space size={4}>
        <Switch checked={params.overdue === 'true'} onChange={(on) => update({ overdue: on ? 'true' : undefined })} data-testid="lead-filter-overdue" aria-label={t('lpOverdue')} />
        <span>{t('lpOverdue')}</span>
      </Space>
      {hasFilters && (
        <Button type="link" onClick={clear} data-testid="lead-clear-filters">
          {t('lpClear')}
        </Button>
      )}
      {!board && (
        <Button icon={<DownloadOutlined />} href={endpoints.leadsExportUrl(filters)} download data-testid="lead-export">
          {t('lpExport')}
        </Button>
      )}
    </Space>
  );
}
