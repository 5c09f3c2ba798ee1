import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema } from '../../shared/common.js';
import { regionListSchema } from '../../shared/regions.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../context.js';

export function regionRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/regions', {
    schema: { tags: ['regions'], summary: 'The prefecture, its counties/cities and parks', response: { 200: regionListSchema, 401: errorSchema } },
    handler: async (request) => {
      requireUser(request);
      const rows = await ctx.db.selectFrom('regions').selectAll().orderBy('sort_order').execute();
      return {
        items: rows.map((r) => ({ code: r.code, name: r.name, nameEn: r.name_en, kind: r.kind, parentCode: r.parent_code })),
      };
    },
  });
}
