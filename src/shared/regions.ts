import { z } from 'zod';

export const REGION_KINDS = ['prefecture', 'county', 'park'] as const;
export const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(REGION_KINDS),
  parentCode: z.string().nullable(),
});
export type Region = z.infer<typeof regionSchema>;
export const regionListSchema = z.object({ items: z.array(regionSchema) });
export type RegionList = z.infer<typeof regionListSchema>;
