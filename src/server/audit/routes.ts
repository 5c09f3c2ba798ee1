import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuerySchema } from '../../shared/audit.js';
import { errorSchema } from '../../shared/common.js';
import { requireUser } from '../auth/guard.js';
import { ForbiddenError } from '../errors.js';
import type { AppContext } from '../context.js';

function parseJson(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Audit log (admins only)',
      querystring: auditQuerySchema,
      response: { 200: auditPageSchema, 401: errorSchema, 403: errorSchema },
    },
    handler: async (request) => {
      const user = requireUser(request);
      if (user.role !== 'admin') throw new ForbiddenError();
      const { page, pageSize, entity, entityId } = request.query;
      let query = ctx.db.selectFrom('audit_log');
      if (entity) query = query.where('entity', '=', entity);
      if (entityId) query = query.where('entity_id', '=', entityId);
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
        query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        total: Number(count.n),
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          actor: r.username,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          before: parseJson(r.before_json),
          after: parseJson(r.after_json),
        })),
      };
    },
  });
}
