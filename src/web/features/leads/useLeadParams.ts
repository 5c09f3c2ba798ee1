import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { LEAD_SORTS, LEAD_SOURCES } from '../../../shared/leads.js';
import type { LeadFilters } from '../../api/endpoints.js';
import { patchSearchParams } from '../../api/searchParams.js';

const positive = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/** Filters, sort and page in the URL, shared by the list and the board, so a link shows the same leads. */
export function useLeadParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => {
    const sort = search.get('sort');
    const order = search.get('order');
    const source = search.get('source');
    return {
      q: search.get('q') || undefined,
      status: search.get('status') || undefined,
      source: source && (LEAD_SOURCES as readonly string[]).includes(source) ? source : undefined,
      regionCode: search.get('regionCode') || undefined,
      chainId: positive(search.get('chainId')),
      ownerId: search.get('ownerId') === 'me' ? 'me' : undefined,
      referrerEnterpriseId: positive(search.get('referrerEnterpriseId')),
      overdue: search.get('overdue') === 'true' ? ('true' as const) : undefined,
      sort: sort && (LEAD_SORTS as readonly string[]).includes(sort) ? sort : undefined,
      order: order === 'asc' || order === 'desc' ? order : undefined,
      page: Math.max(1, Math.floor(Number(search.get('page')) || 1)),
      pageSize: Math.min(100, Math.max(1, Math.floor(Number(search.get('pageSize')) || 20))),
    } satisfies LeadFilters & { page: number; pageSize: number };
  }, [search]);

  /** Any change other than paging starts again at page 1. */
  const update = useCallback(
    (patch: Partial<Record<keyof typeof params, string | number | undefined>>) =>
      setSearch((prev) => patchSearchParams(prev, patch)),
    [setSearch],
  );
  const clear = useCallback(() => setSearch(new URLSearchParams()), [setSearch]);
  const { page: _page, pageSize: _size, ...filters } = params;
  const hasFilters = Object.entries(filters).some(([k, v]) => k !== 'sort' && k !== 'order' && v !== undefined);
  return { params, filters: filters as LeadFilters, update, clear, hasFilters };
}
