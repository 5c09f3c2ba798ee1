import { z } from 'zod';
import { matchedPolicySchema } from './policies.js';
import { APPROVAL_STATUSES, ENTERPRISE_SIZES, FACTOR_KINDS, REQUEST_CATEGORIES, REQUEST_STATUSES } from './service-catalog.js';
import { ALL_STAGES, STAGES } from './stages.js';

/** Everything an officer takes on a visit to one enterprise (走访工具包), read in one request. */
export const visitKitSchema = z.object({
  enterprise: z.object({
    id: z.number().int(),
    name: z.string(),
    uscc: z.string(),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    size: z.enum(ENTERPRISE_SIZES).nullable(),
    contactName: z.string(),
    contactPhone: z.string(),
  }),
  projects: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      stage: z.enum(ALL_STAGES),
      nextStage: z.enum(STAGES).nullable(),
      nextPlannedOn: z.string().nullable(),
      investmentYuan: z.number(),
      fundsInPlaceYuan: z.number(),
    }),
  ),
  openRequests: z.array(
    z.object({
      id: z.number().int(),
      title: z.string(),
      category: z.enum(REQUEST_CATEGORIES),
      status: z.enum(REQUEST_STATUSES),
      dueOn: z.string().nullable(),
      projectName: z.string().nullable(),
    }),
  ),
  pendingApprovals: z.array(
    z.object({
      id: z.number().int(),
      projectId: z.number().int(),
      projectName: z.string(),
      name: z.string(),
      departmentName: z.string(),
      status: z.enum(APPROVAL_STATUSES),
      blocksStage: z.string(),
    }),
  ),
  missingFactors: z.array(
    z.object({
      id: z.number().int(),
      projectId: z.number().int(),
      projectName: z.string(),
      kind: z.enum(FACTOR_KINDS),
      requiredAmount: z.number(),
      securedAmount: z.number(),
      neededBy: z.string().nullable(),
    }),
  ),
  policies: z.array(matchedPolicySchema),
  generatedOn: z.string(),
});
export type VisitKit = z.infer<typeof visitKitSchema>;
