import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../shared/common.js';
import {
  createPolicySchema,
  deletePolicyQuerySchema,
  matchedPolicyListSchema,
  policyDetailSchema,
  policyFilterSchema,
  policyListQuerySchema,
  policyMatchPageSchema,
  policyMatchQuerySchema,
  policyPageSchema,
  policyValidity,
  updatePolicySchema,
} from '../../shared/policies.js';
import { visitKitSchema } from '../../shared/visit-kit.js';
import { requireUser } from '../auth/guard.js';
import { todayInShanghai } from '../clock.js';
import type { AppContext } from '../context.js';
import { notFoundEnterprise } from '../enterprises/policy.js';
import { sendWorkbook } from '../http/excel.js';
import { notFoundProject } from '../projects/policy.js';
import { presentedJson } from '../projects/serialize.js';
import { createPolicy, deletePolicy, updatePolicy } from './commands.js';
import { policyWorkbook } from './export.js';
import { matchingPolicies } from './matching.js';
import { assertCanUseVisitKit, assertCanWritePolicies, assertIsEnterpriseUser, notFoundPolicy } from './policy.js';
import { presentPolicy, presentPolicyDetail } from './presenter.js';
import { findVisiblePolicy, listPolicies, parseRules, policyMatches, sortedPolicies } from './queries.js';
import { ownEnterpriseId, ruleNames } from './subjects.js';
import { visitKit } from './visit-kit.js';

const EXPORT_LIMIT = 10_000;
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

// Before validation: a reader is told 403, not how to fix a body it may not send.
async function writersOnly(request: FastifyRequest): Promise<void> {
  assertCanWritePolicies(requireUser(request));
}

export function policyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['policies'];

  async function load(request: FastifyRequest, id: number) {
    const today = todayInShanghai();
    const row = await findVisiblePolicy(db, requireUser(request), id, today);
    if (!row) throw notFoundPolicy();
    return presentPolicyDetail(row, today);
  }

  r.get('/api/policies', {
    serializerCompiler: presentedJson,
    schema: { tags, summary: 'The policy library (惠企政策): search, validity and cluster filters, a page at a time', querystring: policyListQuerySchema, response: { 200: policyPageSchema, ...errors } },
    handler: async (request) => {
      const today = todayInShanghai();
      const { rows, total } = await listPolicies(db, requireUser(request), request.query, today);
      return { items: rows.map((row) => presentPolicy(row, today)), total };
    },
  });

  r.get('/api/policies/export.xlsx', {
    schema: {
      tags,
      summary: 'The filtered policies as an Excel workbook',
      querystring: policyFilterSchema,
      response: { 200: z.any().describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), ...errors },
    },
    handler: async (request, reply) => {
      const today = todayInShanghai();
      const rows = await sortedPolicies(db, requireUser(request), request.query, today).limit(EXPORT_LIMIT).execute();
      const buffer = await policyWorkbook(rows.map((row) => presentPolicy(row, today)), await ruleNames(db));
      return sendWorkbook(reply, buffer, `policies-${today}.xlsx`, `惠企政策-${today}.xlsx`);
    },
  });

  r.post('/api/policies', {
    serializerCompiler: presentedJson,
    schema: { tags, summary: 'Add a policy to the library (administrators)', body: createPolicySchema, response: { 201: policyDetailSchema, ...errors } },
    preValidation: writersOnly,
    handler: async (request, reply) => {
      const id = await createPolicy({ db, user: requireUser(request), input: request.body });
      return reply.status(201).send(await load(request, id));
    },
  });

  r.get('/api/policies/:id', {
    serializerCompiler: presentedJson,
    schema: { tags, summary: 'One policy with its full text', params: idParamsSchema, response: { 200: policyDetailSchema, ...errors } },
    handler: async (request) => load(request, request.params.id),
  });

  r.patch('/api/policies/:id', {
    serializerCompiler: presentedJson,
    schema: { tags, summary: 'Edit a policy (optimistic: send the version you read)', params: idParamsSchema, body: updatePolicySchema, response: { 200: policyDetailSchema, ...errors } },
    preValidation: writersOnly,
    handler: async (request) => {
      await updatePolicy({ db, user: requireUser(request), id: request.params.id, input: request.body });
      return load(request, request.params.id);
    },
  });

  r.delete('/api/policies/:id', {
    schema: { tags, summary: 'Remove a policy from the library (send the version you read)', params: idParamsSchema, querystring: deletePolicyQuerySchema, response: { 204: z.null(), ...errors } },
    preValidation: writersOnly,
    handler: async (request, reply) => {
      await deletePolicy({ db, user: requireUser(request), id: request.params.id, version: request.query.version });
      return reply.status(204).send(null);
    },
  });

  r.get('/api/policies/:id/matches', {
    serializerCompiler: presentedJson,
    schema: {
      tags,
      summary: 'The projects or enterprises in the caller’s scope that the policy’s rules admit',
      params: idParamsSchema,
      querystring: policyMatchQuerySchema,
      response: { 200: policyMatchPageSchema, ...errors },
    },
    handler: async (request) => {
      const user = requireUser(request);
      const today = todayInShanghai();
      const row = await findVisiblePolicy(db, user, request.params.id, today);
      if (!row) throw notFoundPolicy();
      // An expired policy admits nobody any more; one dated ahead shows whom it will admit.
      if (policyValidity(row.valid_from, row.valid_to, today) === 'expired') return { items: [], total: 0 };
      return policyMatches(db, user, row.id, parseRules(row.rules_json), request.query);
    },
  });

  // A project in projectScope, an enterprise in policyEnterpriseScope; outside it, 404 as if missing.
  const SUBJECTS = [
    { kind: 'project', path: '/api/projects/:id/policies', notFound: notFoundProject },
    { kind: 'enterprise', path: '/api/enterprises/:id/policies', notFound: notFoundEnterprise },
  ] as const;
  for (const subject of SUBJECTS) {
    r.get(subject.path, {
      serializerCompiler: presentedJson,
      schema: { tags, summary: `Policies in force the ${subject.kind} qualifies for, each with the rules it met`, params: idParamsSchema, response: { 200: matchedPolicyListSchema, ...errors } },
      handler: async (request) => {
        const items = await matchingPolicies(db, requireUser(request), { kind: subject.kind, id: request.params.id }, todayInShanghai());
        if (!items) throw subject.notFound();
        return { items };
      },
    });
  }

  r.get('/api/my/policies', {
    serializerCompiler: presentedJson,
    schema: { tags, summary: 'For an enterprise user: the policies in force its enterprise qualifies for', response: { 200: matchedPolicyListSchema, ...errors } },
    preValidation: async (request) => assertIsEnterpriseUser(requireUser(request)),
    handler: async (request) => {
      const user = requireUser(request);
      const id = await ownEnterpriseId(db, user);
      if (id === undefined) return { items: [] };
      return { items: (await matchingPolicies(db, user, { kind: 'enterprise', id }, todayInShanghai())) ?? [] };
    },
  });

  r.get('/api/enterprises/:id/visit-kit', {
    serializerCompiler: presentedJson,
    schema: {
      tags,
      summary: 'The visit kit (走访工具包): the enterprise, its projects, open requests, pending approvals, missing factors and matched policies',
      params: idParamsSchema,
      response: { 200: visitKitSchema, ...errors },
    },
    preValidation: async (request) => assertCanUseVisitKit(requireUser(request)),
    handler: async (request) => {
      const kit = await visitKit(db, requireUser(request), request.params.id, todayInShanghai());
      if (!kit) throw notFoundEnterprise();
      return kit;
    },
  });
}
