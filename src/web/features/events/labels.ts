import type { Guest } from '../../../shared/events.js';
import type { MessageKey } from '../../i18n/dict.js';

// Copies of the enums' labels: shared/events.ts imports zod, which the web's small pages need not load.
export const STATUS_KEYS: Record<Guest['invitationStatus'], MessageKey> = {
  pending: 'stPending',
  invited: 'stInvited',
  accepted: 'stAccepted',
  declined: 'stDeclined',
};
export const STATUS_COLORS: Record<Guest['invitationStatus'], string> = { pending: 'default', invited: 'processing', accepted: 'success', declined: 'error' };
export const CATEGORY_KEYS: Record<Guest['category'], MessageKey> = {
  enterprise: 'catEnterprise',
  government: 'catGovernment',
  media: 'catMedia',
  other: 'catOther',
};

export function dateRange(startsOn: string, endsOn: string): string {
  return startsOn === endsOn ? startsOn : `${startsOn} ~ ${endsOn}`;
}

export const STATUSES = Object.keys(STATUS_KEYS) as Guest['invitationStatus'][];
export const CATEGORIES = Object.keys(CATEGORY_KEYS) as Guest['category'][];
