import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../shared/common.js';
import {
  createProjectSchema,
  projectExportQuerySchema,
  projectHistorySchema,
  projectListQuerySchema,
  projectPageSchema,
  projectSchema,
  transitionSchema,
  updateProjectSchema,
} from '../../shared/projects.js';
import { requireUser } from '../auth/guard.js';
import { todayInShanghai } from '../clock.js';
import type { AppContext } from '../context.js';
import { createProject, transitionProject, updateProject } from './commands.js';
import { projectWorkbook } from './export.js';
import { assertCanWriteProjects, notFoundProject } from './policy.js';
import { presentProject, presentTransition } from './presenter.js';
import { findVisibleProject, lazyToday, listProjects, projectHistory, sortedRows } from './queries.js';
import { sendWorkbook } from '../http/excel.js';
import { presentedJson } from './serialize.js';
import { blockedByProject } from '../approvals/blocks.js';

const EXPORT_LIMIT = 50_000;
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

// Runs before the body is validated: a reader is told 403, not how to fix a body it may not send.
async function writersOnly(request: FastifyRequest): Promise<void> {
  assertCanWriteProjects(requireUser(request));
}

export function projectRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function load(user: Parameters<typeof findVisibleProject>[1], id: number) {
    const row = await findVisibleProject(db, user, id);
    if (!row) throw notFoundProject();
    return presentProject(row, todayInShanghai());
  }

  r.get('/api/projects', {
    serializerCompiler: presentedJson,
    schema: { tags: ['projects'], summary: 'Project ledger, in the caller’s scope', querystring: projectListQuerySchema, response: { 200: projectPageSchema, ...errors } },
    handler: async (request) => {
      const today = lazyToday();
      const { rows, total } = await listProjects(db, requireUser(request), request.query, today);
      const blocked = await blockedByProject(db, rows);
      return { items: rows.map((row) => ({ ...presentProject(row, today()), blocked: blocked.get(row.id) ?? null })), total };
    },
  });

  r.get('/api/projects/export.xlsx', {
    schema: {
      tags: ['projects'],
      summary: 'The filtered ledger as an Excel workbook',
      querystring: projectExportQuerySchema,
      response: { 200: z.any().describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), ...errors },
    },
    handler: async (request, reply) => {
      const rows = await sortedRows(db, requireUser(request), request.query).limit(EXPORT_LIMIT).execute();
      const today = todayInShanghai();
      // Only the rows the stored column marks blocked need their reasons read.
      const blocked = await blockedByProject(db, rows.filter((row) => row.blocked_stage !== null));
      const buffer = await projectWorkbook(rows.map((row) => ({ ...presentProject(row, today), blocked: blocked.get(row.id) ?? null })));
      return sendWorkbook(reply, buffer, `projects-${today}.xlsx`, `项目台账-${today}.xlsx`);
    },
  });

  r.post('/api/projects', {
    serializerCompiler: presentedJson,
    schema: { tags: ['projects'], summary: 'Register a project', body: createProjectSchema, response: { 201: projectSchema, ...errors } },
    preValidation: writersOnly,
    handler: async (request, reply) => {
      const user = requireUser(request);
      const id = await createProject({ db, user, input: request.body });
      return reply.status(201).send(await load(user, id));
    },
  });

  r.get('/api/projects/:id', {
    serializerCompiler: presentedJson,
    schema: { tags: ['projects'], summary: 'One project', params: idParamsSchema, response: { 200: projectSchema, ...errors } },
    handler: async (request) => load(requireUser(request), request.params.id),
  });

  r.patch('/api/projects/:id', {
    serializerCompiler: presentedJson,
    schema: { tags: ['projects'], summary: 'Edit a project (optimistic: send the version you read)', params: idParamsSchema, body: updateProjectSchema, response: { 200: projectSchema, ...errors } },
    preValidation: writersOnly,
    handler: async (request) => {
      const user = requireUser(request);
      await updateProject({ db, user, id: request.params.id, input: request.body });
      return load(user, request.params.id);
    },
  });

  r.post('/api/projects/:id/transitions', {
    serializerCompiler: presentedJson,
    schema: { tags: ['projects'], summary: 'Move a project to its next stage, terminate it, or (admins) move it back', params: idParamsSchema, body: transitionSchema, response: { 200: projectSchema, ...errors } },
    preValidation: writersOnly,
    handler: async (request) => {
      const today = todayInShanghai();
      const row = await transitionProject({ db, user: requireUser(request), id: request.params.id, input: request.body, today });
      return presentProject(row, today);
    },
  });

  r.get('/api/projects/:id/history', {
    schema: { tags: ['projects'], summary: 'The stage timeline', params: idParamsSchema, response: { 200: projectHistorySchema, ...errors } },
    handler: async (request) => {
      const user = requireUser(request);
      await load(user, request.params.id);
      const rows = await projectHistory(db, request.params.id);
      return { items: rows.map(presentTransition) };
    },
  });
}
