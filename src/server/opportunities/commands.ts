import type { Kysely, Transaction } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreateOpportunityInput, UpdateOpportunityInput } from '../../shared/opportunities.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { DB, OpportunityTable } from '../db/schema.js';
import { ConflictError, ValidationError, VersionConflictError } from '../errors.js';
import { assertCanOfferIn, assertCanWriteOpportunities, notFoundOpportunity } from './policy.js';
import { findVisibleOpportunity } from './queries.js';

type Trx = Transaction<DB>;
type Row = { [K in keyof OpportunityTable]: unknown };

const versionConflict = () => new VersionConflictError({ zh: '投资项目', en: 'opportunity' });

/** The region must be a county or park; a node fixes the chain (a chain given with it must be the node's). */
async function resolvePlace(trx: Trx, input: { regionCode?: string | null; chainId?: number | null; nodeId?: number | null }) {
  if (input.regionCode) {
    const region = await trx.selectFrom('regions').select('kind').where('code', '=', input.regionCode).executeTakeFirst();
    if (!region || region.kind === 'prefecture') {
      throw new ValidationError('regionCode', { zh: '请选择一个县市或园区', en: 'Choose a county, city or park' }, 'invalid_region');
    }
  }
  let chainId = input.chainId ?? null;
  if (input.nodeId) {
    const node = await trx.selectFrom('chain_nodes').select('chain_id').where('id', '=', input.nodeId).executeTakeFirst();
    if (!node) throw new ValidationError('nodeId', { zh: '产业链环节不存在', en: 'No such chain node' });
    if (chainId !== null && chainId !== node.chain_id) {
      throw new ValidationError('nodeId', { zh: '该环节不属于所选产业链', en: 'That node is not on the chosen chain' }, 'node_chain_mismatch');
    }
    chainId = node.chain_id;
  } else if (chainId !== null) {
    const chain = await trx.selectFrom('chains').select('id').where('id', '=', chainId).executeTakeFirst();
    if (!chain) throw new ValidationError('chainId', { zh: '产业链不存在', en: 'No such chain' });
  }
  return chainId;
}

export async function createOpportunity(options: { db: Kysely<DB>; user: CurrentUser; input: CreateOpportunityInput; isSample?: boolean }): Promise<number> {
  const { db, user, input } = options;
  assertCanWriteOpportunities(user);
  const regionCode = input.regionCode ?? null;
  assertCanOfferIn(user, regionCode);
  return db.transaction().execute(async (trx) => {
    const chainId = await resolvePlace(trx, input);
    const now = nowIso();
    const row = await trx
      .insertInto('opportunities')
      .values({
        title: input.title,
        title_en: input.titleEn ?? '',
        summary: input.summary ?? '',
        summary_en: input.summaryEn ?? '',
        region_code: regionCode,
        chain_id: chainId,
        node_id: input.nodeId ?? null,
        investment_yuan: input.investmentYuan ?? null,
        land_mu: input.landMu ?? null,
        contact: input.contact ?? '',
        published: input.published ? 1 : 0,
        is_sample: options.isSample ? 1 : 0,
        version: 1,
        created_by: user.id,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: user, action: 'opportunity.create', entity: 'opportunity', entityId: row.id, after: row });
    return row.id;
  });
}

const FIELD_COLUMNS = {
  title: 'title',
  titleEn: 'title_en',
  summary: 'summary',
  summaryEn: 'summary_en',
  regionCode: 'region_code',
  chainId: 'chain_id',
  nodeId: 'node_id',
  investmentYuan: 'investment_yuan',
  landMu: 'land_mu',
  contact: 'contact',
} as const satisfies Partial<Record<keyof UpdateOpportunityInput, keyof OpportunityTable>>;

/** Writes `changes` only if nobody else wrote since `version` was read, and audits what changed. */
async function writeIfUnchanged(trx: Trx, options: { user: CurrentUser; id: number; version: number; before: Row; changes: Partial<Row>; action: string }) {
  const { user, id, version, before, changes, action } = options;
  const changed = Object.keys(changes).filter((k) => changes[k as keyof Row] !== before[k as keyof Row]);
  if (changed.length === 0) return;
  const result = await trx
    .updateTable('opportunities')
    .set({ ...(changes as object), version: version + 1, updated_at: nowIso() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw versionConflict();
  await recordAudit(trx, {
    actor: user,
    action,
    entity: 'opportunity',
    entityId: id,
    before: Object.fromEntries(changed.map((k) => [k, before[k as keyof Row]])),
    after: Object.fromEntries(changed.map((k) => [k, changes[k as keyof Row]])),
  });
}

/** Loads the offer inside the caller's scope for a write: 404 outside it, 409 on a stale version. */
async function loadForWrite(trx: Trx, user: CurrentUser, id: number, version: number) {
  const row = await findVisibleOpportunity(trx, user, id);
  if (!row) throw notFoundOpportunity();
  if (row.version !== version) throw versionConflict();
  return row;
}

export async function updateOpportunity(options: { db: Kysely<DB>; user: CurrentUser; id: number; input: UpdateOpportunityInput }): Promise<void> {
  const { db, user, id, input } = options;
  assertCanWriteOpportunities(user);
  await db.transaction().execute(async (trx) => {
    const row = await loadForWrite(trx, user, id, input.version);
    const changes: Partial<Row> = {};
    for (const [field, column] of Object.entries(FIELD_COLUMNS)) {
      const value = input[field as keyof typeof FIELD_COLUMNS];
      if (value !== undefined) changes[column] = value;
    }
    if (input.regionCode !== undefined && input.regionCode !== row.region_code) assertCanOfferIn(user, input.regionCode);
    if (input.regionCode !== undefined || input.chainId !== undefined || input.nodeId !== undefined) {
      // A new chain without a node drops the old node, which belonged to the old chain; a node names its chain.
      const nodeId = input.nodeId !== undefined ? input.nodeId : input.chainId !== undefined && input.chainId !== row.chain_id ? null : row.node_id;
      const chainId = input.chainId !== undefined ? input.chainId : nodeId ? null : row.chain_id;
      changes.node_id = nodeId;
      changes.chain_id = await resolvePlace(trx, { regionCode: input.regionCode, chainId, nodeId });
    }
    await writeIfUnchanged(trx, { user, id, version: row.version, before: row as Row, changes, action: 'opportunity.update' });
  });
}

export async function setOpportunityPublished(options: { db: Kysely<DB>; user: CurrentUser; id: number; version: number; published: boolean }): Promise<void> {
  const { db, user, id, version, published } = options;
  assertCanWriteOpportunities(user);
  await db.transaction().execute(async (trx) => {
    const row = await loadForWrite(trx, user, id, version);
    const action = published ? 'opportunity.publish' : 'opportunity.unpublish';
    await writeIfUnchanged(trx, { user, id, version, before: row as Row, changes: { published: published ? 1 : 0 }, action });
  });
}

/** An offer that investors have answered keeps its history: unpublish it instead (409). */
export async function deleteOpportunity(options: { db: Kysely<DB>; user: CurrentUser; id: number; version: number }): Promise<void> {
  const { db, user, id, version } = options;
  assertCanWriteOpportunities(user);
  await db.transaction().execute(async (trx) => {
    const row = await loadForWrite(trx, user, id, version);
    if (Number(row.interest_count ?? 0) > 0) {
      throw new ConflictError(
        { zh: '已有企业对该项目表达投资意向,不能删除,请改为下架', en: 'Investors have answered this opportunity; unpublish it instead of deleting it' },
        'opportunity_has_interests',
      );
    }
    await trx.deleteFrom('opportunities').where('id', '=', id).execute();
    const { interest_count: _count, region_name: _r, region_name_en: _re, chain_name: _c, node_name: _n, ...before } = row;
    await recordAudit(trx, { actor: user, action: 'opportunity.delete', entity: 'opportunity', entityId: id, before });
  });
}
