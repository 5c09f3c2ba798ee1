import { z } from 'zod';
import { dateSchema, idSchema, pageOf, pageQuerySchema, plainText, versionSchema, yuanSchema } from './common.js';
import { ALL_STAGES, INITIAL_STAGES, STAGES } from './stages.js';
import { isValidUscc } from './uscc.js';
import { PROJECT_SORTS } from './project-sorts.js';
import { LEAD_SOURCES } from './leads.js';
import { blockedSchema } from './approvals.js';

export { PROJECT_SORTS };

export const stageSchema = z.enum(ALL_STAGES);

export const usccSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidUscc, { params: { key: 'uscc' } });

/** Planned date per stage after negotiating; each must not fall before the one it follows. */
export const plannedDatesSchema = z
  .object({
    signed: dateSchema.nullable().optional(),
    landed: dateSchema.nullable().optional(),
    started: dateSchema.nullable().optional(),
    operating: dateSchema.nullable().optional(),
    full_capacity: dateSchema.nullable().optional(),
  })
  .strict();
export type PlannedDates = z.infer<typeof plannedDatesSchema>;

const text = plainText;

// No defaults here: PATCH uses the partial form, and a default would overwrite what the user left out.
const projectFields = {
  name: text(200).min(1),
  investorName: text(200).min(1),
  investorUscc: usccSchema.nullable().optional(),
  regionCode: text(20).min(1),
  cluster: text(100).optional(),
  chain: text(100).optional(),
  investmentYuan: yuanSchema,
  fundsInPlaceYuan: yuanSchema.optional(),
  capacity: text(200).optional(),
  description: text(5000).optional(),
  chainLeader: text(200).optional(),
  officer: text(100).optional(),
  tagGreen: z.boolean().optional(),
  tagInnovation: z.boolean().optional(),
  tagValue: z.boolean().optional(),
  plannedDates: plannedDatesSchema.optional(),
  /** The investor in the enterprise base, and the chain node the project fills. */
  enterpriseId: idSchema.nullable().optional(),
  nodeId: idSchema.nullable().optional(),
};

export const createProjectSchema = z
  .object({
    ...projectFields,
    stage: z.enum(INITIAL_STAGES).optional(),
    stageDate: dateSchema.optional(),
  })
  .strict();
export type CreateProjectInput = z.infer<typeof createProjectSchema>;

export const updateProjectSchema = z
  .object(projectFields)
  .partial()
  .extend({ version: versionSchema })
  .strict();
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;

export const transitionSchema = z
  .object({
    to: stageSchema,
    date: dateSchema,
    note: text(1000).optional(),
    reason: text(1000).optional(),
  })
  .strict();
export type TransitionInput = z.infer<typeof transitionSchema>;


export const projectListQuerySchema = pageQuerySchema
  .extend({
    region: text(20).optional(),
    stage: stageSchema.optional(),
    overdue: z.enum(['true', 'false']).optional(),
    q: text(100).optional(),
    enterpriseId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    /** 1: only projects a missing approval or factor keeps from their next stage; 0: only the others. */
    blocked: z.enum(['1', '0']).optional(),
    sort: z.enum(PROJECT_SORTS).default('updatedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;
export const projectExportQuerySchema = projectListQuerySchema.omit({ page: true, pageSize: true });
export type ProjectExportQuery = z.infer<typeof projectExportQuerySchema>;

const stageDatesShape = Object.fromEntries(STAGES.map((s) => [s, z.string().nullable()])) as Record<
  (typeof STAGES)[number],
  z.ZodNullable<z.ZodString>
>;

export const projectSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  investorName: z.string(),
  investorUscc: z.string().nullable(),
  regionCode: z.string(),
  regionName: z.string(),
  cluster: z.string(),
  chain: z.string(),
  investmentYuan: z.number().int(),
  fundsInPlaceYuan: z.number().int(),
  capacity: z.string(),
  description: z.string(),
  chainLeader: z.string(),
  officer: z.string(),
  tagGreen: z.boolean(),
  tagInnovation: z.boolean(),
  tagValue: z.boolean(),
  stage: stageSchema,
  stageDate: z.string(),
  stageDates: z.object(stageDatesShape),
  plannedDates: z.object({
    signed: z.string().nullable(),
    landed: z.string().nullable(),
    started: z.string().nullable(),
    operating: z.string().nullable(),
    full_capacity: z.string().nullable(),
  }),
  enterprise: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  node: z.object({ id: z.number().int(), name: z.string(), chainId: z.number().int(), chainName: z.string() }).nullable(),
  /** The lead the project was signed from, and who referred it: which chain leader brought which investment. */
  lead: z
    .object({ id: z.number().int(), source: z.enum(LEAD_SOURCES), referrer: z.object({ id: z.number().int(), name: z.string() }).nullable() })
    .nullable(),
  nextPlannedDate: z.string().nullable(),
  overdue: z.boolean(),
  overdueDays: z.number().int(),
  terminatedReason: z.string().nullable(),
  isSample: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Project = z.infer<typeof projectSchema>;
/** A ledger row also says which milestone is blocked and by what (shared/project-blocks.ts). */
export const projectListItemSchema = projectSchema.extend({ blocked: blockedSchema.nullable() });
export type ProjectListItem = z.infer<typeof projectListItemSchema>;
export const projectPageSchema = pageOf(projectListItemSchema);
export type ProjectPage = z.infer<typeof projectPageSchema>;

export const transitionRecordSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['create', 'advance', 'terminate', 'rollback']),
  fromStage: stageSchema.nullable(),
  toStage: stageSchema,
  date: z.string(),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  actor: z.object({ username: z.string(), displayName: z.string() }).nullable(),
  at: z.string(),
});
export type TransitionRecord = z.infer<typeof transitionRecordSchema>;
export const projectHistorySchema = z.object({ items: z.array(transitionRecordSchema) });
export type ProjectHistory = z.infer<typeof projectHistorySchema>;
