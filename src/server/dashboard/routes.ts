import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema } from '../../shared/common.js';
import { dashboardSummarySchema } from '../../shared/dashboard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../context.js';
import { dashboardSummary } from './queries.js';

export function dashboardRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/dashboard/summary', {
    schema: { tags: ['dashboard'], summary: 'Totals in the caller’s scope', response: { 200: dashboardSummarySchema, 401: errorSchema } },
    handler: async (request) => dashboardSummary(ctx.db, requireUser(request)),
  });
}
