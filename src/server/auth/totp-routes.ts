import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { totpCodeBodySchema, totpDisableBodySchema, totpSetupSchema } from '../../shared/auth.js';
import { errorSchema } from '../../shared/common.js';
import type { AppContext } from '../context.js';
import { requireUser } from './guard.js';
import { disableTotp, enableTotp, startTotpSetup } from './totp.js';

/** Two-step verification (TOTP, RFC 6238): set up with a QR code, confirm with a code, turn off with the password. */
export function totpRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, config } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/auth/totp/setup', {
    schema: { tags: ['auth'], summary: 'Start setting up two-step verification: a new secret and its QR code', response: { 200: totpSetupSchema, 401: errorSchema, 403: errorSchema } },
    handler: async (request) => startTotpSetup({ db, user: requireUser(request) }),
  });

  r.post('/api/auth/totp/enable', {
    schema: { tags: ['auth'], summary: 'Confirm the set-up with a code from the authenticator', body: totpCodeBodySchema, response: { 204: z.null(), 400: errorSchema, 401: errorSchema, 403: errorSchema } },
    handler: async (request, reply) => {
      await enableTotp({ db, user: requireUser(request), code: request.body.code });
      return reply.status(204).send(null);
    },
  });

  r.post('/api/auth/totp/disable', {
    schema: { tags: ['auth'], summary: 'Turn two-step verification off (not for roles that require it)', body: totpDisableBodySchema, response: { 204: z.null(), 400: errorSchema, 401: errorSchema, 403: errorSchema } },
    handler: async (request, reply) => {
      await disableTotp({ db, config, user: requireUser(request), password: request.body.currentPassword });
      return reply.status(204).send(null);
    },
  });
}
