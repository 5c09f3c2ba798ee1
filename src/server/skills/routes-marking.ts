import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../shared/common.js';
import {
  appealInputSchema,
  appealSchema,
  certificateCheckSchema,
  certificateCodeParamsSchema,
  juryInputSchema,
  markInputSchema,
  moderationInputSchema,
  moderationItemSchema,
  myEntrySchema,
  queueSchema,
  reasonSchema,
  resultsSchema,
  rulingInputSchema,
  sheetSchema,
} from '../../shared/skills.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../context.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import { sendWorkbook, XLSX_TYPE } from '../http/excel.js';
import { eventAppeals, fileAppeal, myEntries, ruleAppeal } from './appeals.js';
import { certificatePdf } from './certificate-pdf.js';
import { resultWorkbook } from './export.js';
import { judgeQueue, markSheet, moderate, moderationList, signOffModule, unlockModule, writeMark } from './marking.js';
import { assertOrganiser, isOrganiser } from './policy.js';
import { eventResults, issueCertificates, setJuryRank, verifyCertificate } from './results.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const tags = ['skills'];
const ok = z.object({ ok: z.literal(true) });

async function organiserOnly(request: FastifyRequest): Promise<void> {
  assertOrganiser(requireUser(request));
}

/** Marking, moderation, sign-off, results, appeals and certificates, and the public certificate check. */
export function skillsMarkingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/skills/mark/queue', {
    schema: { tags, summary: 'The signed-in judge’s events and contestants by blind code (never their own unit’s)', response: { 200: queueSchema, ...errors } },
    handler: async (request) => judgeQueue(db, requireUser(request)),
  });
  r.get('/api/skills/mark/contestants/:id', {
    schema: { tags, summary: 'The judge’s own marks for one contestant (refused and logged for their own unit)', params: idParamsSchema, response: { 200: sheetSchema, ...errors } },
    handler: async (request) => markSheet(db, requireUser(request), request.params.id),
  });
  r.put('/api/skills/marks', {
    schema: { tags, summary: 'Enter or change a mark: J 0–3, M in hundredths up to the aspect’s maximum', body: markInputSchema, response: { 200: ok, ...errors } },
    handler: async (request) => {
      await writeMark({ db, user: requireUser(request), input: request.body });
      return { ok: true as const };
    },
  });
  r.get('/api/skills/events/:id/moderation', {
    schema: { tags, summary: 'Aspects whose judges’ spread exceeds the tolerance (chief judge, organiser)', params: idParamsSchema, response: { 200: z.object({ items: z.array(moderationItemSchema) }), ...errors } },
    handler: async (request) => ({ items: await moderationList(db, requireUser(request), request.params.id) }),
  });
  r.post('/api/skills/moderations', {
    schema: { tags, summary: 'Moderate an aspect (mean, median, one judge’s score or a re-mark) with a reason; raw marks kept', body: moderationInputSchema, response: { 200: ok, ...errors } },
    handler: async (request) => {
      await moderate({ db, user: requireUser(request), input: request.body });
      return { ok: true as const };
    },
  });
  r.post('/api/skills/modules/:id/sign-off', {
    schema: { tags, summary: 'Sign a module off and lock its marks (chief judge, organiser)', params: idParamsSchema, response: { 200: ok, ...errors } },
    handler: async (request) => {
      await signOffModule({ db, user: requireUser(request), moduleId: request.params.id });
      return { ok: true as const };
    },
  });
  r.post('/api/skills/modules/:id/unlock', {
    schema: { tags, summary: 'Unlock a signed-off module; the reason goes to the audit log', params: idParamsSchema, body: reasonSchema, response: { 200: ok, ...errors } },
    handler: async (request) => {
      await unlockModule({ db, user: requireUser(request), moduleId: request.params.id, reason: request.body.reason });
      return { ok: true as const };
    },
  });

  r.get('/api/skills/events/:id/results', {
    schema: { tags, summary: 'The ranking with its tie-breaks and the qualification cut (others than the organiser after release only)', params: idParamsSchema, response: { 200: resultsSchema, ...errors } },
    handler: async (request) => eventResults(db, requireUser(request), request.params.id),
  });
  r.get('/api/skills/events/:id/results.xlsx', {
    schema: { tags, summary: 'The ranking as an Excel workbook', params: idParamsSchema, response: { 200: z.any().describe(XLSX_TYPE), ...errors } },
    handler: async (request, reply) => {
      const results = await eventResults(db, requireUser(request), request.params.id);
      return sendWorkbook(reply, await resultWorkbook(results.rows, results.tieOrder), `results-${request.params.id}.xlsx`, `成绩排名-${request.params.id}.xlsx`);
    },
  });
  r.put('/api/skills/contestants/:id/jury', {
    schema: { tags, summary: 'Record the jury’s decision between tied contestants (lower ranks first)', params: idParamsSchema, body: juryInputSchema, response: { 200: ok, ...errors } },
    preValidation: organiserOnly,
    handler: async (request) => {
      await setJuryRank({ db, user: requireUser(request), contestantId: request.params.id, ...request.body });
      return { ok: true as const };
    },
  });
  r.post('/api/skills/events/:id/certificates', {
    schema: { tags, summary: 'Issue certificates once results are released, signed off and the appeal window closed', params: idParamsSchema, response: { 200: z.object({ issued: z.number() }), ...errors } },
    preValidation: organiserOnly,
    handler: async (request) => issueCertificates({ db, user: requireUser(request), eventId: request.params.id }),
  });
  r.get('/api/skills/certificates/:code/pdf', {
    schema: { tags, summary: 'A certificate as a PDF (the organiser, or the contestant it names)', params: certificateCodeParamsSchema, response: { 200: z.any().describe('application/pdf'), ...errors } },
    handler: async (request, reply) => {
      const user = requireUser(request);
      const found = await verifyCertificate(db, request.params.code);
      if (!found || (!isOrganiser(user) && found.userId !== user.id)) throw new NotFoundError({ zh: '证书', en: 'Certificate' });
      const origin = `${request.protocol}://${request.host}`;
      const pdf = await certificatePdf({ ...found.check, site: found.site }, `${origin}/verify/${found.check.code}`);
      return sendWorkbook(reply, pdf, `certificate-${found.check.code}.pdf`, `证书-${found.check.code}.pdf`, 'application/pdf');
    },
  });

  r.get('/api/skills/me', {
    schema: { tags, summary: 'The signed-in contestant’s registrations, results after release, appeals and certificates', response: { 200: z.object({ items: z.array(myEntrySchema) }), ...errors } },
    handler: async (request) => {
      const user = requireUser(request);
      if (user.role !== 'contestant') throw new ForbiddenError();
      return { items: await myEntries(db, user) };
    },
  });
  r.post('/api/skills/appeals', {
    schema: { tags, summary: 'A contestant’s written appeal within the window after release', body: appealInputSchema, response: { 201: z.object({ id: z.number() }), ...errors } },
    handler: async (request, reply) => reply.status(201).send({ id: await fileAppeal({ db, user: requireUser(request), ...request.body }) }),
  });
  r.get('/api/skills/events/:id/appeals', {
    schema: { tags, summary: 'An event’s appeals (organiser)', params: idParamsSchema, response: { 200: z.object({ items: z.array(appealSchema) }), ...errors } },
    preValidation: organiserOnly,
    handler: async (request) => ({ items: await eventAppeals(db, requireUser(request), request.params.id) }),
  });
  r.post('/api/skills/appeals/:id/ruling', {
    schema: { tags, summary: 'The arbitration’s final ruling on an appeal', params: idParamsSchema, body: rulingInputSchema, response: { 200: ok, ...errors } },
    preValidation: organiserOnly,
    handler: async (request) => {
      await ruleAppeal({ db, user: requireUser(request), id: request.params.id, ...request.body });
      return { ok: true as const };
    },
  });

  r.get('/api/public/certificates/:code', {
    schema: { tags, summary: 'Check a certificate’s verification code (public, no sign-in)', params: certificateCodeParamsSchema, response: { 200: certificateCheckSchema, ...errors } },
    handler: async (request) => {
      const found = await verifyCertificate(db, request.params.code);
      if (!found) throw new NotFoundError({ zh: '该验证码对应的证书', en: 'A certificate with this code' });
      return found.check;
    },
  });
}
