import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { FACTOR_DEFAULT_BLOCKS } from '../../shared/approvals.js';
import { stageIndex, type Stage } from '../../shared/stages.js';
import { applyApprovalTemplate, updateApproval } from '../approvals/commands.js';
import { putFactor } from '../approvals/factors.js';
import { todayInShanghai } from '../clock.js';
import type { DB } from '../db/schema.js';

// Sample approvals and factor guarantees for the demo's projects (the report gives none): items a
// project has passed are approved, dated before the stage they unblock; a few are left open so the
// demo shows what the module is for — 开工受阻 on two landed projects, 立项备案 waiting at 发改委
// (the demo's department user, fgw) for projects still signed, and one power shortfall.
const OPEN_ITEMS: Record<string, string[]> = {
  '唐山海泰新能新能源装备项目(示例名称)': ['施工许可'],
  '高附加值生物产品创新研发合作项目(示例名称)': ['施工许可', '环评'],
};
const POWER_SHORT = '唐山海泰新能新能源装备项目(示例名称)';
const LAND_SHORT = '示例项目11:铝基新材料项目';

function shift(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const out = d.toISOString().slice(0, 10);
  const today = todayInShanghai();
  return out > today ? today : out;
}

type ProjectDates = Record<Stage, string | null>;

/** The date a prerequisite of `blocks` was cleared: before that stage if reached, else a while after the current one. */
function clearedOn(p: { stage: string; stage_date: string } & ProjectDates, blocks: Stage): string {
  return p[blocks] ? shift(p[blocks]!, -12) : shift(p.stage_date, 45);
}

export async function createDemoApprovals(db: Kysely<DB>, admin: CurrentUser): Promise<void> {
  const projects = await db
    .selectFrom('projects')
    .select(['id', 'name', 'chain', 'stage', 'stage_date', 'investment_yuan', 'negotiating_on as negotiating', 'signed_on as signed', 'landed_on as landed', 'started_on as started', 'operating_on as operating', 'full_capacity_on as full_capacity', 'planned_landed_on', 'planned_started_on'])
    .where('is_sample', '=', 1)
    .orderBy('id')
    .execute();
  let signedSeen = 0;
  for (const p of projects) {
    if (p.stage === 'terminated') continue;
    const projectType = /风电|光伏/.test(p.chain + p.name) ? 'energy' : 'industrial';
    await applyApprovalTemplate({ db, user: admin, projectId: p.id, input: { projectType } });
    const items = await db.selectFrom('project_approvals').select(['id', 'name', 'department_code', 'blocks_stage']).where('project_id', '=', p.id).orderBy('seq').execute();
    const reached = stageIndex(p.stage as Stage);
    const isSigned = p.stage === 'signed';
    if (isSigned) signedSeen += 1;
    for (const item of items) {
      const blocks = item.blocks_stage as Stage;
      if (stageIndex(blocks) > reached + 1) continue;
      if (OPEN_ITEMS[p.name]?.includes(item.name)) continue;
      // Projects still signed wait on 发改委: the first one's filing not yet submitted, the others' under review.
      const fgwWaits = isSigned && item.department_code === 'fgw';
      if (fgwWaits && signedSeen === 1) continue;
      const submittedOn = shift(clearedOn(p, blocks), -30);
      const submitted = await move(db, admin, item.id, 1, { status: 'submitted', submittedOn });
      if (fgwWaits) continue;
      await move(db, admin, item.id, submitted, { status: 'approved', approvedOn: clearedOn(p, blocks), documentNo: `示例文号〔${clearedOn(p, blocks).slice(0, 4)}〕${item.id}号` });
    }
    await demoFactors(db, admin, p, projects.indexOf(p));
  }
  // The demo replays months of approvals in one go; their notices are history, not news, so the inbox
  // opens with only what still waits (the escalations and deadlines the sweep raises).
  await db.updateTable('notifications').set({ read_at: new Date().toISOString() }).where('kind', '=', 'approval').where('read_at', 'is', null).execute();
}

async function move(db: Kysely<DB>, admin: CurrentUser, id: number, version: number, input: { status: 'submitted' | 'approved'; submittedOn?: string; approvedOn?: string; documentNo?: string }): Promise<number> {
  await updateApproval({ db, user: admin, id, input: { version, ...input } });
  return version + 1;
}

/** Land for every project, power once it is past landing; each secured in full except the named shortfalls. */
async function demoFactors(db: Kysely<DB>, admin: CurrentUser, p: { id: number; name: string; stage: string; stage_date: string; investment_yuan: number; planned_landed_on: string | null; planned_started_on: string | null } & ProjectDates, i: number) {
  const reached = stageIndex(p.stage as Stage);
  const landMu = Math.max(50, Math.round(Number(p.investment_yuan) / 10_000 / 400));
  const landShort = p.name === LAND_SHORT;
  await putFactor({
    db,
    user: admin,
    projectId: p.id,
    kind: 'land',
    input: {
      requiredAmount: landMu,
      securedAmount: landShort ? Math.round(landMu * 0.6) : landMu,
      neededBy: p.landed ?? p.planned_landed_on,
      securedOn: landShort ? null : (p.landed ?? shift(p.signed ?? p.stage_date, 30)),
      note: '示例数据',
    },
  });
  if (reached < stageIndex('landed')) return;
  const kva = 1000 + (i % 5) * 500;
  const short = p.name === POWER_SHORT;
  await putFactor({
    db,
    user: admin,
    projectId: p.id,
    kind: 'power',
    input: {
      requiredAmount: short ? 2000 : kva,
      securedAmount: short ? 800 : kva,
      // The shortfall is wanted for construction power, so it blocks the start, not operation.
      blocksStage: short ? 'started' : FACTOR_DEFAULT_BLOCKS.power,
      neededBy: p.started ?? p.planned_started_on,
      securedOn: short ? null : (p.landed ?? null),
      note: '示例数据',
    },
  });
}
