import { z } from 'zod';
import { ROLES } from './roles.js';

export const loginBodySchema = z
  .object({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict();
export type LoginBody = z.infer<typeof loginBodySchema>;

export const currentUserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  regionCodes: z.array(z.string()),
  department: z.string().nullable(),
  enterpriseUscc: z.string().nullable(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const sessionSchema = z.object({ user: currentUserSchema, csrfToken: z.string() });
export type SessionInfo = z.infer<typeof sessionSchema>;
