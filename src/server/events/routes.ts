import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/common.js';
import {
  createEventSchema,
  createSigningSchema,
  eventListQuerySchema,
  eventPageSchema,
  eventSchema,
  projectSigningSchema,
  runSheetSchema,
  scorecardSchema,
  signingListSchema,
  signingSchema,
  summarySchema,
  updateEventSchema,
  updateSigningSchema,
} from '../../shared/events.js';
import type { CurrentUser } from '../../shared/auth.js';
import { requireUser } from '../auth/guard.js';
import { NotFoundError } from '../errors.js';
import { PROJECT_NOUN } from '../projects/policy.js';
import type { AppContext } from '../context.js';
import { sendWorkbook } from '../http/excel.js';
import { createEvent, deleteEvent, updateEvent } from './commands.js';
import { guestWorkbook } from './export.js';
import { guestRoutes } from './guest-routes.js';
import { notFoundEvent } from './policy.js';
import { EVENT_LABELS, eventErrors, readers, writers } from './route-helpers.js';
import { presentEvent, presentEventItem, presentGroups, presentGuest, presentSigning } from './presenter.js';
import { findSigning, findVisibleEvent, listEvents, listGroups, listGuests, listSignings, scorecardRows, signingEventOfProject } from './queries.js';
import { buildScorecard } from './scorecard.js';
import { addSigning, removeSigning, updateSigning } from './signings.js';
import { summariseSignings } from './summary.js';

const signingParams = z.object({ id: idParamsSchema.shape.id, signingId: idParamsSchema.shape.id });

export function eventRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];

  async function load(user: CurrentUser, id: number) {
    const row = await findVisibleEvent(db, user, id);
    if (!row) throw notFoundEvent();
    return row;
  }

  r.get('/api/events', {
    schema: { tags, summary: 'Investment events, newest first', querystring: eventListQuerySchema, response: { 200: eventPageSchema, ...eventErrors } },
    preValidation: readers,
    handler: async (request) => {
      const { rows, total } = await listEvents(db, requireUser(request), request.query);
      return { items: rows.map(presentEventItem), total };
    },
  });

  r.post('/api/events', {
    schema: { tags, summary: 'Create an event', body: createEventSchema, response: { 201: eventSchema, ...eventErrors } },
    config: { fieldLabels: EVENT_LABELS },
    preValidation: writers,
    handler: async (request, reply) => {
      const user = requireUser(request);
      const id = await createEvent({ db, user, input: request.body });
      return reply.status(201).send(presentEvent(await load(user, id)));
    },
  });

  r.get('/api/events/:id', {
    schema: { tags, summary: 'One event with its counts', params: idParamsSchema, response: { 200: eventSchema, ...eventErrors } },
    preValidation: readers,
    handler: async (request) => presentEvent(await load(requireUser(request), request.params.id)),
  });

  r.patch('/api/events/:id', {
    schema: { tags, summary: 'Edit an event (send the version you read)', params: idParamsSchema, body: updateEventSchema, response: { 200: eventSchema, ...eventErrors } },
    config: { fieldLabels: EVENT_LABELS },
    preValidation: writers,
    handler: async (request) => {
      const user = requireUser(request);
      await updateEvent({ db, user, id: request.params.id, input: request.body });
      return presentEvent(await load(user, request.params.id));
    },
  });

  r.delete('/api/events/:id', {
    schema: { tags, summary: 'Delete an event that has no signed projects', params: idParamsSchema, response: { 204: z.null(), ...eventErrors } },
    preValidation: writers,
    handler: async (request, reply) => {
      await deleteEvent({ db, user: requireUser(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  });

  async function summaryOf(eventId: number) {
    return summariseSignings(await listSignings(db, eventId));
  }

  r.get('/api/events/:id/summary', {
    schema: { tags, summary: 'The signing in the report’s words and figures', params: idParamsSchema, response: { 200: summarySchema, ...eventErrors } },
    preValidation: readers,
    handler: async (request) => {
      await load(requireUser(request), request.params.id);
      return summaryOf(request.params.id);
    },
  });

  r.get('/api/events/:id/scorecard', {
    schema: { tags, summary: 'Signed projects’ progress: stages, days from signing, medians, funds in place', params: idParamsSchema, response: { 200: scorecardSchema, ...eventErrors } },
    preValidation: readers,
    handler: async (request) => {
      const user = requireUser(request);
      await load(user, request.params.id);
      return buildScorecard(await scorecardRows(db, user, request.params.id));
    },
  });

  r.get('/api/events/:id/run-sheet', {
    schema: { tags, summary: 'Everything the printed run sheet holds', params: idParamsSchema, response: { 200: runSheetSchema, ...eventErrors } },
    preValidation: readers,
    handler: async (request) => {
      const id = request.params.id;
      const user = requireUser(request);
      const event = await load(user, id);
      const [signings, groups, guests] = await Promise.all([listSignings(db, id), listGroups(db, id), listGuests(db, id, { all: true })]);
      return {
        event: presentEvent(event),
        summary: summariseSignings(signings),
        groups: presentGroups(groups),
        guests: guests.rows.map((row) => presentGuest(row, user)),
        signings: signings.map(presentSigning),
      };
    },
  });

  r.get('/api/events/:id/guests/export.xlsx', {
    schema: { tags, summary: 'The guest list as an Excel workbook', params: idParamsSchema, response: { 200: z.any(), ...eventErrors } },
    preValidation: readers,
    handler: async (request, reply) => {
      const user = requireUser(request);
      const event = await load(user, request.params.id);
      const guests = await listGuests(db, event.id, { all: true });
      const buffer = await guestWorkbook(event.name, guests.rows.map((row) => presentGuest(row, user)));
      return sendWorkbook(reply, buffer, `event-${event.id}-guests.xlsx`, `${event.name}-嘉宾名单.xlsx`);
    },
  });

  // ---- signing ceremony ----
  r.get('/api/events/:id/signings', {
    schema: { tags, summary: 'The signed projects, in ceremony order, with their total', params: idParamsSchema, response: { 200: signingListSchema, ...eventErrors } },
    preValidation: readers,
    handler: async (request) => {
      await load(requireUser(request), request.params.id);
      const items = (await listSignings(db, request.params.id)).map(presentSigning);
      return { items, totalYuan: items.reduce((s, i) => s + i.amountYuan, 0) };
    },
  });

  r.post('/api/events/:id/signings', {
    schema: { tags, summary: 'Sign a ledger project at this event (409 if signed at any event)', params: idParamsSchema, body: createSigningSchema, response: { 201: signingSchema, ...eventErrors } },
    preValidation: writers,
    handler: async (request, reply) => {
      const signingId = await addSigning({ db, user: requireUser(request), eventId: request.params.id, input: request.body });
      return reply.status(201).send(presentSigning((await findSigning(db, request.params.id, signingId))!));
    },
  });

  r.patch('/api/events/:id/signings/:signingId', {
    schema: { tags, summary: 'Edit a signing', params: signingParams, body: updateSigningSchema, response: { 200: signingSchema, ...eventErrors } },
    preValidation: writers,
    handler: async (request) => {
      const { id, signingId } = request.params;
      await updateSigning({ db, user: requireUser(request), eventId: id, signingId, input: request.body });
      return presentSigning((await findSigning(db, id, signingId))!);
    },
  });

  r.delete('/api/events/:id/signings/:signingId', {
    schema: { tags, summary: 'Remove a project from the signing', params: signingParams, response: { 204: z.null(), ...eventErrors } },
    preValidation: writers,
    handler: async (request, reply) => {
      await removeSigning({ db, user: requireUser(request), eventId: request.params.id, signingId: request.params.signingId });
      return reply.status(204).send(null);
    },
  });

  r.get('/api/projects/:id/signing-event', {
    schema: { tags, summary: 'The event a project was signed at, if any', params: idParamsSchema, response: { 200: projectSigningSchema, ...eventErrors } },
    handler: async (request) => {
      const user = requireUser(request);
      const row = await signingEventOfProject(db, user, request.params.id);
      if (row === undefined) throw new NotFoundError(PROJECT_NOUN);
      return { event: row ? { id: row.id, name: row.name, startsOn: row.starts_on } : null };
    },
  });

  guestRoutes(app, ctx);
}
