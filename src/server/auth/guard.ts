import crypto from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { CurrentUser } from '../../shared/auth.js';
import type { AppContext } from '../context.js';
import { CONTEST_API_PREFIXES, isContestRole } from '../../shared/roles.js';
import { CsrfError, ForbiddenError, UnauthorizedError } from '../errors.js';
import { loadSession, sessionCookieName } from './sessions.js';
import { totpRequiredFor } from './totp.js';

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

// A certificate's verification code is checked by anyone the certificate is shown to.
const PUBLIC_PREFIXES = ['/api/docs', '/api/public/certificates/'];

function isPublic(path: string): boolean {
  return PUBLIC_ROUTES.has(path) || PUBLIC_PREFIXES.some((p) => path.startsWith(p)) || !path.startsWith('/api/');
}

export function registerSessionGuard(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('user', null);
  app.decorateRequest('csrfToken', null);
  const cookieName = sessionCookieName(ctx.config.secureCookies);
  // onRequest runs before the body is parsed and validated: an anonymous caller learns nothing about a route's input.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[cookieName];
    const session = token ? await loadSession(ctx.db, token, ctx.config.sessionIdleMinutes) : null;
    request.user = session?.user ?? null;
    request.csrfToken = session?.csrfToken ?? null;
    const path = request.routeOptions.url ?? request.url.split('?')[0];
    if (!session && !isPublic(path)) throw new UnauthorizedError();
    if (session && isContestRole(session.user.role) && !isPublic(path) && !CONTEST_API_PREFIXES.some((p) => path.startsWith(p))) {
      throw new ForbiddenError({ zh: '赛事账号只能使用赛事功能', en: 'Contest accounts can use the contests only' }, undefined, 'contest_account');
    }
    // Without a token to check, the exempt forms still refuse a browser posting from another site
    // (login CSRF: signing a victim into the attacker's account).
    if (!SAFE_METHODS.has(request.method) && CSRF_EXEMPT.has(path) && !sameOrigin(request)) throw new CsrfError();
    // A role that must use a second factor can do nothing but set one up (and sign out) until it has.
    if (session && !path.startsWith('/api/auth/') && !isPublic(path) && totpRequiredFor(session.user, ctx.config)) {
      throw new ForbiddenError({ zh: '请先开启两步验证(动态验证码)', en: 'Set up two-step verification first' }, undefined, 'totp_enrolment_required');
    }
    if (session && !SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(path)) {
      if (!sameToken(request.headers['x-csrf-token'], session.csrfToken)) throw new CsrfError();
    }
  });
}

/** No Origin header (a non-browser client) passes; a browser's Origin must name this host. */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
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

/**
 * A route's role check as a preValidation hook: it runs before the body is validated, so a role that
 * may not call the route hears 403 whatever it sends, never a validation message about the body.
 */
export function roleGate(assert: (user: CurrentUser) => void): (request: FastifyRequest) => Promise<void> {
  return async (request) => assert(requireUser(request));
}
