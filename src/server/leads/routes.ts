import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CurrentUser } from '../../shared/auth.js';
import { errorSchema, idParamsSchema } from '../../shared/common.js';
import {
  createLeadActivitySchema,
  createLeadSchema,
  leadActivityListSchema,
  leadBoardQuerySchema,
  leadBoardSchema,
  leadFilterSchema,
  leadListQuerySchema,
  leadOwnerListSchema,
  leadPageSchema,
  leadSchema,
  leadTransitionSchema,
  signLeadSchema,
  targetLeadSchema,
  updateLeadSchema,
} from '../../shared/leads.js';
import { LEAD_STATUSES } from '../../shared/lead-status.js';
import { projectSchema } from '../../shared/projects.js';
import { requireUser } from '../auth/guard.js';
import { todayInShanghai } from '../clock.js';
import type { AppContext } from '../context.js';
import { sendWorkbook } from '../http/excel.js';
import { presentProject } from '../projects/presenter.js';
import { findVisibleProject } from '../projects/queries.js';
import { presentedJson } from '../projects/serialize.js';
import { addLeadActivity, createLead, recordTargetAsLead, transitionLead, updateLead } from './commands.js';
import { leadWorkbook } from './export.js';
import { assertCanReadLeads, assertCanWriteLeads, notFoundLead } from './policy.js';
import { presentActivity, presentLead } from './presenter.js';
import { findVisibleLead, leadActivities, leadBoard, leadReminders, listLeads, sortedLeads } from './queries.js';
import { signLead } from './sign.js';

const EXPORT_LIMIT = 50_000;
const REMINDER_LIMIT = 20;
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

// Run before the body is validated: a reader is told 403, not how to fix a body it may not send.
async function readersOnly(request: FastifyRequest): Promise<void> {
  assertCanReadLeads(requireUser(request));
}
async function writersOnly(request: FastifyRequest): Promise<void> {
  assertCanWriteLeads(requireUser(request));
}

export function leadRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function load(user: CurrentUser, id: number) {
    const row = await findVisibleLead(db, user, id);
    if (!row) throw notFoundLead();
    return presentLead(row, todayInShanghai());
  }

  r.get('/api/leads', {
    serializerCompiler: presentedJson,
    schema: { tags: ['leads'], summary: 'Investment leads in the caller’s scope', querystring: leadListQuerySchema, response: { 200: leadPageSchema, ...errors } },
    preValidation: readersOnly,
    handler: async (request) => {
      const today = todayInShanghai();
      const { rows, total } = await listLeads(db, requireUser(request), request.query, today);
      return { items: rows.map((row) => presentLead(row, today)), total };
    },
  });

  r.get('/api/leads/export.xlsx', {
    schema: {
      tags: ['leads'],
      summary: 'The filtered leads as an Excel workbook',
      querystring: leadFilterSchema,
      response: { 200: z.any().describe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), ...errors },
    },
    preValidation: readersOnly,
    handler: async (request, reply) => {
      const today = todayInShanghai();
      const rows = await sortedLeads(db, requireUser(request), request.query, today).limit(EXPORT_LIMIT).execute();
      const buffer = await leadWorkbook(rows.map((row) => presentLead(row, today)));
      return sendWorkbook(reply, buffer, `leads-${today}.xlsx`, `招商线索-${today}.xlsx`);
    },
  });

  r.get('/api/leads/board', {
    serializerCompiler: presentedJson,
    schema: { tags: ['leads'], summary: 'Leads by status: each column’s total and its first cards by next step', querystring: leadBoardQuerySchema, response: { 200: leadBoardSchema, ...errors } },
    preValidation: readersOnly,
    handler: async (request) => {
      const today = todayInShanghai();
      const columns = await leadBoard(db, requireUser(request), request.query, LEAD_STATUSES, today);
      return { columns: columns.map((c) => ({ status: c.status as (typeof LEAD_STATUSES)[number], total: c.total, items: c.rows.map((row) => presentLead(row, today)) })) };
    },
  });

  r.get('/api/leads/reminders', {
    serializerCompiler: presentedJson,
    schema: { tags: ['leads'], summary: 'The caller’s overdue next steps, oldest first', response: { 200: leadPageSchema, ...errors } },
    handler: async (request) => {
      const user = requireUser(request);
      // Roles outside the pipeline have nothing to be reminded of; the dashboard asks anyway.
      if (user.role !== 'admin' && user.role !== 'region') return { items: [], total: 0 };
      const today = todayInShanghai();
      const { rows, total } = await leadReminders(db, user, today, REMINDER_LIMIT);
      return { items: rows.map((row) => presentLead(row, today)), total };
    },
  });

  r.get('/api/leads/owners', {
    schema: { tags: ['leads'], summary: 'Who can own a lead the caller records', response: { 200: leadOwnerListSchema, ...errors } },
    preValidation: writersOnly,
    handler: async (request) => {
      const user = requireUser(request);
      let q = db.selectFrom('users').select(['users.id', 'users.display_name as name']).where('users.active', '=', 1).where('users.role', 'in', ['admin', 'region']);
      if (user.role === 'region') {
        const colleagues = db.selectFrom('user_regions').select('user_id').where('region_code', 'in', user.regionCodes.length ? user.regionCodes : ['']);
        q = q.where((eb) => eb.or([eb('users.id', '=', user.id), eb('users.id', 'in', colleagues)]));
      }
      return { items: await q.orderBy('users.id').execute() };
    },
  });

  r.post('/api/leads', {
    serializerCompiler: presentedJson,
    schema: { tags: ['leads'], summary: 'Record a lead', body: createLeadSchema, response: { 201: leadSchema, ...errors } },
    preValidation: writersOnly,
    handler: async (request, reply) => {
      const user = requireUser(request);
      const id = await createLead({ db, user, input: request.body });
      return reply.status(201).send(await load(user, id));
    },
  });

  r.post('/api/leads/from-target', {
    serializerCompiler: presentedJson,
    schema: { tags: ['leads'], summary: 'Record a ranked gap-analysis target as a lead', body: targetLeadSchema, response: { 201: leadSchema, ...errors } },
    preValidation: writersOnly,
    handler: async (request, reply) => {
      const user = requireUser(request);
      const id = await recordTargetAsLead({ db, user, input: request.body });
      return reply.status(201).send(await load(user, id));
    },
  });

  r.get('/api/leads/:id', {
    serializerCompiler: presentedJson,
    schema: { tags: ['leads'], summary: 'One lead', params: idParamsSchema, response: { 200: leadSchema, ...errors } },
    preValidation: readersOnly,
    handler: async (request) => load(requireUser(request), request.params.id),
  });

  r.patch('/api/leads/:id', {
    serializerCompiler: presentedJson,
    schema: { tags: ['leads'], summary: 'Edit a lead (optimistic: send the version you read)', params: idParamsSchema, body: updateLeadSchema, response: { 200: leadSchema, ...errors } },
    preValidation: writersOnly,
    handler: async (request) => {
      const user = requireUser(request);
      await updateLead({ db, user, id: request.params.id, input: request.body });
      return load(user, request.params.id);
    },
  });

  r.post('/api/leads/:id/transition', {
    serializerCompiler: presentedJson,
    schema: { tags: ['leads'], summary: 'Move a lead along the pipeline, mark it lost (with a reason) or reopen it', params: idParamsSchema, body: leadTransitionSchema, response: { 200: leadSchema, ...errors } },
    preValidation: writersOnly,
    handler: async (request) => {
      const user = requireUser(request);
      await transitionLead({ db, user, id: request.params.id, input: request.body });
      return load(user, request.params.id);
    },
  });

  r.get('/api/leads/:id/activities', {
    schema: { tags: ['leads'], summary: 'The lead’s activity log, newest first', params: idParamsSchema, response: { 200: leadActivityListSchema, ...errors } },
    preValidation: readersOnly,
    handler: async (request) => {
      await load(requireUser(request), request.params.id);
      return { items: (await leadActivities(db, request.params.id)).map(presentActivity) };
    },
  });

  r.post('/api/leads/:id/activities', {
    schema: { tags: ['leads'], summary: 'Record a visit, call, meeting or note', params: idParamsSchema, body: createLeadActivitySchema, response: { 201: leadActivityListSchema, ...errors } },
    preValidation: writersOnly,
    handler: async (request, reply) => {
      await addLeadActivity({ db, user: requireUser(request), id: request.params.id, input: request.body });
      return reply.status(201).send({ items: (await leadActivities(db, request.params.id)).map(presentActivity) });
    },
  });

  r.post('/api/leads/:id/sign', {
    serializerCompiler: presentedJson,
    schema: { tags: ['leads'], summary: 'Sign a lead: create its project at stage signed, or link one in the ledger (exactly once)', params: idParamsSchema, body: signLeadSchema, response: { 201: projectSchema, ...errors } },
    preValidation: writersOnly,
    handler: async (request, reply) => {
      const user = requireUser(request);
      const projectId = await signLead({ db, user, id: request.params.id, input: request.body });
      const row = await findVisibleProject(db, user, projectId);
      return reply.status(201).send(presentProject(row!, todayInShanghai()));
    },
  });
}
