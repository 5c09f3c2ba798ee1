import { TrophyOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/dict.js';

/** The livestream contest's entries in the 赛事活动 (contests-menu) group of AppLayout. */
export function livestreamMenuItems(t: (key: MessageKey) => string): { key: string; icon?: ReactNode; label: ReactNode }[] {
  return [{ key: '/livestream', icon: <TrophyOutlined />, label: <span data-testid="menu-livestream">{t('lsMenu')}</span> }];
}

/** Who sees the contests menu at all: the contests' own roles, the administrator and the leader. */
export const CONTEST_MENU_ROLES: readonly string[] = ['admin', 'leader', 'organiser', 'judge', 'contestant'];
