import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { INDICATOR_GROUPS, MAP_FIGURES, type IndicatorGroup, type MapFigure } from '../../../shared/indicators.js';
import { patchSearchParams } from '../../api/searchParams.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(list: readonly T[], v: string | null, fallback: T): T => (v && (list as readonly string[]).includes(v) ? (v as T) : fallback);

/** The command view's period, region, cluster, grouping and map figure, in the URL so a link shows the same figures. */
export function useFigureParams() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => {
    const from = search.get('from');
    const to = search.get('to');
    return {
      from: from && DAY.test(from) ? from : undefined,
      to: to && DAY.test(to) ? to : undefined,
      region: search.get('region') || undefined,
      cluster: search.get('cluster') || undefined,
      groupBy: oneOf<IndicatorGroup>(INDICATOR_GROUPS, search.get('groupBy'), 'region'),
      figure: oneOf<MapFigure>(MAP_FIGURES, search.get('figure'), 'projects'),
    };
  }, [search]);
  const update = useCallback((patch: Partial<Record<keyof typeof params, string | undefined>>) => setSearch((prev) => patchSearchParams(prev, patch), { replace: true }), [setSearch]);
  const { groupBy: _g, figure: _f, ...query } = params;
  return { params, query, update };
}
