import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../shared/common.js';
import { INTEREST_BODY_LIMIT } from '../../shared/interest-rules.js';
import {
  createOpportunitySchema,
  interestListQuerySchema,
  interestPageSchema,
  opportunityListQuerySchema,
  opportunityPageSchema,
  opportunitySchema,
  publicInterestCreatedSchema,
  publicInterestSchema,
  publicListQuerySchema,
  publicListSchema,
  updateOpportunitySchema,
  versionBodySchema,
} from '../../shared/opportunities.js';
import type { CurrentUser } from '../../shared/auth.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../context.js';
import { requestLang } from '../http/lang.js';
import { assertCanReadLeads } from '../leads/policy.js';
import { createOpportunity, deleteOpportunity, setOpportunityPublished, updateOpportunity } from './commands.js';
import { submitPublicInterest } from './interests.js';
import { assertCanReadOpportunities, assertCanWriteOpportunities, notFoundOpportunity } from './policy.js';
import { presentInterest, presentOpportunity } from './presenter.js';
import { cachedPublicOpportunities } from './public-cache.js';
import { findVisibleOpportunity, interestRows, listInterests, listOpportunities } from './queries.js';
import { interestWorkbook } from './export.js';
import { sendWorkbook } from '../http/excel.js';
import { todayInShanghai } from '../clock.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['opportunities'];

// Runs before the body is validated: a reader is told 403, not how to fix a body it may not send.
async function writersOnly(request: FastifyRequest): Promise<void> {
  assertCanWriteOpportunities(requireUser(request));
}

export function opportunityRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function load(user: CurrentUser, id: number) {
    const row = await findVisibleOpportunity(db, user, id);
    if (!row) throw notFoundOpportunity();
    return presentOpportunity(row);
  }

  r.get('/api/opportunities', {
    schema: { tags, summary: 'Park offers in the caller’s scope', querystring: opportunityListQuerySchema, response: { 200: opportunityPageSchema, ...errors } },
    handler: async (request) => {
      const user = requireUser(request);
      assertCanReadOpportunities(user);
      const { rows, total } = await listOpportunities(db, user, request.query);
      return { items: rows.map(presentOpportunity), total };
    },
  });

  r.post('/api/opportunities', {
    schema: { tags, summary: 'Post a park offer (admin; region officers for their own region)', body: createOpportunitySchema, response: { 201: opportunitySchema, ...errors } },
    preValidation: writersOnly,
    handler: async (request, reply) => {
      const user = requireUser(request);
      const id = await createOpportunity({ db, user, input: request.body });
      return reply.status(201).send(await load(user, id));
    },
  });

  r.get('/api/opportunities/interests', {
    schema: { tags, summary: 'Expressions of interest left on the public page, newest first, in the caller’s lead scope', querystring: interestListQuerySchema, response: { 200: interestPageSchema, ...errors } },
    handler: async (request) => {
      const user = requireUser(request);
      assertCanReadLeads(user);
      const { rows, total } = await listInterests(db, user, request.query);
      return { items: rows.map((row) => presentInterest(row, user.role === 'admin')), total };
    },
  });

  r.get('/api/opportunities/interests/export.xlsx', {
    schema: { tags, summary: 'The submissions as an Excel workbook (search applies; at most 50,000 rows)', querystring: interestListQuerySchema.omit({ page: true, pageSize: true }), response: { 200: z.any(), ...errors } },
    handler: async (request, reply) => {
      const user = requireUser(request);
      assertCanReadLeads(user);
      const rows = await interestRows(db, user, request.query.q).limit(50_000).execute();
      const admin = user.role === 'admin';
      const today = todayInShanghai();
      const buffer = await interestWorkbook(rows.map((row) => presentInterest(row, admin)), admin);
      return sendWorkbook(reply, buffer, `public-interests-${today}.xlsx`, `投资意向-${today}.xlsx`);
    },
  });

  r.get('/api/opportunities/:id', {
    schema: { tags, summary: 'One park offer', params: idParamsSchema, response: { 200: opportunitySchema, ...errors } },
    handler: async (request) => {
      const user = requireUser(request);
      assertCanReadOpportunities(user);
      return load(user, request.params.id);
    },
  });

  r.patch('/api/opportunities/:id', {
    schema: { tags, summary: 'Edit a park offer (send the version you read)', params: idParamsSchema, body: updateOpportunitySchema, response: { 200: opportunitySchema, ...errors } },
    preValidation: writersOnly,
    handler: async (request) => {
      const user = requireUser(request);
      await updateOpportunity({ db, user, id: request.params.id, input: request.body });
      return load(user, request.params.id);
    },
  });

  for (const [verb, published] of [['publish', true], ['unpublish', false]] as const) {
    r.post(`/api/opportunities/:id/${verb}`, {
      schema: { tags, summary: published ? 'Show the offer on the public page' : 'Take the offer off the public page', params: idParamsSchema, body: versionBodySchema, response: { 200: opportunitySchema, ...errors } },
      preValidation: writersOnly,
      handler: async (request) => {
        const user = requireUser(request);
        await setOpportunityPublished({ db, user, id: request.params.id, version: request.body.version, published });
        return load(user, request.params.id);
      },
    });
  }

  r.delete('/api/opportunities/:id', {
    schema: { tags, summary: 'Delete an offer nobody has answered (send the version you read)', params: idParamsSchema, body: versionBodySchema, response: { 204: z.null(), ...errors } },
    preValidation: writersOnly,
    handler: async (request, reply) => {
      await deleteOpportunity({ db, user: requireUser(request), id: request.params.id, version: request.body.version });
      return reply.status(204).send(null);
    },
  });

  r.get('/api/public/opportunities', {
    schema: { tags: ['public'], summary: 'No sign-in: published park offers and the chains’ open gap nodes, by cluster and chain', querystring: publicListQuerySchema, response: { 200: publicListSchema, 304: z.null().describe('Not modified (If-None-Match)'), 400: errorSchema } },
    handler: async (request, reply) => {
      const lang = request.query.lang ?? requestLang(request);
      const { body, etag } = await cachedPublicOpportunities(db, lang);
      reply.header('cache-control', 'public, max-age=60').header('vary', 'Accept-Language').header('etag', etag);
      if (request.headers['if-none-match'] === etag) return reply.status(304).send(null);
      return body;
    },
  });

  r.post('/api/public/interests', {
    bodyLimit: INTEREST_BODY_LIMIT,
    schema: {
      tags: ['public'],
      summary: 'No sign-in: leave an expression of interest (5 per address an hour, 20 a day; a filled `website` honeypot is refused)',
      body: publicInterestSchema,
      response: { 201: publicInterestCreatedSchema, 400: errorSchema, 413: errorSchema, 429: errorSchema },
    },
    handler: async (request, reply) => {
      await submitPublicInterest({ db, input: request.body, address: request.ip, userAgent: String(request.headers['user-agent'] ?? '') });
      // The lead's id is for the officers; an anonymous visitor learns only that the submission arrived.
      return reply.status(201).send({ received: true as const });
    },
  });
}
