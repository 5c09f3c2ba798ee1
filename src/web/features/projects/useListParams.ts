import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PROJECT_SORTS } from '../../../shared/project-sorts.js';
import type { ProjectFilters } from '../../api/endpoints.js';
import { patchSearchParams } from '../../api/searchParams.js';

export interface ListParams extends ProjectFilters {
  page: number;
  pageSize: number;
}

/**
 * The list's filters, sort and page live in the URL, so a dashboard click, a reload or a
 * shared link all show the same list.
 */
export function useListParams() {
  const [search, setSearch] = useSearchParams();

  const params = useMemo<ListParams>(() => {
    const sort = search.get('sort');
    const order = search.get('order');
    const overdue = search.get('overdue');
    const page = Number(search.get('page')) || 1;
    const pageSize = Number(search.get('pageSize')) || 20;
    return {
      region: search.get('region') || undefined,
      stage: search.get('stage') || undefined,
      overdue: overdue === 'true' || overdue === 'false' ? overdue : undefined,
      q: search.get('q') || undefined,
      blocked: search.get('blocked') === '1' ? '1' : undefined,
      sort: sort && (PROJECT_SORTS as readonly string[]).includes(sort) ? sort : undefined,
      order: order === 'asc' || order === 'desc' ? order : undefined,
      page: Math.max(1, Math.floor(page)),
      pageSize: Math.min(100, Math.max(1, Math.floor(pageSize))),
    };
  }, [search]);

  /** Any change other than paging itself starts again at page 1. */
  const update = useCallback(
    (patch: Partial<ListParams>) => {
      setSearch((prev) => patchSearchParams(prev, patch), { replace: false });
    },
    [setSearch],
  );

  const clear = useCallback(() => setSearch(new URLSearchParams()), [setSearch]);

  const filters: ProjectFilters = {
    region: params.region,
    stage: params.stage,
    overdue: params.overdue,
    q: params.q,
    blocked: params.blocked,
    sort: params.sort,
    order: params.order,
  };
  const hasFilters = !!(params.region || params.stage || params.overdue || params.q || params.blocked);

  return { params, filters, update, clear, hasFilters };
}
