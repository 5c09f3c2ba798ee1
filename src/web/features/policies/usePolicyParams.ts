import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { POLICY_SORTS, POLICY_VALIDITIES, type PolicyFilter } from '../../../shared/policies.js';
import { patchSearchParams } from '../../api/searchParams.js';

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined => (v && (values as readonly string[]).includes(v) ? (v as T) : undefined);

/** Search, filters, sort and page in the URL, so a link shows the same policies. */
export function usePolicyParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(
    () => ({
      q: search.get('q') || undefined,
      validity: oneOf(POLICY_VALIDITIES, search.get('validity')),
      cluster: search.get('cluster') || undefined,
      sort: oneOf(POLICY_SORTS, search.get('sort')),
      order: oneOf(['asc', 'desc'] as const, search.get('order')),
      page: Math.max(1, Math.floor(Number(search.get('page')) || 1)),
      pageSize: Math.min(100, Math.max(1, Math.floor(Number(search.get('pageSize')) || 20))),
    }),
    [search],
  );
  const update = useCallback(
    (patch: Partial<Record<keyof typeof params, string | number | undefined>>) => setSearch((prev) => patchSearchParams(prev, patch)),
    [setSearch],
  );
  const clear = useCallback(() => setSearch(new URLSearchParams()), [setSearch]);
  const { page: _page, pageSize: _size, ...filters } = params;
  const hasFilters = Boolean(params.q || params.validity || params.cluster);
  return { params, filters: filters as Partial<PolicyFilter>, update, clear, hasFilters };
}
