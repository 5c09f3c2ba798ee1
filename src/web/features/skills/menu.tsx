import type { MenuProps } from 'antd';
import type { CurrentUser } from '../../../shared/auth.js';
import type { MessageKey } from '../../i18n/dict.js';

type Item = NonNullable<MenuProps['items']>[number];

/**
 * The skills competition's entries in the 赛事活动 menu group, by role. A contestant account may be in the
 * livestream contest only, so 我的技能大赛 shows once the account has a skills entry.
 */
export function skillsMenuItems(user: CurrentUser | null, t: (key: MessageKey) => string, hasSkillsEntry: boolean): Item[] {
  if (!user) return [];
  const item = (key: string, label: MessageKey, testId: string): Item => ({ key, label: <span data-testid={testId}>{t(label)}</span> });
  if (user.role === 'organiser' || user.role === 'admin') return [item('/skills', 'skMenuAdmin', 'menu-skills')];
  if (user.role === 'judge') return [item('/skills/mark', 'skMenuMark', 'menu-skills-mark')];
  if (user.role === 'contestant' && hasSkillsEntry) return [item('/skills/me', 'skMenuMe', 'menu-skills-me')];
  return [];
}
