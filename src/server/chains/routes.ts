import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  chainDetailSchema,
  clusterListSchema,
  createChainSchema,
  createNodeLinkSchema,
  createNodeSchema,
  nodeDetailSchema,
  targetListSchema,
  targetQuerySchema,
  updateChainSchema,
  updateNodeSchema,
} from '../../shared/chains.js';
import { errorSchema, idParamsSchema } from '../../shared/common.js';
import { requireUser, roleGate } from '../auth/guard.js';
import type { AppContext } from '../context.js';
import { requestLang } from '../http/lang.js';
import { createChain, createNode, createNodeLink, deleteNode, deleteNodeLink, updateChain, updateNode } from './commands.js';
import { chainWorkbook } from './export.js';
import { assertCanEditChainMap, assertCanSeeTargets } from './policy.js';
import { chainDetail, listClusters, nodeDetail } from './queries.js';
import { nodeTargets } from './targets.js';
import { sendWorkbook } from '../http/excel.js';
import { presentedJson } from '../projects/serialize.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const created = z.object({ id: z.number().int() });

const editorsOnly = roleGate(assertCanEditChainMap);

export function chainRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['chains'];

  r.get('/api/clusters', {
    schema: { tags, summary: 'Clusters, their chains and coverage', response: { 200: clusterListSchema, ...errors } },
    handler: async () => listClusters(db),
  });
  r.post('/api/chains', {
    preValidation: editorsOnly,
    schema: { tags, summary: 'Add a chain (admin)', body: createChainSchema, response: { 201: chainDetailSchema, ...errors } },
    handler: async (request, reply) => {
      const id = await createChain({ db, user: requireUser(request), input: request.body });
      return reply.status(201).send(await chainDetail(db, id));
    },
  });
  r.get('/api/chains/:id', {
    schema: { tags, summary: 'A chain: nodes with coverage, links, leaders', params: idParamsSchema, response: { 200: chainDetailSchema, ...errors } },
    handler: async (request) => chainDetail(db, request.params.id),
  });
  r.patch('/api/chains/:id', {
    preValidation: editorsOnly,
    schema: { tags, summary: 'Rename a chain or set its weak threshold (admin)', params: idParamsSchema, body: updateChainSchema, response: { 200: chainDetailSchema, ...errors } },
    handler: async (request) => {
      await updateChain({ db, user: requireUser(request), input: request.body, id: request.params.id });
      return chainDetail(db, request.params.id);
    },
  });
  r.get('/api/chains/:id/export.xlsx', {
    schema: { tags, summary: 'The chain’s node/enterprise table as Excel', params: idParamsSchema, response: { 200: z.any(), ...errors } },
    handler: async (request, reply) => {
      const { name, buffer } = await chainWorkbook(db, requireUser(request), request.params.id);
      return sendWorkbook(reply, buffer, `chain-${request.params.id}.xlsx`, `${name}.xlsx`);
    },
  });
  r.post('/api/chains/:id/nodes', {
    preValidation: editorsOnly,
    schema: { tags, summary: 'Add a node (admin)', params: idParamsSchema, body: createNodeSchema, response: { 201: created, ...errors } },
    handler: async (request, reply) => reply.status(201).send({ id: await createNode({ db, user: requireUser(request), input: request.body, chainId: request.params.id }) }),
  });
  r.post('/api/chains/:id/links', {
    preValidation: editorsOnly,
    schema: { tags, summary: 'Link two nodes, input → output (admin)', params: idParamsSchema, body: createNodeLinkSchema, response: { 201: created, ...errors } },
    handler: async (request, reply) => reply.status(201).send({ id: await createNodeLink({ db, user: requireUser(request), input: request.body, chainId: request.params.id }) }),
  });
  r.delete('/api/chain-links/:id', {
    preValidation: editorsOnly,
    schema: { tags, summary: 'Remove a node link (admin)', params: idParamsSchema, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await deleteNodeLink({ db, user: requireUser(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  });
  r.get('/api/chain-nodes/:id', {
    schema: { tags, summary: 'A node: its enterprises and projects', params: idParamsSchema, response: { 200: nodeDetailSchema, ...errors } },
    handler: async (request) => nodeDetail(db, requireUser(request), request.params.id),
  });
  r.patch('/api/chain-nodes/:id', {
    preValidation: editorsOnly,
    schema: { tags, summary: 'Rename or move a node (admin)', params: idParamsSchema, body: updateNodeSchema, response: { 200: nodeDetailSchema, ...errors } },
    handler: async (request) => {
      const user = requireUser(request);
      await updateNode({ db, user, input: request.body, id: request.params.id });
      return nodeDetail(db, user, request.params.id);
    },
  });
  r.delete('/api/chain-nodes/:id', {
    preValidation: editorsOnly,
    schema: { tags, summary: 'Delete a node no project or lead uses (admin)', params: idParamsSchema, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await deleteNode({ db, user: requireUser(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  });
  r.get('/api/chain-nodes/:id/targets', {
    // Presented field by field (targets.ts); at province scale zod parsing the answer again cost
    // about a sixth of the request.
    serializerCompiler: presentedJson,
    schema: {
      tags,
      summary: 'Ranked outside enterprises for a node, a page at a time, with the supply paths that put them there',
      params: idParamsSchema,
      querystring: targetQuerySchema,
      response: { 200: targetListSchema, ...errors },
    },
    handler: async (request) => {
      assertCanSeeTargets(requireUser(request));
      return nodeTargets(db, request.params.id, requestLang(request), request.query);
    },
  });
}
