import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { usccCheckChar } from '../../shared/uscc.js';
import { recordAudit } from '../audit/record.js';
import { hashPassword } from '../auth/passwords.js';
import { createUser } from '../auth/users.js';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { createProject, transitionProject } from '../projects/commands.js';
import { REGION_CODES } from '../regions/data.js';
import { DEMO_PROJECTS } from './projects.js';
import { createDemoChainMap } from './seed-chains.js';
import { createDemoEvents } from './events.js';
import { createDemoOpportunities } from './opportunities.js';
import { createDemoLeads } from './leads.js';
import { createDemoServiceRequests } from './service-requests.js';
import { createDemoApprovals } from './approvals.js';
import { createDemoPolicies } from './policies.js';
import { createDemoSkills } from './skills.js';
import { createDemoLivestream } from './livestream.js';

/** The demo enterprise account's firm: the investor of a sample project, so it has a project to raise requests on. */
export const DEMO_ENTERPRISE_NAME = '新疆示例新能源有限公司';

export const DEMO_USERS = [
  { username: 'admin', displayName: '州招商局管理员', role: 'admin' },
  { username: 'leader', displayName: '州领导(示例)', role: 'leader' },
  { username: 'mulei', displayName: '木垒县招商专员(示例)', role: 'region', regionCodes: [REGION_CODES.mulei] },
  { username: 'manas', displayName: '玛纳斯县招商专员(示例)', role: 'region', regionCodes: [REGION_CODES.manas] },
  { username: 'gaoxin', displayName: '昌吉高新区招商专员(示例)', role: 'region', regionCodes: [REGION_CODES.gaoxin] },
  { username: 'fgw', displayName: '州发展改革委专员(示例)', role: 'department', department: 'fgw' },
  { username: 'zrzy', displayName: '州自然资源局专员(示例)', role: 'department', department: 'zrzy' },
  { username: 'qiye', displayName: '新疆示例新能源有限公司(示例企业)', role: 'enterprise', enterpriseUscc: demoEnterpriseUscc() },
  // The contests' accounts (issue 8): they reach the contests only (shared/roles.ts).
  { username: 'saishi', displayName: '州赛事组织者(示例)', role: 'organiser' },
  { username: 'caipan', displayName: '裁判员(示例)', role: 'judge' },
  { username: 'zhubo', displayName: '直播大赛选手(示例)', role: 'contestant' },
  { username: 'xuanshou', displayName: '技能大赛选手(示例)', role: 'contestant' },
] as const;

export function demoEnterpriseUscc(): string {
  const index = DEMO_PROJECTS.findIndex((p) => p.investorName === DEMO_ENTERPRISE_NAME);
  return sampleUscc(DEMO_PROJECTS[index].regionCode, index + 1);
}

/** A valid, obviously made-up credit code for a sample enterprise: 91 + region + MA + serial. */
export function sampleUscc(regionCode: string, serial: number): string {
  const region = /^\d{6}$/.test(regionCode) ? regionCode : '652300';
  const base = `91${region}MA${String(serial).padStart(7, '0')}`;
  return base + usccCheckChar(base);
}

export async function createDemoUsers(db: Kysely<DB>, password: string): Promise<Map<string, CurrentUser>> {
  const users = new Map<string, CurrentUser>();
  // One hash for all: Argon2 is slow on purpose, and every test server seeds these accounts.
  const passwordHash = await hashPassword(password);
  for (const u of DEMO_USERS) {
    users.set(u.username, await createUser({ db, password, passwordHash, ...u, regionCodes: 'regionCodes' in u ? [...u.regionCodes] : [] }));
  }
  return users;
}

export async function createDemoProjects(db: Kysely<DB>, admin: CurrentUser): Promise<number[]> {
  const ids: number[] = [];
  for (const [i, p] of DEMO_PROJECTS.entries()) {
    const [first, ...rest] = p.reached;
    const id = await createProject({
      db,
      user: admin,
      isSample: true,
      input: {
        name: p.name,
        investorName: p.investorName,
        investorUscc: p.sampleCode ? sampleUscc(p.regionCode, i + 1) : null,
        regionCode: p.regionCode,
        cluster: p.cluster,
        chain: p.chain,
        investmentYuan: p.investmentWan * 10_000,
        fundsInPlaceYuan: p.fundsWan * 10_000,
        capacity: p.capacity,
        description: p.description,
        chainLeader: p.chainLeader,
        officer: '示例包联干部',
        tagGreen: p.tags.includes('green'),
        tagInnovation: p.tags.includes('innovation'),
        tagValue: p.tags.includes('value'),
        plannedDates: p.planned,
        stage: first[0] as 'signed',
        stageDate: first[1],
      },
    });
    for (const [to, date] of rest) {
      await transitionProject({ db, user: admin, id, input: { to, date, note: '示例进度' } });
    }
    ids.push(id);
  }
  return ids;
}

/** Loads the report's demo into an empty database; a database with any user is left alone. */
export async function loadDemoIfEmpty(db: Kysely<DB>, config: Pick<Config, 'demoPassword'>): Promise<boolean> {
  const anyUser = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return false;
  const users = await createDemoUsers(db, config.demoPassword);
  const admin = users.get('admin')!;
  await createDemoProjects(db, admin);
  await createDemoApprovals(db, admin);
  await createDemoChainMap(db, admin);
  await createDemoEvents(db, admin);
  await createDemoOpportunities(db, admin);
  await createDemoLeads(db, users);
  await createDemoServiceRequests(db, users);
  await createDemoPolicies(db, admin);
  await createDemoSkills(db, users);
  await createDemoLivestream(db, users);
  await recordAudit(db, { actor: admin, action: 'demo.load', entity: 'system', entityId: null, after: { projects: DEMO_PROJECTS.length } });
  return true;
}
