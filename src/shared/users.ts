import { z } from 'zod';
import { pageOf, pageQuerySchema, plainText } from './common.js';
import { currentUserSchema } from './auth.js';
import { ROLES } from './roles.js';

/** Sign-in names: lower-case letters, digits and . _ - (what officers can type on any keyboard). */
export const usernameSchema = z.string().refine((v) => /^[a-z0-9][a-z0-9._-]{2,31}$/.test(v), { params: { key: 'username' } });

const scopeFields = {
  role: z.enum(ROLES),
  /** Region officers: the counties/cities or parks they work for (at least one). */
  regionCodes: z.array(plainText(20).min(1)).max(20).optional(),
  /** Department officers: their department's code. */
  department: plainText(20).min(1).nullable().optional(),
  /** Enterprise users: their enterprise's unified social credit code. */
  enterpriseUscc: plainText(18).min(1).nullable().optional(),
};

export const createUserBodySchema = z
  .object({ username: usernameSchema, displayName: plainText(100).min(1), password: z.string().min(1).max(256), ...scopeFields })
  .strict();
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

/** Role and scope travel together: the server checks the scope against the role it will have. */
export const updateUserBodySchema = z
  .object({ displayName: plainText(100).min(1).optional(), active: z.boolean().optional(), ...scopeFields, role: scopeFields.role.optional() })
  .strict();
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

export const resetPasswordBodySchema = z.object({ password: z.string().min(1).max(256) }).strict();
export type ResetPasswordBody = z.infer<typeof resetPasswordBodySchema>;

export const userListQuerySchema = pageQuerySchema
  .extend({ q: plainText(50).optional(), role: z.enum(ROLES).optional(), active: z.enum(['true', 'false']).optional() })
  .strict();
export type UserListQuery = z.infer<typeof userListQuerySchema>;

/** The signed-in user's fields, and what an administrator also sees of an account. */
export const userAccountSchema = currentUserSchema.extend({
  enterpriseName: z.string().nullable(),
  active: z.boolean(),
  passwordChangedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserAccount = z.infer<typeof userAccountSchema>;
export const userPageSchema = pageOf(userAccountSchema);
export type UserPage = z.infer<typeof userPageSchema>;
