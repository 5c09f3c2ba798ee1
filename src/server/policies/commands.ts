import type { Kysely, Transaction } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreatePolicyInput, PolicyRules, UpdatePolicyInput } from '../../shared/policies.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ValidationError, VersionConflictError } from '../errors.js';
import { assertCanWritePolicies, notFoundPolicy, POLICY_NOUN } from './policy.js';
import { parseRules } from './queries.js';
import { policySearchText } from './search.js';

interface PolicyState {
  title: string;
  issuer: string;
  doc_number: string;
  valid_from: string | null;
  valid_to: string | null;
  benefits: string;
  full_text: string;
  rules: PolicyRules;
}

/** Checks that span fields, on the policy as it will be stored (a PATCH may change one side only). */
async function assertConsistent(trx: Transaction<DB>, p: PolicyState): Promise<void> {
  if (p.valid_from && p.valid_to && p.valid_to < p.valid_from) {
    throw new ValidationError('validTo', { zh: '有效期截止日期不能早于起始日期', en: 'The end of validity cannot be before its start' });
  }
  const { minInvestmentYuan: min, maxInvestmentYuan: max, regionCodes, clusters } = p.rules;
  if (min !== undefined && max !== undefined && min > max) {
    throw new ValidationError('rules.maxInvestmentYuan', { zh: '投资额上限不能低于下限', en: 'The maximum investment cannot be below the minimum' });
  }
  if (regionCodes) {
    const known = await trx.selectFrom('regions').select('code').where('code', 'in', regionCodes).execute();
    if (known.length !== new Set(regionCodes).size) {
      throw new ValidationError('rules.regionCodes', { zh: '适用地区中有不存在的县市(园区)', en: 'A region in the rule does not exist' });
    }
  }
  if (clusters) {
    const known = await trx.selectFrom('clusters').select('name').where('name', 'in', clusters).execute();
    if (known.length !== new Set(clusters).size) {
      throw new ValidationError('rules.clusters', { zh: '适用产业集群中有不存在的集群', en: 'A cluster in the rule does not exist' });
    }
  }
}

function columns(p: PolicyState) {
  return {
    title: p.title,
    issuer: p.issuer,
    doc_number: p.doc_number,
    valid_from: p.valid_from,
    valid_to: p.valid_to,
    benefits: p.benefits,
    full_text: p.full_text,
    rules_json: JSON.stringify(p.rules),
    search_text: policySearchText(p.title, p.issuer, p.doc_number),
  };
}

export async function createPolicy(options: { db: Kysely<DB>; user: CurrentUser; input: CreatePolicyInput; isSample?: boolean }): Promise<number> {
  const { db, user, input } = options;
  assertCanWritePolicies(user);
  const state: PolicyState = {
    title: input.title,
    issuer: input.issuer ?? '',
    doc_number: input.docNumber ?? '',
    valid_from: input.validFrom ?? null,
    valid_to: input.validTo ?? null,
    benefits: input.benefits ?? '',
    full_text: input.fullText ?? '',
    rules: input.rules ?? {},
  };
  return db.transaction().execute(async (trx) => {
    await assertConsistent(trx, state);
    const now = nowIso();
    const row = await trx
      .insertInto('policies')
      .values({ ...columns(state), is_sample: options.isSample ? 1 : 0, created_by: user.id, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: user, action: 'policy.create', entity: 'policy', entityId: row.id, after: row });
    return row.id;
  });
}

export async function updatePolicy(options: { db: Kysely<DB>; user: CurrentUser; id: number; input: UpdatePolicyInput }): Promise<void> {
  const { db, user, id, input } = options;
  assertCanWritePolicies(user);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('policies').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFoundPolicy();
    const state: PolicyState = {
      title: input.title ?? before.title,
      issuer: input.issuer ?? before.issuer,
      doc_number: input.docNumber ?? before.doc_number,
      valid_from: input.validFrom !== undefined ? input.validFrom : before.valid_from,
      valid_to: input.validTo !== undefined ? input.validTo : before.valid_to,
      benefits: input.benefits ?? before.benefits,
      full_text: input.fullText ?? before.full_text,
      rules: input.rules ?? parseRules(before.rules_json),
    };
    await assertConsistent(trx, state);
    const set = { ...columns(state), version: input.version + 1, updated_at: nowIso() };
    const result = await trx.updateTable('policies').set(set).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new VersionConflictError(POLICY_NOUN);
    await recordAudit(trx, { actor: user, action: 'policy.update', entity: 'policy', entityId: id, before, after: set });
  });
}

export async function deletePolicy(options: { db: Kysely<DB>; user: CurrentUser; id: number; version: number }): Promise<void> {
  const { db, user, id, version } = options;
  assertCanWritePolicies(user);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('policies').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw notFoundPolicy();
    const result = await trx.deleteFrom('policies').where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(result.numDeletedRows) !== 1) throw new VersionConflictError(POLICY_NOUN);
    await recordAudit(trx, { actor: user, action: 'policy.delete', entity: 'policy', entityId: id, before });
  });
}
