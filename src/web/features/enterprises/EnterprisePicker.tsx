import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { endpoints } from '../../api/endpoints.js';
import { useI18n } from '../../i18n/I18nProvider.js';

interface Props {
  value?: number;
  onChange?: (id: number | undefined) => void;
  /** Left out of the options (an enterprise does not supply itself). */
  excludeId?: number;
  testId?: string;
  placeholder?: string;
  /** The enterprise already chosen, so it shows by name before any search finds it. */
  selected?: { id: number; name: string } | null;
}

/** Picks an enterprise by typing part of its name or credit code; the server searches, debounced. */
export function EnterprisePicker({ value, onChange, excludeId, testId, placeholder, selected }: Props) {
  const { t } = useI18n();
  const [input, setInput] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(timer);
  }, [input]);

  const found = useQuery({
    queryKey: ['enterprise-picker', q],
    queryFn: () => endpoints.enterprises({ q: q || undefined, page: 1, pageSize: 20, sort: 'name', order: 'asc' }),
    staleTime: 30_000,
  });
  const options = (found.data?.items ?? [])
    .filter((e) => e.id !== excludeId)
    .map((e) => ({
      value: e.id,
      label: e.isLocal ? `${e.name}(${e.regionName ?? ''})` : `${e.name}(${[e.province, e.city].filter(Boolean).join('')})`,
    }));
  if (selected && selected.id === value && !options.some((o) => o.value === selected.id)) {
    options.unshift({ value: selected.id, label: selected.name });
  }

  return (
    <Select<number>
      showSearch
      allowClear
      value={value}
      onChange={(v) => onChange?.(v)}
      filterOption={false}
      onSearch={setInput}
      placeholder={placeholder ?? t('pickEnterprise')}
      notFoundContent={found.isFetching ? <Spin size="small" /> : t('noMatch')}
      options={options}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
