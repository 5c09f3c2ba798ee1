import type { CurrentUser } from '../../shared/auth.js';
import type { AssignmentStatus, RequestCategory, RequestStatus } from '../../shared/service-catalog.js';
import { requestLight, type RequestEvent, type ServiceAssignment, type ServiceRequest, type ServiceRequestDetail } from '../../shared/service-requests.js';
import { canAddDepartment, canConfirm, canTransition, canUpload } from './policy.js';
import type { AssignmentRow, AttachmentRow, DepartmentRef, RequestWithNames, TimelineRow } from './queries.js';

/** Every field is named: a column added to the table never reaches a user by accident. */
export function presentRequest(row: RequestWithNames, departments: DepartmentRef[], today: string): ServiceRequest {
  return {
    id: row.id,
    title: row.title,
    category: row.category as RequestCategory,
    status: row.status as RequestStatus,
    enterprise: { id: row.enterprise_id, name: row.enterprise_name ?? '' },
    project: row.project_id !== null ? { id: row.project_id, name: row.project_name ?? '' } : null,
    regionCode: row.region_code,
    regionName: row.region_name,
    departments: departments.map((d) => ({ code: d.department_code, name: d.name, nameEn: d.name_en, status: d.status as AssignmentStatus })),
    dueOn: row.due_on,
    redOn: row.red_on,
    light: requestLight(row.status, row.due_on, row.red_on, today),
    escalatedAt: row.escalated_at,
    rating: row.rating,
    raisedBy: row.raiser_name,
    onBehalf: row.on_behalf === 1,
    fromVisit: row.from_visit === 1,
    isSample: row.is_sample === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    resolvedAt: row.resolved_at,
    confirmedAt: row.confirmed_at,
  };
}

export function presentAssignment(row: AssignmentRow, today: string): ServiceAssignment {
  return {
    departmentCode: row.department_code,
    departmentName: row.name,
    departmentNameEn: row.name_en,
    status: row.status as AssignmentStatus,
    dueOn: row.due_on,
    redOn: row.red_on,
    light: requestLight(row.status, row.due_on, row.red_on, today),
    acceptedAt: row.accepted_at,
    resolvedAt: row.resolved_at,
    response: row.response,
    handler: row.handler,
  };
}

export function presentEvent(row: TimelineRow): RequestEvent {
  return {
    id: row.id,
    kind: row.kind as RequestEvent['kind'],
    departmentCode: row.department_code,
    departmentName: row.department_name,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    note: row.note,
    actor: row.actor,
    at: row.created_at,
  };
}

export function presentAttachment(row: AttachmentRow) {
  return { id: row.id, fileName: row.file_name, mime: row.mime, sizeBytes: Number(row.size_bytes), uploadedBy: row.uploader, createdAt: row.created_at };
}

export function presentDetail(
  user: CurrentUser,
  row: RequestWithNames,
  parts: { assignments: AssignmentRow[]; timeline: TimelineRow[]; attachments: AttachmentRow[] },
  today: string,
): ServiceRequestDetail {
  const departments = parts.assignments.map((a) => ({ request_id: row.id, department_code: a.department_code, name: a.name, name_en: a.name_en, status: a.status }));
  const open = row.status !== 'confirmed';
  return {
    ...presentRequest(row, departments, today),
    description: row.description,
    ratingComment: row.rating_comment,
    escalationNote: row.escalation_note,
    resolvedOnTime: row.resolved_on_time === null ? null : row.resolved_on_time === 1,
    assignments: parts.assignments.map((a) => presentAssignment(a, today)),
    timeline: parts.timeline.map(presentEvent),
    attachments: parts.attachments.map(presentAttachment),
    can: {
      addDepartment: open && canAddDepartment(user),
      transition: open ? parts.assignments.filter((a) => a.status !== 'resolved' && canTransition(user, a.department_code)).map((a) => a.department_code) : [],
      confirm: row.status === 'resolved' && canConfirm(user),
      reopen: row.status === 'resolved' && canConfirm(user),
      upload: open && canUpload(user),
    },
  };
}
