import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../shared/common.js';
import {
  createEnterpriseSchema,
  createSupplyLinkSchema,
  enterpriseExportQuerySchema,
  enterpriseLinksSchema,
  enterpriseListQuerySchema,
  enterprisePageSchema,
  enterpriseSchema,
  updateEnterpriseSchema,
} from '../../shared/enterprises.js';
import { requireUser } from '../auth/guard.js';
import { todayInShanghai } from '../clock.js';
import type { AppContext } from '../context.js';
import { createEnterprise, updateEnterprise } from './commands.js';
import { enterpriseWorkbook } from './export.js';
import { createSupplyLink, deleteSupplyLink, enterpriseLinks } from './links.js';
import { assertCanCreateEnterprises, notFoundEnterprise } from './policy.js';
import { presentEnterprises } from './presenter.js';
import { findVisibleEnterprise, listEnterprises, sortedEnterprises } from './queries.js';
import { sendWorkbook } from '../http/excel.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const EXPORT_LIMIT = 50_000;

// Before validation: a reader is told 403, not how to fix a body it may not send.
async function editorsOnly(request: FastifyRequest): Promise<void> {
  assertCanCreateEnterprises(requireUser(request));
}

export function enterpriseRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['enterprises'];

  async function load(request: FastifyRequest, id: number) {
    const user = requireUser(request);
    const row = await findVisibleEnterprise(db, user, id);
    if (!row) throw notFoundEnterprise();
    return (await presentEnterprises(db, user, [row]))[0];
  }

  r.get('/api/enterprises', {
    schema: { tags, summary: 'The enterprise base: search by any part of the name or credit code', querystring: enterpriseListQuerySchema, response: { 200: enterprisePageSchema, ...errors } },
    handler: async (request) => {
      const user = requireUser(request);
      const { rows, total } = await listEnterprises(db, user, request.query);
      return { items: await presentEnterprises(db, user, rows), total };
    },
  });
  r.get('/api/enterprises/export.xlsx', {
    schema: { tags, summary: 'The filtered enterprise list as Excel', querystring: enterpriseExportQuerySchema, response: { 200: z.any(), ...errors } },
    handler: async (request, reply) => {
      const user = requireUser(request);
      const rows = await sortedEnterprises(db, user, request.query).limit(EXPORT_LIMIT).execute();
      const buffer = await enterpriseWorkbook(await presentEnterprises(db, user, rows));
      return sendWorkbook(reply, buffer, 'enterprises.xlsx', `企业库-${todayInShanghai()}.xlsx`);
    },
  });
  r.post('/api/enterprises', {
    schema: { tags, summary: 'Add an enterprise', body: createEnterpriseSchema, response: { 201: enterpriseSchema, ...errors } },
    preValidation: editorsOnly,
    handler: async (request, reply) => {
      const id = await createEnterprise({ db, user: requireUser(request), input: request.body });
      return reply.status(201).send(await load(request, id));
    },
  });
  r.get('/api/enterprises/:id', {
    schema: { tags, summary: 'One enterprise', params: idParamsSchema, response: { 200: enterpriseSchema, ...errors } },
    handler: async (request) => load(request, request.params.id),
  });
  r.patch('/api/enterprises/:id', {
    schema: { tags, summary: 'Edit an enterprise (send the version you read)', params: idParamsSchema, body: updateEnterpriseSchema, response: { 200: enterpriseSchema, ...errors } },
    preValidation: editorsOnly,
    handler: async (request) => {
      await updateEnterprise({ db, user: requireUser(request), id: request.params.id, input: request.body });
      return load(request, request.params.id);
    },
  });
  r.get('/api/enterprises/:id/links', {
    schema: { tags, summary: 'Who it supplies and buys from', params: idParamsSchema, response: { 200: enterpriseLinksSchema, ...errors } },
    handler: async (request) => {
      await load(request, request.params.id);
      return enterpriseLinks(db, request.params.id);
    },
  });
  r.post('/api/supply-links', {
    schema: { tags, summary: 'Record a supply link: supplier → customer, product', body: createSupplyLinkSchema, response: { 201: z.object({ id: z.number().int() }), ...errors } },
    preValidation: editorsOnly,
    handler: async (request, reply) => reply.status(201).send({ id: await createSupplyLink({ db, user: requireUser(request), input: request.body }) }),
  });
  r.delete('/api/supply-links/:id', {
    schema: { tags, summary: 'Remove a supply link', params: idParamsSchema, response: { 204: z.null(), ...errors } },
    preValidation: editorsOnly,
    handler: async (request, reply) => {
      await deleteSupplyLink({ db, user: requireUser(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  });
}
