import { z } from 'zod';
import { idSchema, plainText } from './common.js';

export const NODE_POSITIONS = ['upstream', 'midstream', 'downstream'] as const;
export type NodePosition = (typeof NODE_POSITIONS)[number];
export const NODE_STATUSES = ['missing', 'weak', 'covered'] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

export const createChainSchema = z
  .object({
    clusterId: idSchema,
    name: plainText(100).min(1),
    description: plainText(2000).optional(),
    weakThreshold: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type CreateChainInput = z.infer<typeof createChainSchema>;
export const updateChainSchema = createChainSchema.omit({ clusterId: true }).partial().strict();
export type UpdateChainInput = z.infer<typeof updateChainSchema>;

export const createNodeSchema = z
  .object({
    name: plainText(100).min(1),
    position: z.enum(NODE_POSITIONS),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
  })
  .strict();
export type CreateNodeInput = z.infer<typeof createNodeSchema>;
export const updateNodeSchema = createNodeSchema.partial().strict();
export type UpdateNodeInput = z.infer<typeof updateNodeSchema>;

export const createNodeLinkSchema = z
  .object({ fromNodeId: idSchema, toNodeId: idSchema })
  .strict();
export type CreateNodeLinkInput = z.infer<typeof createNodeLinkSchema>;

const enterpriseRef = z.object({ id: z.number().int(), name: z.string() });

export const nodeSchema = z.object({
  id: z.number().int(),
  chainId: z.number().int(),
  name: z.string(),
  position: z.enum(NODE_POSITIONS),
  sortOrder: z.number().int(),
  localCount: z.number().int(),
  outsideCount: z.number().int(),
  status: z.enum(NODE_STATUSES),
});
export type ChainNode = z.infer<typeof nodeSchema>;

export const coverageSchema = z.object({
  nodes: z.number().int(),
  missing: z.number().int(),
  weak: z.number().int(),
  covered: z.number().int(),
  /** (covered + ½·weak) / nodes, 0–1; 0 for a chain without nodes. */
  completeness: z.number(),
});
export type Coverage = z.infer<typeof coverageSchema>;

export const chainSummarySchema = z.object({
  id: z.number().int(),
  clusterId: z.number().int(),
  name: z.string(),
  weakThreshold: z.number().int(),
  coverage: coverageSchema,
});
export type ChainSummary = z.infer<typeof chainSummarySchema>;

export const clusterSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  coverage: coverageSchema,
  chains: z.array(chainSummarySchema),
});
export type Cluster = z.infer<typeof clusterSchema>;
export const clusterListSchema = z.object({ items: z.array(clusterSchema) });
export type ClusterList = z.infer<typeof clusterListSchema>;

export const chainDetailSchema = z.object({
  id: z.number().int(),
  clusterId: z.number().int(),
  clusterName: z.string(),
  name: z.string(),
  description: z.string(),
  weakThreshold: z.number().int(),
  coverage: coverageSchema,
  nodes: z.array(nodeSchema),
  links: z.array(z.object({ id: z.number().int(), fromNodeId: z.number().int(), toNodeId: z.number().int() })),
  leaders: z.array(enterpriseRef.extend({ isLocal: z.boolean(), regionName: z.string().nullable() })),
});
export type ChainDetail = z.infer<typeof chainDetailSchema>;

export const nodeDetailSchema = z.object({
  node: nodeSchema,
  chain: z.object({ id: z.number().int(), name: z.string() }),
  enterprises: z.array(
    enterpriseRef.extend({
      uscc: z.string(),
      isLocal: z.boolean(),
      regionName: z.string().nullable(),
      province: z.string(),
      city: z.string(),
      isLeader: z.boolean(),
    }),
  ),
  projects: z.array(z.object({ id: z.number().int(), name: z.string(), stage: z.string(), regionName: z.string(), investmentYuan: z.number() })),
});
export type NodeDetail = z.infer<typeof nodeDetailSchema>;

export const pathStepSchema = z.object({
  supplier: enterpriseRef,
  customer: enterpriseRef,
  product: z.string(),
  volume: z.number().nullable(),
  unit: z.string(),
  date: z.string().nullable(),
});
export const targetSchema = z.object({
  enterprise: enterpriseRef.extend({ uscc: z.string(), province: z.string(), city: z.string() }),
  tier: z.enum(['direct', 'two_step', 'none']),
  score: z.number(),
  /** Each path runs from the target to one of our local chain leaders through the supply graph. */
  paths: z.array(z.object({ leader: enterpriseRef, steps: z.array(pathStepSchema) })),
  explanation: z.string(),
  leadId: z.number().int().nullable(),
});
export type Target = z.infer<typeof targetSchema>;
/**
 * One page of a node's ranked targets. A gap node at province scale has thousands of candidates;
 * the drawer shows them a page at a time, so only the page's paths are read and explained.
 */
export const targetQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
  })
  .strict();
export type TargetQuery = z.infer<typeof targetQuerySchema>;
/** `total` counts every candidate ranked; `items` are those from `offset` on, in rank order. */
export const targetListSchema = z.object({ node: nodeSchema, items: z.array(targetSchema), total: z.number().int() });
export type TargetList = z.infer<typeof targetListSchema>;
