import { z } from 'zod';
import { pageOf, pageQuerySchema, plainText } from './common.js';

export const auditQuerySchema = pageQuerySchema
  .extend({
    entity: plainText(40).optional(),
    entityId: plainText(40).optional(),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = pageOf(auditEntrySchema);
