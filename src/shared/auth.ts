import { z } from 'zod';
import { plainText } from './common.js';
import { ROLES } from './roles.js';

export const totpCode = z.string().regex(/^\d{6}$/);

export const loginBodySchema = z
  .object({
    username: plainText(64).min(1),
    password: z.string().min(1).max(256).refine((v) => !v.includes('\u0000'), { params: { key: 'control_chars' } }),
    totp: totpCode.optional(),
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
  totpEnabled: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

/** totpRequired: the user's role needs a second factor and has none yet; only setting one up is allowed. */
export const sessionSchema = z.object({ user: currentUserSchema, csrfToken: z.string(), totpRequired: z.boolean() });

export const totpSetupSchema = z.object({ secret: z.string(), uri: z.string(), qrDataUrl: z.string() });
export type TotpSetup = z.infer<typeof totpSetupSchema>;
export const totpCodeBodySchema = z.object({ code: totpCode }).strict();
export type TotpCodeBody = z.infer<typeof totpCodeBodySchema>;
export const totpDisableBodySchema = z.object({ currentPassword: z.string().min(1).max(256) }).strict();
export type TotpDisableBody = z.infer<typeof totpDisableBodySchema>;
export type SessionInfo = z.infer<typeof sessionSchema>;
