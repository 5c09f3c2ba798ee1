import { z } from 'zod';
import { dateSchema, decimalSchema, idSchema, pageOf, pageQuerySchema, plainText, versionSchema } from './common.js';
import { usccSchema } from './projects.js';

export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];
export const ENTERPRISE_SIZE_LABELS: Record<EnterpriseSize, { zh: string; en: string }> = {
  large: { zh: '大型', en: 'Large' },
  medium: { zh: '中型', en: 'Medium' },
  small: { zh: '小型', en: 'Small' },
  micro: { zh: '微型', en: 'Micro' },
};

const idList = z.array(idSchema).max(200);

// No defaults: PATCH uses the partial form, and a default would overwrite what the user left out.
const enterpriseFields = {
  name: plainText(200).min(1),
  uscc: usccSchema,
  isLocal: z.boolean(),
  /** Required for a local enterprise: the county, city or park it sits in. */
  regionCode: plainText(20).nullable().optional(),
  /** For an enterprise outside the prefecture. */
  province: plainText(50).optional(),
  city: plainText(50).optional(),
  size: z.enum(ENTERPRISE_SIZES).nullable().optional(),
  contactName: plainText(50).optional(),
  contactPhone: plainText(50).optional(),
  description: plainText(2000).optional(),
  nodeIds: idList.optional(),
  /** Chains this enterprise leads (链主); only an admin may change it. */
  leadChainIds: idList.optional(),
};

export const createEnterpriseSchema = z.object(enterpriseFields).strict();
export type CreateEnterpriseInput = z.infer<typeof createEnterpriseSchema>;
export const updateEnterpriseSchema = z
  .object(enterpriseFields)
  .partial()
  .extend({ version: versionSchema })
  .strict();
export type UpdateEnterpriseInput = z.infer<typeof updateEnterpriseSchema>;

export const ENTERPRISE_SORTS = ['name', 'updatedAt', 'createdAt'] as const;
export const enterpriseListQuerySchema = pageQuerySchema
  .extend({
    q: plainText(100).optional(),
    region: plainText(20).optional(),
    local: z.enum(['true', 'false']).optional(),
    leader: z.enum(['true', 'false']).optional(),
    chainId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    nodeId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    size: z.enum(ENTERPRISE_SIZES).optional(),
    sort: z.enum(ENTERPRISE_SORTS).default('updatedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuerySchema>;
export const enterpriseExportQuerySchema = enterpriseListQuerySchema.omit({ page: true, pageSize: true });
export type EnterpriseExportQuery = z.infer<typeof enterpriseExportQuerySchema>;

const ref = z.object({ id: z.number().int(), name: z.string() });

export const enterpriseSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  uscc: z.string(),
  isLocal: z.boolean(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  province: z.string(),
  city: z.string(),
  size: z.enum(ENTERPRISE_SIZES).nullable(),
  contactName: z.string(),
  contactPhone: z.string(),
  description: z.string(),
  nodes: z.array(ref.extend({ chainId: z.number().int(), chainName: z.string() })),
  leadChains: z.array(ref),
  isSample: z.boolean(),
  /** Whether the caller may edit it: officers read every enterprise but edit only their own region's. */
  editable: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;
export const enterprisePageSchema = pageOf(enterpriseSchema);
export type EnterprisePage = z.infer<typeof enterprisePageSchema>;

export const createSupplyLinkSchema = z
  .object({
    supplierId: idSchema,
    customerId: idSchema,
    product: plainText(100).min(1),
    volume: decimalSchema(0, 1e12).nullable().optional(),
    unit: plainText(20).optional(),
    source: plainText(200).optional(),
    date: dateSchema.nullable().optional(),
  })
  .strict();
export type CreateSupplyLinkInput = z.infer<typeof createSupplyLinkSchema>;

export const supplyLinkSchema = z.object({
  id: z.number().int(),
  supplier: ref.extend({ isLocal: z.boolean() }),
  customer: ref.extend({ isLocal: z.boolean() }),
  product: z.string(),
  volume: z.number().nullable(),
  unit: z.string(),
  source: z.string(),
  date: z.string().nullable(),
});
export type SupplyLink = z.infer<typeof supplyLinkSchema>;
export const enterpriseLinksSchema = z.object({ supplies: z.array(supplyLinkSchema), buys: z.array(supplyLinkSchema) });
export type EnterpriseLinks = z.infer<typeof enterpriseLinksSchema>;
