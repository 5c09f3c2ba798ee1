import { z } from 'zod';
import { dateSchema, decimalSchema, pageOf, pageQuerySchema, plainText, versionSchema } from './common.js';
import { APPROVAL_STATUSES, FACTOR_KINDS, PROJECT_TYPES, type ApprovalStatus, type FactorKind } from './service-catalog.js';
import { STAGES, type Stage } from './stages.js';

// Approval items and factor guarantees per project (issue 6). The blocking rule lives in
// project-blocks.ts; these are the shapes the API accepts and returns.

/** A project is never blocked from negotiating: a prerequisite names a later stage. */
export const BLOCKABLE_STAGES = STAGES.filter((s) => s !== 'negotiating') as Exclude<Stage, 'negotiating'>[];
export const blocksStageSchema = z.enum(BLOCKABLE_STAGES as [Exclude<Stage, 'negotiating'>, ...Exclude<Stage, 'negotiating'>[]]);
export const approvalStatusSchema = z.enum(APPROVAL_STATUSES);
export const factorKindSchema = z.enum(FACTOR_KINDS);
export const projectTypeSchema = z.enum(PROJECT_TYPES);
const departmentCodeSchema = plainText(20).min(1);

/** Where a factor's shortfall bites if the caller does not say: land before landing, utilities before operating. */
export const FACTOR_DEFAULT_BLOCKS: Record<FactorKind, Exclude<Stage, 'negotiating'>> = {
  land: 'landed',
  power: 'operating',
  water: 'operating',
  gas: 'operating',
  finance: 'started',
  labour: 'started',
};

/** Allowed moves of an approval item; not_required is the office's call (admin) from any status. */
export const APPROVAL_MOVES: Record<ApprovalStatus, readonly ApprovalStatus[]> = {
  pending: ['submitted'],
  submitted: ['approved', 'rejected'],
  rejected: ['submitted'],
  approved: [],
  not_required: ['pending'],
};

export const APPROVAL_FIELD_LABELS = {
  name: { zh: '审批事项', en: 'Approval item' },
  nameEn: { zh: '英文名称', en: 'English name' },
  departmentCode: { zh: '责任部门', en: 'Department' },
  blocksStage: { zh: '卡点阶段', en: 'Needed before stage' },
  status: { zh: '办理状态', en: 'Status' },
  submittedOn: { zh: '申报日期', en: 'Submitted on' },
  approvedOn: { zh: '批复日期', en: 'Approved on' },
  documentNo: { zh: '批复文号', en: 'Document number' },
  note: { zh: '备注', en: 'Note' },
  projectType: { zh: '项目类型', en: 'Project type' },
  items: { zh: '审批事项', en: 'Approval items' },
  requiredAmount: { zh: '需求量', en: 'Required' },
  securedAmount: { zh: '已保障', en: 'Secured' },
  neededBy: { zh: '需求日期', en: 'Needed by' },
  securedOn: { zh: '保障日期', en: 'Secured on' },
  version: { zh: '版本', en: 'Version' },
} as const;

// ---- templates
export const templateItemInputSchema = z
  .object({
    name: plainText(100).min(1),
    nameEn: plainText(100).optional(),
    departmentCode: departmentCodeSchema,
    blocksStage: blocksStageSchema,
  })
  .strict();
export const putTemplateSchema = z.object({ items: z.array(templateItemInputSchema).min(1).max(40) }).strict();
export type PutTemplateInput = z.infer<typeof putTemplateSchema>;
export const projectTypeParamsSchema = z.object({ projectType: projectTypeSchema });

const departmentRef = z.object({ code: z.string(), name: z.string(), nameEn: z.string() });
export const templateItemSchema = z.object({ seq: z.number().int(), name: z.string(), nameEn: z.string(), department: departmentRef, blocksStage: blocksStageSchema });
export const approvalTemplateSchema = z.object({ projectType: projectTypeSchema, items: z.array(templateItemSchema) });
export type ApprovalTemplate = z.infer<typeof approvalTemplateSchema>;
export const approvalTemplateListSchema = z.object({ items: z.array(approvalTemplateSchema), departments: z.array(departmentRef) });
export type ApprovalTemplateList = z.infer<typeof approvalTemplateListSchema>;

// ---- approval items
export const applyTemplateSchema = z.object({ projectType: projectTypeSchema }).strict();
export type ApplyTemplateInput = z.infer<typeof applyTemplateSchema>;

export const createApprovalSchema = z
  .object({ name: plainText(100).min(1), departmentCode: departmentCodeSchema, blocksStage: blocksStageSchema, note: plainText(1000).optional() })
  .strict();
export type CreateApprovalInput = z.infer<typeof createApprovalSchema>;

/** Department officers may send only status, dates, document number and note; the rest is the project owner's. */
export const updateApprovalSchema = z
  .object({
    version: versionSchema,
    status: approvalStatusSchema.optional(),
    submittedOn: dateSchema.nullable().optional(),
    approvedOn: dateSchema.nullable().optional(),
    documentNo: plainText(100).optional(),
    note: plainText(1000).optional(),
    name: plainText(100).min(1).optional(),
    departmentCode: departmentCodeSchema.optional(),
    blocksStage: blocksStageSchema.optional(),
  })
  .strict();
export type UpdateApprovalInput = z.infer<typeof updateApprovalSchema>;
export const versionBodySchema = z.object({ version: versionSchema }).strict();

export const attachmentRefSchema = z.object({ id: z.number().int(), fileName: z.string(), sizeBytes: z.number().int() });
export const approvalItemSchema = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  seq: z.number().int(),
  name: z.string(),
  nameEn: z.string(),
  department: departmentRef,
  status: approvalStatusSchema,
  submittedOn: z.string().nullable(),
  approvedOn: z.string().nullable(),
  blocksStage: blocksStageSchema,
  documentNo: z.string(),
  note: z.string(),
  attachments: z.array(attachmentRefSchema),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ApprovalItem = z.infer<typeof approvalItemSchema>;

// ---- factors
const amountSchema = decimalSchema(0, 1e13);
export const factorKindParamsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647), kind: factorKindSchema });
export const putFactorSchema = z
  .object({
    /** The version read; omitted when recording a factor the project does not have yet. */
    version: versionSchema.optional(),
    requiredAmount: amountSchema,
    securedAmount: amountSchema.default(0),
    neededBy: dateSchema.nullable().optional(),
    securedOn: dateSchema.nullable().optional(),
    blocksStage: blocksStageSchema.optional(),
    departmentCode: departmentCodeSchema.nullable().optional(),
    note: plainText(1000).optional(),
  })
  .strict();
export type PutFactorInput = z.infer<typeof putFactorSchema>;

export const factorSchema = z.object({
  id: z.number().int(),
  kind: factorKindSchema,
  requiredAmount: z.number(),
  securedAmount: z.number(),
  unit: z.string(),
  unitEn: z.string(),
  neededBy: z.string().nullable(),
  securedOn: z.string().nullable(),
  blocksStage: blocksStageSchema,
  department: departmentRef.nullable(),
  note: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Factor = z.infer<typeof factorSchema>;

// ---- blocked milestone
export const blockReasonSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('approval'), name: z.string(), nameEn: z.string(), status: approvalStatusSchema }),
  z.object({ kind: z.literal('factor'), factor: factorKindSchema, required: z.number(), secured: z.number() }),
]);
export const blockedSchema = z.object({ stage: z.enum(STAGES), reasons: z.array(blockReasonSchema) });

export const projectServicesSchema = z.object({
  projectType: projectTypeSchema.nullable(),
  approvals: z.array(approvalItemSchema),
  factors: z.array(factorSchema),
  blocked: blockedSchema.nullable(),
  /** What the caller may do here, so the page offers only what the server would accept. */
  can: z.object({ manage: z.boolean(), editDepartments: z.array(z.string()) }),
});
export type ProjectServices = z.infer<typeof projectServicesSchema>;

// ---- the department queue
export const approvalQueueQuerySchema = pageQuerySchema
  .extend({
    /** One status or several, comma-separated. */
    status: plainText(100)
      .refine((v) => v.split(',').every((s) => (APPROVAL_STATUSES as readonly string[]).includes(s)), { params: { key: 'enum' } })
      .optional(),
    departmentCode: plainText(20).optional(),
    regionCode: plainText(20).optional(),
    q: plainText(100).optional(),
    sort: z.enum(['updatedAt', 'submittedOn', 'projectName']).default('updatedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();
export type ApprovalQueueQuery = z.infer<typeof approvalQueueQuerySchema>;
export const approvalQueueFilterSchema = approvalQueueQuerySchema.omit({ page: true, pageSize: true });
export type ApprovalQueueFilter = z.infer<typeof approvalQueueFilterSchema>;

export const approvalQueueItemSchema = approvalItemSchema.extend({
  project: z.object({ id: z.number().int(), name: z.string(), regionCode: z.string(), regionName: z.string(), stage: z.string() }),
});
export type ApprovalQueueItem = z.infer<typeof approvalQueueItemSchema>;
export const approvalQueuePageSchema = pageOf(approvalQueueItemSchema);
export type ApprovalQueuePage = z.infer<typeof approvalQueuePageSchema>;

// ---- the audit log's words for this module's writes
export const APPROVAL_AUDIT_ACTIONS: Record<string, { zh: string; en: string }> = {
  'approval.apply_template': { zh: '套用审批模板', en: 'Applied approval template' },
  'approval.create': { zh: '新增审批事项', en: 'Added approval item' },
  'approval.update': { zh: '办理审批事项', en: 'Updated approval item' },
  'approval.delete': { zh: '删除审批事项', en: 'Deleted approval item' },
  'approval_template.put': { zh: '修改审批模板', en: 'Changed approval template' },
  'factor.create': { zh: '登记要素保障', en: 'Recorded factor guarantee' },
  'factor.update': { zh: '更新要素保障', en: 'Updated factor guarantee' },
  'factor.delete': { zh: '删除要素保障', en: 'Deleted factor guarantee' },
};
export const APPROVAL_AUDIT_ENTITIES: Record<string, { zh: string; en: string }> = {
  approval: { zh: '审批事项', en: 'Approval item' },
  approval_template: { zh: '审批模板', en: 'Approval template' },
  project_factor: { zh: '要素保障', en: 'Factor guarantee' },
};
