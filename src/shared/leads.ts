import { z } from 'zod';
import { dateSchema, idSchema, pageOf, pageQuerySchema, plainText, versionSchema, yuanSchema } from './common.js';
import { LEAD_STATUSES } from './lead-status.js';

export { LEAD_STATUSES };
export const LEAD_SOURCES = ['gap_analysis', 'chain_leader_referral', 'conference', 'visit', 'desk_research', 'public_page'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];
export const LEAD_ACTIVITY_KINDS = ['visit', 'call', 'meeting', 'note'] as const;
export const LEAD_SORTS = ['updatedAt', 'nextStepOn', 'estimatedInvestment', 'createdAt'] as const;
export const BOARD_LIMIT_MAX = 50;

const nullableId = idSchema.nullable().optional();

/** A ranked gap-analysis target recorded from the chain map. */
export const targetLeadSchema = z
  .object({
    enterpriseId: idSchema,
    nodeId: idSchema,
    regionCode: plainText(20).min(1).nullable().optional(),
    note: plainText(1000).optional(),
  })
  .strict();
export type TargetLeadInput = z.infer<typeof targetLeadSchema>;

// No defaults: PATCH uses the partial form, and a default would overwrite what the user left out.
const leadFields = {
  /** The firm from the enterprise base, or only its name when it is not in the base yet. */
  enterpriseId: nullableId,
  enterpriseName: plainText(200).optional(),
  contactName: plainText(100).optional(),
  contactPhone: plainText(50).optional(),
  chainId: nullableId,
  nodeId: nullableId,
  source: z.enum(LEAD_SOURCES),
  referrerEnterpriseId: nullableId,
  eventId: nullableId,
  regionCode: plainText(20).min(1).nullable().optional(),
  ownerId: nullableId,
  estimatedInvestmentYuan: yuanSchema.nullable().optional(),
  nextStep: plainText(500).optional(),
  nextStepOn: dateSchema.nullable().optional(),
  note: plainText(1000).optional(),
};

export const createLeadSchema = z.object(leadFields).strict();
export type CreateLeadInput = z.infer<typeof createLeadSchema>;

export const updateLeadSchema = z
  .object(leadFields)
  .partial()
  .extend({ version: versionSchema })
  .strict();
export type UpdateLeadInput = z.infer<typeof updateLeadSchema>;

export const leadTransitionSchema = z
  .object({
    to: z.enum(LEAD_STATUSES),
    reason: plainText(1000).optional(),
    note: plainText(1000).optional(),
    version: versionSchema,
  })
  .strict();
export type LeadTransitionInput = z.infer<typeof leadTransitionSchema>;

export const createLeadActivitySchema = z
  .object({
    kind: z.enum(LEAD_ACTIVITY_KINDS),
    occurredOn: dateSchema,
    people: plainText(200).optional(),
    summary: plainText(2000).min(1),
  })
  .strict();
export type CreateLeadActivityInput = z.infer<typeof createLeadActivitySchema>;

/** The project a signature creates; what is left out comes from the lead. */
export const signProjectSchema = z
  .object({
    name: plainText(200).min(1),
    investmentYuan: yuanSchema,
    investorName: plainText(200).min(1).optional(),
    regionCode: plainText(20).min(1).optional(),
    cluster: plainText(100).optional(),
    chain: plainText(100).optional(),
    chainLeader: plainText(200).optional(),
    officer: plainText(100).optional(),
    description: plainText(5000).optional(),
  })
  .strict();

export const signLeadSchema = z
  .object({
    version: versionSchema,
    signedOn: dateSchema,
    /** Link a project already in the ledger instead of creating one. */
    projectId: idSchema.optional(),
    project: signProjectSchema.optional(),
  })
  .strict();
export type SignLeadInput = z.infer<typeof signLeadSchema>;

const idFilter = z.coerce.number().int().positive().max(2_147_483_647).optional();
const STATUS_LIST = new RegExp(`^(${LEAD_STATUSES.join('|')})(,(${LEAD_STATUSES.join('|')}))*$`);

export const leadFilterSchema = z
  .object({
    q: plainText(100).optional(),
    /** One status or several, comma-separated. */
    status: z.string().regex(STATUS_LIST).optional(),
    source: z.enum(LEAD_SOURCES).optional(),
    regionCode: plainText(20).optional(),
    chainId: idFilter,
    nodeId: idFilter,
    ownerId: z.union([z.literal('me'), z.string().regex(/^\d{1,10}$/)]).optional(),
    referrerEnterpriseId: idFilter,
    eventId: idFilter,
    overdue: z.enum(['true', 'false']).optional(),
    sort: z.enum(LEAD_SORTS).default('updatedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();
export type LeadFilter = z.infer<typeof leadFilterSchema>;
export const leadListQuerySchema = leadFilterSchema.extend(pageQuerySchema.shape).strict();
export type LeadListQuery = z.infer<typeof leadListQuerySchema>;
export const leadBoardQuerySchema = leadFilterSchema
  .extend({ limit: z.coerce.number().int().min(1).max(BOARD_LIMIT_MAX).default(20) })
  .strict();
export type LeadBoardQuery = z.infer<typeof leadBoardQuerySchema>;

const ref = z.object({ id: z.number().int(), name: z.string() });
export const leadSchema = z.object({
  id: z.number().int(),
  enterprise: z.object({ id: z.number().int().nullable(), name: z.string() }),
  contactName: z.string(),
  contactPhone: z.string(),
  chain: ref.nullable(),
  node: ref.nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  source: z.enum(LEAD_SOURCES),
  referrer: ref.nullable(),
  event: ref.nullable(),
  owner: ref.nullable(),
  estimatedInvestmentYuan: z.number().int().nullable(),
  status: z.enum(LEAD_STATUSES),
  lostReason: z.string().nullable(),
  lostFrom: z.enum(LEAD_STATUSES).nullable(),
  nextStep: z.string(),
  nextStepOn: z.string().nullable(),
  overdue: z.boolean(),
  note: z.string(),
  score: z.number().nullable(),
  explanation: z.string(),
  project: ref.nullable(),
  signedOn: z.string().nullable(),
  isSample: z.boolean(),
  version: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Lead = z.infer<typeof leadSchema>;
export const leadPageSchema = pageOf(leadSchema);
export type LeadPage = z.infer<typeof leadPageSchema>;

export const leadBoardSchema = z.object({
  columns: z.array(z.object({ status: z.enum(LEAD_STATUSES), total: z.number().int(), items: z.array(leadSchema) })),
});
export type LeadBoard = z.infer<typeof leadBoardSchema>;

export const leadActivitySchema = z.object({
  id: z.number().int(),
  kind: z.enum([...LEAD_ACTIVITY_KINDS, 'status']),
  occurredOn: z.string(),
  people: z.string(),
  summary: z.string(),
  fromStatus: z.enum(LEAD_STATUSES).nullable(),
  toStatus: z.enum(LEAD_STATUSES).nullable(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type LeadActivity = z.infer<typeof leadActivitySchema>;
export const leadActivityListSchema = z.object({ items: z.array(leadActivitySchema) });

export const leadOwnerListSchema = z.object({ items: z.array(ref) });
export type LeadOwnerList = z.infer<typeof leadOwnerListSchema>;
