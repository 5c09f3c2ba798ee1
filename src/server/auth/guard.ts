import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CurrentUser } from '../../shared/auth.js';
import type { AppContext } from '../context.js';
import { CONTEST_API_PREFIXES, isContestRole } from '../../shared/roles.js';
import { CsrfError, ForbiddenError, UnauthorizedError } from '../errors.js';
import { loadSession, SESSION_COOKIE } from './sessions.js';

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null;
    csrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Signing in is the one write that comes before any session, hence before any CSRF token.
// The public page's form is anonymous by design: there is no session whose token it could carry.
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/public/interests']);
const PUBLIC_ROUTES = new Set(['/api/auth/login', '/api/health', '/api/openapi.json', '/api/public/opportunities', '/api/public/interests', '/api/public/livestream/:id/board']);

function isPublic(path: string): boolean {
  return PUBLIC_ROUTES.has(path) || path.startsWith('/api/docs') || !path.startsWith('/api/');
}

export function registerSessionGuard(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('user', null);
  app.decorateRequest('csrfToken', null);
  // onRequest runs before the body is parsed and validated: an anonymous caller learns nothing about a route's input.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await loadSession(ctx.db, token) : null;
    request.user = session?.user ?? null;
    request.csrfToken = session?.csrfToken ?? null;
    const path = request.routeOptions.url ?? request.url.split('?')[0];
    if (!session && !isPublic(path)) throw new UnauthorizedError();
    if (session && isContestRole(session.user.role) && !isPublic(path) && !CONTEST_API_PREFIXES.some((p) => path.startsWith(p))) {
      throw new ForbiddenError({ zh: '赛事账号只能使用赛事功能', en: 'Contest accounts can use the contests only' }, undefined, 'contest_account');
    }
    if (session && !SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(path)) {
      if (!sameToken(request.headers['x-csrf-token'], session.csrfToken)) throw new CsrfError();
    }
  });
}

function sameToken(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function requireUser(request: FastifyRequest): CurrentUser {
  if (!request.user) throw new UnauthorizedError();
  return request.user;
}
