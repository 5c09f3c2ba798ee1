import type { CurrentUser } from '../../shared/auth.js';
import type { EventDetail, EventItem, Group, Guest, Signing } from '../../shared/events.js';
import type { AnyStage } from '../../shared/stages.js';
import { canSeeGuestContacts } from './policy.js';
import type { EventRowWithCounts, GroupsData, GuestRow, SigningRow } from './queries.js';

// Every field is named: a column added to a table never reaches a user by accident.
export function presentEventItem(row: EventRowWithCounts): EventItem {
  return {
    id: row.id,
    name: row.name,
    theme: row.theme,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    venue: row.venue,
    organiser: row.organiser,
    isSample: row.is_sample === 1,
    counts: {
      guests: Number(row.n_guests),
      invited: Number(row.n_invited),
      accepted: Number(row.n_accepted),
      checkedIn: Number(row.n_checked_in),
      groups: Number(row.n_groups),
      signings: Number(row.n_signings),
      signedYuan: Number(row.signed_yuan),
      leads: Number(row.n_leads),
    },
  };
}

export function presentEvent(row: EventRowWithCounts): EventDetail {
  return { ...presentEventItem(row), description: row.description, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at };
}

export function presentGuest(row: GuestRow, viewer: CurrentUser): Guest {
  return {
    id: row.id,
    eventId: row.event_id,
    personName: row.person_name,
    organisation: row.organisation,
    title: row.title,
    phone: canSeeGuestContacts(viewer) ? row.phone : '',
    category: row.category as Guest['category'],
    invitationStatus: row.invitation_status as Guest['invitationStatus'],
    enterprise: row.enterprise_id !== null ? { id: row.enterprise_id, name: row.enterprise_name ?? '' } : null,
    group: row.group_id !== null ? { id: row.group_id, name: row.group_name ?? '' } : null,
    checkedInAt: row.checked_in_at,
    checkedInBy: row.checked_in_at ? (row.checked_in_by_name ?? null) : null,
    note: row.note,
  };
}

export function presentGroups({ groups, stops, members }: GroupsData): Group[] {
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    leader: g.leader,
    note: g.note,
    sortOrder: g.sort_order,
    stops: stops
      .filter((s) => s.group_id === g.id)
      .map((s) => ({
        id: s.id,
        seq: s.seq,
        regionCode: s.region_code,
        regionName: s.region_name ?? null,
        place: s.place,
        enterprise: s.enterprise_id !== null ? { id: s.enterprise_id, name: s.enterprise_name ?? '' } : null,
        scheduledAt: s.scheduled_at,
        host: s.host,
        activity: s.activity,
      })),
    members: members
      .filter((m) => m.group_id === g.id)
      .map((m) => ({ id: m.id, personName: m.person_name, organisation: m.organisation, title: m.title })),
  }));
}

export function presentSigning(row: SigningRow): Signing {
  return {
    id: row.id,
    seq: row.seq,
    project: { id: row.project_id, name: row.project_name, stage: row.project_stage as AnyStage },
    regionCode: row.region_code,
    regionName: row.region_name,
    investorName: row.investor_name,
    investorEnterpriseId: row.investor_enterprise_id,
    partnerName: row.partner_name,
    partnerEnterpriseId: row.partner_enterprise_id,
    partnerRole: row.partner_role as Signing['partnerRole'],
    amountYuan: Number(row.amount_yuan),
    signedOn: row.signed_on,
  };
}
