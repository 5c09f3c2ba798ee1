import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/common.js';
import { LIVESTREAM_FIELD_LABELS } from '../../shared/livestream.js';
import {
  boardQuerySchema,
  boardSchema,
  flagListSchema,
  freezeSchema,
  importReportSchema,
  juryNoteSchema,
  manualOrderSchema,
  orderFilterSchema,
  orderListQuerySchema,
  orderPageSchema,
  publicBoardQuerySchema,
} from '../../shared/livestream-board.js';
import { requireUser } from '../auth/guard.js';
import { todayInShanghai } from '../clock.js';
import type { AppContext } from '../context.js';
import { AppError, ValidationError } from '../errors.js';
import { sendWorkbook, XLSX_TYPE } from '../http/excel.js';
import { presentedJson } from '../projects/serialize.js';
import { computeBoard, concentrationFlags } from './board.js';
import { freezeBoard, settleContest, unfreezeBoard } from './commands.js';
import { addJuryNote, enterOrder } from './contestant-commands.js';
import { boardWorkbook, orderWorkbook } from './export.js';
import { importOrders } from './import.js';
import { assertCanJudge, assertCanWriteJuryNotes, canJudgeContests, notFoundContest } from './policy.js';
import { presentOrder } from './presenter.js';
import { findContest, listOrders, sortedOrders } from './queries.js';
import { errors, managers, readers } from './routes.js';

const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const EXPORT_LIMIT = 50_000;
const xlsx = z.any().describe(XLSX_TYPE);

function badFile(): ValidationError {
  return new ValidationError('file', { zh: '请在 file 字段上传订单导出文件(.xlsx 或 .csv)', en: 'Upload the order export (.xlsx or .csv) in the field “file”' }, 'invalid_file');
}

async function receiveExport(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  if (!request.isMultipart()) throw badFile();
  const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }).catch((error: unknown) => {
    throw error instanceof AppError ? error : badFile();
  });
  if (!part || part.fieldname !== 'file' || !/\.(xlsx|csv)$/i.test(part.filename)) {
    part?.file.resume();
    throw badFile();
  }
  const bytes = await part.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(413, 'file_too_large', { zh: '文件超过 20 MB', en: 'The file is larger than 20 MB' }, 'file');
    throw badFile();
  });
  return { bytes, fileName: part.filename };
}

export function livestreamBoardRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const tags = ['livestream'];
  const base = '/api/livestream/contests/:id';

  async function contestOr404(id: number) {
    const contest = await findContest(db, id);
    if (!contest) throw notFoundContest();
    return contest;
  }

  /** The jury sees the live board and its flags; everyone else (contestants included) what the public sees. */
  async function board(request: FastifyRequest, id: number, q: { day?: string; view?: 'live' | 'public' }, publicOnly: boolean) {
    const contest = await contestOr404(id);
    const jury = !publicOnly && request.user !== null && canJudgeContests(request.user);
    const view = jury ? (q.view ?? 'live') : 'public';
    const flagged = jury ? new Set((await concentrationFlags(db, contest)).filter((f) => !f.notes.some((n) => n.decision === 'cleared')).map((f) => f.contestantId)) : undefined;
    return computeBoard(db, contest, { day: q.day, view, flagged });
  }

  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 2, parts: 3 } });
    scope.withTypeProvider<ZodTypeProvider>().post(`${base}/orders/import`, {
      schema: {
        tags,
        summary: 'Import a shop order export (.xlsx, or .csv in UTF-8 or GBK): checked whole, written all or nothing, idempotent per order line',
        params: idParamsSchema,
        consumes: ['multipart/form-data'],
        response: { 200: importReportSchema, 413: errors[400], ...errors },
      },
      config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
      preValidation: managers,
      handler: async (request) => {
        await contestOr404(request.params.id);
        const { bytes, fileName } = await receiveExport(request);
        return importOrders({ db, user: requireUser(request), contestId: request.params.id, bytes, fileName });
      },
    });
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(`${base}/orders`, {
    serializerCompiler: presentedJson,
    schema: { tags, summary: 'Order lines with why each counts or not; filter, sort, page (the board and the export carry the sums)', params: idParamsSchema, querystring: orderListQuerySchema, response: { 200: orderPageSchema, ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: readers,
    handler: async (request) => {
      await contestOr404(request.params.id);
      const { rows, total } = await listOrders(db, requireUser(request), request.params.id, request.query);
      return { items: rows.map(presentOrder), total };
    },
  });

  r.get(`${base}/orders/export.xlsx`, {
    schema: { tags, summary: 'The filtered order lines as an Excel workbook', params: idParamsSchema, querystring: orderFilterSchema, response: { 200: xlsx, ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: readers,
    handler: async (request, reply) => {
      await contestOr404(request.params.id);
      const rows = await sortedOrders(db, requireUser(request), request.params.id, request.query).limit(EXPORT_LIMIT).execute();
      return sendWorkbook(reply, await orderWorkbook(rows.map(presentOrder)), `livestream-orders-${request.params.id}.xlsx`, `直播大赛订单明细-${todayInShanghai()}.xlsx`);
    },
  });

  r.post(`${base}/orders`, {
    schema: { tags, summary: 'Enter an order line by hand (organisers); counted by the same rules as imported lines', params: idParamsSchema, body: manualOrderSchema, response: { 201: z.object({ id: z.number() }), ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: managers,
    handler: async (request, reply) => {
      const id = await enterOrder({ db, user: requireUser(request), contestId: request.params.id, input: request.body });
      return reply.status(201).send({ id });
    },
  });

  r.get(`${base}/board`, {
    serializerCompiler: presentedJson,
    schema: { tags, summary: 'Daily (day=) or overall board; the jury may ask for the live or the public view', params: idParamsSchema, querystring: boardQuerySchema, response: { 200: boardSchema, ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: readers,
    handler: async (request) => board(request, request.params.id, request.query, false),
  });

  r.get(`${base}/board/export.xlsx`, {
    schema: { tags, summary: 'The board as an Excel workbook, with its rule and state', params: idParamsSchema, querystring: boardQuerySchema, response: { 200: xlsx, ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: readers,
    handler: async (request, reply: FastifyReply) => {
      const b = await board(request, request.params.id, request.query, false);
      return sendWorkbook(reply, await boardWorkbook(b), `livestream-board-${request.params.id}.xlsx`, `直播大赛${b.day ? `日榜-${b.day}` : '总榜'}.xlsx`);
    },
  });

  r.get('/api/public/livestream/:id/board', {
    serializerCompiler: presentedJson,
    schema: { tags, summary: 'The public board, without signing in: frozen at the freeze time until settlement; no buyers, no flags', params: idParamsSchema, querystring: publicBoardQuerySchema, response: { 200: boardSchema, ...errors } },
    handler: async (request, reply) => {
      reply.header('cache-control', 'public, max-age=15');
      return board(request, request.params.id, request.query, true);
    },
  });

  r.post(`${base}/freeze`, {
    schema: { tags, summary: 'Freeze the public board at an order time (the jury keeps the live board)', params: idParamsSchema, body: freezeSchema, response: { 204: z.null(), ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: managers,
    handler: async (request, reply) => {
      await freezeBoard({ db, user: requireUser(request), id: request.params.id, from: request.body.from });
      return reply.status(204).send(null);
    },
  });

  r.post(`${base}/unfreeze`, {
    schema: { tags, summary: 'Unfreeze the public board (after settlement only)', params: idParamsSchema, response: { 204: z.null(), ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: managers,
    handler: async (request, reply) => {
      await unfreezeBoard({ db, user: requireUser(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  });

  r.post(`${base}/settle`, {
    schema: { tags, summary: 'Settle: the board becomes final (after the return window, with no refund pending)', params: idParamsSchema, response: { 204: z.null(), ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: managers,
    handler: async (request, reply) => {
      await settleContest({ db, user: requireUser(request), id: request.params.id });
      return reply.status(204).send(null);
    },
  });

  r.get(`${base}/flags`, {
    serializerCompiler: presentedJson,
    schema: { tags, summary: 'Buyer-concentration flags for the jury, with the jury’s notes', params: idParamsSchema, response: { 200: flagListSchema, ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: async (request) => assertCanJudge(requireUser(request)),
    handler: async (request) => {
      const contest = await contestOr404(request.params.id);
      return { thresholdPct: contest.concentration_pct, items: await concentrationFlags(db, contest) };
    },
  });

  r.post(`${base}/flags/notes`, {
    schema: { tags, summary: 'The jury’s note on a flag (keep watching, cleared, upheld)', params: idParamsSchema, body: juryNoteSchema, response: { 201: z.object({ id: z.number() }), ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: async (request) => assertCanWriteJuryNotes(requireUser(request)),
    handler: async (request, reply) => {
      await contestOr404(request.params.id);
      const id = await addJuryNote({ db, user: requireUser(request), contestId: request.params.id, input: request.body });
      return reply.status(201).send({ id });
    },
  });
}
