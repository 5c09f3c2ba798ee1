import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from '../../shared/common.js';
import {
  completenessQuerySchema,
  completenessSchema,
  durationsSchema,
  figureQuerySchema,
  funnelSchema,
  indicatorQuerySchema,
  indicatorTableSchema,
  indicatorTargetListSchema,
  mapFiguresSchema,
  mapQuerySchema,
  putIndicatorTargetsSchema,
  trendQuerySchema,
  trendSchema,
} from '../../shared/indicators.js';
import { requireUser } from '../auth/guard.js';
import { todayInShanghai } from '../clock.js';
import type { AppContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { sendWorkbook, XLSX_TYPE } from '../http/excel.js';
import { completeness, durations, funnel, trend } from './analytics.js';
import { completenessWorkbook, durationsWorkbook, funnelWorkbook, indicatorWorkbook, mapWorkbook, trendWorkbook } from './export.js';
import { mapFigures } from './map.js';
import { assertCanSetTargets } from './policy.js';
import { CLUSTER_NOUN, resolveFilter } from './scope.js';
import { indicatorTable } from './table.js';
import { listTargets, setIndicatorTargets } from './targets.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const xlsx = { 200: z.any().describe(XLSX_TYPE), ...errors };
export const INDICATOR_FIELD_LABELS = {
  from: { zh: '开始日期', en: 'Start date' },
  to: { zh: '结束日期', en: 'End date' },
  region: { zh: '县市(园区)', en: 'Region' },
  cluster: { zh: '产业集群', en: 'Cluster' },
  groupBy: { zh: '分组方式', en: 'Group by' },
  months: { zh: '月数', en: 'Months' },
  figure: { zh: '地图指标', en: 'Map figure' },
  targets: { zh: '考核目标', en: 'Targets' },
  indicator: { zh: '指标', en: 'Indicator' },
  green: { zh: '绿灯阈值', en: 'Green threshold' },
  yellow: { zh: '黄灯阈值', en: 'Yellow threshold' },
};
const config = { fieldLabels: INDICATOR_FIELD_LABELS };

async function adminsOnly(request: FastifyRequest): Promise<void> {
  assertCanSetTargets(requireUser(request));
}

/** A figure served twice: as JSON, and as the chart's .xlsx twin under the same path + `.xlsx`. */
function twin<Q, R>(
  app: FastifyInstance,
  path: string,
  o: { summary: string; querystring: z.ZodType<Q>; response: z.ZodType<R>; compute: (request: FastifyRequest, query: Q) => Promise<R>; workbook: (r: R) => Promise<Buffer>; file: string; fileZh: string },
) {
  // Plain app.get: the provider's types cannot follow a generic schema; the zod compilers set on the
  // app still validate the query and the response.
  app.get(path, {
    schema: { tags: ['command'], summary: o.summary, querystring: o.querystring, response: { 200: o.response, ...errors } },
    config,
    handler: async (request) => o.compute(request, request.query as Q),
  });
  app.get(`${path}.xlsx`, {
    schema: { tags: ['command'], summary: `${o.summary} (Excel)`, querystring: o.querystring, response: xlsx },
    config,
    handler: async (request, reply: FastifyReply) => {
      const today = todayInShanghai();
      const buffer = await o.workbook(await o.compute(request, request.query as Q));
      return sendWorkbook(reply, buffer, `${o.file}-${today}.xlsx`, `${o.fileZh}-${today}.xlsx`);
    },
  });
}

export function indicatorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const filterOf = (request: FastifyRequest, query: z.infer<typeof figureQuerySchema>) => resolveFilter(db, requireUser(request), query);

  twin(app, '/api/indicators', {
    summary: '考核 indicators per region, cluster or event for the period, with red/yellow/green against the targets',
    querystring: indicatorQuerySchema,
    response: indicatorTableSchema,
    compute: async (request, q) => indicatorTable(db, requireUser(request), await filterOf(request, q), q.groupBy),
    workbook: indicatorWorkbook,
    file: 'indicators',
    fileZh: '考核指标',
  });

  r.get('/api/indicator-targets', {
    schema: { tags: ['command'], summary: 'The green and yellow thresholds per indicator', response: { 200: indicatorTargetListSchema, ...errors } },
    handler: async (request) => {
      requireUser(request);
      return listTargets(db);
    },
  });
  r.put('/api/indicator-targets', {
    schema: { tags: ['command'], summary: 'Replace the thresholds (admin); an indicator left out has no target', body: putIndicatorTargetsSchema, response: { 200: indicatorTargetListSchema, ...errors } },
    config,
    preValidation: adminsOnly,
    handler: async (request) => {
      await setIndicatorTargets({ db, user: requireUser(request), input: request.body });
      return listTargets(db);
    },
  });

  twin(app, '/api/analytics/funnel', {
    summary: 'Projects signed in the period by the furthest stage they reached',
    querystring: figureQuerySchema,
    response: funnelSchema,
    compute: async (request, q) => funnel(db, requireUser(request), await filterOf(request, q)),
    workbook: funnelWorkbook,
    file: 'funnel',
    fileZh: '项目漏斗',
  });
  twin(app, '/api/analytics/trend', {
    summary: 'Signings, starts and operations per month',
    querystring: trendQuerySchema,
    response: trendSchema,
    compute: async (request, q) => trend(db, requireUser(request), await filterOf(request, { region: q.region, cluster: q.cluster }), q.months),
    workbook: trendWorkbook,
    file: 'trend',
    fileZh: '月度趋势',
  });
  twin(app, '/api/analytics/durations', {
    summary: 'Days between consecutive stages for the period’s cohort: buckets, median and 75th percentile',
    querystring: figureQuerySchema,
    response: durationsSchema,
    compute: async (request, q) => durations(db, requireUser(request), await filterOf(request, q)),
    workbook: durationsWorkbook,
    file: 'durations',
    fileZh: '阶段用时分布',
  });
  twin(app, '/api/analytics/completeness', {
    summary: 'Chain completeness by the chain map’s coverage (缺链, 弱链)',
    querystring: completenessQuerySchema,
    response: completenessSchema,
    compute: async (request, q) => {
      requireUser(request);
      const result = await completeness(db, q.cluster ?? null);
      if (q.cluster && result.chains.length === 0 && !(await db.selectFrom('clusters').select('id').where('code', '=', q.cluster).executeTakeFirst())) throw new NotFoundError(CLUSTER_NOUN);
      return result;
    },
    workbook: completenessWorkbook,
    file: 'chain-completeness',
    fileZh: '产业链完整度',
  });
  twin(app, '/api/analytics/map', {
    summary: 'One figure per county and park for the map',
    querystring: mapQuerySchema,
    response: mapFiguresSchema,
    compute: async (request, q) => mapFigures(db, requireUser(request), await filterOf(request, { from: q.from, to: q.to }), q.figure),
    workbook: mapWorkbook,
    file: 'map',
    fileZh: '县市分布',
  });
}
