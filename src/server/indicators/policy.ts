import type { CurrentUser } from '../../shared/auth.js';
import { ForbiddenError } from '../errors.js';

// Targets decide which county shows red in front of the leaders: only the prefecture's administrators
// set them; everyone who sees the figures may read them.
export function assertCanSetTargets(user: CurrentUser): void {
  if (user.role !== 'admin') {
    throw new ForbiddenError({ zh: '只有管理员可以设置考核目标', en: 'Only administrators can set indicator targets' }, undefined, 'targets_admin_only');
  }
}
