import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CurrentUser } from '../../shared/auth.js';
import type { RequestCategory } from '../../shared/service-catalog.js';
import { errorSchema, idParamsSchema } from '../../shared/common.js';
import {
  addAssignmentSchema,
  assignmentTransitionSchema,
  confirmServiceRequestSchema,
  createServiceRequestSchema,
  departmentParamsSchema,
  reopenServiceRequestSchema,
  serviceRequestDetailSchema,
  serviceRequestFilterSchema,
  serviceRequestListQuerySchema,
  serviceRequestPageSchema,
  REQUEST_FIELD_LABELS,
  requestRoutingSchema,
} from '../../shared/service-requests.js';
import { requireUser } from '../auth/guard.js';
import { todayInShanghai } from '../clock.js';
import type { AppContext } from '../context.js';
import { ForbiddenError } from '../errors.js';
import { sendWorkbook, XLSX_TYPE } from '../http/excel.js';
import { presentedJson } from '../projects/serialize.js';
import { addAssignment, confirmServiceRequest, createServiceRequest, reopenServiceRequest, transitionAssignment } from './commands.js';
import { requestWorkbook } from './export.js';
import { notFoundRequest } from './policy.js';
import { presentDetail, presentRequest } from './presenter.js';
import { exportRequests, findVisibleRequest, listRequests, ownerAttachments, requestAssignments, requestTimeline } from './queries.js';

const EXPORT_LIMIT = 50_000;
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

// Before the body is validated: the leader is told 403, not how to fix a body it may not send.
async function writersOnly(request: FastifyRequest): Promise<void> {
  if (requireUser(request).role === 'leader') throw new ForbiddenError();
}

export function serviceRequestRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function load(user: CurrentUser, id: number) {
    const row = await findVisibleRequest(db, user, id);
    if (!row) throw notFoundRequest();
    const [assignments, timeline, attachments] = await Promise.all([requestAssignments(db, id), requestTimeline(db, id), ownerAttachments(db, 'request', id)]);
    return presentDetail(user, row, { assignments, timeline, attachments }, todayInShanghai());
  }

  r.get('/api/service-requests', {
    serializerCompiler: presentedJson,
    schema: { tags: ['service-requests'], summary: 'Service requests (企业诉求) in the caller’s scope', querystring: serviceRequestListQuerySchema, response: { 200: serviceRequestPageSchema, ...errors } },
    handler: async (request) => {
      const today = todayInShanghai();
      const { rows, departments, total } = await listRequests(db, requireUser(request), request.query, today);
      return { items: rows.map((row) => presentRequest(row, departments.get(row.id) ?? [], today)), total };
    },
  });

  r.get('/api/service-requests/export', {
    schema: {
      tags: ['service-requests'],
      summary: 'The filtered service requests as an Excel workbook',
      querystring: serviceRequestFilterSchema,
      response: { 200: z.any().describe(XLSX_TYPE), ...errors },
    },
    handler: async (request, reply) => {
      const today = todayInShanghai();
      const { rows, departments } = await exportRequests(db, requireUser(request), request.query, today, EXPORT_LIMIT);
      const buffer = await requestWorkbook(rows.map((row) => presentRequest(row, departments.get(row.id) ?? [], today)));
      return sendWorkbook(reply, buffer, `service-requests-${today}.xlsx`, `企业诉求-${today}.xlsx`);
    },
  });

  r.get('/api/service-requests/routing', {
    schema: { tags: ['service-requests'], summary: 'Active departments and each category’s default department and deadline (for the request form)', response: { 200: requestRoutingSchema, ...errors } },
    handler: async (request) => {
      requireUser(request);
      const [departments, levels] = await Promise.all([
        db.selectFrom('departments').select(['code', 'name', 'name_en']).where('active', '=', 1).orderBy('sort_order').execute(),
        db.selectFrom('service_levels').select(['category', 'department_code', 'working_days']).orderBy('category').execute(),
      ]);
      return {
        departments: departments.map((d) => ({ code: d.code, name: d.name, nameEn: d.name_en })),
        categories: levels.map((l) => ({ category: l.category as RequestCategory, departmentCode: l.department_code, workingDays: l.working_days })),
      };
    },
  });

  r.post('/api/service-requests', {
    schema: { tags: ['service-requests'], summary: 'Raise a service request (routed to the category’s department unless departments are named)', body: createServiceRequestSchema, response: { 201: z.object({ id: z.number().int() }), ...errors } },
    preValidation: writersOnly,
    config: { fieldLabels: REQUEST_FIELD_LABELS },
    handler: async (request, reply) => {
      const id = await createServiceRequest({ db, user: requireUser(request), input: request.body });
      return reply.status(201).send({ id });
    },
  });

  r.get('/api/service-requests/:id', {
    serializerCompiler: presentedJson,
    schema: { tags: ['service-requests'], summary: 'One request with its departments, timeline and attachments', params: idParamsSchema, response: { 200: serviceRequestDetailSchema, ...errors } },
    handler: async (request) => load(requireUser(request), request.params.id),
  });

  r.post('/api/service-requests/:id/assignments', {
    serializerCompiler: presentedJson,
    schema: { tags: ['service-requests'], summary: 'Route the request to one more department', params: idParamsSchema, body: addAssignmentSchema, response: { 201: serviceRequestDetailSchema, ...errors } },
    preValidation: writersOnly,
    config: { fieldLabels: REQUEST_FIELD_LABELS },
    handler: async (request, reply) => {
      const user = requireUser(request);
      await addAssignment({ db, user, id: request.params.id, input: request.body });
      return reply.status(201).send(await load(user, request.params.id));
    },
  });

  r.post('/api/service-requests/:id/assignments/:departmentCode/transition', {
    serializerCompiler: presentedJson,
    schema: { tags: ['service-requests'], summary: 'A department accepts, works on or resolves its part', params: departmentParamsSchema, body: assignmentTransitionSchema, response: { 200: serviceRequestDetailSchema, ...errors } },
    preValidation: writersOnly,
    config: { fieldLabels: REQUEST_FIELD_LABELS },
    handler: async (request) => {
      const user = requireUser(request);
      await transitionAssignment({ db, user, id: request.params.id, departmentCode: request.params.departmentCode, input: request.body });
      return load(user, request.params.id);
    },
  });

  r.post('/api/service-requests/:id/confirm', {
    serializerCompiler: presentedJson,
    schema: { tags: ['service-requests'], summary: 'The enterprise confirms the result with a 1–5 rating', params: idParamsSchema, body: confirmServiceRequestSchema, response: { 200: serviceRequestDetailSchema, ...errors } },
    preValidation: writersOnly,
    config: { fieldLabels: REQUEST_FIELD_LABELS },
    handler: async (request) => {
      const user = requireUser(request);
      await confirmServiceRequest({ db, user, id: request.params.id, input: request.body });
      return load(user, request.params.id);
    },
  });

  r.post('/api/service-requests/:id/reopen', {
    serializerCompiler: presentedJson,
    schema: { tags: ['service-requests'], summary: 'The enterprise sends a resolved request back, with a reason', params: idParamsSchema, body: reopenServiceRequestSchema, response: { 200: serviceRequestDetailSchema, ...errors } },
    preValidation: writersOnly,
    config: { fieldLabels: REQUEST_FIELD_LABELS },
    handler: async (request) => {
      const user = requireUser(request);
      await reopenServiceRequest({ db, user, id: request.params.id, input: request.body });
      return load(user, request.params.id);
    },
  });
}
