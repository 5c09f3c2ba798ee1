import type { Generated } from 'kysely';

// Issue 5's tables: the lead pipeline, investment events (guests, visit groups and stops, signings), and
// the public page's offers and expressions of interest. schema.ts re-exports them into DB.

export interface LeadTable {
  id: Generated<number>;
  enterprise_id: number | null;
  enterprise_name: string;
  contact_name: Generated<string>;
  contact_phone: Generated<string>;
  contact_email: Generated<string>;
  chain_id: number | null;
  node_id: number | null;
  region_code: string | null;
  source: string;
  referrer_enterprise_id: number | null;
  event_id: number | null;
  owner_id: number | null;
  estimated_investment_yuan: number | null;
  status: string;
  lost_reason: string | null;
  lost_from: string | null;
  next_step: Generated<string>;
  next_step_on: string | null;
  note: Generated<string>;
  score: number | null;
  explanation: Generated<string>;
  project_id: number | null;
  signed_on: string | null;
  search_text: Generated<string>;
  is_sample: Generated<number>;
  version: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface LeadActivityTable {
  id: Generated<number>;
  lead_id: number;
  kind: string;
  occurred_on: string;
  people: Generated<string>;
  summary: Generated<string>;
  from_status: string | null;
  to_status: string | null;
  user_id: number | null;
  created_at: string;
}

export interface EventTable {
  id: Generated<number>;
  name: string;
  theme: Generated<string>;
  starts_on: string;
  ends_on: string;
  venue: Generated<string>;
  organiser: Generated<string>;
  description: Generated<string>;
  search_text: Generated<string>;
  is_sample: Generated<number>;
  version: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface EventGroupTable {
  id: Generated<number>;
  event_id: number;
  name: string;
  leader: Generated<string>;
  note: Generated<string>;
  sort_order: Generated<number>;
}

export interface EventStopTable {
  id: Generated<number>;
  group_id: number;
  seq: number;
  region_code: string | null;
  place: Generated<string>;
  enterprise_id: number | null;
  /** Local time in Asia/Shanghai, 'YYYY-MM-DD HH:mm'. */
  scheduled_at: string | null;
  host: Generated<string>;
  activity: Generated<string>;
}

export interface EventGuestTable {
  id: Generated<number>;
  event_id: number;
  enterprise_id: number | null;
  organisation: Generated<string>;
  person_name: string;
  title: Generated<string>;
  phone: Generated<string>;
  category: Generated<string>;
  invitation_status: Generated<string>;
  group_id: number | null;
  checked_in_at: string | null;
  checked_in_by: number | null;
  note: Generated<string>;
  search_text: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface EventSigningTable {
  id: Generated<number>;
  event_id: number;
  project_id: number;
  seq: Generated<number>;
  region_code: string;
  investor_name: string;
  investor_enterprise_id: number | null;
  partner_name: Generated<string>;
  partner_enterprise_id: number | null;
  partner_role: Generated<string>;
  amount_yuan: Generated<number>;
  signed_on: string;
  created_at: string;
}

export interface OpportunityTable {
  id: Generated<number>;
  title: string;
  title_en: Generated<string>;
  summary: Generated<string>;
  summary_en: Generated<string>;
  region_code: string | null;
  chain_id: number | null;
  node_id: number | null;
  investment_yuan: number | null;
  land_mu: number | null;
  contact: Generated<string>;
  published: Generated<number>;
  is_sample: Generated<number>;
  version: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface PublicInterestTable {
  id: Generated<number>;
  lead_id: number;
  opportunity_id: number | null;
  node_id: number | null;
  address: string;
  user_agent: Generated<string>;
  created_at: string;
}
