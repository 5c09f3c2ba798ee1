import type { Role } from '../../shared/roles.js';
import type { Generated, Insertable, Selectable } from 'kysely';
import type {
  DepartmentTable,
  CalendarDayTable,
  ServiceLevelTable,
  ServiceRequestTable,
  ServiceRequestAssignmentTable,
  ServiceRequestEventTable,
  AttachmentTable,
  ApprovalTemplateTable,
  ProjectApprovalTable,
  ProjectFactorTable,
  ProjectDepartmentTable,
  PolicyEnterpriseMatchTable,
  PolicyMatchRunTable,
  PolicyTable,
  NotificationTable,
} from './schema-services.js';
import type { ChainNodeCountTable } from './schema-cmdperf.js';
import type {
  LeadTable,
  LeadActivityTable,
  EventTable,
  EventGroupTable,
  EventStopTable,
  EventGuestTable,
  EventSigningTable,
  OpportunityTable,
  PublicInterestTable,
} from './schema-pipeline.js';
import type { LsAmbassadorTable, LsAwardTable, LsContestantTable, LsContestTable, LsFlagTable, LsImportTable, LsJuryNoteTable, LsOrderTable, LsProductTable, LsSalesTable, LsStandingTable } from './schema-livestream.js';

import type { SkillsDB } from './schema-skills.js';

export type * from './schema-pipeline.js';
export type * from './schema-skills.js';
export type * from './schema-services.js';
export type * from './schema-cmdperf.js';
export type * from './schema-livestream.js';

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
  role: Role;
  department: string | null;
  enterprise_uscc: string | null;
  active: number;
  created_at: string;
  updated_at: string;
  password_changed_at: string | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: number | null;
}

export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  created_at: string;
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
  last_seen_at: string | null;
}

export interface LoginThrottleTable {
  username: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
  locks: Generated<number>;
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

export interface IndicatorTargetTable {
  indicator: string;
  green: number;
  yellow: number;
  updated_by: number | null;
  updated_at: string;
}

export interface DB extends SkillsDB {
  clusters: ClusterTable;
  chains: ChainTable;
  chain_nodes: ChainNodeTable;
  chain_node_links: ChainNodeLinkTable;
  enterprises: EnterpriseTable;
  enterprise_nodes: EnterpriseNodeTable;
  chain_node_counts: ChainNodeCountTable;
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
  password_history: PasswordHistoryTable;
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
  project_departments: ProjectDepartmentTable;
  policy_enterprise_matches: PolicyEnterpriseMatchTable;
  policy_match_runs: PolicyMatchRunTable;
  policies: PolicyTable;
  notifications: NotificationTable;
  indicator_targets: IndicatorTargetTable;
  ls_contests: LsContestTable;
  ls_contestants: LsContestantTable;
  ls_products: LsProductTable;
  ls_awards: LsAwardTable;
  ls_ambassadors: LsAmbassadorTable;
  ls_imports: LsImportTable;
  ls_orders: LsOrderTable;
  ls_jury_notes: LsJuryNoteTable;
  ls_sales: LsSalesTable;
  ls_flags: LsFlagTable;
  ls_standings: LsStandingTable;
}

export type ProjectRow = Selectable<ProjectTable>;
export type NewProjectRow = Insertable<ProjectTable>;
export type UserRow = Selectable<UserTable>;
export type EnterpriseRow = Selectable<EnterpriseTable>;
