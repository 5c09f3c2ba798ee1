import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema } from '../../shared/common.js';
import { dashboardSummarySchema } from '../../shared/dashboard.js';
import { serviceDashboardSchema } from '../../shared/service-dashboard.js';
import { requireUser } from '../auth/guard.js';
import { todayInShanghai } from '../clock.js';
import type { AppContext } from '../context.js';
import { dashboardSummary } from './queries.js';
import { serviceDashboard } from './services.js';

export function dashboardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/dashboard/summary', {
    schema: { tags: ['dashboard'], summary: 'Totals in the caller’s scope', response: { 200: dashboardSummarySchema, 401: errorSchema } },
    handler: async (request) => dashboardSummary(ctx.db, requireUser(request)),
  });
  r.get('/api/dashboard/services', {
    schema: { tags: ['dashboard'], summary: 'Enterprise-service figures and the requests under 督办, in the caller’s scope', response: { 200: serviceDashboardSchema, 401: errorSchema } },
    handler: async (request) => serviceDashboard(ctx.db, requireUser(request), todayInShanghai()),
  });
}
