import { z } from 'zod';

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorSchema>;

/** Calendar date as users enter it, YYYY-MM-DD; no time zone involved. */
export const dateSchema = z.iso.date();

/** Money is whole yuan; one project tops out at 1万亿元, so sums over many stay exact in a JS number. */
export const yuanSchema = z.number().int().min(0).max(1_000_000_000_000);

// Control characters other than tab and newlines have no place in a name or a note, and PostgreSQL
// cannot store NUL at all; refusing them keeps both databases holding the same text.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** User-typed text: trimmed, bounded, free of control characters. */
export function plainText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((v) => !CONTROL_CHARS.test(v), { params: { key: 'control_chars' } });
}

/** Database ids are 32-bit integers on both engines; anything larger cannot exist. */
export const idSchema = z.number().int().positive().max(2_147_483_647);
export const idParamsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export type IdParams = z.infer<typeof idParamsSchema>;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
