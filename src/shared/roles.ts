export const ROLES = ['admin', 'leader', 'region', 'department', 'enterprise'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'Administrator' },
  leader: { zh: '领导', en: 'Leader' },
  region: { zh: '县市(园区)', en: 'Region officer' },
  department: { zh: '部门', en: 'Department officer' },
  enterprise: { zh: '企业', en: 'Enterprise' },
};

/** Roles that may create and change projects; everyone else reads (within scope) or is refused. */
export const PROJECT_WRITER_ROLES: readonly Role[] = ['admin', 'region'];
