import { OPPORTUNITY_AUDIT_ACTIONS, OPPORTUNITY_AUDIT_ENTITIES } from './opportunity-labels.js';
import { APPROVAL_AUDIT_ACTIONS, APPROVAL_AUDIT_ENTITIES } from './approvals.js';

// The actions and entities the server writes to the audit log, as people read them.
export const AUDIT_ACTION_LABELS: Record<string, { zh: string; en: string }> = {
  ...OPPORTUNITY_AUDIT_ACTIONS,
  ...APPROVAL_AUDIT_ACTIONS,
  'auth.login': { zh: '登录', en: 'Signed in' },
  'auth.login_failed': { zh: '登录失败', en: 'Failed sign-in' },
  'auth.password_changed': { zh: '修改密码', en: 'Changed password' },
  'user.create': { zh: '新建用户', en: 'Created user' },
  'user.update': { zh: '修改用户', en: 'Changed user' },
  'user.password_reset': { zh: '重置密码', en: 'Reset password' },
  'auth.totp_enabled': { zh: '开启两步验证', en: 'Turned on two-step verification' },
  'auth.totp_disabled': { zh: '关闭两步验证', en: 'Turned off two-step verification' },
  'demo.load': { zh: '载入演示数据', en: 'Loaded the demo' },
  'project.create': { zh: '新建项目', en: 'Created project' },
  'project.update': { zh: '编辑项目', en: 'Edited project' },
  'project.advance': { zh: '推进阶段', en: 'Advanced stage' },
  'project.terminate': { zh: '终止项目', en: 'Terminated project' },
  'project.rollback': { zh: '回退阶段', en: 'Moved stage back' },
};

export const AUDIT_ENTITY_LABELS: Record<string, { zh: string; en: string }> = {
  ...OPPORTUNITY_AUDIT_ENTITIES,
  ...APPROVAL_AUDIT_ENTITIES,
  project: { zh: '项目', en: 'Project' },
  user: { zh: '用户', en: 'User' },
  system: { zh: '系统', en: 'System' },
};
