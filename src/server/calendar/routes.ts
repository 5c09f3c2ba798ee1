import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CALENDAR_FIELD_LABELS,
  calendarDayListSchema,
  calendarDayParamsSchema,
  calendarYearQuerySchema,
  deadlineQuerySchema,
  deadlineSchema,
  putCalendarDaySchema,
  putServiceLevelsSchema,
  serviceLevelListSchema,
} from '../../shared/calendar.js';
import { errorSchema } from '../../shared/common.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../context.js';
import { deleteCalendarDay, setCalendarDay, updateServiceLevels } from './commands.js';
import { assertCanConfigureServices } from './policy.js';
import { calendarYear, deadlineFrom, serviceLevels } from './queries.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };
const config = { fieldLabels: CALENDAR_FIELD_LABELS };

// Before the body is validated: someone who may not write is told 403, not how to fix the body.
async function adminsOnly(request: FastifyRequest): Promise<void> {
  assertCanConfigureServices(requireUser(request));
}

export function calendarRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/calendar', {
    schema: { tags: ['services'], summary: 'The year’s holidays and make-up working days (exceptions to Monday–Friday)', querystring: calendarYearQuerySchema, response: { 200: calendarDayListSchema, ...errors } },
    config,
    handler: async (request) => ({ items: await calendarYear(db, request.query.year) }),
  });

  r.get('/api/calendar/deadline', {
    schema: { tags: ['services'], summary: 'The day `days` working days after `from`, as request deadlines are counted', querystring: deadlineQuerySchema, response: { 200: deadlineSchema, ...errors } },
    config,
    handler: async (request) => deadlineFrom(db, request.query.from, request.query.days),
  });

  r.put('/api/calendar/days/:day', {
    schema: { tags: ['services'], summary: 'Mark a day a holiday or a weekend day a make-up working day (admin)', params: calendarDayParamsSchema, body: putCalendarDaySchema, response: { 200: calendarDayListSchema, ...errors } },
    config,
    preValidation: adminsOnly,
    handler: async (request) => {
      const { day } = request.params;
      await setCalendarDay({ db, user: requireUser(request), day, input: request.body });
      return { items: await calendarYear(db, Number(day.slice(0, 4))) };
    },
  });

  r.delete('/api/calendar/days/:day', {
    schema: { tags: ['services'], summary: 'Return a day to the ordinary week (admin)', params: calendarDayParamsSchema, response: { 204: z.null(), ...errors } },
    config,
    preValidation: adminsOnly,
    handler: async (request, reply) => {
      await deleteCalendarDay({ db, user: requireUser(request), day: request.params.day });
      return reply.status(204).send(null);
    },
  });

  r.get('/api/service-levels', {
    schema: { tags: ['services'], summary: 'Per category: default department, deadline and escalation in working days', response: { 200: serviceLevelListSchema, ...errors } },
    handler: async () => serviceLevels(db),
  });

  r.put('/api/service-levels', {
    schema: { tags: ['services'], summary: 'Change service levels (admin); open requests keep their deadlines', body: putServiceLevelsSchema, response: { 200: serviceLevelListSchema, ...errors } },
    config,
    preValidation: adminsOnly,
    handler: async (request) => {
      await updateServiceLevels({ db, user: requireUser(request), input: request.body });
      return serviceLevels(db);
    },
  });
}
