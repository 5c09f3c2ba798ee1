// Issue 6 per project: its type, the approval items its type's template gives it, and the factor
// guarantees (要素保障) it needs. Items and factors for a stage the project has reached are done;
// those for the next stage are partly done, so a share of projects shows "开工 blocked: 施工许可 pending".
import { FACTOR_KINDS } from '../../src/shared/service-catalog.js';
import { STAGES } from '../../src/shared/stages.js';
import type { Ctx } from './context.js';
import type { ProjectInfo } from './projects.js';
import { chance, int, pick, rngFor, shuffle, weighted } from './random.js';

const ENERGY_CLUSTERS = new Set(['new_energy', 'coal', 'oil_gas']);

/** Six in ten projects have a type; its own seeded stream, so the project rows' other values stay as they were. */
export function projectTypeFor(seed: number, projectId: number, cluster: string): string | null {
  const r = rngFor(seed, 20, projectId);
  if (!chance(r, 0.6)) return null;
  if (chance(r, 0.1)) return 'service';
  return ENERGY_CLUSTERS.has(cluster) && chance(r, 0.6) ? 'energy' : 'industrial';
}

// The stage a factor must be secured before, and how much a project needs per yuan invested.
const FACTOR_RULES: Record<(typeof FACTOR_KINDS)[number], { blocks: string; need: (investment: number) => number }> = {
  land: { blocks: 'landed', need: (y) => Math.max(10, Math.round(y / 3_000_000)) },
  power: { blocks: 'started', need: (y) => Math.max(400, Math.round(y / 20_000 / 100) * 100) },
  water: { blocks: 'started', need: (y) => Math.max(50, Math.round(y / 1_000_000) * 5) },
  gas: { blocks: 'operating', need: (y) => Math.max(1_000, Math.round(y / 5_000 / 100) * 100) },
  finance: { blocks: 'started', need: (y) => Math.round((y * 0.3) / 10_000) * 10_000 },
  labour: { blocks: 'operating', need: (y) => Math.max(20, Math.round(y / 2_000_000)) },
};
const ISSUER_SHORT: Record<string, string> = { fgw: '昌州发改', zrzy: '昌州自然资', sthj: '昌州环审', yjgl: '昌州应急', zjj: '昌州建', gdj: '昌电' };

const stageAt = (stage: string) => (stage === 'terminated' ? -1 : STAGES.indexOf(stage as (typeof STAGES)[number]));

export async function generateProjectServices(ctx: Ctx, projects: ProjectInfo[]): Promise<void> {
  const { w, seed, services } = ctx;
  const putApproval = w.table('project_approvals', [
    'id', 'project_id', 'seq', 'name', 'department_code', 'status', 'submitted_on', 'approved_on', 'blocks_stage', 'document_no', 'note', 'version', 'created_at', 'updated_at',
  ]);
  const putFactor = w.table('project_factors', [
    'id', 'project_id', 'kind', 'required_amount', 'secured_amount', 'needed_by', 'secured_on', 'blocks_stage', 'department_code', 'note', 'version', 'created_at', 'updated_at',
  ]);
  let approvalId = 0;
  let factorId = 0;
  w.phase('project_approvals', Math.round(projects.length * 0.6 * 0.85 * 5.5));
  for (const p of projects) {
    const r = rngFor(seed, 21, p.id);
    // A terminated project keeps the items it had when it stopped: treat it as signed.
    const reached = p.stage === 'terminated' ? 1 : stageAt(p.stage);
    const createdAgo = p.createdDaysAgo;
    // Items and factors appear some days after the project was recorded, never in the future.
    const since = Math.max(0, createdAgo - int(r, 0, 30));
    if (p.projectType && chance(r, 0.85)) {
      for (const t of services.templates.get(p.projectType) ?? []) {
        const blocks = STAGES.indexOf(t.blocksStage as (typeof STAGES)[number]);
        let status: string;
        let approvedAgo = -1;
        let submittedAgo = -1;
        if (reached >= blocks) {
          status = chance(r, 0.95) ? 'approved' : 'not_required';
          // Approved before the stage it gates was reached (and after the project was recorded).
          approvedAgo = Math.min(createdAgo, p.reachedDaysAgo[blocks] + int(r, 1, 60));
        } else {
          status = reached === blocks - 1
            ? weighted(r, ['approved', 'submitted', 'pending', 'rejected'] as const, [40, 75, 95, 100])
            : weighted(r, ['pending', 'submitted', 'not_required'] as const, [70, 95, 100]);
          if (status === 'approved') approvedAgo = int(r, 0, Math.min(since, 120));
        }
        if (status === 'not_required') approvedAgo = -1;
        if (status === 'approved') submittedAgo = Math.min(createdAgo, approvedAgo + int(r, 10, 60));
        else if (status === 'submitted' || status === 'rejected') submittedAgo = int(r, 0, Math.min(since, 90));
        const year = approvedAgo >= 0 ? ctx.dateAt(approvedAgo).slice(0, 4) : '';
        const documentNo = status === 'approved' ? `${ISSUER_SHORT[t.departmentCode] ?? '昌州'}〔${year}〕${int(r, 1, 400)}号` : '';
        const updatedAgo = Math.min(...[since, approvedAgo, submittedAgo].filter((d) => d >= 0));
        const version = 1 + (submittedAgo >= 0 ? 1 : 0) + (approvedAgo >= 0 || status === 'rejected' ? 1 : 0);
        await putApproval([
          ++approvalId, p.id, t.seq, t.name, t.departmentCode, status, submittedAgo >= 0 ? ctx.dateAt(submittedAgo) : null, approvedAgo >= 0 ? ctx.dateAt(approvedAgo) : null,
          t.blocksStage, documentNo, status === 'rejected' ? '材料不全,需补充后重新申报' : '', version, ctx.isoAt(since), ctx.isoAt(updatedAgo),
        ]);
      }
    }
    if (chance(r, 0.45)) {
      for (const kind of shuffle(r, [...FACTOR_KINDS]).slice(0, int(r, 2, 4))) {
        const rule = FACTOR_RULES[kind];
        const blocks = STAGES.indexOf(rule.blocks as (typeof STAGES)[number]);
        const required = rule.need(p.investment);
        let secured: number;
        let securedAgo = -1;
        let neededAgo: number;
        if (reached >= blocks) {
          secured = required;
          securedAgo = Math.min(createdAgo, p.reachedDaysAgo[blocks] + int(r, 1, 60));
          neededAgo = p.reachedDaysAgo[blocks];
        } else {
          const share = weighted(r, [1, 0.5, 0] as const, [30, 70, 100]);
          secured = share === 0.5 ? Math.round(required * (0.2 + r() * 0.7)) : required * share;
          if (secured > 0) securedAgo = int(r, 0, Math.min(since, 180));
          neededAgo = -int(r, 15, 365);
        }
        const department = services.levels.get(kind)?.departmentCode ?? null;
        await putFactor([
          ++factorId, p.id, kind, required, secured, ctx.dateAt(neededAgo), securedAgo >= 0 ? ctx.dateAt(securedAgo) : null, rule.blocks, department,
          secured < required && chance(r, 0.3) ? pick(r, ['指标正在协调', '待上级审批', '企业需补充材料']) : '', securedAgo >= 0 ? 2 : 1,
          ctx.isoAt(since), ctx.isoAt(securedAgo >= 0 ? Math.min(since, securedAgo) : since),
        ]);
      }
    }
  }
}
