import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, plainText } from './common.js';

// The lead pipeline (statuses, activities, signing) grows from this record in a later issue.
export const LEAD_STATUSES = ['new', 'contacted', 'visited', 'negotiating', 'signed', 'lost'] as const;
export const LEAD_SOURCES = ['gap_analysis', 'chain_leader_referral', 'conference', 'visit', 'desk_research', 'public_page'] as const;

export const createLeadSchema = z
  .object({
    enterpriseId: idSchema,
    nodeId: idSchema,
    regionCode: plainText(20).nullable().optional(),
    note: plainText(1000).optional(),
  })
  .strict();
export type CreateLeadInput = z.infer<typeof createLeadSchema>;

export const leadListQuerySchema = pageQuerySchema.extend({ q: plainText(100).optional() }).strict();
export type LeadListQuery = z.infer<typeof leadListQuerySchema>;

const ref = z.object({ id: z.number().int(), name: z.string() });
export const leadSchema = z.object({
  id: z.number().int(),
  enterprise: ref,
  node: ref,
  chain: ref,
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  status: z.enum(LEAD_STATUSES),
  source: z.enum(LEAD_SOURCES),
  note: z.string(),
  score: z.number().nullable(),
  explanation: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Lead = z.infer<typeof leadSchema>;
export const leadPageSchema = pageOf(leadSchema);
export type LeadPage = z.infer<typeof leadPageSchema>;
