import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import { refreshProjectDepartments } from '../projects/departments.js';
import { blockedMilestone, type BlockedMilestone, type BlockingApproval, type BlockingFactor } from '../../shared/project-blocks.js';
import type { ApprovalStatus, FactorKind } from '../../shared/service-catalog.js';
import type { AnyStage, Stage } from '../../shared/stages.js';
import { recordAudit, type AuditEntryInput } from '../audit/record.js';
import type { DB } from '../db/schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The English name of an item, from the templates (items carry only the Chinese name they were given). */
export function approvalNameEn(eb: ExpressionBuilder<DB, 'project_approvals'>) {
  return eb.selectFrom('approval_templates as t').select((e) => e.fn.max('t.name_en').as('n')).whereRef('t.name', '=', 'project_approvals.name').as('name_en');
}

/** Ids per `in (…)` list: an export's tens of thousands would pass both engines' limit on bound parameters. */
export const ID_SLICE = 1000;

/**
 * Each project's blocked milestone, for many projects in two queries (approvals, factors) per slice of
 * ids: the ledger page asks for its twenty rows at once, never one by one.
 */
export async function blockedByProject(db: Db, projects: readonly { id: number; stage: string }[]): Promise<Map<number, BlockedMilestone | null>> {
  const out = new Map<number, BlockedMilestone | null>();
  for (let i = 0; i < projects.length; i += ID_SLICE) {
    for (const [id, blocked] of await blockedSlice(db, projects.slice(i, i + ID_SLICE))) out.set(id, blocked);
  }
  return out;
}

async function blockedSlice(db: Db, projects: readonly { id: number; stage: string }[]): Promise<Map<number, BlockedMilestone | null>> {
  const out = new Map<number, BlockedMilestone | null>();
  const ids = projects.map((p) => p.id);
  const [approvals, factors] = await Promise.all([
    db
      .selectFrom('project_approvals')
      .select(['project_id', 'name', 'status', 'blocks_stage', 'seq', 'id'])
      .select(approvalNameEn)
      .where('project_id', 'in', ids)
      .where('status', 'not in', ['approved', 'not_required'])
      .orderBy('project_id')
      .orderBy('seq')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('project_factors')
      .select(['project_id', 'kind', 'required_amount', 'secured_amount', 'blocks_stage'])
      .where('project_id', 'in', ids)
      .whereRef('secured_amount', '<', 'required_amount')
      .orderBy('project_id')
      .orderBy('id')
      .execute(),
  ]);
  const approvalsOf = new Map<number, BlockingApproval[]>();
  for (const a of approvals) {
    const list = approvalsOf.get(a.project_id) ?? [];
    list.push({ name: a.name, nameEn: a.name_en ?? '', status: a.status as ApprovalStatus, blocksStage: a.blocks_stage as Stage });
    approvalsOf.set(a.project_id, list);
  }
  const factorsOf = new Map<number, BlockingFactor[]>();
  for (const f of factors) {
    const list = factorsOf.get(f.project_id) ?? [];
    list.push({ kind: f.kind as FactorKind, requiredAmount: Number(f.required_amount), securedAmount: Number(f.secured_amount), blocksStage: f.blocks_stage as Stage });
    factorsOf.set(f.project_id, list);
  }
  for (const p of projects) {
    out.set(p.id, blockedMilestone({ stage: p.stage as AnyStage, approvals: approvalsOf.get(p.id) ?? [], factors: factorsOf.get(p.id) ?? [] }));
  }
  return out;
}

/**
 * Recomputes the project's blocked stage inside the caller's transaction: every write to its approvals,
 * factors or stage calls this, so projects.blocked_stage never disagrees with the rule. It is derived,
 * not edited, so the project's version stays (an open edit form is not made stale by a permit).
 */
export async function refreshProjectBlock(trx: Transaction<DB>, projectId: number): Promise<BlockedMilestone | null> {
  const project = await trx.selectFrom('projects').select(['id', 'stage', 'blocked_stage']).where('id', '=', projectId).executeTakeFirstOrThrow();
  const blocked = (await blockedByProject(trx, [project])).get(projectId) ?? null;
  const stage = blocked?.stage ?? null;
  if (stage !== project.blocked_stage) await trx.updateTable('projects').set({ blocked_stage: stage }).where('id', '=', projectId).execute();
  return blocked;
}

/** Closes every approval or factor write: the project's blocked stage follows it, and the audit log records it. */
export async function settleProjectWrite(trx: Transaction<DB>, projectId: number, audit: AuditEntryInput): Promise<void> {
  await refreshProjectBlock(trx, projectId);
  await refreshProjectDepartments(trx, projectId);
  await recordAudit(trx, audit);
}
