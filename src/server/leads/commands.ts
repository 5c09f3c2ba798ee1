import type { Kysely, Transaction } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreateLeadActivityInput, CreateLeadInput, LeadTransitionInput, TargetLeadInput, UpdateLeadInput } from '../../shared/leads.js';
import { refuseLeadMove, type LeadStatus } from '../../shared/lead-status.js';
import { recordAudit } from '../audit/record.js';
import { nodeTargets } from '../chains/targets.js';
import { nowIso, todayInShanghai } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ConflictError, ValidationError, VersionConflictError } from '../errors.js';
import { leadSearchText } from './search.js';
import { assertCanUseLeadRegion, assertCanWriteLeads, notFoundLead } from './policy.js';
import { leadColumns, type LeadColumns } from './references.js';
import { leadScope } from './policy.js';

type LeadRow = Awaited<ReturnType<typeof lockVisibleLead>>;

export const leadVersionConflict = () => new VersionConflictError({ zh: '线索', en: 'lead' });

/** The lead as stored, if the user may see it; 404 otherwise, exactly as if it did not exist. */
export async function lockVisibleLead(trx: Transaction<DB>, user: CurrentUser, id: number) {
  const row = await trx.selectFrom('leads').selectAll().where('id', '=', id).where(leadScope(user)).executeTakeFirst();
  if (!row) throw notFoundLead();
  return row;
}

/** Applies the changes only if nobody else wrote since `version` was read. */
export async function writeLeadIfUnchanged(trx: Transaction<DB>, id: number, version: number, changes: LeadColumns) {
  const set = { ...changes, version: version + 1, updated_at: nowIso() };
  const result = await trx.updateTable('leads').set(set).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw leadVersionConflict();
  return set;
}

async function assertNotDuplicate(trx: Transaction<DB>, enterpriseId: number | null | undefined, nodeId: number | null | undefined, except?: number) {
  if (!enterpriseId || !nodeId) return;
  let q = trx.selectFrom('leads').select('id').where('enterprise_id', '=', enterpriseId).where('node_id', '=', nodeId);
  if (except) q = q.where('id', '<>', except);
  const existing = await q.executeTakeFirst();
  if (existing) {
    throw new ConflictError({ zh: `该企业已是此环节的招商线索(编号 ${existing.id})`, en: `This enterprise is already a lead for this node (ID ${existing.id})` }, 'lead_exists', 'enterpriseId');
  }
}

/**
 * Records a ranked target as a lead. The score and explanation are recomputed here from the supply
 * graph, so a lead says why it was chosen in the server's words, not the caller's.
 */
export async function recordTargetAsLead(options: { db: Kysely<DB>; user: CurrentUser; input: TargetLeadInput }): Promise<number> {
  const { db, user, input } = options;
  assertCanWriteLeads(user);
  const regionCode = input.regionCode ?? (user.role === 'region' ? user.regionCodes[0] : null) ?? null;
  assertCanUseLeadRegion(user, regionCode);
  const { items } = await nodeTargets(db, input.nodeId, 'zh', { enterpriseId: input.enterpriseId });
  const target = items.find((t) => t.enterprise.id === input.enterpriseId);
  if (!target) {
    throw new ValidationError('enterpriseId', { zh: '该企业不是此环节的外地招商目标', en: 'That enterprise is not an outside target for this node' });
  }
  return db.transaction().execute(async (trx) => {
    const columns = await leadColumns(trx, user, { enterpriseId: input.enterpriseId, nodeId: input.nodeId, regionCode, source: 'gap_analysis', note: input.note ?? '' });
    await assertNotDuplicate(trx, input.enterpriseId, input.nodeId);
    return insertLead(trx, user, { ...columns, score: target.score, explanation: target.explanation, owner_id: user.id });
  });
}

async function insertLead(trx: Transaction<DB>, user: CurrentUser, columns: LeadColumns, isSample = false): Promise<number> {
  const now = nowIso();
  const row = await trx
    .insertInto('leads')
    .values({
      search_text: leadSearchText(String(columns.enterprise_name), String(columns.contact_name ?? '')),
      ...(columns as { enterprise_name: string; source: string }),
      status: 'new',
      is_sample: isSample ? 1 : 0,
      created_by: user.id,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(trx, { actor: user, action: 'lead.create', entity: 'lead', entityId: row.id, after: row });
  return row.id;
}

/** A lead from any source: a firm from the base or only its name, a referral naming its chain leader. */
export async function createLead(options: { db: Kysely<DB>; user: CurrentUser; input: CreateLeadInput; isSample?: boolean }): Promise<number> {
  const { db, user, input } = options;
  assertCanWriteLeads(user);
  const regionCode = input.regionCode !== undefined ? input.regionCode : user.role === 'region' ? (user.regionCodes[0] ?? null) : null;
  return db.transaction().execute(async (trx) => {
    const columns = await leadColumns(trx, user, { ...input, regionCode, ownerId: input.ownerId === undefined ? user.id : input.ownerId });
    await assertNotDuplicate(trx, columns.enterprise_id, columns.node_id);
    return insertLead(trx, user, columns, options.isSample);
  });
}

export async function updateLead(options: { db: Kysely<DB>; user: CurrentUser; id: number; input: UpdateLeadInput }): Promise<void> {
  const { db, user, id, input } = options;
  assertCanWriteLeads(user);
  await db.transaction().execute(async (trx) => {
    const row = await lockVisibleLead(trx, user, id);
    if (row.version !== input.version) throw leadVersionConflict();
    const { version: _version, ...fields } = input;
    const changes = await leadColumns(trx, user, fields, row);
    const enterpriseId = changes.enterprise_id !== undefined ? changes.enterprise_id : row.enterprise_id;
    const nodeId = changes.node_id !== undefined ? changes.node_id : row.node_id;
    await assertNotDuplicate(trx, enterpriseId, nodeId, id);
    const changed = (Object.keys(changes) as (keyof LeadColumns & keyof LeadRow)[]).filter((k) => changes[k] !== row[k]);
    if (changed.length === 0) return;
    await writeLeadIfUnchanged(trx, id, row.version, changes);
    const shown = changed.filter((k) => k !== 'search_text');
    await recordAudit(trx, {
      actor: user,
      action: 'lead.update',
      entity: 'lead',
      entityId: id,
      before: Object.fromEntries(shown.map((k) => [k, row[k]])),
      after: Object.fromEntries(shown.map((k) => [k, changes[k]])),
    });
  });
}

/** Moves a lead by the shared rules; the step lands in its activity log and the audit log together. */
export async function transitionLead(options: { db: Kysely<DB>; user: CurrentUser; id: number; input: LeadTransitionInput }): Promise<void> {
  const { db, user, id, input } = options;
  assertCanWriteLeads(user);
  await db.transaction().execute(async (trx) => {
    const row = await lockVisibleLead(trx, user, id);
    const from = row.status as LeadStatus;
    const refusal = refuseLeadMove({ from, to: input.to, lostFrom: row.lost_from, reason: input.reason });
    if (refusal) throw new ValidationError(refusal.field, refusal.message, refusal.code);
    if (row.version !== input.version) throw leadVersionConflict();
    const changes =
      input.to === 'lost'
        ? { status: 'lost', lost_from: from, lost_reason: input.reason!.trim() }
        : { status: input.to, lost_from: null, lost_reason: null };
    await writeLeadIfUnchanged(trx, id, row.version, changes);
    await trx
      .insertInto('lead_activities')
      .values({
        lead_id: id,
        kind: 'status',
        occurred_on: todayInShanghai(),
        summary: [input.reason, input.note].filter(Boolean).join(';'),
        from_status: from,
        to_status: input.to,
        user_id: user.id,
        created_at: nowIso(),
      })
      .execute();
    await recordAudit(trx, { actor: user, action: 'lead.transition', entity: 'lead', entityId: id, before: { status: from }, after: { ...changes, note: input.note ?? null } });
  });
}

export async function addLeadActivity(options: { db: Kysely<DB>; user: CurrentUser; id: number; input: CreateLeadActivityInput }): Promise<number> {
  const { db, user, id, input } = options;
  assertCanWriteLeads(user);
  const today = todayInShanghai();
  if (input.occurredOn > today) {
    throw new ValidationError('occurredOn', { zh: `发生日期不能晚于今天(${today})`, en: `The date cannot be after today (${today})` }, 'date_in_future');
  }
  return db.transaction().execute(async (trx) => {
    await lockVisibleLead(trx, user, id);
    const row = await trx
      .insertInto('lead_activities')
      .values({ lead_id: id, kind: input.kind, occurred_on: input.occurredOn, people: input.people ?? '', summary: input.summary, user_id: user.id, created_at: nowIso() })
      .returningAll()
      .executeTakeFirstOrThrow();
    // Recorded work counts as activity on the lead, but is not an edit: the version stays.
    await trx.updateTable('leads').set({ updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, { actor: user, action: 'lead.activity', entity: 'lead', entityId: id, after: row });
    return row.id;
  });
}
