import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../shared/common.js';
import {
  competitionDetailSchema,
  competitionInputSchema,
  competitionSchema,
  contestantFilterSchema,
  contestantInputSchema,
  contestantListQuerySchema,
  contestantPageSchema,
  delegationInputSchema,
  eventInputSchema,
  eventSchema,
  judgeInputSchema,
  judgeSchema,
  schemeImportErrorSchema,
  schemeSchema,
  unitInputSchema,
} from '../../shared/skills.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../context.js';
import { sendWorkbook, XLSX_TYPE } from '../http/excel.js';
import { ValidationError } from '../errors.js';
import { contestantWorkbook } from './export.js';
import { assertOrganiser, findEventInScope } from './policy.js';
import { presentContestant, presentJudge } from './presenter.js';
import { competitionDetail, countContestants, eventDetail, eventJudges, filteredContestants, listCompetitions } from './queries.js';
import { addJudge, checkEligibility, registerContestant, removeContestant, removeJudge } from './registration.js';
import { importScheme, loadScheme, parseScheme, schemeTemplate } from './scheme.js';
import { addDelegation, addUnit, createCompetition, createEvent, updateCompetition, updateEvent } from './setup.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['skills'];
const created = z.object({ id: z.number() });
const MAX_SCHEME_BYTES = 2 * 1024 * 1024;

// Before validation: only the organiser learns what a set-up body should look like.
async function organiserOnly(request: FastifyRequest): Promise<void> {
  assertOrganiser(requireUser(request));
}

/** Set-up: competitions, delegations, units, events, contestants, judges and the marking scheme. */
export function skillsSetupRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const organiser = { preValidation: organiserOnly };

  r.get('/api/skills/competitions', {
    schema: { tags, summary: 'Skills competitions (organiser)', response: { 200: z.object({ items: z.array(competitionSchema) }), ...errors } },
    ...organiser,
    handler: async () => ({ items: await listCompetitions(db) }),
  });
  r.post('/api/skills/competitions', {
    schema: { tags, summary: 'Create a competition', body: competitionInputSchema, response: { 201: created, ...errors } },
    ...organiser,
    handler: async (request, reply) => reply.status(201).send({ id: await createCompetition({ db, user: requireUser(request), input: request.body }) }),
  });
  r.get('/api/skills/competitions/:id', {
    schema: { tags, summary: 'A competition with its delegations, units and events', params: idParamsSchema, response: { 200: competitionDetailSchema, ...errors } },
    ...organiser,
    handler: async (request) => competitionDetail(db, request.params.id),
  });
  r.put('/api/skills/competitions/:id', {
    schema: { tags, summary: 'Change a competition’s rules: limits, spread tolerance, release time, appeal window', params: idParamsSchema, body: competitionInputSchema, response: { 200: competitionDetailSchema, ...errors } },
    ...organiser,
    handler: async (request) => {
      await updateCompetition({ db, user: requireUser(request), id: request.params.id, input: request.body });
      return competitionDetail(db, request.params.id);
    },
  });
  r.post('/api/skills/competitions/:id/delegations', {
    schema: { tags, summary: 'Add a delegation (代表队) for a prefecture', params: idParamsSchema, body: delegationInputSchema, response: { 201: created, ...errors } },
    ...organiser,
    handler: async (request, reply) => reply.status(201).send({ id: await addDelegation({ db, user: requireUser(request), competitionId: request.params.id, input: request.body }) }),
  });
  r.post('/api/skills/competitions/:id/units', {
    schema: { tags, summary: 'Add a unit: a host unit, school or enterprise', params: idParamsSchema, body: unitInputSchema, response: { 201: created, ...errors } },
    ...organiser,
    handler: async (request, reply) => reply.status(201).send({ id: await addUnit({ db, user: requireUser(request), competitionId: request.params.id, input: request.body }) }),
  });
  r.post('/api/skills/competitions/:id/events', {
    schema: { tags, summary: 'Add an event (赛项) with its host unit and venue', params: idParamsSchema, body: eventInputSchema, response: { 201: created, ...errors } },
    ...organiser,
    handler: async (request, reply) => reply.status(201).send({ id: await createEvent({ db, user: requireUser(request), competitionId: request.params.id, input: request.body }) }),
  });
  r.get('/api/skills/events/:id', {
    schema: { tags, summary: 'One event', params: idParamsSchema, response: { 200: eventSchema, ...errors } },
    handler: async (request) => {
      await findEventInScope(db, requireUser(request), request.params.id);
      return eventDetail(db, request.params.id);
    },
  });
  r.put('/api/skills/events/:id', {
    schema: { tags, summary: 'Change an event', params: idParamsSchema, body: eventInputSchema, response: { 200: eventSchema, ...errors } },
    ...organiser,
    handler: async (request) => {
      await updateEvent({ db, user: requireUser(request), id: request.params.id, input: request.body });
      return eventDetail(db, request.params.id);
    },
  });

  r.get('/api/skills/events/:id/contestants', {
    schema: { tags, summary: 'An event’s contestants: search, filters, sort, a page at a time', params: idParamsSchema, querystring: contestantListQuerySchema, response: { 200: contestantPageSchema, ...errors } },
    ...organiser,
    handler: async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const [rows, total] = await Promise.all([
        filteredContestants(db, request.params.id, filter).limit(pageSize).offset((page - 1) * pageSize).execute(),
        countContestants(db, request.params.id, filter),
      ]);
      return { items: rows.map(presentContestant), total };
    },
  });
  r.get('/api/skills/events/:id/contestants.xlsx', {
    schema: { tags, summary: 'The filtered contestants as an Excel workbook', params: idParamsSchema, querystring: contestantFilterSchema, response: { 200: z.any().describe(XLSX_TYPE), ...errors } },
    ...organiser,
    handler: async (request, reply) => {
      const event = await eventDetail(db, request.params.id);
      const rows = await filteredContestants(db, event.id, request.query).limit(10_000).execute();
      return sendWorkbook(reply, await contestantWorkbook(rows.map(presentContestant)), `contestants-${event.code}.xlsx`, `${event.name}-选手名单.xlsx`);
    },
  });
  r.post('/api/skills/events/:id/contestants', {
    schema: { tags, summary: 'Register a contestant (at most the competition’s limit per unit)', params: idParamsSchema, body: contestantInputSchema, response: { 201: created, ...errors } },
    ...organiser,
    handler: async (request, reply) => reply.status(201).send({ id: await registerContestant({ db, user: requireUser(request), eventId: request.params.id, input: request.body }) }),
  });
  r.delete('/api/skills/contestants/:id', {
    schema: { tags, summary: 'Withdraw a contestant who has no marks', params: idParamsSchema, response: { 204: z.null(), ...errors } },
    ...organiser,
    handler: async (request, reply) => {
      await removeContestant({ db, user: requireUser(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  });
  r.post('/api/skills/events/:id/eligibility', {
    schema: { tags, summary: 'Run the eligibility check (category, age on the first day) over the event’s contestants', params: idParamsSchema, response: { 200: z.object({ eligible: z.number(), ineligible: z.number() }), ...errors } },
    ...organiser,
    handler: async (request) => checkEligibility({ db, user: requireUser(request), eventId: request.params.id }),
  });

  r.get('/api/skills/events/:id/judges', {
    schema: { tags, summary: 'An event’s judges and the units they come from', params: idParamsSchema, response: { 200: z.object({ items: z.array(judgeSchema) }), ...errors } },
    ...organiser,
    handler: async (request) => ({ items: (await eventJudges(db, request.params.id)).map(presentJudge) }),
  });
  r.post('/api/skills/events/:id/judges', {
    schema: { tags, summary: 'Add a judge (at most the competition’s limit per unit)', params: idParamsSchema, body: judgeInputSchema, response: { 201: created, ...errors } },
    ...organiser,
    handler: async (request, reply) => reply.status(201).send({ id: await addJudge({ db, user: requireUser(request), eventId: request.params.id, input: request.body }) }),
  });
  r.delete('/api/skills/judges/:id', {
    schema: { tags, summary: 'Remove a judge who has entered no marks', params: idParamsSchema, response: { 204: z.null(), ...errors } },
    ...organiser,
    handler: async (request, reply) => {
      await removeJudge({ db, user: requireUser(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  });

  r.get('/api/skills/events/:id/scheme', {
    schema: { tags, summary: 'The event’s marking scheme: modules and aspects (M/J) with their maxima', params: idParamsSchema, response: { 200: schemeSchema, ...errors } },
    handler: async (request) => {
      await findEventInScope(db, requireUser(request), request.params.id);
      return loadScheme(db, request.params.id);
    },
  });
  r.get('/api/skills/scheme-template.xlsx', {
    schema: { tags, summary: 'The marking-scheme template with example rows and a 说明 sheet', response: { 200: z.any().describe(XLSX_TYPE), ...errors } },
    ...organiser,
    handler: async (_request, reply) => sendWorkbook(reply, await schemeTemplate(), 'marking-scheme-template.xlsx', '评分标准模板.xlsx'),
  });

  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_SCHEME_BYTES, files: 1, fields: 2, parts: 3 } });
    scope.withTypeProvider<ZodTypeProvider>().post('/api/skills/events/:id/scheme', {
      schema: {
        tags,
        summary: 'Import the marking scheme from an .xlsx (multipart field “file”); checked whole, totals must be 100',
        consumes: ['multipart/form-data'],
        params: idParamsSchema,
        response: { 200: schemeSchema, 400: errorSchema.extend({ problems: z.array(schemeImportErrorSchema).optional() }), 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
      preValidation: organiserOnly,
      handler: async (request, reply) => {
        const badFile = () => new ValidationError('file', { zh: '请上传 .xlsx 格式的评分标准', en: 'Upload the marking scheme as an .xlsx file' }, 'bad_file');
        if (!request.isMultipart()) throw badFile();
        const part = await request.file().catch(() => {
          throw badFile();
        });
        if (!part || !/\.xlsx$/i.test(part.filename)) {
          part?.file.resume();
          throw badFile();
        }
        const buffer = await part.toBuffer().catch(() => {
          throw new ValidationError('file', { zh: '文件超过 2 MB', en: 'The file is larger than 2 MB' }, 'file_too_large');
        });
        const { aspects, problems } = await parseScheme(buffer);
        if (problems.length) {
          return reply.status(400).send({ error: { code: 'scheme_invalid', message: [`评分标准有 ${problems.length} 处问题,未导入:`, ...problems.slice(0, 20).map((p) => p.message)].join('\n'), field: 'file' }, problems });
        }
        await importScheme({ db, user: requireUser(request), eventId: request.params.id, aspects });
        return loadScheme(db, request.params.id);
      },
    });
  });
}
