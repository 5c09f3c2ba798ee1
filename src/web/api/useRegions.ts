import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Region } from '../../shared/regions.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { endpoints } from './endpoints.js';

/** Regions rarely change; one fetch per session is enough for every select and label. */
export function useRegions() {
  const { lang } = useI18n();
  const query = useQuery({ queryKey: ['regions'], queryFn: endpoints.regions, staleTime: Infinity });
  const items: Region[] = query.data?.items ?? [];
  const nameOf = useMemo(() => {
    const map = new Map(items.map((r) => [r.code, lang === 'en' ? r.nameEn : r.name]));
    return (code: string, fallback?: string) => map.get(code) ?? fallback ?? code;
  }, [items, lang]);
  return { regions: items, nameOf, isLoading: query.isLoading };
}
