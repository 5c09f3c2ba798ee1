import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginBodySchema, sessionSchema } from '../../shared/auth.js';
import { errorSchema } from '../../shared/common.js';
import { changePasswordBodySchema, passwordPolicySchema } from '../../shared/password-policy.js';
import { recordAudit } from '../audit/record.js';
import type { AppContext } from '../context.js';
import { InvalidCredentialsError } from '../errors.js';
import { requireUser } from './guard.js';
import { changePassword, passwordPolicy } from './password-change.js';
import { checkTotpAtSignIn, totpRequiredFor } from './totp.js';
import { verifyPassword } from './passwords.js';
import { createSession, deleteSession, sessionCookieName } from './sessions.js';
import { clearAttempts, countAttempt } from './throttle.js';
import { presentUser, regionCodesOf } from './users.js';

export function authRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, config } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieName = sessionCookieName(config.secureCookies);
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(cookieName, token, { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/', maxAge: config.sessionTtlHours * 3600 });

  r.post('/api/auth/login', {
    schema: {
      tags: ['auth'],
      summary: 'Sign in; sets the session cookie and returns the CSRF token for writes',
      body: loginBodySchema,
      response: { 200: sessionSchema, 400: errorSchema, 401: errorSchema, 429: errorSchema },
    },
    handler: async (request, reply) => {
      const { username, password, totp } = request.body;
      await countAttempt(db, username, request.ip, { maxFailures: config.loginMaxFailures, lockMinutes: config.loginLockMinutes });
      const row = await db.selectFrom('users').selectAll().where('username', '=', username).where('active', '=', 1).executeTakeFirst();
      if (!(await verifyPassword(row?.password_hash ?? null, password)) || !row) {
        // Failures are kept for the audit trail (等保); the name as typed, never the password.
        await recordAudit(db, { actor: { id: null, username: request.ip }, action: 'auth.login_failed', entity: 'user', entityId: row?.id ?? null, after: { username } });
        throw new InvalidCredentialsError();
      }
      if (row.totp_secret) {
        try {
          await checkTotpAtSignIn({ db, userId: row.id, secret: row.totp_secret, lastStep: row.totp_last_step, code: totp });
        } catch (error) {
          if (totp) await recordAudit(db, { actor: { id: null, username: request.ip }, action: 'auth.login_failed', entity: 'user', entityId: row.id, after: { username, totp: 'wrong' } });
          throw error;
        }
      }
      await clearAttempts(db, username, request.ip);
      const { token, csrfToken } = await createSession(db, row.id, config.sessionTtlHours);
      const user = presentUser(row, await regionCodesOf(db, row.id));
      await recordAudit(db, { actor: user, action: 'auth.login', entity: 'user', entityId: user.id });
      setSessionCookie(reply, token);
      return { user, csrfToken, totpRequired: totpRequiredFor(user, config) };
    },
  });

  r.get('/api/auth/password-policy', {
    schema: { tags: ['auth'], summary: 'The rules a new password must meet', response: { 200: passwordPolicySchema, 401: errorSchema } },
    handler: async (request) => {
      requireUser(request);
      return passwordPolicy(config);
    },
  });

  r.post('/api/auth/password', {
    schema: {
      tags: ['auth'],
      summary: 'Change one’s own password; every session of the user ends and this one is replaced',
      body: changePasswordBodySchema,
      response: { 200: sessionSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema },
    },
    handler: async (request, reply) => {
      const user = requireUser(request);
      const { token, csrfToken } = await changePassword({ db, config, user, ...request.body });
      setSessionCookie(reply, token);
      return { user, csrfToken, totpRequired: totpRequiredFor(user, config) };
    },
  });

  r.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null(), 401: errorSchema, 403: errorSchema } },
    handler: async (request, reply) => {
      requireUser(request);
      const token = request.cookies[cookieName];
      if (token) await deleteSession(db, token);
      reply.clearCookie(cookieName, { path: '/', secure: config.secureCookies });
      return reply.status(204).send(null);
    },
  });

  r.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: 'The signed-in user and the CSRF token', response: { 200: sessionSchema, 401: errorSchema } },
    handler: async (request) => {
      const user = requireUser(request);
      return { user, csrfToken: request.csrfToken ?? '', totpRequired: totpRequiredFor(user, config) };
    },
  });
}
