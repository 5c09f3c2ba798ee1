import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { REQUEST_CATEGORIES, REQUEST_STATUSES } from '../../../shared/service-catalog.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useAuth } from '../auth/AuthProvider.js';
import { useRegionOptions } from '../leads/labels.js';
import { serviceApi } from './api.js';
import { useServiceLabels } from './labels.js';
import type { useServiceParams } from './useServiceParams.js';

const FLAG_KEYS = { overdue: 'svcFlagOverdue', red: 'svcFlagRed', escalated: 'svcFlagEscalated', due_soon: 'svcFlagDueSoon' } as const;

export function ServiceFilterBar({ state }: { state: ReturnType<typeof useServiceParams> }) {
  const { t, lang } = useI18n();
  const { user } = useAuth();
  const labels = useServiceLabels();
  const regionOptions = useRegionOptions();
  const { params, filters, update, clear, hasFilters } = state;
  const routing = useQuery({ queryKey: ['service-routing'], queryFn: serviceApi.routing, staleTime: 300_000 });
  const [q, setQ] = useState(params.q ?? '');
  useEffect(() => setQ(params.q ?? ''), [params.q]);
  const canRaise = user && ['admin', 'region', 'enterprise'].includes(user.role);
  const officer = user && user.role !== 'enterprise';

  return (
    <Space wrap size={[8, 8]} style={{ marginBottom: 12, width: '100%' }}>
      <Input.Search
        allowClear
        placeholder={t('svcSearch')}
        aria-label={t('svcSearch')}
        data-testid="service-filter-q"
        style={{ width: 240, maxWidth: '100%' }}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => update({ q: v.trim() || undefined })}
      />
      <Select
        allowClear
        placeholder={t('svcFilterStatus')}
        aria-label={t('svcFilterStatus')}
        data-testid="service-filter-status"
        style={{ width: 120 }}
        value={params.status}
        onChange={(v: string | undefined) => update({ status: v })}
        options={REQUEST_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
      />
      <Select
        allowClear
        placeholder={t('svcFilterCategory')}
        aria-label={t('svcFilterCategory')}
        data-testid="service-filter-category"
        style={{ width: 110 }}
        value={params.category}
        onChange={(v: string | undefined) => update({ category: v })}
        options={REQUEST_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('svcFilterDepartment')}
        aria-label={t('svcFilterDepartment')}
        data-testid="service-filter-department"
        style={{ width: 190 }}
        value={params.departmentCode}
        onChange={(v: string | undefined) => update({ departmentCode: v })}
        options={(routing.data?.departments ?? []).map((d) => ({ value: d.code, label: lang === 'zh' ? d.name : d.nameEn }))}
      />
      {officer && (
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('svcFilterRegion')}
          aria-label={t('svcFilterRegion')}
          data-testid="service-filter-region"
          style={{ width: 160 }}
          value={params.regionCode}
          onChange={(v: string | undefined) => update({ regionCode: v })}
          options={regionOptions}
        />
      )}
      <Select
        allowClear
        placeholder={t('svcFilterFlag')}
        aria-label={t('svcFilterFlag')}
        data-testid="service-filter-flag"
        style={{ width: 140 }}
        value={params.flag}
        onChange={(v: string | undefined) => update({ flag: v })}
        options={Object.entries(FLAG_KEYS).map(([value, key]) => ({ value, label: t(key) }))}
      />
      {hasFilters && (
        <Button type="link" onClick={clear} data-testid="service-clear-filters">
          {t('svcClear')}
        </Button>
      )}
      <Button icon={<DownloadOutlined />} href={serviceApi.exportUrl(filters)} download data-testid="service-export">
        {t('svcExport')}
      </Button>
      {canRaise && (
        <Link to="/services/new">
          <Button type="primary" icon={<PlusOutlined />} data-testid="service-new">
            {t('svcNew')}
          </Button>
        </Link>
      )}
    </Space>
  );
}
