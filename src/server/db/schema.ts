import type { Generated, Insertable, Selectable } from 'kysely';

// Booleans are 0/1 integers and timestamps ISO-8601 UTC text, so one schema reads the same on SQLite and PostgreSQL.
export interface RegionTable {
  code: string;
  name: string;
  name_en: string;
  kind: 'prefecture' | 'county' | 'park';
  parent_code: string | null;
  sort_order: number;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  display_name: string;
  role: 'admin' | 'leader' | 'region' | 'department' | 'enterprise';
  department: string | null;
  enterprise_uscc: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface UserRegionTable {
  user_id: number;
  region_code: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface LoginThrottleTable {
  username: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface ProjectTable {
  id: Generated<number>;
  name: string;
  investor_name: string;
  investor_uscc: string | null;
  region_code: string;
  cluster: string;
  chain: string;
  investment_yuan: number;
  funds_in_place_yuan: number;
  capacity: string;
  description: string;
  chain_leader: string;
  officer: string;
  tag_green: number;
  tag_innovation: number;
  tag_value: number;
  stage: string;
  stage_date: string;
  negotiating_on: string | null;
  signed_on: string | null;
  landed_on: string | null;
  started_on: string | null;
  operating_on: string | null;
  full_capacity_on: string | null;
  planned_signed_on: string | null;
  planned_landed_on: string | null;
  planned_started_on: string | null;
  planned_operating_on: string | null;
  planned_full_capacity_on: string | null;
  next_planned_on: string | null;
  terminated_reason: string | null;
  is_sample: number;
  search_text: string;
  enterprise_id: number | null;
  node_id: number | null;
  lead_id: Generated<number | null>;
  project_type: string | null;
  /** The next stage a missing approval or factor blocks (0017), kept by approvals/blocks.ts. */
  blocked_stage: string | null;
  version: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface ProjectTransitionTable {
  id: Generated<number>;
  project_id: number;
  kind: 'create' | 'advance' | 'terminate' | 'rollback';
  from_stage: string | null;
  to_stage: string;
  date: string;
  note: string | null;
  reason: string | null;
  user_id: number | null;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface ClusterTable {
  id: Generated<number>;
  code: string;
  name: string;
  sort_order: number;
}

export interface ChainTable {
  id: Generated<number>;
  cluster_id: number;
  name: string;
  description: string;
  weak_threshold: number;
  created_at: string;
  updated_at: string;
}

export interface ChainNodeTable {
  id: Generated<number>;
  chain_id: number;
  name: string;
  position: 'upstream' | 'midstream' | 'downstream';
  sort_order: number;
}

export interface ChainNodeLinkTable {
  id: Generated<number>;
  chain_id: number;
  from_node_id: number;
  to_node_id: number;
}

export interface EnterpriseTable {
  id: Generated<number>;
  name: string;
  uscc: string;
  is_local: number;
  region_code: string | null;
  province: string;
  city: string;
  size: 'large' | 'medium' | 'small' | 'micro' | null;
  contact_name: string;
  contact_phone: string;
  description: string;
  search_text: string;
  is_sample: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface EnterpriseNodeTable {
  enterprise_id: number;
  node_id: number;
}

export interface ChainLeaderTable {
  chain_id: number;
  enterprise_id: number;
}

export interface SupplyLinkTable {
  id: Generated<number>;
  supplier_id: number;
  customer_id: number;
  product: string;
  volume: number | null;
  unit: string;
  source: string;
  date: string | null;
  created_at: string;
}

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

export interface ImportJobTable {
  id: Generated<number>;
  kind: 'enterprises' | 'supply_links';
  status: 'validating' | 'writing' | 'failed' | 'succeeded';
  file_name: string;
  total_rows: number;
  processed_rows: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  error_count: number;
  errors_json: string;
  message: string | null;
  created_by: number | null;
  created_at: string;
  finished_at: string | null;
}

export interface DepartmentTable {
  code: string;
  name: string;
  name_en: string;
  sort_order: Generated<number>;
  active: Generated<number>;
}

/** Exceptions to the Monday–Friday week: a public holiday, or a weekend made a working day (调休). */
export interface CalendarDayTable {
  day: string;
  kind: 'holiday' | 'workday';
  name: Generated<string>;
}

export interface ServiceLevelTable {
  category: string;
  department_code: string;
  working_days: number;
  escalate_after_days: number;
  updated_at: string;
}

export interface ServiceRequestTable {
  id: Generated<number>;
  enterprise_id: number;
  project_id: number | null;
  region_code: string | null;
  category: string;
  title: string;
  description: Generated<string>;
  status: string;
  raised_by: number | null;
  on_behalf: Generated<number>;
  from_visit: Generated<number>;
  /** The earliest deadline among the departments still working on it; null once all have resolved. */
  due_on: string | null;
  /** The day it turns red and goes to the prefecture (督办) if still open. */
  red_on: string | null;
  escalated_at: string | null;
  escalation_note: string | null;
  resolved_at: string | null;
  confirmed_at: string | null;
  resolved_on_time: number | null;
  rating: number | null;
  rating_comment: Generated<string>;
  search_text: Generated<string>;
  is_sample: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ServiceRequestAssignmentTable {
  id: Generated<number>;
  request_id: number;
  department_code: string;
  status: string;
  due_on: string;
  red_on: string;
  accepted_at: string | null;
  resolved_at: string | null;
  response: Generated<string>;
  handler_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceRequestEventTable {
  id: Generated<number>;
  request_id: number;
  kind: string;
  department_code: string | null;
  from_status: string | null;
  to_status: string | null;
  note: Generated<string>;
  user_id: number | null;
  created_at: string;
}

export interface AttachmentTable {
  id: Generated<number>;
  owner_type: 'request' | 'approval';
  owner_id: number;
  file_name: string;
  mime: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  created_at: string;
}

export interface ApprovalTemplateTable {
  id: Generated<number>;
  project_type: string;
  seq: number;
  name: string;
  name_en: Generated<string>;
  department_code: string;
  blocks_stage: string;
}

export interface ProjectApprovalTable {
  id: Generated<number>;
  project_id: number;
  seq: number;
  name: string;
  department_code: string;
  status: string;
  submitted_on: string | null;
  approved_on: string | null;
  blocks_stage: string;
  document_no: Generated<string>;
  note: Generated<string>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ProjectFactorTable {
  id: Generated<number>;
  project_id: number;
  kind: string;
  required_amount: number;
  secured_amount: Generated<number>;
  needed_by: string | null;
  secured_on: string | null;
  blocks_stage: string;
  department_code: string | null;
  note: Generated<string>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PolicyTable {
  id: Generated<number>;
  title: string;
  issuer: Generated<string>;
  doc_number: Generated<string>;
  valid_from: string | null;
  valid_to: string | null;
  benefits: Generated<string>;
  full_text: Generated<string>;
  /** PolicyRules (src/shared/policies.ts) as JSON. */
  rules_json: Generated<string>;
  search_text: Generated<string>;
  is_sample: Generated<number>;
  version: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  title_en: Generated<string>;
  link: Generated<string>;
  entity: Generated<string>;
  entity_id: string | null;
  dedupe_key: string | null;
  read_at: string | null;
  created_at: string;
}

export interface DB {
  clusters: ClusterTable;
  chains: ChainTable;
  chain_nodes: ChainNodeTable;
  chain_node_links: ChainNodeLinkTable;
  enterprises: EnterpriseTable;
  enterprise_nodes: EnterpriseNodeTable;
  chain_leaders: ChainLeaderTable;
  supply_links: SupplyLinkTable;
  leads: LeadTable;
  lead_activities: LeadActivityTable;
  events: EventTable;
  event_groups: EventGroupTable;
  event_stops: EventStopTable;
  event_guests: EventGuestTable;
  event_signings: EventSigningTable;
  opportunities: OpportunityTable;
  public_interests: PublicInterestTable;
  import_jobs: ImportJobTable;
  regions: RegionTable;
  users: UserTable;
  user_regions: UserRegionTable;
  sessions: SessionTable;
  login_throttle: LoginThrottleTable;
  projects: ProjectTable;
  project_transitions: ProjectTransitionTable;
  audit_log: AuditLogTable;
  departments: DepartmentTable;
  calendar_days: CalendarDayTable;
  service_levels: ServiceLevelTable;
  service_requests: ServiceRequestTable;
  service_request_assignments: ServiceRequestAssignmentTable;
  service_request_events: ServiceRequestEventTable;
  attachments: AttachmentTable;
  approval_templates: ApprovalTemplateTable;
  project_approvals: ProjectApprovalTable;
  project_factors: ProjectFactorTable;
  policies: PolicyTable;
  notifications: NotificationTable;
}

export type ProjectRow = Selectable<ProjectTable>;
export type NewProjectRow = Insertable<ProjectTable>;
export type UserRow = Selectable<UserTable>;
export type EnterpriseRow = Selectable<EnterpriseTable>;
