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
/**
 * An optimistic-lock version. The stored column is 32-bit and a write sets version + 1, so the largest
 * version that can be sent is one below the 32-bit limit; anything larger is refused before the query.
 */
export const versionSchema = z.number().int().min(1).max(2_147_483_646);

/**
 * A quantity with at most four decimals (mu, kVA, t/day, yuan ratios). Tinier fractions such as 5e-324
 * are typing slips, and PostgreSQL's float8 refuses the subnormal ones, so they are refused here by name.
 */
export function decimalSchema(min: number, max: number) {
  return z
    .number()
    .min(min)
    .max(max)
    .refine((v) => v === 0 || (Math.abs(v) >= 1e-4 && Math.abs(v * 1e4 - Math.round(v * 1e4)) < 1e-6 * Math.max(1, Math.abs(v))), { params: { key: 'decimals' } });
}

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export type IdParams = z.infer<typeof idParamsSchema>;

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
