import type { Lead, LeadActivity, LeadSource } from '../../shared/leads.js';
import { isOpenLeadStatus, type LeadStatus } from '../../shared/lead-status.js';
import type { LeadWithNames } from './queries.js';

const ref = (id: number | null, name: string | null) => (id !== null ? { id, name: name ?? '' } : null);

/** Every field is named: a column added to the table never reaches a user by accident. */
export function presentLead(row: LeadWithNames, today: string): Lead {
  return {
    id: row.id,
    enterprise: { id: row.enterprise_id, name: row.enterprise_name },
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    chain: ref(row.chain_id, row.chain_name),
    node: ref(row.node_id, row.node_name),
    regionCode: row.region_code,
    regionName: row.region_name,
    source: row.source as LeadSource,
    referrer: ref(row.referrer_enterprise_id, row.referrer_name),
    event: ref(row.event_id, row.event_name),
    owner: ref(row.owner_id, row.owner_name),
    estimatedInvestmentYuan: row.estimated_investment_yuan === null ? null : Number(row.estimated_investment_yuan),
    status: row.status as LeadStatus,
    lostReason: row.lost_reason,
    lostFrom: row.lost_from as LeadStatus | null,
    nextStep: row.next_step,
    nextStepOn: row.next_step_on,
    overdue: isOpenLeadStatus(row.status) && row.next_step_on !== null && row.next_step_on < today,
    note: row.note,
    score: row.score === null ? null : Number(row.score),
    explanation: row.explanation,
    project: ref(row.project_id, row.project_name),
    signedOn: row.signed_on,
    isSample: row.is_sample === 1,
    version: row.version,
    createdBy: row.creator_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface ActivityRow {
  id: number;
  kind: string;
  occurred_on: string;
  people: string;
  summary: string;
  from_status: string | null;
  to_status: string | null;
  display_name: string | null;
  created_at: string;
}

export function presentActivity(row: ActivityRow): LeadActivity {
  return {
    id: row.id,
    kind: row.kind as LeadActivity['kind'],
    occurredOn: row.occurred_on,
    people: row.people,
    summary: row.summary,
    fromStatus: row.from_status as LeadStatus | null,
    toStatus: row.to_status as LeadStatus | null,
    actor: row.display_name,
    at: row.created_at,
  };
}
