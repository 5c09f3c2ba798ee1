import type { Kysely, Transaction } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreateProjectInput, PlannedDates, TransitionInput, UpdateProjectInput } from '../../shared/projects.js';
import { fieldLabel } from '../../shared/labels.js';
import { recordAudit } from '../audit/record.js';
import { nowIso, todayInShanghai } from '../clock.js';
import type { DB, ProjectRow } from '../db/schema.js';
import { ValidationError, VersionConflictError } from '../errors.js';
import { nextPlannedOn, planTransition } from './lifecycle.js';
import type { ProjectWithRegion } from './presenter.js';
import { assertCanUseRegion, assertCanWriteProjects, notFoundProject } from './policy.js';
import { findVisibleProject } from './queries.js';
import { projectSearchText } from './search.js';
import { copyProjectFacts } from './departments.js';
import { refreshProjectBlock } from '../approvals/blocks.js';

type Db = Kysely<DB> | Transaction<DB>;
const PLANNED = ['signed', 'landed', 'started', 'operating', 'full_capacity'] as const;
type PlannedColumns = Pick<ProjectRow, `planned_${(typeof PLANNED)[number]}_on`>;

/** The investor and node a project points to must exist; a dangling id is the caller's mistake (400). */
async function assertReferences(db: Db, input: { enterpriseId?: number | null; nodeId?: number | null }): Promise<void> {
  if (input.enterpriseId) {
    const found = await db.selectFrom('enterprises').select('id').where('id', '=', input.enterpriseId).executeTakeFirst();
    if (!found) throw new ValidationError('enterpriseId', { zh: '投资企业不在企业库中', en: 'No such enterprise in the enterprise base' });
  }
  if (input.nodeId) {
    const found = await db.selectFrom('chain_nodes').select('id').where('id', '=', input.nodeId).executeTakeFirst();
    if (!found) throw new ValidationError('nodeId', { zh: '产业链环节不存在', en: 'No such chain node' });
  }
}

async function assertProjectRegion(db: Db, user: CurrentUser, code: string): Promise<void> {
  const region = await db.selectFrom('regions').select('kind').where('code', '=', code).executeTakeFirst();
  if (!region || region.kind === 'prefecture') {
    throw new ValidationError('regionCode', { zh: '请选择一个县市或园区', en: 'Choose a county, city or park' }, 'invalid_region');
  }
  assertCanUseRegion(user, code);
}

function plannedColumns(dates: PlannedDates | undefined, base?: PlannedColumns): PlannedColumns {
  const out = {} as PlannedColumns;
  for (const s of PLANNED) {
    const given = dates?.[s];
    out[`planned_${s}_on`] = given === undefined ? (base?.[`planned_${s}_on`] ?? null) : given;
  }
  // A plan that lands before it signs is a typo, not a plan.
  let previous: { stage: (typeof PLANNED)[number]; date: string } | null = null;
  for (const s of PLANNED) {
    const date = out[`planned_${s}_on`];
    if (!date) continue;
    if (previous && date < previous.date) {
      const field = `plannedDates.${s}`;
      throw new ValidationError(field, {
        zh: `${fieldLabel(field, 'zh')}不能早于${fieldLabel(`plannedDates.${previous.stage}`, 'zh')}(${previous.date})`,
        en: `${fieldLabel(field, 'en')} cannot be before ${fieldLabel(`plannedDates.${previous.stage}`, 'en')} (${previous.date})`,
      }, 'planned_dates_out_of_order');
    }
    previous = { stage: s, date };
  }
  return out;
}

const bit = (b: boolean | undefined) => (b ? 1 : 0);

export async function createProject(options: { db: Kysely<DB>; user: CurrentUser; input: CreateProjectInput; isSample?: boolean }): Promise<number> {
  assertCanWriteProjects(options.user);
  return options.db.transaction().execute((trx) => insertProject(trx, options));
}

/**
 * Everything creating a project does, inside a transaction the caller owns: signing a lead creates its
 * project in the same transaction as it claims the lead. `leadId` links the project back to that lead.
 */
export async function insertProject(trx: Transaction<DB>, options: { user: CurrentUser; input: CreateProjectInput; isSample?: boolean; leadId?: number }): Promise<number> {
  const { user, input } = options;
  assertCanWriteProjects(user);
  const today = todayInShanghai();
  const stage = input.stage ?? 'negotiating';
  const stageDate = input.stageDate ?? today;
  if (stageDate > today) {
    throw new ValidationError('stageDate', { zh: `阶段日期不能晚于今天(${today})`, en: `The stage date cannot be after today (${today})` }, 'date_in_future');
  }
  const planned = plannedColumns(input.plannedDates);
  await assertProjectRegion(trx, user, input.regionCode);
  await assertReferences(trx, input);
  const now = nowIso();
  const row = await trx
    .insertInto('projects')
    .values({
      name: input.name,
      investor_name: input.investorName,
      investor_uscc: input.investorUscc ?? null,
      region_code: input.regionCode,
      cluster: input.cluster ?? '',
      chain: input.chain ?? '',
      investment_yuan: input.investmentYuan,
      funds_in_place_yuan: input.fundsInPlaceYuan ?? 0,
      capacity: input.capacity ?? '',
      description: input.description ?? '',
      chain_leader: input.chainLeader ?? '',
      officer: input.officer ?? '',
      tag_green: bit(input.tagGreen),
      tag_innovation: bit(input.tagInnovation),
      tag_value: bit(input.tagValue),
      stage,
      stage_date: stageDate,
      negotiating_on: stage === 'negotiating' ? stageDate : null,
      signed_on: stage === 'signed' ? stageDate : null,
      ...planned,
      next_planned_on: nextPlannedOn(stage, planned),
      enterprise_id: input.enterpriseId ?? null,
      node_id: input.nodeId ?? null,
      lead_id: options.leadId ?? null,
      is_sample: bit(options.isSample),
      search_text: projectSearchText(input.name, input.investorName),
      version: 1,
      created_by: user.id,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('project_transitions')
    .values({ project_id: row.id, kind: 'create', from_stage: null, to_stage: stage, date: stageDate, note: null, reason: null, user_id: user.id, created_at: now })
    .execute();
  await recordAudit(trx, { actor: user, action: 'project.create', entity: 'project', entityId: row.id, after: row });
  return row.id;
}

const FIELD_COLUMNS = {
  name: 'name',
  investorName: 'investor_name',
  investorUscc: 'investor_uscc',
  regionCode: 'region_code',
  cluster: 'cluster',
  chain: 'chain',
  investmentYuan: 'investment_yuan',
  fundsInPlaceYuan: 'funds_in_place_yuan',
  capacity: 'capacity',
  description: 'description',
  chainLeader: 'chain_leader',
  officer: 'officer',
  enterpriseId: 'enterprise_id',
  nodeId: 'node_id',
} as const satisfies Partial<Record<keyof UpdateProjectInput, keyof ProjectRow>>;
const TAG_COLUMNS = { tagGreen: 'tag_green', tagInnovation: 'tag_innovation', tagValue: 'tag_value' } as const;

const versionConflict = () => new VersionConflictError({ zh: '项目', en: 'project' });

/** Applies the row's changes only if nobody else wrote since `version` was read; returns what it set. */
async function writeIfUnchanged(trx: Transaction<DB>, id: number, version: number, changes: Partial<ProjectRow>): Promise<Partial<ProjectRow>> {
  const set = { ...changes, version: version + 1, updated_at: nowIso() };
  const result = await trx.updateTable('projects').set(set).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw versionConflict();
  await copyProjectFacts(trx, id);
  return set;
}

export async function updateProject(options: { db: Kysely<DB>; user: CurrentUser; id: number; input: UpdateProjectInput }): Promise<void> {
  const { db, user, id, input } = options;
  assertCanWriteProjects(user);
  await db.transaction().execute(async (trx) => {
    const row = await findVisibleProject(trx, user, id);
    if (!row) throw notFoundProject();
    if (row.version !== input.version) throw versionConflict();
    const changes: Partial<ProjectRow> = {};
    for (const [field, column] of Object.entries(FIELD_COLUMNS)) {
      const value = input[field as keyof typeof FIELD_COLUMNS];
      if (value !== undefined) (changes as Record<string, unknown>)[column] = value;
    }
    for (const [field, column] of Object.entries(TAG_COLUMNS)) {
      const value = input[field as keyof typeof TAG_COLUMNS];
      if (value !== undefined) changes[column] = bit(value);
    }
    if (input.name !== undefined || input.investorName !== undefined) {
      changes.search_text = projectSearchText(input.name ?? row.name, input.investorName ?? row.investor_name);
    }
    if (input.regionCode !== undefined && input.regionCode !== row.region_code) await assertProjectRegion(trx, user, input.regionCode);
    await assertReferences(trx, input);
    if (input.plannedDates) {
      const planned = plannedColumns(input.plannedDates, row);
      Object.assign(changes, planned, { next_planned_on: nextPlannedOn(row.stage as never, planned) });
    }
    const changed = Object.keys(changes).filter((k) => changes[k as keyof ProjectRow] !== row[k as keyof ProjectRow]);
    if (changed.length === 0) return;
    await writeIfUnchanged(trx, id, row.version, changes);
    const shown = changed.filter((k) => k !== 'search_text');
    await recordAudit(trx, {
      actor: user,
      action: 'project.update',
      entity: 'project',
      entityId: id,
      before: Object.fromEntries(shown.map((k) => [k, row[k as keyof ProjectRow]])),
      after: Object.fromEntries(shown.map((k) => [k, changes[k as keyof ProjectRow]])),
    });
  });
}

/**
 * Moves a project and records the step and its audit entry, all in one transaction. Returns the
 * project as it now stands: the row read inside the transaction with the columns it set, which the
 * version check guarantees is what is stored, so the caller need not read it again.
 */
export async function transitionProject(options: { db: Kysely<DB>; user: CurrentUser; id: number; input: TransitionInput; today?: string }): Promise<ProjectWithRegion> {
  const { db, user, id, input } = options;
  assertCanWriteProjects(user);
  return db.transaction().execute(async (trx) => {
    const row = await findVisibleProject(trx, user, id);
    if (!row) throw notFoundProject();
    const plan = planTransition({ row, input, user, today: options.today ?? todayInShanghai() });
    const written = await writeIfUnchanged(trx, id, row.version, plan.changes);
    await trx
      .insertInto('project_transitions')
      .values({
        project_id: id,
        kind: plan.kind,
        from_stage: row.stage,
        to_stage: input.to,
        date: input.date,
        note: input.note ?? null,
        reason: input.reason ?? null,
        user_id: user.id,
        created_at: nowIso(),
      })
      .execute();
    // A new stage changes which prerequisites are due (approvals/blocks.ts).
    const blocked = await refreshProjectBlock(trx, id);
    await recordAudit(trx, {
      actor: user,
      action: `project.${plan.kind}`,
      entity: 'project',
      entityId: id,
      before: Object.fromEntries(Object.keys(plan.changes).map((k) => [k, row[k as keyof ProjectRow]])),
      after: { ...plan.changes, note: input.note ?? null, reason: input.reason ?? null },
    });
    return { ...row, ...written, blocked_stage: blocked?.stage ?? null };
  });
}
