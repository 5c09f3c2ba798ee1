import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditRoutes } from './audit/routes.js';
import { registerSessionGuard } from './auth/guard.js';
import { authRoutes } from './auth/routes.js';
import { totpRoutes } from './auth/totp-routes.js';
import { userRoutes } from './users/routes.js';
import type { AppContext } from './context.js';
import { dashboardRoutes } from './dashboard/routes.js';
import { NotFoundError } from './errors.js';
import { registerErrorHandler, renderError } from './http/error-handler.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { importRoutes } from './imports/routes.js';
import { projectRoutes } from './projects/routes.js';
import { regionRoutes } from './regions/routes.js';
import { chainRoutes } from './chains/routes.js';
import { enterpriseRoutes } from './enterprises/routes.js';
import { leadRoutes } from './leads/routes.js';
import { eventRoutes } from './events/routes.js';
import { opportunityRoutes } from './opportunities/routes.js';
import { serviceRequestRoutes } from './service-requests/routes.js';
import { attachmentRoutes } from './attachments/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { calendarRoutes } from './calendar/routes.js';
import { escalateRoutes } from './service-requests/escalate-routes.js';
import { approvalRoutes } from './approvals/routes.js';
import { reportRoutes } from './reports/routes.js';
import { indicatorRoutes } from './indicators/routes.js';
import { policyRoutes } from './policies/routes.js';
import { skillsMarkingRoutes } from './skills/routes-marking.js';
import { skillsSetupRoutes } from './skills/routes.js';
import { livestreamRoutes } from './livestream/routes.js';

export async function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: ctx.config.logLevel } : false,
    bodyLimit: 1024 * 1024,
    // The client address comes from X-Forwarded-For only when a trusted proxy sent it (TRUST_PROXY).
    trustProxy: ctx.config.trustProxy,
    // Errors raised before routing (a malformed URL) get the same JSON shape as all others.
    frameworkErrors: (error, request, reply) => renderError(error as never, request, reply),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await registerSecurityHeaders(app, { https: ctx.config.secureCookies });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Lianzhu 链主 API', version: '0.1.0', description: '产业链招商与项目全生命周期服务平台' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lz_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  // staticCSP: the docs page's own inline scripts are allowed by hash on that page only.
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  registerSessionGuard(app, ctx);

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/health', {
    schema: { tags: ['system'], summary: 'Liveness and the database engine', response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) } },
    handler: async () => ({ status: 'ok' as const, database: ctx.engine }),
  });
  r.get('/api/openapi.json', { schema: { hide: true }, handler: async () => app.swagger() });

  authRoutes(app, ctx);
  totpRoutes(app, ctx);
  userRoutes(app, ctx);
  regionRoutes(app, ctx);
  projectRoutes(app, ctx);
  dashboardRoutes(app, ctx);
  auditRoutes(app, ctx);
  importRoutes(app, ctx);
  chainRoutes(app, ctx);
  enterpriseRoutes(app, ctx);
  leadRoutes(app, ctx);
  eventRoutes(app, ctx);
  opportunityRoutes(app, ctx);
  serviceRequestRoutes(app, ctx);
  attachmentRoutes(app, ctx);
  notificationRoutes(app, ctx);
  calendarRoutes(app, ctx);
  escalateRoutes(app, ctx);
  approvalRoutes(app, ctx);
  policyRoutes(app, ctx);
  indicatorRoutes(app, ctx);
  reportRoutes(app, ctx);
  skillsSetupRoutes(app, ctx);
  skillsMarkingRoutes(app, ctx);
  livestreamRoutes(app, ctx);

  const indexHtml = path.join(ctx.config.webDir, 'index.html');
  if (fs.existsSync(indexHtml)) {
    // wildcard: files are looked up per request, so a rebuild is served without a restart.
    // The build writes .br/.gz beside each file (vite.config.ts); browsers get the smallest they accept.
    await app.register(fastifyStatic, { root: ctx.config.webDir, wildcard: true, preCompressed: true });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET') throw new NotFoundError({ zh: '接口', en: 'Endpoint' });
    // Client-side routes (/projects/12) are the web app's; hand it the page and let it route.
    if (!fs.existsSync(indexHtml)) {
      return reply.status(404).type('text/plain; charset=utf-8').send('Web app not built: run `npm run build`.');
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html');
  });
  return app;
}
