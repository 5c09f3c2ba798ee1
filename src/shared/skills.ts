import { z } from 'zod';
import { dateSchema, idSchema, pageQuerySchema, plainText } from './common.js';

// The skills competition (职业技能大赛选拔赛). Marks travel in hundredths of a point ("centi") as
// integers; J scores are the judges' 0–3.

export const SKILLS_CATEGORIES = ['teacher', 'student', 'worker'] as const;
export type SkillsCategory = (typeof SKILLS_CATEGORIES)[number];
export const SKILLS_CATEGORY_LABELS: Record<SkillsCategory, { zh: string; en: string }> = {
  teacher: { zh: '教师', en: 'Teacher' },
  student: { zh: '学生', en: 'Student' },
  worker: { zh: '职工', en: 'Worker' },
};
export const UNIT_KINDS = ['host', 'school', 'enterprise'] as const;
export const ELIGIBILITY = ['pending', 'eligible', 'ineligible'] as const;
export const MODERATION_METHODS = ['mean', 'median', 'judge', 'remark'] as const;

const name = plainText(200).min(1);
const isoInstant = z.iso.datetime({ offset: true });

export const competitionInputSchema = z
  .object({
    name,
    site: plainText(200).default(''),
    startsOn: dateSchema,
    endsOn: dateSchema,
    judgesPerUnit: z.number().int().min(1).max(10).default(2),
    contestantsPerUnit: z.number().int().min(1).max(20).default(3),
    spreadTolerance: z.number().int().min(0).max(3).default(2),
    releaseAt: isoInstant.nullable().default(null),
    appealHours: z.number().int().min(0).max(72).default(2),
  })
  .strict();
export type CompetitionInput = z.input<typeof competitionInputSchema>;

export const delegationInputSchema = z.object({ prefecture: plainText(100).min(1), leader: plainText(100).default('') }).strict();
export type DelegationInput = z.input<typeof delegationInputSchema>;

export const unitInputSchema = z.object({ name, kind: z.enum(UNIT_KINDS), delegationId: idSchema.nullable().default(null) }).strict();
export type UnitInput = z.input<typeof unitInputSchema>;

export const eventInputSchema = z
  .object({
    code: plainText(20).min(1),
    name,
    hostUnitId: idSchema.nullable().default(null),
    venue: plainText(200).default(''),
    startsOn: dateSchema,
    categories: z.array(z.enum(SKILLS_CATEGORIES)).min(1).default(['teacher', 'student', 'worker']),
    minAge: z.number().int().min(14).max(70).default(16),
    maxAge: z.number().int().min(14).max(70).default(60),
    places: z.number().int().min(0).max(100).default(1),
    judgesPerAspect: z.number().int().min(1).max(9).default(3),
  })
  .strict();
export type EventInput = z.input<typeof eventInputSchema>;

export const contestantInputSchema = z
  .object({
    unitId: idSchema,
    name: plainText(100).min(1),
    category: z.enum(SKILLS_CATEGORIES),
    birthDate: dateSchema,
    username: plainText(64).nullable().default(null),
  })
  .strict();
export type ContestantInput = z.input<typeof contestantInputSchema>;

export const judgeInputSchema = z
  .object({ unitId: idSchema, name: plainText(100).min(1), username: plainText(64).nullable().default(null), isChief: z.boolean().default(false) })
  .strict();
export type JudgeInput = z.input<typeof judgeInputSchema>;

export const markInputSchema = z.object({ contestantId: idSchema, aspectId: idSchema, value: z.number().int().min(0).max(10_000) }).strict();
export type MarkInput = z.infer<typeof markInputSchema>;

export const moderationInputSchema = z
  .object({
    contestantId: idSchema,
    aspectId: idSchema,
    method: z.enum(MODERATION_METHODS),
    judgeId: idSchema.optional(),
    value: z.number().int().min(0).max(10_000).optional(),
    reason: plainText(500).min(2),
  })
  .strict();
export type ModerationInput = z.infer<typeof moderationInputSchema>;

export const reasonSchema = z.object({ reason: plainText(500).min(2) }).strict();
export const juryInputSchema = z.object({ juryRank: z.number().int().min(1).max(1000).nullable(), reason: plainText(300).min(2) }).strict();
export const appealInputSchema = z.object({ contestantId: idSchema, text: plainText(2000).min(5) }).strict();
export const rulingInputSchema = z.object({ status: z.enum(['upheld', 'rejected']), ruling: plainText(2000).min(2) }).strict();
export const eventIdQuerySchema = z.object({ eventId: z.coerce.number().int().positive().max(2_147_483_647).optional() });
export const certificateCodeParamsSchema = z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9-]{4,20}$/) });

export const contestantFilterSchema = z.object({
  q: plainText(50).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  category: z.enum(SKILLS_CATEGORIES).optional(),
  eligibility: z.enum(ELIGIBILITY).optional(),
  sort: z.enum(['reg_no', 'name', 'unit', 'blind_code']).default('reg_no'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export const contestantListQuerySchema = contestantFilterSchema.extend(pageQuerySchema.shape);
export type ContestantFilter = z.infer<typeof contestantFilterSchema>;

// ─── outputs ───
export const competitionSchema = z.object({
  id: z.number(),
  name: z.string(),
  site: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  judgesPerUnit: z.number(),
  contestantsPerUnit: z.number(),
  spreadTolerance: z.number(),
  releaseAt: z.string().nullable(),
  appealHours: z.number(),
  released: z.boolean(),
  appealsOpen: z.boolean(),
  isSample: z.boolean(),
});
export type Competition = z.infer<typeof competitionSchema>;

export const delegationSchema = z.object({ id: z.number(), prefecture: z.string(), leader: z.string(), isSample: z.boolean() });
export const unitSchema = z.object({ id: z.number(), name: z.string(), kind: z.enum(UNIT_KINDS), delegationId: z.number().nullable(), prefecture: z.string().nullable(), isSample: z.boolean() });
export type SkillsUnit = z.infer<typeof unitSchema>;
export const eventSchema = z.object({
  id: z.number(),
  competitionId: z.number(),
  code: z.string(),
  name: z.string(),
  hostUnitId: z.number().nullable(),
  hostUnit: z.string().nullable(),
  venue: z.string(),
  startsOn: z.string(),
  categories: z.array(z.enum(SKILLS_CATEGORIES)),
  minAge: z.number(),
  maxAge: z.number(),
  places: z.number(),
  judgesPerAspect: z.number(),
  contestants: z.number(),
  judges: z.number(),
  isSample: z.boolean(),
});
export type SkillsEvent = z.infer<typeof eventSchema>;
export const competitionDetailSchema = competitionSchema.extend({
  delegations: z.array(delegationSchema),
  units: z.array(unitSchema),
  events: z.array(eventSchema),
});
export type CompetitionDetail = z.infer<typeof competitionDetailSchema>;

export const contestantSchema = z.object({
  id: z.number(),
  eventId: z.number(),
  regNo: z.string(),
  blindCode: z.string(),
  name: z.string(),
  category: z.enum(SKILLS_CATEGORIES),
  birthDate: z.string(),
  unitId: z.number(),
  unit: z.string(),
  prefecture: z.string().nullable(),
  eligibility: z.enum(ELIGIBILITY),
  eligibilityNote: z.string(),
  username: z.string().nullable(),
  isSample: z.boolean(),
});
export type SkillsContestant = z.infer<typeof contestantSchema>;
export const contestantPageSchema = z.object({ items: z.array(contestantSchema), total: z.number() });

export const judgeSchema = z.object({ id: z.number(), eventId: z.number(), name: z.string(), unitId: z.number(), unit: z.string(), username: z.string().nullable(), isChief: z.boolean(), isSample: z.boolean() });
export type SkillsJudge = z.infer<typeof judgeSchema>;

export const aspectSchema = z.object({ id: z.number(), moduleId: z.number(), code: z.string(), description: z.string(), kind: z.enum(['M', 'J']), maxCenti: z.number() });
export const moduleSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  maxCenti: z.number(),
  locked: z.boolean(),
  signedOffAt: z.string().nullable(),
  aspects: z.array(aspectSchema),
});
export type SkillsModule = z.infer<typeof moduleSchema>;
export const schemeSchema = z.object({ eventId: z.number(), modules: z.array(moduleSchema), totalCenti: z.number() });
export type Scheme = z.infer<typeof schemeSchema>;

export const queueSchema = z.object({
  events: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      judgeId: z.number(),
      isChief: z.boolean(),
      modules: z.array(moduleSchema),
      contestants: z.array(z.object({ id: z.number(), blindCode: z.string(), marked: z.number() })),
    }),
  ),
});
export type JudgeQueue = z.infer<typeof queueSchema>;
export const sheetSchema = z.object({
  contestantId: z.number(),
  blindCode: z.string(),
  eventId: z.number(),
  marks: z.array(z.object({ aspectId: z.number(), value: z.number() })),
});
export type MarkSheet = z.infer<typeof sheetSchema>;

export const moderationItemSchema = z.object({
  contestantId: z.number(),
  blindCode: z.string(),
  aspectId: z.number(),
  aspectCode: z.string(),
  kind: z.enum(['M', 'J']),
  maxCenti: z.number(),
  spread: z.number(),
  entries: z.array(z.object({ judgeId: z.number(), judge: z.string(), value: z.number() })),
  moderation: z.object({ method: z.string(), value: z.number(), reason: z.string(), markCenti: z.number() }).nullable(),
});
export type ModerationItem = z.infer<typeof moderationItemSchema>;

export const resultRowSchema = z.object({
  contestantId: z.number(),
  position: z.number(),
  regNo: z.string(),
  blindCode: z.string(),
  name: z.string().nullable(),
  unit: z.string().nullable(),
  totalCenti: z.number(),
  modules: z.record(z.string(), z.number()),
  complete: z.boolean(),
  decidedBy: z.string().nullable(),
  qualified: z.boolean(),
  juryRank: z.number().nullable(),
  certificateCode: z.string().nullable(),
});
export type ResultRow = z.infer<typeof resultRowSchema>;
export const resultsSchema = z.object({
  eventId: z.number(),
  released: z.boolean(),
  releaseAt: z.string().nullable(),
  appealsCloseAt: z.string().nullable(),
  places: z.number(),
  tieOrder: z.array(z.string()),
  allLocked: z.boolean(),
  rows: z.array(resultRowSchema),
  cutWarning: z.object({ contestantIds: z.array(z.number()), decidedBy: z.string() }).nullable(),
});
export type SkillsResults = z.infer<typeof resultsSchema>;

export const appealSchema = z.object({
  id: z.number(),
  contestantId: z.number(),
  contestant: z.string(),
  text: z.string(),
  status: z.enum(['open', 'upheld', 'rejected']),
  ruling: z.string(),
  createdAt: z.string(),
  ruledAt: z.string().nullable(),
});
export type SkillsAppeal = z.infer<typeof appealSchema>;

export const myEntrySchema = z.object({
  contestant: contestantSchema,
  event: z.object({ id: z.number(), code: z.string(), name: z.string(), venue: z.string(), startsOn: z.string() }),
  competition: competitionSchema,
  result: resultRowSchema.nullable(),
  appeals: z.array(appealSchema),
  certificate: z.object({ id: z.number(), code: z.string() }).nullable(),
});
export type MyEntry = z.infer<typeof myEntrySchema>;

export const certificateCheckSchema = z.object({
  valid: z.literal(true),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  event: z.string(),
  competition: z.string(),
  kind: z.enum(['qualified', 'participation']),
  rank: z.number(),
  totalCenti: z.number(),
  issuedAt: z.string(),
});
export type CertificateCheck = z.infer<typeof certificateCheckSchema>;

export const schemeImportErrorSchema = z.object({ row: z.number().nullable(), column: z.string().nullable(), message: z.string() });
