import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../shared/common.js';
import {
  ambassadorSchema,
  awardSchema,
  contestantListSchema,
  contestantQuerySchema,
  contestantSchema,
  contestDetailSchema,
  contestListQuerySchema,
  contestPageSchema,
  createAmbassadorSchema,
  createAwardSchema,
  createContestantSchema,
  createContestSchema,
  createProductSchema,
  productSchema,
  publishedRules,
  reviewContestantSchema,
  updateContestantSchema,
  updateContestSchema,
  windowDays,
  LIVESTREAM_FIELD_LABELS,
} from '../../shared/livestream.js';
import { requireUser } from '../auth/guard.js';
import { todayInShanghai } from '../clock.js';
import type { AppContext } from '../context.js';
import { presentedJson } from '../projects/serialize.js';
import { createContest, updateContest } from './commands.js';
import { addContestItem, registerContestant, removeContestItem, reviewContestant, updateContestant, type ItemKind } from './contestant-commands.js';
import { assertCanManageContests, assertCanReadContests, assertCanRegister, canJudgeContests, canManageContests, notFoundContest, notFoundContestant } from './policy.js';
import { presentContest, presentContestant } from './presenter.js';
import { contestExtras, findContest, findVisibleContestant, listContestants, listContests } from './queries.js';
import { livestreamBoardRoutes } from './routes-board.js';

export const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

// Before validation: an account outside the contests is told 403, not how to fix a body it may not send.
export async function readers(request: FastifyRequest): Promise<void> {
  assertCanReadContests(requireUser(request));
}
export async function managers(request: FastifyRequest): Promise<void> {
  assertCanManageContests(requireUser(request));
}

export function livestreamRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['livestream'];
  const base = '/api/livestream/contests';

  async function detail(request: FastifyRequest, id: number) {
    const user = requireUser(request);
    const row = await findContest(db, id);
    if (!row) throw notFoundContest();
    const today = todayInShanghai();
    const [products, awards, ambassadors] = await contestExtras(db, id);
    const mine = user.role === 'contestant' ? (await listContestants(db, user, id))[0] : undefined;
    const contest = presentContest(row, today);
    return {
      ...contest,
      rules: publishedRules(contest),
      days: windowDays(row.window_start_on, row.window_end_on),
      products: products.map((p) => ({ id: p.id, productId: p.product_id, name: p.name })),
      awards: awards.map((a) => ({ id: a.id, name: a.name, kind: a.kind, places: a.places })),
      ambassadors: ambassadors.map((a) => ({ id: a.id, name: a.name, accountName: a.account_name, title: a.title })),
      canManage: canManageContests(user),
      canJudge: canJudgeContests(user),
      mine: mine ? presentContestant(mine) : null,
    };
  }

  r.get(base, {
    serializerCompiler: presentedJson,
    schema: { tags, summary: 'Livestream sales contests (直播大赛): search, sort, a page at a time', querystring: contestListQuerySchema, response: { 200: contestPageSchema, ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: readers,
    handler: async (request) => {
      const today = todayInShanghai();
      const { rows, total } = await listContests(db, request.query);
      return { items: rows.map((row) => presentContest(row, today)), total };
    },
  });

  r.post(base, {
    serializerCompiler: presentedJson,
    schema: { tags, summary: 'Set up a contest: window, registration period, refund window, flags threshold (organisers)', body: createContestSchema, response: { 201: contestDetailSchema, ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: managers,
    handler: async (request, reply) => {
      const id = await createContest({ db, user: requireUser(request), input: request.body });
      return reply.status(201).send(await detail(request, id));
    },
  });

  r.get(`${base}/:id`, {
    serializerCompiler: presentedJson,
    schema: { tags, summary: 'One contest with its published rules, products, awards, ambassadors and the caller’s own registration', params: idParamsSchema, response: { 200: contestDetailSchema, ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: readers,
    handler: async (request) => detail(request, request.params.id),
  });

  r.patch(`${base}/:id`, {
    serializerCompiler: presentedJson,
    schema: { tags, summary: 'Edit a contest (send the version you read); refused once settled', params: idParamsSchema, body: updateContestSchema, response: { 200: contestDetailSchema, ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: managers,
    handler: async (request) => {
      await updateContest({ db, user: requireUser(request), id: request.params.id, input: request.body });
      return detail(request, request.params.id);
    },
  });

  r.get(`${base}/:id/contestants`, {
    serializerCompiler: presentedJson,
    schema: { tags, summary: 'Contestants and registrations (a contestant sees its own)', params: idParamsSchema, querystring: contestantQuerySchema, response: { 200: contestantListSchema, ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: readers,
    handler: async (request) => {
      if (!(await findContest(db, request.params.id))) throw notFoundContest();
      const rows = await listContestants(db, requireUser(request), request.params.id, request.query);
      return { items: rows.map(presentContestant) };
    },
  });

  r.post(`${base}/:id/contestants`, {
    serializerCompiler: presentedJson,
    schema: { tags, summary: 'Register: an organiser enters an approved contestant; a contestant account registers itself for approval', params: idParamsSchema, body: createContestantSchema, response: { 201: contestantSchema, ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: async (request) => assertCanRegister(requireUser(request)),
    handler: async (request, reply) => {
      const user = requireUser(request);
      const id = await registerContestant({ db, user, contestId: request.params.id, input: request.body });
      const row = await findVisibleContestant(db, user, id);
      if (!row) throw notFoundContestant();
      return reply.status(201).send(presentContestant(row));
    },
  });

  const contestantPath = '/api/livestream/contestants/:id';
  r.patch(contestantPath, {
    serializerCompiler: presentedJson,
    schema: { tags, summary: 'Correct a contestant’s name or platform account (send the version you read)', params: idParamsSchema, body: updateContestantSchema, response: { 200: contestantSchema, ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: managers,
    handler: async (request) => {
      const user = requireUser(request);
      await updateContestant({ db, user, id: request.params.id, input: request.body });
      return presentContestant((await findVisibleContestant(db, user, request.params.id))!);
    },
  });

  r.post(`${contestantPath}/review`, {
    serializerCompiler: presentedJson,
    schema: { tags, summary: 'Approve or reject a registration; approval puts the account’s orders on the board', params: idParamsSchema, body: reviewContestantSchema, response: { 200: contestantSchema, ...errors } },
    config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
    preValidation: managers,
    handler: async (request) => {
      const user = requireUser(request);
      await reviewContestant({ db, user, id: request.params.id, input: request.body });
      return presentContestant((await findVisibleContestant(db, user, request.params.id))!);
    },
  });

  const items = [
    { kind: 'products', body: createProductSchema, item: productSchema, summary: 'products in scope (none listed: every product counts)' },
    { kind: 'awards', body: createAwardSchema, item: awardSchema, summary: 'award categories' },
    { kind: 'ambassadors', body: createAmbassadorSchema, item: ambassadorSchema, summary: 'ambassadors (推广大使)' },
  ] as const;
  for (const it of items) {
    r.post(`${base}/:id/${it.kind}`, {
      schema: { tags, summary: `Add to the contest’s ${it.summary}`, params: idParamsSchema, body: it.body, response: { 201: z.object({ id: z.number() }), ...errors } },
      config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
      preValidation: managers,
      handler: async (request, reply) => {
        const id = await addContestItem({ db, user: requireUser(request), contestId: request.params.id, kind: it.kind as ItemKind, input: request.body as never });
        return reply.status(201).send({ id });
      },
    });
    r.delete(`${base}/:id/${it.kind}/:itemId`, {
      schema: { tags, summary: `Remove one of the contest’s ${it.summary}`, params: idParamsSchema.extend({ itemId: z.coerce.number().int().positive().max(2_147_483_647) }), response: { 204: z.null(), ...errors } },
      config: { fieldLabels: LIVESTREAM_FIELD_LABELS },
      preValidation: managers,
      handler: async (request, reply) => {
        await removeContestItem({ db, user: requireUser(request), contestId: request.params.id, kind: it.kind, id: request.params.itemId });
        return reply.status(204).send(null);
      },
    });
  }

  livestreamBoardRoutes(app, ctx);
}
