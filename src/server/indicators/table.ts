import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import {
  INDICATOR_KEYS,
  indicatorStatus,
  type IndicatorGroup,
  type IndicatorRow,
  type IndicatorStatusMap,
  type IndicatorTable,
  type IndicatorValues,
} from '../../shared/indicators.js';
import type { DB } from '../db/schema.js';
import { EMPTY_VALUES, indicatorValues } from './figures.js';
import type { FigureFilter } from './scope.js';
import { targetMap, type TargetMap } from './targets.js';

export function statusOf(values: IndicatorValues, targets: TargetMap): IndicatorStatusMap {
  return Object.fromEntries(INDICATOR_KEYS.map((k) => [k, indicatorStatus(k, values[k], targets[k])])) as IndicatorStatusMap;
}

export interface NamedGroup {
  key: string;
  name: string;
}

/**
 * The regions a table lists even when they have nothing in the period: the prefecture's for whoever
 * sees all of it, a region officer's own; a department or enterprise sees the regions it has data in
 * (or, on the map, every region: the map needs its counties drawn, and a zero discloses nothing).
 */
export async function regionsShown(db: Kysely<DB>, user: CurrentUser, filter: Pick<FigureFilter, 'region'>, withData: Iterable<string>, everyRegion = false) {
  let query = db.selectFrom('regions').select(['code', 'name', 'kind', 'parent_code', 'sort_order']).where('kind', 'in', ['county', 'park']).orderBy('sort_order');
  if (filter.region) query = query.where('code', '=', filter.region);
  else if (user.role === 'region') query = query.where('code', 'in', user.regionCodes.length ? user.regionCodes : ['-']);
  else if (user.role !== 'admin' && user.role !== 'leader' && !everyRegion) {
    const codes = [...withData];
    query = query.where('code', 'in', codes.length ? codes : ['-']);
  }
  return query.execute();
}

const NO_CLUSTER = { zh: '未归集群', en: 'No cluster' };
const NO_EVENT = { zh: '非招商活动签约', en: 'Signed outside events' };

async function groupsShown(db: Kysely<DB>, user: CurrentUser, filter: FigureFilter, groupBy: IndicatorGroup, withData: string[]): Promise<NamedGroup[]> {
  if (groupBy === 'region') return (await regionsShown(db, user, filter, withData)).map((r) => ({ key: r.code, name: r.name }));
  if (groupBy === 'cluster') {
    const everyone = user.role === 'admin' || user.role === 'leader' || user.role === 'region';
    let query = db.selectFrom('clusters').select(['code', 'name']).orderBy('sort_order').orderBy('id');
    if (filter.cluster) query = query.where('code', '=', filter.cluster);
    else if (!everyone) query = query.where('code', 'in', withData.length ? withData : ['-']);
    const clusters: NamedGroup[] = (await query.execute()).map((c) => ({ key: c.code, name: c.name }));
    const known = new Set(clusters.map((c) => c.key));
    // A project whose cluster is blank or not in the catalogue still counts, in a row of its own.
    const stray = withData.filter((k) => !known.has(k)).map((k) => ({ key: k, name: k && k !== 'none' ? k : NO_CLUSTER.zh }));
    return [...clusters, ...stray];
  }
  // Events are listed only where something was signed: there are thousands over the years.
  const ids = withData.filter((k) => k !== 'none').map(Number);
  const events = ids.length ? await db.selectFrom('events').select(['id', 'name']).where('id', 'in', ids).orderBy('starts_on', 'desc').orderBy('id').execute() : [];
  const named: NamedGroup[] = events.map((e) => ({ key: String(e.id), name: e.name }));
  return withData.includes('none') ? [...named, { key: 'none', name: NO_EVENT.zh }] : named;
}

export async function indicatorTable(db: Kysely<DB>, user: CurrentUser, filter: FigureFilter, groupBy: IndicatorGroup): Promise<IndicatorTable> {
  const { groups: grouped, total } = await indicatorValues(db, user, filter, groupBy);
  const targets = await targetMap(db);
  const groups = await groupsShown(db, user, filter, groupBy, [...grouped.keys()]);
  const rows: IndicatorRow[] = groups.map((g) => {
    const v = grouped.get(g.key) ?? EMPTY_VALUES;
    return { key: g.key, name: g.name, values: v, status: statusOf(v, targets) };
  });
  return { period: filter.period, groupBy, rows, total: { values: total, status: statusOf(total, targets) } };
}
