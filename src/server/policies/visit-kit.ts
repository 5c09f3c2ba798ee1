import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { ApprovalStatus, EnterpriseSize, FactorKind, RequestCategory, RequestStatus } from '../../shared/service-catalog.js';
import { nextStage, type AnyStage, type Stage } from '../../shared/stages.js';
import type { VisitKit } from '../../shared/visit-kit.js';
import type { DB } from '../db/schema.js';
import { assertCanUseVisitKit, policyEnterpriseScope } from './policy.js';
import { matchingPolicies } from './matching.js';

type Db = Kysely<DB>;

const PLANNED = {
  signed: 'planned_signed_on',
  landed: 'planned_landed_on',
  started: 'planned_started_on',
  operating: 'planned_operating_on',
  full_capacity: 'planned_full_capacity_on',
} as const;

/**
 * The visit kit of one enterprise, or undefined when it is outside the caller's scope. The other
 * issue-6 modules own these tables; the kit only reads them, straight from the database.
 */
export async function visitKit(db: Db, user: CurrentUser, id: number, today: string): Promise<VisitKit | undefined> {
  assertCanUseVisitKit(user);
  const e = await db
    .selectFrom('enterprises')
    .leftJoin('regions as r', 'r.code', 'enterprises.region_code')
    .select(['enterprises.id', 'enterprises.name', 'enterprises.uscc', 'enterprises.region_code', 'r.name as region_name', 'enterprises.size', 'enterprises.contact_name', 'enterprises.contact_phone'])
    .where('enterprises.id', '=', id)
    .where(policyEnterpriseScope(user))
    .executeTakeFirst();
  if (!e) return undefined;
  const [projects, requests, approvals, factors, policies] = await Promise.all([
    db.selectFrom('projects').selectAll().where('enterprise_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('service_requests as sr')
      .leftJoin('projects as p', 'p.id', 'sr.project_id')
      .select(['sr.id', 'sr.title', 'sr.category', 'sr.status', 'sr.due_on', 'p.name as project_name'])
      .where('sr.enterprise_id', '=', id)
      .where('sr.status', '<>', 'confirmed')
      .orderBy('sr.due_on')
      .orderBy('sr.id')
      .execute(),
    db
      .selectFrom('project_approvals as a')
      .innerJoin('projects as p', 'p.id', 'a.project_id')
      .innerJoin('departments as d', 'd.code', 'a.department_code')
      .select(['a.id', 'a.project_id', 'p.name as project_name', 'a.name', 'd.name as department_name', 'a.status', 'a.blocks_stage'])
      .where('p.enterprise_id', '=', id)
      .where('a.status', 'not in', ['approved', 'not_required'])
      .orderBy('a.project_id')
      .orderBy('a.seq')
      .execute(),
    db
      .selectFrom('project_factors as f')
      .innerJoin('projects as p', 'p.id', 'f.project_id')
      .select(['f.id', 'f.project_id', 'p.name as project_name', 'f.kind', 'f.required_amount', 'f.secured_amount', 'f.needed_by'])
      .where('p.enterprise_id', '=', id)
      .whereRef('f.secured_amount', '<', 'f.required_amount')
      .orderBy('f.project_id')
      .orderBy('f.id')
      .execute(),
    matchingPolicies(db, user, { kind: 'enterprise', id }, today),
  ]);
  return {
    enterprise: {
      id: e.id,
      name: e.name,
      uscc: e.uscc,
      regionCode: e.region_code,
      regionName: e.region_name ?? null,
      size: e.size as EnterpriseSize | null,
      contactName: e.contact_name,
      contactPhone: e.contact_phone,
    },
    projects: projects.map((p) => {
      const next = nextStage(p.stage as AnyStage);
      const planned = next && next !== 'negotiating' ? p[PLANNED[next as Exclude<Stage, 'negotiating'>]] : null;
      return { id: p.id, name: p.name, stage: p.stage as AnyStage, nextStage: next, nextPlannedOn: planned, investmentYuan: Number(p.investment_yuan), fundsInPlaceYuan: Number(p.funds_in_place_yuan) };
    }),
    openRequests: requests.map((r) => ({ id: r.id, title: r.title, category: r.category as RequestCategory, status: r.status as RequestStatus, dueOn: r.due_on, projectName: r.project_name ?? null })),
    pendingApprovals: approvals.map((a) => ({ id: a.id, projectId: a.project_id, projectName: a.project_name, name: a.name, departmentName: a.department_name, status: a.status as ApprovalStatus, blocksStage: a.blocks_stage })),
    missingFactors: factors.map((f) => ({
      id: f.id,
      projectId: f.project_id,
      projectName: f.project_name,
      kind: f.kind as FactorKind,
      requiredAmount: Number(f.required_amount),
      securedAmount: Number(f.secured_amount),
      neededBy: f.needed_by,
    })),
    policies: policies ?? [],
    generatedOn: today,
  };
}
