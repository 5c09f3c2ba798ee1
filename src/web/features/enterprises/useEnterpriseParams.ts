import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { EnterpriseFilters } from '../../api/endpoints.js';
import { ENTERPRISE_SORT_KEYS, SIZES } from './constants.js';
import { patchSearchParams } from '../../api/searchParams.js';

export interface EnterpriseParams extends EnterpriseFilters {
  page: number;
  pageSize: number;
}

const bool = (v: string | null) => (v === 'true' || v === 'false' ? v : undefined);
const posInt = (v: string | null) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** Filters, sort and page in the URL, like the project ledger: reload and shared links show the same list. */
export function useEnterpriseParams() {
  const [search, setSearch] = useSearchParams();

  const params = useMemo<EnterpriseParams>(() => {
    const sort = search.get('sort');
    const order = search.get('order');
    const size = search.get('size');
    return {
      q: search.get('q') || undefined,
      region: search.get('region') || undefined,
      local: bool(search.get('local')),
      leader: bool(search.get('leader')),
      chainId: posInt(search.get('chainId')),
      nodeId: posInt(search.get('nodeId')),
      size: size && (SIZES as readonly string[]).includes(size) ? size : undefined,
      sort: sort && (ENTERPRISE_SORT_KEYS as readonly string[]).includes(sort) ? sort : undefined,
      order: order === 'asc' || order === 'desc' ? order : undefined,
      page: Math.max(1, Math.floor(Number(search.get('page')) || 1)),
      pageSize: Math.min(100, Math.max(1, Math.floor(Number(search.get('pageSize')) || 20))),
    };
  }, [search]);

  const update = useCallback(
    (patch: Partial<EnterpriseParams>) => {
      setSearch((prev) => patchSearchParams(prev, patch));
    },
    [setSearch],
  );

  const clear = useCallback(() => setSearch(new URLSearchParams()), [setSearch]);
  const { page: _page, pageSize: _pageSize, ...filters } = params;
  const hasFilters = !!(params.q || params.region || params.local || params.leader || params.chainId || params.nodeId || params.size);
  return { params, filters: filters as EnterpriseFilters, update, clear, hasFilters };
}
