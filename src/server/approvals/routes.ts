import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  APPROVAL_FIELD_LABELS,
  applyTemplateSchema,
  approvalItemSchema,
  approvalQueueFilterSchema,
  approvalQueuePageSchema,
  approvalQueueQuerySchema,
  approvalTemplateListSchema,
  createApprovalSchema,
  factorKindParamsSchema,
  projectServicesSchema,
  projectTypeParamsSchema,
  putFactorSchema,
  putTemplateSchema,
  updateApprovalSchema,
  versionBodySchema,
} from '../../shared/approvals.js';
import type { CurrentUser } from '../../shared/auth.js';
import { errorSchema, idParamsSchema } from '../../shared/common.js';
import { requireUser } from '../auth/guard.js';
import { todayInShanghai } from '../clock.js';
import type { AppContext } from '../context.js';
import { sendWorkbook } from '../http/excel.js';
import { presentedJson } from '../projects/serialize.js';
import { applyApprovalTemplate, createApproval, deleteApproval, putApprovalTemplate, updateApproval } from './commands.js';
import { approvalWorkbook } from './export.js';
import { deleteFactor, putFactor } from './factors.js';
import { assertAdmin, assertCanWriteApprovals, assertProjectOwnerRole, notFoundApproval } from './policy.js';
import { presentApproval, presentQueueItem, presentTemplates } from './presenter.js';
import { approvalAttachments, approvalQueue, approvalQueueForExport, approvalTemplates, findVisibleApproval } from './queries.js';
import { projectServices } from './services.js';

const EXPORT_LIMIT = 50_000;
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const config = { fieldLabels: APPROVAL_FIELD_LABELS };

// Run before the body is validated: a reader is told 403, not how to fix a body it may not send.
async function writersOnly(request: FastifyRequest): Promise<void> {
  assertCanWriteApprovals(requireUser(request));
}
async function ownersOnly(request: FastifyRequest): Promise<void> {
  assertProjectOwnerRole(requireUser(request));
}
async function adminOnly(request: FastifyRequest): Promise<void> {
  assertAdmin(requireUser(request));
}

export function approvalRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function loadItem(user: CurrentUser, id: number) {
    const row = await findVisibleApproval(db, user, id);
    if (!row) throw notFoundApproval();
    return presentApproval(row, (await approvalAttachments(db, [id])).get(id) ?? []);
  }

  r.get('/api/approval-templates', {
    schema: { tags: ['approvals'], summary: 'The approval item templates per project type, and the departments they may name', response: { 200: approvalTemplateListSchema, ...errors } },
    handler: async () => {
      const { rows, departments } = await approvalTemplates(db);
      return { items: presentTemplates(rows), departments: departments.map((d) => ({ code: d.code, name: d.name, nameEn: d.name_en })) };
    },
  });

  r.put('/api/approval-templates/:projectType', {
    config,
    schema: { tags: ['approvals'], summary: 'Replace a project type’s template (admin); projects already using it keep their items', params: projectTypeParamsSchema, body: putTemplateSchema, response: { 200: approvalTemplateListSchema, ...errors } },
    preValidation: adminOnly,
    handler: async (request) => {
      await putApprovalTemplate({ db, user: requireUser(request), projectType: request.params.projectType, input: request.body });
      const { rows, departments } = await approvalTemplates(db);
      return { items: presentTemplates(rows), departments: departments.map((d) => ({ code: d.code, name: d.name, nameEn: d.name_en })) };
    },
  });

  r.get('/api/projects/:id/services', {
    serializerCompiler: presentedJson,
    schema: { tags: ['approvals'], summary: 'A project’s approval items, factor guarantees and the milestone they block', params: idParamsSchema, response: { 200: projectServicesSchema, ...errors } },
    handler: async (request) => projectServices(db, requireUser(request), request.params.id),
  });

  r.post('/api/projects/:id/approvals/apply-template', {
    config,
    serializerCompiler: presentedJson,
    schema: { tags: ['approvals'], summary: 'Give the project its type’s template items it lacks (idempotent)', params: idParamsSchema, body: applyTemplateSchema, response: { 200: projectServicesSchema, ...errors } },
    preValidation: ownersOnly,
    handler: async (request) => {
      const user = requireUser(request);
      await applyApprovalTemplate({ db, user, projectId: request.params.id, input: request.body });
      return projectServices(db, user, request.params.id);
    },
  });

  r.post('/api/projects/:id/approvals', {
    config,
    serializerCompiler: presentedJson,
    schema: { tags: ['approvals'], summary: 'Add an approval item to a project', params: idParamsSchema, body: createApprovalSchema, response: { 201: approvalItemSchema, ...errors } },
    preValidation: ownersOnly,
    handler: async (request, reply) => {
      const user = requireUser(request);
      const id = await createApproval({ db, user, projectId: request.params.id, input: request.body });
      return reply.status(201).send(await loadItem(user, id));
    },
  });

  r.patch('/api/approvals/:id', {
    config,
    serializerCompiler: presentedJson,
    schema: { tags: ['approvals'], summary: 'Move an approval item along its status, date it, or edit it (optimistic: send the version you read)', params: idParamsSchema, body: updateApprovalSchema, response: { 200: approvalItemSchema, ...errors } },
    preValidation: writersOnly,
    handler: async (request) => {
      const user = requireUser(request);
      await updateApproval({ db, user, id: request.params.id, input: request.body });
      return loadItem(user, request.params.id);
    },
  });

  r.delete('/api/approvals/:id', {
    config,
    schema: { tags: ['approvals'], summary: 'Remove an approval item that has no documents', params: idParamsSchema, body: versionBodySchema, response: { 204: z.null(), ...errors } },
    preValidation: ownersOnly,
    handler: async (request, reply) => {
      await deleteApproval({ db, user: requireUser(request), id: request.params.id, version: request.body.version });
      return reply.status(204).send(null);
    },
  });

  r.put('/api/projects/:id/factors/:kind', {
    config,
    serializerCompiler: presentedJson,
    schema: { tags: ['approvals'], summary: 'Record or update one factor guarantee (required against secured)', params: factorKindParamsSchema, body: putFactorSchema, response: { 200: projectServicesSchema, ...errors } },
    preValidation: ownersOnly,
    handler: async (request) => {
      const user = requireUser(request);
      await putFactor({ db, user, projectId: request.params.id, kind: request.params.kind, input: request.body });
      return projectServices(db, user, request.params.id);
    },
  });

  r.delete('/api/projects/:id/factors/:kind', {
    schema: { tags: ['approvals'], summary: 'Remove a factor guarantee', params: factorKindParamsSchema, response: { 204: z.null(), ...errors } },
    preValidation: ownersOnly,
    handler: async (request, reply) => {
      await deleteFactor({ db, user: requireUser(request), projectId: request.params.id, kind: request.params.kind });
      return reply.status(204).send(null);
    },
  });

  r.get('/api/approvals', {
    config,
    serializerCompiler: presentedJson,
    schema: { tags: ['approvals'], summary: 'Approval items in the caller’s scope: a department’s own queue, everyone else’s projects', querystring: approvalQueueQuerySchema, response: { 200: approvalQueuePageSchema, ...errors } },
    handler: async (request) => {
      const { rows, total } = await approvalQueue(db, requireUser(request), request.query);
      const files = await approvalAttachments(db, rows.map((row) => row.id));
      return { items: rows.map((row) => presentQueueItem(row, files.get(row.id) ?? [])), total };
    },
  });

  r.get('/api/approvals/export.xlsx', {
    config,
    schema: {
      tags: ['approvals'],
      summary: 'The filtered approval items as an Excel workbook',
      querystring: approvalQueueFilterSchema,
      response: { 200: z.any().describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), ...errors },
    },
    handler: async (request, reply) => {
      const rows = await approvalQueueForExport(db, requireUser(request), request.query, EXPORT_LIMIT);
      const files = await approvalAttachments(db, rows.map((row) => row.id));
      const today = todayInShanghai();
      const buffer = await approvalWorkbook(rows.map((row) => presentQueueItem(row, files.get(row.id) ?? [])));
      return sendWorkbook(reply, buffer, `approvals-${today}.xlsx`, `审批事项-${today}.xlsx`);
    },
  });
}
