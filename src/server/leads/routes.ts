import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { errorSchema } from '../../shared/common.js';
import { createLeadSchema, leadListQuerySchema, leadPageSchema, leadSchema, type Lead, type LeadListQuery } from '../../shared/leads.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../context.js';
import type { DB } from '../db/schema.js';
import { containsSearch } from '../db/search.js';
import { recordTargetAsLead } from './commands.js';
import { assertCanReadLeads, assertCanRecordLeads, leadScope } from './policy.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

function leadsQuery(db: Kysely<DB>, user: CurrentUser, q?: string) {
  let query = db
    .selectFrom('leads')
    .innerJoin('enterprises as e', 'e.id', 'leads.enterprise_id')
    .innerJoin('chain_nodes as n', 'n.id', 'leads.node_id')
    .innerJoin('chains as c', 'c.id', 'n.chain_id')
    .leftJoin('regions as r', 'r.code', 'leads.region_code')
    .leftJoin('users as u', 'u.id', 'leads.created_by')
    .where(leadScope(user));
  if (q) query = query.where(containsSearch('e.search_text', q));
  return query;
}

async function listLeads(db: Kysely<DB>, user: CurrentUser, query: LeadListQuery & { id?: number }) {
  let base = leadsQuery(db, user, query.q);
  if (query.id) base = base.where('leads.id', '=', query.id);
  const [rows, count] = await Promise.all([
    base
      .selectAll('leads')
      .select(['leads.enterprise_name', 'n.name as node_name', 'c.id as chain_id', 'c.name as chain_name', 'r.name as region_name', 'u.display_name as creator'])
      .orderBy('leads.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const items: Lead[] = rows.map((row) => ({
    id: row.id,
    enterprise: { id: row.enterprise_id!, name: row.enterprise_name },
    node: { id: row.node_id!, name: row.node_name },
    chain: { id: row.chain_id, name: row.chain_name },
    regionCode: row.region_code,
    regionName: row.region_name,
    status: row.status as Lead['status'],
    source: row.source as Lead['source'],
    note: row.note,
    score: row.score === null ? null : Number(row.score),
    explanation: row.explanation,
    createdBy: row.creator,
    createdAt: row.created_at,
  }));
  return { items, total: Number(count.n) };
}

export function leadRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/leads', {
    schema: { tags: ['leads'], summary: 'Investment leads in the caller’s scope', querystring: leadListQuerySchema, response: { 200: leadPageSchema, ...errors } },
    handler: async (request) => {
      const user = requireUser(request);
      assertCanReadLeads(user);
      return listLeads(db, user, request.query);
    },
  });
  r.post('/api/leads', {
    schema: { tags: ['leads'], summary: 'Record a ranked target as a lead', body: createLeadSchema, response: { 201: leadSchema, ...errors } },
    preValidation: async (request: FastifyRequest) => assertCanRecordLeads(requireUser(request)),
    handler: async (request, reply) => {
      const user = requireUser(request);
      const id = await recordTargetAsLead({ db, user, input: request.body });
      const { items } = await listLeads(db, user, { page: 1, pageSize: 1, id });
      return reply.status(201).send(items[0]);
    },
  });
}
