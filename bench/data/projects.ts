// Users, and projects with the stage history, transitions and audit rows the app itself would
// have written had each project been created and advanced through the API (see projects/commands.ts).
import { nextPlannedOn } from '../../src/server/projects/lifecycle.js';
import { projectSearchText } from '../../src/server/projects/search.js';
import { REGIONS } from '../../src/server/regions/data.js';
import { STAGES, type AnyStage, type Stage } from '../../src/shared/stages.js';
import type { Ctx } from './context.js';
import { enterpriseAt, personName } from './enterprises.js';
import { chance, cumulate, int, logNormal, pick, rngFor, weighted, zipf } from './random.js';
import { projectTypeFor } from './project-services.js';
import { LOCAL_PLACES, PROJECT_FORMS, TERMINATION_REASONS } from './vocab.js';

export const BENCH_PASSWORD = 'bench-password';
export interface BenchUser { id: number; username: string; role: string; regions: string[]; department?: string | null; enterpriseId?: number | null }

const ROLES = ['admin', 'leader', 'region', 'department', 'enterprise'] as const;
const ROLE_CUM = cumulate([2, 5, 50, 18, 25]);
const REGION_CUM = cumulate(LOCAL_PLACES.map((p) => p[3]));
const regionName = (code: string) => REGIONS.find((r) => r.code === code)!.name;

/** The three fixed sign-ins the benchmark runner uses come first; the rest spread over every role. */
export async function generateUsers(ctx: Ctx, passwordHash: string): Promise<BenchUser[]> {
  const { w, scale, seed } = ctx;
  const put = w.table('users', ['id', 'username', 'password_hash', 'display_name', 'role', 'department', 'enterprise_uscc', 'active', 'created_at', 'updated_at']);
  const putRegion = w.table('user_regions', ['user_id', 'region_code']);
  const users: BenchUser[] = [
    { id: 1, username: 'bench-admin', role: 'admin', regions: [] },
    { id: 2, username: 'bench-leader', role: 'leader', regions: [] },
    { id: 3, username: 'bench-mulei', role: 'region', regions: ['652328'] },
  ];
  w.phase('users', scale.users);
  for (let id = 1; id <= scale.users; id++) {
    const r = rngFor(seed, 3, id);
    const fixed = users[id - 1];
    const role = fixed?.role ?? weighted(r, ROLES, ROLE_CUM);
    const regions = fixed?.regions ?? (role === 'region' ? [...new Set([weighted(r, LOCAL_PLACES, REGION_CUM)[0], ...(chance(r, 0.15) ? [weighted(r, LOCAL_PLACES, REGION_CUM)[0]] : [])])] : []);
    // users.department holds a department code since migration 0015.
    const department = role === 'department' ? pick(r, ctx.services.departments) : null;
    // Enterprise users belong to firms likely to have projects: investors are drawn with the same skew.
    const firm = role === 'enterprise' ? enterpriseAt(ctx, 1 + zipf(r, scale.enterprises, 0.8)) : null;
    const who = personName(r);
    const display = fixed ? fixed.username : role === 'region' ? `${regionName(regions[0])}招商专员${who}` : role === 'department' ? `州${department!.name}${who}` : role === 'enterprise' ? `${firm!.name}${who}` : `${role === 'admin' ? '州招商局' : '州领导'}${who}`;
    const username = fixed?.username ?? `${role}-${String(id).padStart(4, '0')}`;
    const at = ctx.isoAt(int(r, 30, 900));
    await put([id, username, passwordHash, display, role, department?.code ?? null, firm?.uscc ?? null, 1, at, at]);
    for (const code of regions) await putRegion([id, code]);
    if (!fixed) users.push({ id, username, role, regions, department: department?.code ?? null, enterpriseId: firm?.id ?? null });
  }
  return users;
}

type Planned = Record<`planned_${Exclude<Stage, 'negotiating'>}_on`, string | null>;
const TARGET_CUM = cumulate([25, 20, 15, 15, 12, 6, 7]); // how far projects get: negotiating … full_capacity, terminated
const TARGETS = [...STAGES, 'terminated'] as const;
const PROJECT_COLUMNS = [
  'id', 'name', 'investor_name', 'investor_uscc', 'region_code', 'cluster', 'chain', 'investment_yuan', 'funds_in_place_yuan', 'capacity', 'description',
  'chain_leader', 'officer', 'tag_green', 'tag_innovation', 'tag_value', 'stage', 'stage_date', ...STAGES.map((s) => `${s}_on`),
  ...STAGES.slice(1).map((s) => `planned_${s}_on`), 'next_planned_on', 'terminated_reason', 'is_sample', 'version', 'created_by', 'created_at', 'updated_at',
  'search_text', 'enterprise_id', 'node_id', 'project_type',
];

/** What leads and event signings need to know of a project, kept for every project (a few MB at province scale). */
export interface ProjectInfo {
  id: number; region: string; chainId: number; nodeId: number; enterpriseId: number | null; investorName: string;
  chainLeader: string; investment: number; stage: AnyStage; signedDaysAgo: number | null; createdDaysAgo: number;
  /** Issue 6: the name requests mention, the type approvals follow, and the day each stage was reached (-1: not). */
  name: string; projectType: string | null; reachedDaysAgo: number[];
}

export async function generateProjects(ctx: Ctx, members: number[][], users: BenchUser[]): Promise<ProjectInfo[]> {
  const { w, map, scale, seed } = ctx;
  const put = w.table('projects', PROJECT_COLUMNS);
  const putTransition = w.table('project_transitions', ['id', 'project_id', 'kind', 'from_stage', 'to_stage', 'date', 'note', 'reason', 'user_id', 'created_at']);
  const putAudit = w.table('audit_log', ['id', 'at', 'user_id', 'username', 'action', 'entity', 'entity_id', 'before_json', 'after_json']);
  const officers = new Map<string, BenchUser[]>(LOCAL_PLACES.map(([code]) => [code, users.filter((u) => u.role === 'region' && u.regions.includes(code))]));
  const admin = users[0];
  const leaderNames = new Map(map.chains.map((c) => [c.id, c.leaderIds.map((id) => enterpriseAt(ctx, id).name)]));
  let transitionId = 0;
  let auditId = 0;
  const infos: ProjectInfo[] = [];
  w.phase('projects', scale.projects);
  for (let id = 1; id <= scale.projects; id++) {
    const r = rngFor(seed, 2, id);
    const region = weighted(r, LOCAL_PLACES, REGION_CUM)[0];
    const chain = pick(r, map.chains);
    const node = map.nodes[pick(r, chain.nodeIds) - 1];
    const nodeMembers = members[node.id - 1];
    const investor = nodeMembers.length ? enterpriseAt(ctx, nodeMembers[zipf(r, nodeMembers.length, 0.8)]) : null;
    const investorName = investor?.name ?? `${personName(r)}投资有限公司`;
    const name = pick(r, PROJECT_FORMS).replace('{n}', String(int(r, 1, 50) * 5)).replace('{node}', node.name).replace('{chain}', chain.name);
    const creator = pick(r, officers.get(region)!.length ? officers.get(region)! : [admin]);
    const investment = Math.max(5_000_000, Math.round(logNormal(r, 200_000_000, 1.2) / 10_000) * 10_000);

    // Plan first (in order, as plannedColumns demands), then walk the stages, never past today.
    const start = int(r, 20, 5 * 365);
    const initial: Stage = chance(r, 0.7) ? 'negotiating' : 'signed';
    const planned = {} as Planned;
    let plan = start;
    const hasPlan = chance(r, 0.8);
    for (const s of STAGES.slice(1)) {
      if (s === 'signed' && initial === 'signed') plan = start;
      else plan -= s === 'signed' ? int(r, 30, 180) : s === 'operating' || s === 'full_capacity' ? int(r, 180, 540) : int(r, 60, 240);
      planned[`planned_${s}_on` as keyof Planned] = hasPlan && !(s === 'signed' && initial === 'signed') ? ctx.dateAt(plan) : null;
    }
    const target = weighted(r, TARGETS, TARGET_CUM);
    const targetIndex = target === 'terminated' ? int(r, 0, 3) : STAGES.indexOf(target);
    const reached: [Stage, number][] = [[initial, start]];
    for (let i = STAGES.indexOf(initial) + 1; i <= targetIndex; i++) {
      const s = STAGES[i];
      const previous = reached[reached.length - 1][1];
      const plannedOn = planned[`planned_${s}_on` as keyof Planned];
      const lateness = int(r, -45, 150);
      const wanted = plannedOn ? Math.round((Date.parse(ctx.today) - Date.parse(plannedOn)) / 86_400_000) - lateness : previous - int(r, 60, 300);
      const daysAgo = Math.min(previous - int(r, 7, 30), wanted);
      if (daysAgo < 0) break; // not yet: the project waits (and is overdue once its planned date passes)
      reached.push([s, daysAgo]);
    }
    const [last, lastDay] = reached[reached.length - 1];
    const terminatedDay = target === 'terminated' ? lastDay - int(r, 30, 300) : -1;
    const stage: AnyStage = terminatedDay >= 0 ? 'terminated' : last;
    if (hasPlan && stage !== 'terminated' && last !== 'full_capacity' && chance(r, 0.75)) {
      // Most officers keep the plan ahead of a stalled project; the rest leave it overdue.
      const lastPlanned = last === 'negotiating' ? null : planned[`planned_${last}_on`];
      let ahead = Math.min(-int(r, 15, 365), lastPlanned ? Math.round((Date.parse(ctx.today) - Date.parse(lastPlanned)) / 86_400_000) - 30 : 0);
      for (const s of STAGES.slice(STAGES.indexOf(last) + 1)) {
        planned[`planned_${s}_on` as keyof Planned] = ctx.dateAt(ahead);
        ahead -= int(r, 60, 365);
      }
    }
    // Money arrives as a project advances (a share of the investment by the furthest stage reached).
    const funds = Math.round((investment * Math.min(1, STAGES.indexOf(last) / 4) * (0.5 + r() / 2)) / 10_000) * 10_000;

    const row: Record<string, unknown> = {
      id, name, investor_name: investorName, investor_uscc: investor && chance(r, 0.95) ? investor.uscc : null, region_code: region,
      cluster: chain.clusterName, chain: chain.name, investment_yuan: investment, funds_in_place_yuan: funds,
      capacity: `${int(r, 1, 100) * 5}万吨/年`, description: `${investorName}在${regionName(region)}投资建设${node.name}项目。`,
      chain_leader: pick(r, leaderNames.get(chain.id)!), officer: personName(r),
      tag_green: chance(r, 0.3) ? 1 : 0, tag_innovation: chance(r, 0.2) ? 1 : 0, tag_value: chance(r, 0.25) ? 1 : 0,
      stage: initial, stage_date: ctx.dateAt(start), ...Object.fromEntries(STAGES.map((s) => [`${s}_on`, s === initial ? ctx.dateAt(start) : null])),
      ...planned, next_planned_on: nextPlannedOn(initial, planned), terminated_reason: null, is_sample: 0, version: 1, created_by: creator.id,
      created_at: ctx.isoAt(start), updated_at: ctx.isoAt(start), search_text: projectSearchText(name, investorName),
      enterprise_id: investor?.id ?? null, node_id: node.id, project_type: projectTypeFor(seed, id, chain.cluster),
    };
    // Each step: one project_transitions row and one audit row, exactly as createProject / transitionProject write them.
    const audits: unknown[][] = [[++auditId, row.created_at, creator.id, creator.username, 'project.create', 'project', String(id), null, JSON.stringify(row)]];
    const transitions: unknown[][] = [[++transitionId, id, 'create', null, initial, row.stage_date, null, null, creator.id, row.created_at]];
    const step = (kind: 'advance' | 'terminate', to: AnyStage, day: number, changes: Record<string, unknown>, note: string | null, reason: string | null) => {
      const before = Object.fromEntries(Object.keys(changes).map((k) => [k, row[k]]));
      transitions.push([++transitionId, id, kind, row.stage, to, ctx.dateAt(day), note, reason, creator.id, ctx.isoAt(day)]);
      audits.push([++auditId, ctx.isoAt(day), creator.id, creator.username, `project.${kind}`, 'project', String(id), JSON.stringify(before), JSON.stringify({ ...changes, note, reason })]);
      Object.assign(row, changes, { version: (row.version as number) + 1, updated_at: ctx.isoAt(day) });
    };
    for (const [s, day] of reached.slice(1)) {
      step('advance', s, day, { stage: s, stage_date: ctx.dateAt(day), [`${s}_on`]: ctx.dateAt(day), next_planned_on: nextPlannedOn(s, planned) }, '进度更新', null);
    }
    if (stage === 'terminated') {
      const reason = pick(r, TERMINATION_REASONS);
      step('terminate', 'terminated', terminatedDay, { stage: 'terminated', stage_date: ctx.dateAt(terminatedDay), terminated_reason: reason, next_planned_on: null }, null, reason);
    }
    await put(PROJECT_COLUMNS.map((c) => row[c]));
    for (const t of transitions) await putTransition(t);
    for (const a of audits) await putAudit(a);
    const signedDay = initial === 'signed' ? start : reached.find(([s]) => s === 'signed')?.[1] ?? null;
    infos.push({
      id, region, chainId: chain.id, nodeId: node.id, enterpriseId: investor?.id ?? null, investorName, chainLeader: row.chain_leader as string,
      investment, stage, signedDaysAgo: signedDay, createdDaysAgo: start,
      name, projectType: row.project_type as string | null, reachedDaysAgo: STAGES.map((s) => reached.find(([x]) => x === s)?.[1] ?? -1),
    });
  }
  return infos;
}
