export const ROLES = ['admin', 'leader', 'region', 'department', 'enterprise', 'organiser', 'judge', 'contestant'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'Administrator' },
  leader: { zh: '领导', en: 'Leader' },
  region: { zh: '县市(园区)', en: 'Region officer' },
  department: { zh: '部门', en: 'Department officer' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  organiser: { zh: '赛事组织者', en: 'Contest organiser' },
  judge: { zh: '裁判', en: 'Judge' },
  contestant: { zh: '参赛选手', en: 'Contestant' },
};

/**
 * The contests' own accounts: they run, mark or enter a contest and have no part in the investment
 * platform. The session guard keeps them to the contest routes (CONTEST_API_PREFIXES), and every other
 * module's scope gives them nothing, so neither a missed route nor a missed scope opens the ledger to them.
 */
export const CONTEST_ROLES: readonly Role[] = ['organiser', 'judge', 'contestant'];

export function isContestRole(role: Role): boolean {
  return CONTEST_ROLES.includes(role);
}

/** What a contest account may call besides signing in and out; everything else answers 403. */
export const CONTEST_API_PREFIXES = ['/api/auth/', '/api/contests', '/api/livestream/', '/api/skills/', '/api/notifications'] as const;

/** Roles that may create and change projects; everyone else reads (within scope) or is refused. */
export const PROJECT_WRITER_ROLES: readonly Role[] = ['admin', 'region'];
