import { z } from 'zod';
import { plainText } from './common.js';
import { ROLES } from './roles.js';

export const loginBodySchema = z
  .object({
    username: plainText(64).min(1),
    password: z.string().min(1).max(256).refine((v) => !v.includes('\u0000'), { params: { key: 'control_chars' } }),
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
