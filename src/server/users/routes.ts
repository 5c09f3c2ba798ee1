import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorSchema, idParamsSchema } from '../../shared/common.js';
import { createUserBodySchema, resetPasswordBodySchema, updateUserBodySchema, userAccountSchema, userListQuerySchema, userPageSchema } from '../../shared/users.js';
import { z } from 'zod';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { createUserAccount, resetUserPassword, updateUserAccount } from './commands.js';
import { adminsOnly, USER_NOUN } from './policy.js';
import { findAccount, listAccounts } from './queries.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

/** 用户管理: the admin's list of accounts, and creating, changing, disabling and resetting them. */
export function userRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, config } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  const load = async (id: number) => {
    const account = await findAccount(db, id);
    if (!account) throw new NotFoundError(USER_NOUN);
    return account;
  };

  r.get('/api/users', {
    schema: { tags, summary: 'Accounts (admins only)', querystring: userListQuerySchema, response: { 200: userPageSchema, ...errors } },
    preValidation: adminsOnly,
    handler: async (request) => listAccounts(db, request.query),
  });
  r.get('/api/users/:id', {
    schema: { tags, summary: 'One account (admins only)', params: idParamsSchema, response: { 200: userAccountSchema, ...errors } },
    preValidation: adminsOnly,
    handler: async (request) => load(request.params.id),
  });
  r.post('/api/users', {
    schema: { tags, summary: 'Create an account with its role and scope (admins only)', body: createUserBodySchema, response: { 201: userAccountSchema, ...errors } },
    preValidation: adminsOnly,
    handler: async (request, reply) => {
      const id = await createUserAccount({ db, config, actor: requireUser(request), input: request.body });
      return reply.status(201).send(await load(id));
    },
  });
  r.patch('/api/users/:id', {
    schema: { tags, summary: 'Change name, role and scope, or disable/enable (admins only)', params: idParamsSchema, body: updateUserBodySchema, response: { 200: userAccountSchema, ...errors } },
    preValidation: adminsOnly,
    handler: async (request) => {
      await updateUserAccount({ db, actor: requireUser(request), id: request.params.id, input: request.body });
      return load(request.params.id);
    },
  });
  r.post('/api/users/:id/password', {
    schema: { tags, summary: 'Set a new password for a user; their sessions end (admins only)', params: idParamsSchema, body: resetPasswordBodySchema, response: { 204: z.null(), ...errors } },
    preValidation: adminsOnly,
    handler: async (request, reply) => {
      await resetUserPassword({ db, config, actor: requireUser(request), id: request.params.id, password: request.body.password });
      return reply.status(204).send(null);
    },
  });
}
