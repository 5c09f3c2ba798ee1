import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema, idParamsSchema } from '../../shared/common.js';
import { escalateRequestSchema, escalationSchema } from '../../shared/service-dashboard.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../context.js';
import { ForbiddenError } from '../errors.js';
import { escalateByAdmin } from './escalate.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

async function adminsOnly(request: FastifyRequest): Promise<void> {
  if (requireUser(request).role !== 'admin') throw new ForbiddenError();
}

export function escalateRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.withTypeProvider<ZodTypeProvider>().post('/api/service-requests/:id/escalate', {
    schema: {
      tags: ['services'],
      summary: '督办: the prefecture takes up an open request (admin); timeline, audit and notices to admins and the departments still on it',
      params: idParamsSchema,
      body: escalateRequestSchema,
      response: { 200: escalationSchema, ...errors },
    },
    config: { fieldLabels: { note: { zh: '督办意见', en: 'Escalation note' } } },
    preValidation: adminsOnly,
    handler: async (request) => {
      const row = await escalateByAdmin({ db: ctx.db, user: requireUser(request), requestId: request.params.id, input: request.body });
      return { id: row.id, escalatedAt: row.escalated_at!, escalationNote: row.escalation_note ?? '' };
    },
  });
}
