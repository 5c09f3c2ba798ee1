import type { EnterpriseSize } from '../../../shared/enterprises.js';
import type { MessageKey } from '../../i18n/dict.js';

// A copy of ENTERPRISE_SIZES from shared/enterprises.ts, which imports zod; the annotation keeps it in step.
export const SIZES = ['large', 'medium', 'small', 'micro'] as const satisfies readonly EnterpriseSize[];
export const SIZE_KEYS: Record<EnterpriseSize, MessageKey> = {
  large: 'sizeLarge',
  medium: 'sizeMedium',
  small: 'sizeSmall',
  micro: 'sizeMicro',
};
export const ENTERPRISE_SORT_KEYS = ['name', 'updatedAt', 'createdAt'] as const;
