import { z } from 'zod';
import { decimalSchema, idSchema, pageOf, pageQuerySchema, plainText, versionSchema, yuanSchema } from './common.js';
import { EMAIL_PATTERN, INTEREST_LIMITS as L, PHONE_PATTERN } from './interest-rules.js';
import { LEAD_STATUSES } from './leads.js';

// The public page of opportunities (投资项目清单): park offers curated by officers, the chains' open
// gap nodes, and the expressions of interest outside investors leave there.

const opportunityFields = {
  title: plainText(200).min(1),
  titleEn: plainText(200).optional(),
  summary: plainText(2000).optional(),
  summaryEn: plainText(2000).optional(),
  /** Null for a prefecture-wide offer (administrators only). */
  regionCode: plainText(20).min(1).nullable().optional(),
  chainId: idSchema.nullable().optional(),
  nodeId: idSchema.nullable().optional(),
  investmentYuan: yuanSchema.nullable().optional(),
  landMu: decimalSchema(0, 1_000_000).nullable().optional(),
  contact: plainText(200).optional(),
};

export const createOpportunitySchema = z.object({ ...opportunityFields, published: z.boolean().optional() }).strict();
export type CreateOpportunityInput = z.infer<typeof createOpportunitySchema>;

export const updateOpportunitySchema = z
  .object(opportunityFields)
  .partial()
  .extend({ version: versionSchema })
  .strict();
export type UpdateOpportunityInput = z.infer<typeof updateOpportunitySchema>;

export const versionBodySchema = z.object({ version: versionSchema }).strict();
export type VersionBody = z.infer<typeof versionBodySchema>;

export const opportunityListQuerySchema = pageQuerySchema
  .extend({
    q: plainText(100).optional(),
    region: plainText(20).optional(),
    chainId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    published: z.enum(['true', 'false']).optional(),
    sort: z.enum(['updatedAt', 'title', 'investment']).default('updatedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();
export type OpportunityListQuery = z.infer<typeof opportunityListQuerySchema>;

const ref = z.object({ id: z.number().int(), name: z.string() });
const regionRef = z.object({ code: z.string(), name: z.string() });

export const opportunitySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  titleEn: z.string(),
  summary: z.string(),
  summaryEn: z.string(),
  region: regionRef.nullable(),
  chain: ref.nullable(),
  node: ref.nullable(),
  investmentYuan: z.number().int().nullable(),
  landMu: z.number().nullable(),
  contact: z.string(),
  published: z.boolean(),
  isSample: z.boolean(),
  interestCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Opportunity = z.infer<typeof opportunitySchema>;
export const opportunityPageSchema = pageOf(opportunitySchema);
export type OpportunityPage = z.infer<typeof opportunityPageSchema>;

// ---- the public page ----

export const publicListQuerySchema = z.object({ lang: z.enum(['zh', 'en']).optional() }).strict();

/** A name in the visitor's language; `translated` is false when only the Chinese exists. */
const localRef = z.object({ id: z.number().int(), name: z.string(), translated: z.boolean() });

export const publicOfferSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  summary: z.string(),
  translated: z.boolean(),
  region: z.object({ code: z.string(), name: z.string() }).nullable(),
  chain: localRef.nullable(),
  node: localRef.nullable(),
  investmentYuan: z.number().int().nullable(),
  landMu: z.number().nullable(),
  contact: z.string(),
  isSample: z.boolean(),
});
export type PublicOffer = z.infer<typeof publicOfferSchema>;

export const publicGapSchema = z.object({
  node: localRef,
  position: z.enum(['upstream', 'midstream', 'downstream']),
  /** missing: no local enterprise yet (缺链); weak: too few (弱链). */
  status: z.enum(['missing', 'weak']),
});
export type PublicGap = z.infer<typeof publicGapSchema>;

export const publicChainSchema = z.object({ chain: localRef, offers: z.array(publicOfferSchema), gaps: z.array(publicGapSchema) });
export type PublicChain = z.infer<typeof publicChainSchema>;

export const publicListSchema = z.object({
  lang: z.enum(['zh', 'en']),
  clusters: z.array(z.object({ cluster: localRef, chains: z.array(publicChainSchema) })),
  /** Offers that name no chain. */
  otherOffers: z.array(publicOfferSchema),
});
export type PublicList = z.infer<typeof publicListSchema>;

/**
 * An outside investor's expression of interest. `website` is a honeypot: the page hides it from
 * people, so a filled one is a bot and the submission is refused (400) with nothing written.
 */
export const publicInterestSchema = z
  .object({
    opportunityId: idSchema.optional(),
    nodeId: idSchema.optional(),
    companyName: plainText(L.companyName).min(1),
    contactName: plainText(L.contactName).min(1),
    // Empty means not given: a form sends its blank inputs as ''.
    phone: plainText(L.phone).refine((v) => v === '' || PHONE_PATTERN.test(v), { params: { key: 'phone' } }).optional(),
    email: plainText(L.email).refine((v) => v === '' || EMAIL_PATTERN.test(v), { params: { key: 'email' } }).optional(),
    estimatedInvestmentWan: z.number().int().min(1).max(L.investmentWan).nullable().optional(),
    message: plainText(L.message).optional(),
    website: z.string().max(200).optional(),
  })
  .strict();
export type PublicInterestInput = z.infer<typeof publicInterestSchema>;

export const publicInterestCreatedSchema = z.object({ received: z.literal(true) });

// ---- submissions, as officers see them ----

export const interestListQuerySchema = pageQuerySchema.extend({ q: plainText(100).optional() }).strict();
export type InterestListQuery = z.infer<typeof interestListQuerySchema>;

export const interestSchema = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  lead: z.object({ id: z.number().int(), status: z.enum(LEAD_STATUSES) }),
  companyName: z.string(),
  contactName: z.string(),
  phone: z.string(),
  email: z.string(),
  estimatedInvestmentYuan: z.number().int().nullable(),
  message: z.string(),
  opportunity: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  node: ref.nullable(),
  chain: ref.nullable(),
  region: regionRef.nullable(),
  /** The submitting address; administrators only (null for others). */
  address: z.string().nullable(),
});
export type Interest = z.infer<typeof interestSchema>;
export const interestPageSchema = pageOf(interestSchema);
export type InterestPage = z.infer<typeof interestPageSchema>;
