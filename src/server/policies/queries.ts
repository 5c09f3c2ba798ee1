import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { PolicyFilter, PolicyMatchQuery, PolicyRules } from '../../shared/policies.js';
import type { DB } from '../db/schema.js';
import { containsSearch } from '../db/search.js';
import { projectScope } from '../projects/policy.js';
import { projectMatches, sqlRules } from './conditions.js';
import { ensureEnterpriseMatches, scopedEnterpriseMatches } from './enterprise-matches.js';
import { policyScope } from './policy.js';

type Db = Kysely<DB>;

const SORTS = {
  updatedAt: sql`policies.updated_at`,
  validTo: sql`policies.valid_to`,
  validFrom: sql`policies.valid_from`,
  title: sql`policies.title`,
} as const;

/** In force on `today`; from and to are inclusive, a missing date is open. */
export function policyInForce(today: string) {
  return (eb: ExpressionBuilder<DB, 'policies'>): Expression<SqlBool> =>
    eb.and([
      eb.or([eb('policies.valid_from', 'is', null), eb('policies.valid_from', '<=', today)]),
      eb.or([eb('policies.valid_to', 'is', null), eb('policies.valid_to', '>=', today)]),
    ]);
}

export function policyFilter(user: CurrentUser, f: Partial<PolicyFilter>, today: string) {
  return (eb: ExpressionBuilder<DB, 'policies'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [policyScope(user, today)(eb)];
    if (f.q) all.push(containsSearch('policies.search_text', f.q) as Expression<SqlBool>);
    if (f.validity === 'valid') all.push(policyInForce(today)(eb));
    if (f.validity === 'expired') all.push(eb('policies.valid_to', '<', today));
    if (f.validity === 'upcoming') all.push(eb('policies.valid_from', '>', today));
    // The library holds hundreds of policies, not millions: a cluster is found inside the stored
    // rules as its JSON string, which cannot occur anywhere else in them (codes and enums are ASCII).
    if (f.cluster) all.push(sql<SqlBool>`${sql.ref('policies.rules_json')} like ${`%${JSON.stringify(f.cluster).replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
    return eb.and(all);
  };
}

export function sortedPolicies(db: Db, user: CurrentUser, f: PolicyFilter, today: string) {
  const direction = f.order === 'asc' ? sql`asc` : sql`desc`;
  const nulls = f.sort === 'validTo' || f.sort === 'validFrom' ? sql` nulls last` : sql``;
  return db
    .selectFrom('policies')
    .selectAll('policies')
    .where(policyFilter(user, f, today))
    .orderBy(sql`${SORTS[f.sort]} ${direction}${nulls}`)
    .orderBy('policies.id', 'desc');
}

export async function listPolicies(db: Db, user: CurrentUser, f: PolicyFilter & { page: number; pageSize: number }, today: string) {
  const [rows, count] = await Promise.all([
    sortedPolicies(db, user, f, today).limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute(),
    db.selectFrom('policies').where(policyFilter(user, f, today)).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function findVisiblePolicy(db: Db, user: CurrentUser, id: number, today: string) {
  return db.selectFrom('policies').selectAll().where('policies.id', '=', id).where(policyScope(user, today)).executeTakeFirst();
}

/** Every policy in force today; the library is small, so matching one subject checks them all. */
export function policiesInForce(db: Db, today: string) {
  return db.selectFrom('policies').selectAll().where(policyInForce(today)).orderBy('policies.valid_to', 'asc').orderBy('policies.id', 'asc').execute();
}

export function parseRules(json: string): PolicyRules {
  return JSON.parse(json) as PolicyRules;
}

/** The projects or enterprises a policy's rules admit, inside the caller's scope, a page at a time. */
export async function policyMatches(db: Db, user: CurrentUser, policyId: number, rules: PolicyRules, q: PolicyMatchQuery) {
  const widened = await sqlRules(db, rules);
  const offset = (q.page - 1) * q.pageSize;
  if (q.kind === 'projects') {
    const where = (eb: ExpressionBuilder<DB, 'projects'>) => eb.and([projectScope(user)(eb), projectMatches(widened)(eb)]);
    const [rows, count] = await Promise.all([
      db
        .selectFrom('projects')
        .select((eb) => [
          'projects.id', 'projects.name', 'projects.region_code', 'projects.stage', 'projects.investment_yuan', 'projects.cluster',
          eb.selectFrom('regions as r').select('r.name').whereRef('r.code', '=', 'projects.region_code').as('region_name'),
          eb.selectFrom('enterprises as e').select('e.size').whereRef('e.id', '=', 'projects.enterprise_id').as('size'),
        ])
        .where(where)
        // Newest first along the primary key: a page stops after its rows instead of sorting every match.
        .orderBy('projects.id', 'desc')
        .limit(q.pageSize)
        .offset(offset)
        .execute(),
      db.selectFrom('projects').where(where).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      total: Number(count.n),
      items: rows.map((r) => ({ id: r.id, name: r.name, regionCode: r.region_code, regionName: r.region_name ?? null, stage: r.stage, investmentYuan: Number(r.investment_yuan), cluster: r.cluster, size: r.size ?? null })),
    };
  }
  await ensureEnterpriseMatches(db, policyId, widened);
  const matches = scopedEnterpriseMatches(db, user, policyId);
  const [rows, count] = await Promise.all([
    matches
      .innerJoin('enterprises', 'enterprises.id', 'policy_enterprise_matches.enterprise_id')
      .select((eb) => [
        'enterprises.id', 'enterprises.name', 'enterprises.region_code', 'enterprises.size',
        eb.selectFrom('regions as r').select('r.name').whereRef('r.code', '=', 'enterprises.region_code').as('region_name'),
      ])
      .orderBy('policy_enterprise_matches.name', 'asc')
      .orderBy('policy_enterprise_matches.enterprise_id', 'asc')
      .limit(q.pageSize)
      .offset(offset)
      .execute(),
    matches.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    items: rows.map((r) => ({ id: r.id, name: r.name, regionCode: r.region_code, regionName: r.region_name ?? null, stage: null, investmentYuan: null, cluster: null, size: r.size })),
  };
}
