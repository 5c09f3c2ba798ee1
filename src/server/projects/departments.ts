import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * project_departments holds, per project, the departments that its approvals, factors and routed
 * service requests name (the department officer's project scope, policy.ts), with a copy of the
 * project's columns that the dashboard sums. Every write that adds, moves or removes one of those
 * calls refreshProjectDepartments in its own transaction, and every project write calls
 * copyProjectFacts, so neither the pairs nor the copies drift. The project's requests carry its
 * cluster and event the same way (copyProjectToRequests).
 */
export async function refreshProjectDepartments(trx: Kysely<DB>, projectId: number): Promise<void> {
  const rows = await routedDepartments(trx, projectId).execute();
  const wanted = new Set(rows.map((r) => r.department_code));
  const held = await trx.selectFrom('project_departments').select('department_code').where('project_id', '=', projectId).execute();
  const stale = held.map((r) => r.department_code).filter((code) => !wanted.has(code));
  const missing = [...wanted].filter((code) => !held.some((r) => r.department_code === code));
  if (stale.length > 0) await trx.deleteFrom('project_departments').where('project_id', '=', projectId).where('department_code', 'in', stale).execute();
  if (missing.length === 0) return;
  const facts = await trx.selectFrom('projects').select(FACTS).where('id', '=', projectId).executeTakeFirstOrThrow();
  await trx.insertInto('project_departments').values(missing.map((code) => ({ department_code: code, project_id: projectId, ...facts }))).execute();
}

/** After a project's own columns change: its copies in the department pairs and its requests follow. */
export async function copyProjectFacts(trx: Kysely<DB>, projectId: number): Promise<void> {
  const facts = await trx.selectFrom('projects').select(FACTS).where('id', '=', projectId).executeTakeFirstOrThrow();
  await trx.updateTable('project_departments').set(facts).where('project_id', '=', projectId).execute();
  await copyProjectToRequests(trx, projectId);
}

/**
 * The project's cluster and signing event onto its service requests (0033), which the command view
 * groups by: after a request is raised and after the project's cluster or event signing changes.
 */
export async function copyProjectToRequests(trx: Kysely<DB>, projectId: number): Promise<void> {
  await trx
    .updateTable('service_requests')
    .set((eb) => ({
      project_cluster: eb.selectFrom('projects as p').select('p.cluster').where('p.id', '=', projectId),
      project_event_id: eb.selectFrom('event_signings as es').select('es.event_id').where('es.project_id', '=', projectId),
    }))
    .where('project_id', '=', projectId)
    .execute();
}

/** Copies every project's cluster and event onto its requests at once: for requests written in bulk (the bench generator). */
export async function copyAllProjectsToRequests(db: Kysely<DB>): Promise<number> {
  const result = await db
    .updateTable('service_requests')
    .set((eb) => ({
      project_cluster: eb.selectFrom('projects as p').select('p.cluster').whereRef('p.id', '=', 'service_requests.project_id'),
      project_event_id: eb.selectFrom('event_signings as es').select('es.event_id').whereRef('es.project_id', '=', 'service_requests.project_id'),
    }))
    .where('project_id', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Rebuilds every pair at once: for data written in bulk past the commands (the bench generator). */
export async function rebuildProjectDepartments(db: Kysely<DB>): Promise<number> {
  await db.deleteFrom('project_departments').execute();
  const pairs = routedDepartments(db).as('pairs');
  const result = await db
    .insertInto('project_departments')
    .columns(['department_code', 'project_id', ...FACTS])
    .expression(
      db
        .selectFrom(pairs)
        .innerJoin('projects', 'projects.id', 'pairs.project_id')
        .select(['pairs.department_code', 'pairs.project_id', ...FACTS.map((c) => `projects.${c}` as const)]),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

// The dashboard's sums (0021) and the command view's cohorts, funnel and trend (0033) read these.
const FACTS = [
  'region_code',
  'stage',
  'investment_yuan',
  'funds_in_place_yuan',
  'next_planned_on',
  'cluster',
  'negotiating_on',
  'signed_on',
  'landed_on',
  'started_on',
  'operating_on',
  'full_capacity_on',
] as const;

/** (department_code, project_id) pairs, each once, from the three tables that route work to departments. */
function routedDepartments(db: Kysely<DB>, projectId?: number) {
  const approvals = db.selectFrom('project_approvals').select(['department_code', 'project_id']);
  const factors = db
    .selectFrom('project_factors')
    .select(['department_code', 'project_id'])
    .where('department_code', 'is not', null)
    .$narrowType<{ department_code: string }>();
  const requests = db
    .selectFrom('service_request_assignments as sra')
    .innerJoin('service_requests as sr', 'sr.id', 'sra.request_id')
    .select(['sra.department_code', 'sr.project_id as project_id'])
    .where('sr.project_id', 'is not', null)
    .$narrowType<{ project_id: number }>();
  if (projectId === undefined) return approvals.union(factors).union(requests);
  return approvals
    .where('project_id', '=', projectId)
    .union(factors.where('project_id', '=', projectId))
    .union(requests.where('sr.project_id', '=', projectId));
}
