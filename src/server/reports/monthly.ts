import { sql, type Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { daysBetween, formatYuan } from '../../shared/format.js';
import type { IndicatorValues } from '../../shared/indicators.js';
import { REPORT_LIST_LIMIT, type MonthlyReport, type MonthlyReportQuery } from '../../shared/reports.js';
import type { AnyStage } from '../../shared/stages.js';
import { todayInShanghai } from '../clock.js';
import type { DB } from '../db/schema.js';
import { indicatorValues } from '../indicators/figures.js';
import { figureProjects, projectsIn, requestsRaisedIn, resolveFilter, type FigureFilter } from '../indicators/scope.js';
import { indicatorTable, statusOf } from '../indicators/table.js';
import { targetMap } from '../indicators/targets.js';
import { PREFECTURE_CODE } from '../regions/data.js';
import { REQUEST_STATUSES } from '../../shared/service-catalog.js';
import { serviceRequestScope } from '../service-requests/policy.js';

const OPEN = ['submitted', 'accepted', 'in_progress', 'reopened'];
const CLOSED = ['resolved', 'confirmed'];

export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);

function headline(month: string, regionName: string, m: IndicatorValues, ytd: IndicatorValues, overdue: number) {
  const [y, mm] = month.split('-').map(Number);
  return {
    zh:
      `${y}年${mm}月,${regionName}新签约项目${m.signed}个、总投资${formatYuan(m.investmentYuan ?? 0)};` +
      `年内累计签约${ytd.signed}个、总投资${formatYuan(ytd.investmentYuan ?? 0)},落地率${percent(ytd.landedRate)}、开工率${percent(ytd.startedRate)}、投产率${percent(ytd.operatingRate)};` +
      `目前逾期未完成计划节点的项目${overdue}个。`,
    en:
      `${month}: ${m.signed} projects signed in ${regionName} (${formatYuan(m.investmentYuan ?? 0, 'en')}); ` +
      `${ytd.signed} this year (${formatYuan(ytd.investmentYuan ?? 0, 'en')}), landed ${percent(ytd.landedRate)}, started ${percent(ytd.startedRate)}, operating ${percent(ytd.operatingRate)}; ` +
      `${overdue} projects are past a planned milestone.`,
  };
}

function newSignings(db: Kysely<DB>, user: CurrentUser, filter: FigureFilter) {
  const base = db.selectFrom('projects').where('projects.signed_on', '>=', filter.period.from).where('projects.signed_on', '<=', filter.period.to).where(projectsIn(user, filter));
  return Promise.all([
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    base
      .innerJoin('regions', 'regions.code', 'projects.region_code')
      .leftJoin('clusters', 'clusters.code', 'projects.cluster')
      .select(['projects.id', 'projects.name', 'projects.investor_name', 'regions.name as region_name', 'projects.cluster', 'clusters.name as cluster_name', 'projects.investment_yuan', 'projects.signed_on'])
      .orderBy('projects.investment_yuan', 'desc')
      .orderBy('projects.id')
      .limit(REPORT_LIST_LIMIT)
      .execute(),
  ]);
}

function stageMoves(db: Kysely<DB>, user: CurrentUser, filter: FigureFilter) {
  // The month's transitions (project_transitions_date_idx), each checked against the caller's
  // projects by key: a department's pair, a county's project row. Joined the other way round, SQLite
  // started from a county's ≈6,000 projects and probed their transitions (15–120 ms at province).
  const base = db
    .selectFrom('project_transitions as t')
    .where('t.kind', 'in', ['advance', 'terminate'])
    .where('t.date', '>=', filter.period.from)
    .where('t.date', '<=', filter.period.to)
    .where((eb) => eb.exists(eb.selectFrom(figureProjects(db, user, filter).as('fp')).select('fp.id').whereRef('fp.id', '=', 't.project_id')));
  return Promise.all([
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    base
      .innerJoin('projects', 'projects.id', 't.project_id')
      .innerJoin('regions', 'regions.code', 'projects.region_code')
      .select(['t.project_id', 'projects.name', 'regions.name as region_name', 't.from_stage', 't.to_stage', 't.date'])
      .orderBy('t.date')
      .orderBy('t.id')
      .limit(REPORT_LIST_LIMIT)
      .execute(),
  ]);
}

/**
 * Overdue as of today (the dashboard's rule), longest overdue first. Counted from figureProjects, so a
 * department reads its pairs' next_planned_on (project_departments_overdue_idx) instead of probing
 * the pairs of every overdue project; only the 20 listed read their project row.
 */
function overdueProjects(db: Kysely<DB>, user: CurrentUser, filter: FigureFilter) {
  const base = db.selectFrom(figureProjects(db, user, filter).as('fp')).where('fp.next_planned_on', '<', filter.today);
  return Promise.all([
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    base
      .innerJoin('projects', 'projects.id', 'fp.id')
      .innerJoin('regions', 'regions.code', 'projects.region_code')
      .select(['projects.id', 'projects.name', 'regions.name as region_name', 'projects.stage', 'projects.next_planned_on'])
      .orderBy('fp.next_planned_on')
      .orderBy('fp.id')
      .limit(REPORT_LIST_LIMIT)
      .execute(),
  ]);
}

function requestCounts(db: Kysely<DB>, user: CurrentUser, filter: FigureFilter) {
  // Counted per status so the month is read from service_requests_period_idx (status, created_at)
  // alone: by created_at it read every request's wide row for its status.
  const raised = db
    .selectFrom('service_requests')
    .where('service_requests.status', 'in', [...REQUEST_STATUSES])
    .where(requestsRaisedIn(user, filter))
    .select(['service_requests.status', sql<number>`count(*)`.as('n')])
    .groupBy('service_requests.status')
    .execute()
    .then((rows) => ({
      raised: rows.reduce((n, r) => n + Number(r.n), 0),
      closed: rows.filter((r) => CLOSED.includes(r.status)).reduce((n, r) => n + Number(r.n), 0),
    }));
  let open = db.selectFrom('service_requests').where(serviceRequestScope(user)).where('service_requests.status', 'in', OPEN);
  if (filter.region) open = open.where('service_requests.region_code', '=', filter.region);
  const openNow = open
    .select([sql<number>`count(*)`.as('open'), sql<number>`coalesce(sum(case when service_requests.due_on < ${filter.today} then 1 else 0 end), 0)`.as('overdue')])
    .executeTakeFirstOrThrow();
  return Promise.all([raised, openNow]);
}

/** The month's report for the prefecture (everything in the caller's scope) or one county or park. */
export async function monthlyReport(db: Kysely<DB>, user: CurrentUser, query: MonthlyReportQuery): Promise<MonthlyReport> {
  const today = todayInShanghai();
  const month = monthBounds(query.month);
  // A region officer with one region asks for their county's report, not the prefecture's.
  const own = user.role === 'region' && user.regionCodes.length === 1 ? user.regionCodes[0] : undefined;
  const monthFilter = await resolveFilter(db, user, { ...month, region: query.region ?? own }, today);
  const ytdFilter: FigureFilter = { ...monthFilter, period: { from: `${query.month.slice(0, 4)}-01-01`, to: month.to } };
  const regionCode = monthFilter.region ?? PREFECTURE_CODE;
  const [region, targets, monthValues, ytd, [signedCount, signed], [movesCount, moves], [overdueCount, overdue], [raised, open]] = await Promise.all([
    db.selectFrom('regions').select(['code', 'name']).where('code', '=', regionCode).executeTakeFirstOrThrow(),
    targetMap(db),
    indicatorValues(db, user, monthFilter, 'total'),
    indicatorTable(db, user, ytdFilter, 'region'),
    newSignings(db, user, monthFilter),
    stageMoves(db, user, monthFilter),
    overdueProjects(db, user, monthFilter),
    requestCounts(db, user, monthFilter),
  ]);
  const m = monthValues.total;
  return {
    month: query.month,
    region: { code: region.code, name: region.name },
    generatedOn: today,
    headline: headline(query.month, region.name, m, ytd.total.values, Number(overdueCount.n)),
    monthFigures: { period: monthFilter.period, values: m, status: statusOf(m, targets) },
    yearToDate: { period: ytdFilter.period, values: ytd.total.values, status: ytd.total.status },
    regions: ytd.rows,
    newSignings: {
      total: Number(signedCount.n),
      items: signed.map((p) => ({ id: p.id, name: p.name, investorName: p.investor_name, regionName: p.region_name, cluster: p.cluster_name ?? p.cluster, investmentYuan: Number(p.investment_yuan), signedOn: p.signed_on! })),
    },
    stageMoves: {
      total: Number(movesCount.n),
      items: moves.map((t) => ({ projectId: t.project_id, projectName: t.name, regionName: t.region_name, fromStage: t.from_stage as AnyStage | null, toStage: t.to_stage as AnyStage, date: t.date })),
    },
    overdue: {
      total: Number(overdueCount.n),
      items: overdue.map((p) => ({ id: p.id, name: p.name, regionName: p.region_name, stage: p.stage as AnyStage, nextPlannedOn: p.next_planned_on!, daysOverdue: daysBetween(p.next_planned_on!, today) })),
    },
    requests: {
      raised: Number(raised.raised),
      closed: Number(raised.closed),
      open: Number(open.open),
      overdueOpen: Number(open.overdue),
      onTimeRate: m.requestsOnTimeRate,
      avgRating: m.avgRating,
    },
  };
}
