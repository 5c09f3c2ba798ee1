import type { Kysely } from 'kysely';
import { FACTOR_DEFAULT_BLOCKS, type PutFactorInput } from '../../shared/approvals.js';
import type { CurrentUser } from '../../shared/auth.js';
import type { FactorKind } from '../../shared/service-catalog.js';
import { nowIso, todayInShanghai } from '../clock.js';
import type { DB } from '../db/schema.js';
import { VersionConflictError } from '../errors.js';
import { settleProjectWrite } from './blocks.js';
import { assertDepartment, assertNotFuture, lockManagedProject } from './commands.js';
import { FACTOR_NOUN, notFoundFactor } from './policy.js';

const factorVersionConflict = () => new VersionConflictError(FACTOR_NOUN);

/**
 * Records or updates one factor of a project (one row per kind). Securing more than required is allowed
 * (a park may reserve headroom); the department answering for it defaults to the one service requests
 * of the same category go to (service_levels), so a shortfall has an owner from the start.
 */
export async function putFactor(options: { db: Kysely<DB>; user: CurrentUser; projectId: number; kind: FactorKind; input: PutFactorInput }): Promise<void> {
  const { db, user, projectId, kind, input } = options;
  assertNotFuture(input.securedOn, 'securedOn', { zh: '保障日期', en: 'The date secured' }, todayInShanghai());
  await db.transaction().execute(async (trx) => {
    await lockManagedProject(trx, user, projectId);
    if (input.departmentCode) await assertDepartment(trx, input.departmentCode, 'departmentCode');
    const row = await trx.selectFrom('project_factors').selectAll().where('project_id', '=', projectId).where('kind', '=', kind).executeTakeFirst();
    const now = nowIso();
    if (!row) {
      // A version names a row the caller read; if that row is gone, someone deleted it meanwhile.
      if (input.version !== undefined) throw factorVersionConflict();
      const level = await trx.selectFrom('service_levels').select('department_code').where('category', '=', kind).executeTakeFirst();
      const created = await trx
        .insertInto('project_factors')
        .values({
          project_id: projectId,
          kind,
          required_amount: input.requiredAmount,
          secured_amount: input.securedAmount,
          needed_by: input.neededBy ?? null,
          secured_on: input.securedOn ?? null,
          blocks_stage: input.blocksStage ?? FACTOR_DEFAULT_BLOCKS[kind],
          department_code: input.departmentCode !== undefined ? input.departmentCode : (level?.department_code ?? null),
          note: input.note ?? '',
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await settleProjectWrite(trx, projectId, { actor: user, action: 'factor.create', entity: 'project_factor', entityId: created.id, after: created });
      return;
    }
    if (input.version !== row.version) throw factorVersionConflict();
    const next = {
      required_amount: input.requiredAmount,
      secured_amount: input.securedAmount,
      needed_by: input.neededBy !== undefined ? input.neededBy : row.needed_by,
      secured_on: input.securedOn !== undefined ? input.securedOn : row.secured_on,
      blocks_stage: input.blocksStage ?? row.blocks_stage,
      department_code: input.departmentCode !== undefined ? input.departmentCode : row.department_code,
      note: input.note ?? row.note,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => (k.endsWith('_amount') ? Number(row[k]) !== next[k] : row[k] !== next[k]));
    if (changed.length === 0) return;
    const set = Object.fromEntries(changed.map((k) => [k, next[k]]));
    const result = await trx
      .updateTable('project_factors')
      .set({ ...set, version: row.version + 1, updated_at: now })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw factorVersionConflict();
    await settleProjectWrite(trx, projectId, { actor: user, action: 'factor.update', entity: 'project_factor', entityId: row.id, before: Object.fromEntries(changed.map((k) => [k, row[k]])), after: set });
  });
}

export async function deleteFactor(options: { db: Kysely<DB>; user: CurrentUser; projectId: number; kind: FactorKind }): Promise<void> {
  const { db, user, projectId, kind } = options;
  await db.transaction().execute(async (trx) => {
    await lockManagedProject(trx, user, projectId);
    const row = await trx.selectFrom('project_factors').selectAll().where('project_id', '=', projectId).where('kind', '=', kind).executeTakeFirst();
    if (!row) throw notFoundFactor();
    await trx.deleteFrom('project_factors').where('id', '=', row.id).execute();
    await settleProjectWrite(trx, projectId, { actor: user, action: 'factor.delete', entity: 'project_factor', entityId: row.id, before: row });
  });
}
