import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ALL_STAGES } from '../../../shared/stages.js';
import { endpoints } from '../../api/endpoints.js';
import { useRegions } from '../../api/useRegions.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import type { useListParams } from './useListParams.js';

type ListState = ReturnType<typeof useListParams>;

export function ProjectFilterBar({ state }: { state: ListState }) {
  const { t, stage } = useI18n();
  const { regions, nameOf } = useRegions();
  const { canWrite } = useAuth();
  const navigate = useNavigate();
  const { params, filters, update, clear, hasFilters } = state;
  // The search box is typed into locally and only applied on Enter/search, not on every key.
  const [q, setQ] = useState(params.q ?? '');
  useEffect(() => setQ(params.q ?? ''), [params.q]);

  return (
    <Space wrap size={[8, 8]} style={{ marginBottom: 12, width: '100%' }}>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('filterRegion')}
        aria-label={t('filterRegion')}
        data-testid="filter-region"
        style={{ width: 200 }}
        value={params.region}
        onChange={(v: string | undefined) => update({ region: v })}
        options={regions.map((r) => ({ value: r.code, label: nameOf(r.code, r.name) }))}
      />
      <Select
        allowClear
        placeholder={t('filterStage')}
        aria-label={t('filterStage')}
        data-testid="filter-stage"
        style={{ width: 130 }}
        value={params.stage}
        onChange={(v: string | undefined) => update({ stage: v })}
        options={ALL_STAGES.map((s) => ({ value: s, label: stage(s) }))}
      />
      <Space size={4}>
        <Switch
          checked={params.overdue === 'true'}
          onChange={(on) => update({ overdue: on ? 'true' : undefined })}
          data-testid="filter-overdue"
          aria-label={t('filterOverdue')}
        />
        <span>{t('filterOverdue')}</span>
      </Space>
      <Space size={4}>
        <Switch
          checked={params.blocked === '1'}
          onChange={(on) => update({ blocked: on ? '1' : undefined })}
          data-testid="filter-blocked"
          aria-label={t('apBlockedOnly')}
        />
        <span>{t('apBlockedOnly')}</span>
      </Space>
      <Input.Search
        allowClear
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchPlaceholder')}
        data-testid="filter-q"
        style={{ width: 260, maxWidth: '100%' }}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => update({ q: v.trim() || undefined })}
      />
      {hasFilters && (
        <Button type="link" onClick={clear} data-testid="clear-filters">
          {t('clearFilters')}
        </Button>
      )}
      <Button icon={<DownloadOutlined />} href={endpoints.exportUrl(filters)} download data-testid="export-excel">
        {t('exportExcel')}
      </Button>
      {canWrite && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/projects/new')} data-testid="create-project">
          {t('createProject')}
        </Button>
      )}
    </Space>
  );
}
