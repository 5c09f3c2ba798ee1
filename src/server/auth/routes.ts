import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginBodySchema, sessionSchema } from '../../shared/auth.js';
import { errorSchema } from '../../shared/common.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { InvalidCredentialsError } from '../errors.js';
import { requireUser } from './guard.js';
import { verifyPassword } from './passwords.js';
import { createSession, deleteSession, SESSION_COOKIE } from './sessions.js';
import { clearAttempts, countAttempt } from './throttle.js';
import { presentUser, regionCodesOf } from './users.js';

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, config } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/auth/login', {
    schema: {
      tags: ['auth'],
      summary: 'Sign in; sets the session cookie and returns the CSRF token for writes',
      body: loginBodySchema,
      response: { 200: sessionSchema, 400: errorSchema, 401: errorSchema, 429: errorSchema },
    },
    handler: async (request, reply) => {
      const { username, password } = request.body;
      await countAttempt(db, username, { maxFailures: config.loginMaxFailures, lockMinutes: config.loginLockMinutes });
      const row = await db.selectFrom('users').selectAll().where('username', '=', username).where('active', '=', 1).executeTakeFirst();
      if (!(await verifyPassword(row?.password_hash ?? null, password)) || !row) throw new InvalidCredentialsError();
      await clearAttempts(db, username);
      const { token, csrfToken } = await createSession(db, row.id, config.sessionTtlHours);
      const user = presentUser(row, await regionCodesOf(db, row.id));
      await recordAudit(db, { actor: user, action: 'auth.login', entity: 'user', entityId: user.id });
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        path: '/',
        maxAge: config.sessionTtlHours * 3600,
      });
      return { user, csrfToken };
    },
  });

  r.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null(), 401: errorSchema, 403: errorSchema } },
    handler: async (request, reply) => {
      requireUser(request);
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  });

  r.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token', response: { 200: sessionSchema, 401: errorSchema } },
    handler: async (request) => ({ user: requireUser(request), csrfToken: request.csrfToken ?? '' }),
  });
}
