import type { Kysely, Transaction } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreateEnterpriseInput, UpdateEnterpriseInput } from '../../shared/enterprises.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { DB, EnterpriseRow } from '../db/schema.js';
import { ConflictError, ValidationError, VersionConflictError } from '../errors.js';
import { assertCanCreateEnterprises, assertCanEditEnterprise, assertCanSetLeaders, notFoundEnterprise } from './policy.js';
import { adjustNodeCounts } from './node-counts.js';
import { findVisibleEnterprise } from './queries.js';
import { enterpriseSearchText } from './search.js';

type Trx = Transaction<DB>;
type Placement = Pick<EnterpriseRow, 'is_local' | 'region_code' | 'province' | 'city'>;

/** A local enterprise sits in a county, city or park; an outside one names its province. */
async function checkPlacement(trx: Trx, p: Placement): Promise<void> {
  if (p.is_local === 1) {
    const region = p.region_code ? await trx.selectFrom('regions').select('kind').where('code', '=', p.region_code).executeTakeFirst() : undefined;
    if (!region || region.kind === 'prefecture') {
      throw new ValidationError('regionCode', { zh: '本地企业须选择所在县市或园区', en: 'A local enterprise needs its county, city or park' });
    }
  } else {
    if (p.region_code) throw new ValidationError('regionCode', { zh: '外地企业不属于州内县市(园区)', en: 'An outside enterprise has no region in the prefecture' });
    if (!p.province) throw new ValidationError('province', { zh: '请填写外地企业所在省份', en: 'Enter the province of an outside enterprise' });
  }
}

async function assertUsccFree(trx: Trx, uscc: string, exceptId?: number): Promise<void> {
  let q = trx.selectFrom('enterprises').select(['id', 'name']).where('uscc', '=', uscc);
  if (exceptId) q = q.where('id', '!=', exceptId);
  const existing = await q.executeTakeFirst();
  if (existing) {
    throw new ConflictError(
      { zh: `统一社会信用代码已被「${existing.name}」(编号 ${existing.id})使用`, en: `This credit code already belongs to ${existing.name} (ID ${existing.id})` },
      'duplicate_uscc',
      'uscc',
    );
  }
}

async function assertAllExist(trx: Trx, table: 'chain_nodes' | 'chains', ids: number[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = await trx.selectFrom(table).select('id').where('id', 'in', ids).execute();
  const missing = ids.find((id) => !found.some((f) => f.id === id));
  if (missing !== undefined) throw new ValidationError(field, { zh: `编号 ${missing} 不存在`, en: `ID ${missing} does not exist` });
}

async function replaceLinks(trx: Trx, enterpriseId: number, nodeIds?: number[], leadChainIds?: number[]): Promise<void> {
  if (nodeIds) {
    await trx.deleteFrom('enterprise_nodes').where('enterprise_id', '=', enterpriseId).execute();
    const unique = [...new Set(nodeIds)];
    if (unique.length) await trx.insertInto('enterprise_nodes').values(unique.map((node_id) => ({ enterprise_id: enterpriseId, node_id }))).execute();
  }
  if (leadChainIds) {
    await trx.deleteFrom('chain_leaders').where('enterprise_id', '=', enterpriseId).execute();
    const unique = [...new Set(leadChainIds)];
    if (unique.length) await trx.insertInto('chain_leaders').values(unique.map((chain_id) => ({ enterprise_id: enterpriseId, chain_id }))).execute();
  }
}

const versionConflict = () => new VersionConflictError({ zh: '企业', en: 'enterprise' });

export async function createEnterprise(options: { db: Kysely<DB>; user: CurrentUser; input: CreateEnterpriseInput; isSample?: boolean }): Promise<number> {
  const { db, user, input } = options;
  assertCanCreateEnterprises(user);
  if (input.leadChainIds?.length) assertCanSetLeaders(user);
  const placement: Placement = { is_local: input.isLocal ? 1 : 0, region_code: input.regionCode || null, province: input.province ?? '', city: input.city ?? '' };
  assertCanEditEnterprise(user, placement);
  return db.transaction().execute(async (trx) => {
    await checkPlacement(trx, placement);
    await assertUsccFree(trx, input.uscc);
    await assertAllExist(trx, 'chain_nodes', input.nodeIds ?? [], 'nodeIds');
    await assertAllExist(trx, 'chains', input.leadChainIds ?? [], 'leadChainIds');
    const now = nowIso();
    const row = await trx
      .insertInto('enterprises')
      .values({
        name: input.name,
        uscc: input.uscc,
        ...placement,
        size: input.size ?? null,
        contact_name: input.contactName ?? '',
        contact_phone: input.contactPhone ?? '',
        description: input.description ?? '',
        search_text: enterpriseSearchText(input.name, input.uscc),
        is_sample: options.isSample ? 1 : 0,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await replaceLinks(trx, row.id, input.nodeIds, input.leadChainIds);
    await adjustNodeCounts(trx, [row.id], 1);
    await recordAudit(trx, { actor: user, action: 'enterprise.create', entity: 'enterprise', entityId: row.id, after: { ...row, nodeIds: input.nodeIds ?? [], leadChainIds: input.leadChainIds ?? [] } });
    return row.id;
  });
}

export async function updateEnterprise(options: { db: Kysely<DB>; user: CurrentUser; id: number; input: UpdateEnterpriseInput }): Promise<void> {
  const { db, user, id, input } = options;
  assertCanCreateEnterprises(user);
  if (input.leadChainIds !== undefined) assertCanSetLeaders(user);
  await db.transaction().execute(async (trx) => {
    const row = await findVisibleEnterprise(trx, user, id);
    if (!row) throw notFoundEnterprise();
    assertCanEditEnterprise(user, row);
    if (row.version !== input.version) {
      throw versionConflict();
    }
    const isLocal = input.isLocal === undefined ? row.is_local : input.isLocal ? 1 : 0;
    const placement: Placement = {
      is_local: isLocal,
      // Moving an enterprise out of the prefecture clears its region unless a new one is given.
      region_code: input.regionCode !== undefined ? input.regionCode || null : isLocal ? row.region_code : null,
      province: input.province ?? row.province,
      city: input.city ?? row.city,
    };
    assertCanEditEnterprise(user, placement);
    await checkPlacement(trx, placement);
    const uscc = input.uscc ?? row.uscc;
    if (uscc !== row.uscc) await assertUsccFree(trx, uscc, id);
    await assertAllExist(trx, 'chain_nodes', input.nodeIds ?? [], 'nodeIds');
    await assertAllExist(trx, 'chains', input.leadChainIds ?? [], 'leadChainIds');
    const name = input.name ?? row.name;
    const changes = {
      name,
      uscc,
      ...placement,
      size: input.size === undefined ? row.size : input.size,
      contact_name: input.contactName ?? row.contact_name,
      contact_phone: input.contactPhone ?? row.contact_phone,
      description: input.description ?? row.description,
      search_text: enterpriseSearchText(name, uscc),
    };
    // Its nodes or placement may change below: its share of the node counts is taken out and put back.
    await adjustNodeCounts(trx, [id], -1);
    const result = await trx
      .updateTable('enterprises')
      .set({ ...changes, version: row.version + 1, updated_at: nowIso() })
      .where('id', '=', id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw versionConflict();
    }
    await replaceLinks(trx, id, input.nodeIds, input.leadChainIds);
    await adjustNodeCounts(trx, [id], 1);
    const changed = (Object.keys(changes) as (keyof typeof changes)[]).filter((k) => k !== 'search_text' && changes[k] !== row[k]);
    await recordAudit(trx, {
      actor: user,
      action: 'enterprise.update',
      entity: 'enterprise',
      entityId: id,
      before: Object.fromEntries(changed.map((k) => [k, row[k]])),
      after: { ...Object.fromEntries(changed.map((k) => [k, changes[k]])), nodeIds: input.nodeIds, leadChainIds: input.leadChainIds },
    });
  });
}
