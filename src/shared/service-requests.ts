import { z } from 'zod';
import { idSchema, plainText } from './common.js';
import { REQUEST_CATEGORIES } from './service-catalog.js';

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
