import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { REQUEST_CATEGORIES, REQUEST_STATUSES } from '../../../shared/service-catalog.js';
import { REQUEST_FLAGS, REQUEST_SORTS } from '../../../shared/service-requests.js';
import { patchSearchParams } from '../../api/searchParams.js';
import type { ServiceFilters } from './api.js';

const oneOf = (list: readonly string[], v: string | null) => (v && list.includes(v) ? v : undefined);

/** Filters, sort and page in the URL, so a link (the 本部门诉求 menu entry) shows the same requests. */
export function useServiceParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => {
    const order = search.get('order');
    return {
      q: search.get('q') || undefined,
      status: oneOf(REQUEST_STATUSES, search.get('status')),
      category: oneOf(REQUEST_CATEGORIES, search.get('category')),
      departmentCode: search.get('departmentCode') || undefined,
      regionCode: search.get('regionCode') || undefined,
      flag: oneOf(REQUEST_FLAGS, search.get('flag')),
      sort: oneOf(REQUEST_SORTS, search.get('sort')),
      order: order === 'asc' || order === 'desc' ? order : undefined,
      page: Math.max(1, Math.floor(Number(search.get('page')) || 1)),
      pageSize: Math.min(100, Math.max(1, Math.floor(Number(search.get('pageSize')) || 20))),
    } satisfies ServiceFilters & { page: number; pageSize: number };
  }, [search]);

  /** Any change other than paging starts again at page 1. */
  const update = useCallback(
    (patch: Partial<Record<keyof typeof params, string | number | undefined>>) => setSearch((prev) => patchSearchParams(prev, patch)),
    [setSearch],
  );
  const clear = useCallback(() => setSearch(new URLSearchParams()), [setSearch]);
  const { page: _page, pageSize: _size, ...filters } = params;
  const hasFilters = Object.entries(filters).some(([k, v]) => k !== 'sort' && k !== 'order' && v !== undefined);
  return { params, filters: filters as ServiceFilters, update, clear, hasFilters };
}
