import type { Generated } from 'kysely';

// Issue 6's tables (enterprise services): departments, the working-day calendar, service requests and
// their routing, attachments, approvals and factor guarantees per project, policies and the inbox.
// Kept apart from schema.ts so each file stays readable; schema.ts re-exports them into DB.

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
  /** The project's cluster and signing event, copied so the command view groups by them (0033). */
  project_cluster: Generated<string | null>;
  project_event_id: Generated<number | null>;
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

/** Which departments a project's approvals, factors or requests name, with the project's summed columns (0021); kept by projects/departments.ts. */
export interface ProjectDepartmentTable {
  department_code: string;
  project_id: number;
  region_code: string;
  stage: string;
  investment_yuan: number;
  funds_in_place_yuan: number;
  next_planned_on: string | null;
  /** The project's cluster and stage dates, copied for the command view's department figures (0033). */
  cluster: string | null;
  negotiating_on: string | null;
  signed_on: string | null;
  landed_on: string | null;
  started_on: string | null;
  operating_on: string | null;
  full_capacity_on: string | null;
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

/** A policy's qualifying enterprises (0024), kept by policies/enterprise-matches.ts. */
export interface PolicyEnterpriseMatchTable {
  policy_id: number;
  enterprise_id: number;
  name: string;
  region_code: string | null;
}

/** When a policy's enterprise list was made, and from which resolved rules. */
export interface PolicyMatchRunTable {
  policy_id: number;
  signature: string;
  computed_at: string;
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
