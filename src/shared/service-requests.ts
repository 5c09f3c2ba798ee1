import { z } from 'zod';
import { idParamsSchema, idSchema, pageOf, pageQuerySchema, plainText } from './common.js';
import { ASSIGNMENT_STATUSES, REQUEST_CATEGORIES, REQUEST_STATUSES, type AssignmentStatus, type RequestStatus } from './service-catalog.js';

/**
 * A new service request (企业诉求). An enterprise user raises it for its own enterprise (enterpriseId is
 * then taken from the session); an officer raises it on an enterprise's behalf, during a visit or not.
 * Without departments it goes to the category's default department (service_levels).
 */
export const createServiceRequestSchema = z
  .object({
    enterpriseId: idSchema.optional(),
    projectId: idSchema.nullable().optional(),
    category: z.enum(REQUEST_CATEGORIES),
    title: plainText(200).min(1),
    description: plainText(5000).min(1),
    departmentCodes: z.array(plainText(20).min(1)).max(10).optional(),
    fromVisit: z.boolean().optional(),
  })
  .strict();
export type CreateServiceRequestInput = z.infer<typeof createServiceRequestSchema>;

export const REQUEST_FLAGS = ['overdue', 'red', 'escalated', 'due_soon'] as const;
export type RequestFlag = (typeof REQUEST_FLAGS)[number];
export const REQUEST_SORTS = ['createdAt', 'updatedAt', 'dueOn'] as const;
export type RequestLight = 'green' | 'yellow' | 'red';

/** The list's filters, shared by the list and its Excel export. */
export const serviceRequestFilterSchema = z.object({
  q: plainText(100).optional(),
  status: z.enum(REQUEST_STATUSES).optional(),
  category: z.enum(REQUEST_CATEGORIES).optional(),
  departmentCode: plainText(20).optional(),
  regionCode: plainText(20).optional(),
  enterpriseId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  projectId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  flag: z.enum(REQUEST_FLAGS).optional(),
  sort: z.enum(REQUEST_SORTS).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ServiceRequestFilter = z.infer<typeof serviceRequestFilterSchema>;
export const serviceRequestListQuerySchema = serviceRequestFilterSchema.extend(pageQuerySchema.shape);
export type ServiceRequestListQuery = z.infer<typeof serviceRequestListQuerySchema>;

export const addAssignmentSchema = z.object({ departmentCode: plainText(20).min(1) }).strict();
export type AddAssignmentInput = z.infer<typeof addAssignmentSchema>;

export const assignmentTransitionSchema = z
  .object({ to: z.enum(['accepted', 'in_progress', 'resolved']), note: plainText(2000).optional() })
  .strict();
export type AssignmentTransitionInput = z.infer<typeof assignmentTransitionSchema>;

export const confirmServiceRequestSchema = z
  .object({ rating: z.number().int().min(1).max(5), comment: plainText(1000).optional() })
  .strict();
export type ConfirmServiceRequestInput = z.infer<typeof confirmServiceRequestSchema>;

export const reopenServiceRequestSchema = z.object({ reason: plainText(1000).min(1) }).strict();
export type ReopenServiceRequestInput = z.infer<typeof reopenServiceRequestSchema>;

export const departmentParamsSchema = idParamsSchema.extend({ departmentCode: z.string().min(1).max(20) });

const ref = z.object({ id: z.number().int(), name: z.string() });
const lightSchema = z.enum(['green', 'yellow', 'red']).nullable();

export const serviceAssignmentSchema = z.object({
  departmentCode: z.string(),
  departmentName: z.string(),
  departmentNameEn: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  dueOn: z.string(),
  redOn: z.string(),
  light: lightSchema,
  acceptedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  response: z.string(),
  handler: z.string().nullable(),
});
export type ServiceAssignment = z.infer<typeof serviceAssignmentSchema>;

export const serviceRequestSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  category: z.enum(REQUEST_CATEGORIES),
  status: z.enum(REQUEST_STATUSES),
  enterprise: ref,
  project: ref.nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  departments: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(), status: z.enum(ASSIGNMENT_STATUSES) })),
  dueOn: z.string().nullable(),
  redOn: z.string().nullable(),
  light: lightSchema,
  escalatedAt: z.string().nullable(),
  rating: z.number().int().nullable(),
  raisedBy: z.string().nullable(),
  onBehalf: z.boolean(),
  fromVisit: z.boolean(),
  isSample: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
  confirmedAt: z.string().nullable(),
});
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;
export const serviceRequestPageSchema = pageOf(serviceRequestSchema);

export const requestEventSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['created', 'assigned', 'accepted', 'in_progress', 'resolved', 'confirmed', 'reopened', 'escalated', 'attachment']),
  departmentCode: z.string().nullable(),
  departmentName: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type RequestEvent = z.infer<typeof requestEventSchema>;

export const attachmentSchema = z.object({ id: z.number().int(), fileName: z.string(), mime: z.string(), sizeBytes: z.number().int() });
export type Attachment = z.infer<typeof attachmentSchema>;
export const attachmentDetailSchema = attachmentSchema.extend({ uploadedBy: z.string().nullable(), createdAt: z.string() });

export const serviceRequestDetailSchema = serviceRequestSchema.extend({
  description: z.string(),
  ratingComment: z.string(),
  escalationNote: z.string().nullable(),
  resolvedOnTime: z.boolean().nullable(),
  assignments: z.array(serviceAssignmentSchema),
  timeline: z.array(requestEventSchema),
  attachments: z.array(attachmentDetailSchema),
  /** What the caller may do here, so the page offers only those actions. */
  can: z.object({
    addDepartment: z.boolean(),
    transition: z.array(z.string()),
    confirm: z.boolean(),
    reopen: z.boolean(),
    upload: z.boolean(),
  }),
});
export type ServiceRequestDetail = z.infer<typeof serviceRequestDetailSchema>;

/** The light by the contract: none once resolved; red from red_on; yellow once past due_on. */
export function requestLight(status: string, dueOn: string | null, redOn: string | null, today: string): RequestLight | null {
  if (status === 'resolved' || status === 'confirmed' || dueOn === null) return null;
  if (redOn !== null && redOn <= today) return 'red';
  if (dueOn < today) return 'yellow';
  return 'green';
}

/** A request's status from its assignments' (see the contract in the issue). */
export function deriveRequestStatus(current: RequestStatus, assignments: readonly AssignmentStatus[]): RequestStatus {
  if (assignments.length > 0 && assignments.every((s) => s === 'resolved')) return 'resolved';
  if (current === 'reopened') return 'reopened';
  if (assignments.some((s) => s === 'in_progress' || s === 'resolved')) return 'in_progress';
  if (assignments.some((s) => s === 'accepted')) return 'accepted';
  return 'submitted';
}

/** The one step each assignment may take from where it is. */
export const NEXT_ASSIGNMENT_STATUS: Record<AssignmentStatus, AssignmentStatus | null> = {
  submitted: 'accepted',
  accepted: 'in_progress',
  in_progress: 'resolved',
  resolved: null,
};

/** How a refusal names each field of these bodies, in both languages. */
export const REQUEST_FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  enterpriseId: { zh: '企业', en: 'Enterprise' },
  projectId: { zh: '项目', en: 'Project' },
  category: { zh: '诉求类别', en: 'Category' },
  title: { zh: '诉求标题', en: 'Title' },
  description: { zh: '诉求内容', en: 'Description' },
  departmentCodes: { zh: '办理部门', en: 'Departments' },
  departmentCode: { zh: '办理部门', en: 'Department' },
  to: { zh: '办理状态', en: 'Status' },
  note: { zh: '办理说明', en: 'Note' },
  rating: { zh: '评价星级', en: 'Rating' },
  comment: { zh: '评价意见', en: 'Comment' },
  reason: { zh: '重新办理原因', en: 'Reason' },
};

/** Where requests can go: the active departments and each category's default department and deadline. */
export const requestRoutingSchema = z.object({
  departments: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string() })),
  categories: z.array(z.object({ category: z.enum(REQUEST_CATEGORIES), departmentCode: z.string(), workingDays: z.number().int() })),
});
export type RequestRouting = z.infer<typeof requestRoutingSchema>;
