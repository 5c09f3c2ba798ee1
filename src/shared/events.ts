import { z } from 'zod';
import { dateSchema, idSchema, pageOf, pageQuerySchema, plainText, versionSchema, yuanSchema } from './common.js';
import { ALL_STAGES } from './stages.js';

// Investment conferences and events (招商活动): the event, its guests, site-visit groups with their
// ordered stops, and the signing ceremony whose signed projects the summary and scorecard are read from.

export const INVITATION_STATUSES = ['pending', 'invited', 'accepted', 'declined'] as const;
export const GUEST_CATEGORIES = ['enterprise', 'government', 'media', 'other'] as const;
export const PARTNER_ROLES = ['chain_leader', 'partner'] as const;
export const EVENT_SORTS = ['startsOn', 'name', 'createdAt'] as const;

export const invitationStatusSchema = z.enum(INVITATION_STATUSES);
export const guestCategorySchema = z.enum(GUEST_CATEGORIES);
export const partnerRoleSchema = z.enum(PARTNER_ROLES);
/** A stop's local time in Asia/Shanghai as people write it on a run sheet. */
export const localTimeSchema = z.string().regex(/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/);

const text = plainText;

// No defaults: PATCH uses the partial form, and a default would overwrite what the user left out.
const eventFields = {
  name: text(200).min(1),
  theme: text(200).optional(),
  startsOn: dateSchema,
  endsOn: dateSchema.optional(),
  venue: text(200).optional(),
  organiser: text(200).optional(),
  description: text(5000).optional(),
};
export const createEventSchema = z.object(eventFields).strict();
export type CreateEventInput = z.infer<typeof createEventSchema>;
export const updateEventSchema = z.object(eventFields).partial().extend({ version: versionSchema }).strict();
export type UpdateEventInput = z.infer<typeof updateEventSchema>;

export const eventListQuerySchema = pageQuerySchema
  .extend({
    q: text(100).optional(),
    year: z.coerce.number().int().min(1990).max(2100).optional(),
    sort: z.enum(EVENT_SORTS).default('startsOn'),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();
export type EventListQuery = z.infer<typeof eventListQuerySchema>;

export const eventCountsSchema = z.object({
  guests: z.number().int(),
  invited: z.number().int(),
  accepted: z.number().int(),
  checkedIn: z.number().int(),
  groups: z.number().int(),
  signings: z.number().int(),
  signedYuan: z.number().int(),
  leads: z.number().int(),
});
export type EventCounts = z.infer<typeof eventCountsSchema>;

export const eventItemSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  theme: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  venue: z.string(),
  organiser: z.string(),
  isSample: z.boolean(),
  counts: eventCountsSchema,
});
export type EventItem = z.infer<typeof eventItemSchema>;
export const eventPageSchema = pageOf(eventItemSchema);
export type EventPage = z.infer<typeof eventPageSchema>;

export const eventSchema = eventItemSchema.extend({
  description: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EventDetail = z.infer<typeof eventSchema>;

// ---- guests -------------------------------------------------------------------------------------
const guestFields = {
  personName: text(100).min(1),
  organisation: text(200).optional(),
  title: text(100).optional(),
  phone: text(50).optional(),
  category: guestCategorySchema.optional(),
  invitationStatus: invitationStatusSchema.optional(),
  enterpriseId: idSchema.nullable().optional(),
  groupId: idSchema.nullable().optional(),
  note: text(1000).optional(),
};
export const createGuestSchema = z.object(guestFields).strict();
export type CreateGuestInput = z.infer<typeof createGuestSchema>;
export const updateGuestSchema = z.object(guestFields).partial().strict();
export type UpdateGuestInput = z.infer<typeof updateGuestSchema>;

export const guestListQuerySchema = pageQuerySchema
  .extend({
    q: text(100).optional(),
    status: invitationStatusSchema.optional(),
    groupId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
    checkedIn: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type GuestListQuery = z.infer<typeof guestListQuerySchema>;

export const guestSchema = z.object({
  id: z.number().int(),
  eventId: z.number().int(),
  personName: z.string(),
  organisation: z.string(),
  title: z.string(),
  phone: z.string(),
  category: guestCategorySchema,
  invitationStatus: invitationStatusSchema,
  enterprise: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  group: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  checkedInAt: z.string().nullable(),
  checkedInBy: z.string().nullable(),
  note: z.string(),
});
export type Guest = z.infer<typeof guestSchema>;
export const guestPageSchema = pageOf(guestSchema).extend({ counts: eventCountsSchema.pick({ guests: true, invited: true, accepted: true, checkedIn: true }) });
export type GuestPage = z.infer<typeof guestPageSchema>;
export const checkInResultSchema = z.object({ guest: guestSchema, alreadyCheckedIn: z.boolean(), message: z.string() });
export type CheckInResult = z.infer<typeof checkInResultSchema>;

// ---- visit groups and their stops --------------------------------------------------------------
const groupFields = {
  name: text(100).min(1),
  leader: text(100).optional(),
  note: text(1000).optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
};
export const createGroupSchema = z.object(groupFields).strict();
export type CreateGroupInput = z.infer<typeof createGroupSchema>;
export const updateGroupSchema = z.object(groupFields).partial().strict();
export type UpdateGroupInput = z.infer<typeof updateGroupSchema>;
export const groupMembersSchema = z.object({ guestIds: z.array(idSchema).max(1000) }).strict();
export type GroupMembersInput = z.infer<typeof groupMembersSchema>;

const stopFields = {
  regionCode: text(20).min(1).nullable().optional(),
  place: text(200).min(1),
  enterpriseId: idSchema.nullable().optional(),
  scheduledAt: localTimeSchema.nullable().optional(),
  host: text(100).optional(),
  activity: text(200).optional(),
};
export const createStopSchema = z.object(stopFields).strict();
export type CreateStopInput = z.infer<typeof createStopSchema>;
export const updateStopSchema = z.object(stopFields).partial().strict();
export type UpdateStopInput = z.infer<typeof updateStopSchema>;
export const reorderStopsSchema = z.object({ stopIds: z.array(idSchema).min(1).max(200) }).strict();
export type ReorderStopsInput = z.infer<typeof reorderStopsSchema>;

export const stopSchema = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  place: z.string(),
  enterprise: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  scheduledAt: z.string().nullable(),
  host: z.string(),
  activity: z.string(),
});
export type Stop = z.infer<typeof stopSchema>;
export const groupSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  leader: z.string(),
  note: z.string(),
  sortOrder: z.number().int(),
  stops: z.array(stopSchema),
  members: z.array(z.object({ id: z.number().int(), personName: z.string(), organisation: z.string(), title: z.string() })),
});
export type Group = z.infer<typeof groupSchema>;
export const groupListSchema = z.object({ items: z.array(groupSchema) });
export type GroupList = z.infer<typeof groupListSchema>;

// ---- signing ceremony ---------------------------------------------------------------------------
const signingFields = {
  regionCode: text(20).min(1),
  investorName: text(200).min(1),
  investorEnterpriseId: idSchema.nullable(),
  partnerName: text(200),
  partnerEnterpriseId: idSchema.nullable(),
  partnerRole: partnerRoleSchema,
  amountYuan: yuanSchema,
  signedOn: dateSchema,
};
/** Only the project is required; everything else defaults from the project and the event. */
export const createSigningSchema = z.object(signingFields).partial().extend({ projectId: idSchema }).strict();
export type CreateSigningInput = z.infer<typeof createSigningSchema>;
export const updateSigningSchema = z.object(signingFields).partial().strict();
export type UpdateSigningInput = z.infer<typeof updateSigningSchema>;

export const signingSchema = z.object({
  id: z.number().int(),
  seq: z.number().int(),
  project: z.object({ id: z.number().int(), name: z.string(), stage: z.enum(ALL_STAGES) }),
  regionCode: z.string(),
  regionName: z.string(),
  investorName: z.string(),
  investorEnterpriseId: z.number().int().nullable(),
  partnerName: z.string(),
  partnerEnterpriseId: z.number().int().nullable(),
  partnerRole: partnerRoleSchema,
  amountYuan: z.number().int(),
  signedOn: z.string(),
});
export type Signing = z.infer<typeof signingSchema>;
export const signingListSchema = z.object({ items: z.array(signingSchema), totalYuan: z.number().int() });
export type SigningList = z.infer<typeof signingListSchema>;

/** Where a project was signed, for the project page's link. */
export const projectSigningSchema = z.object({ event: z.object({ id: z.number().int(), name: z.string(), startsOn: z.string() }).nullable() });
export type ProjectSigning = z.infer<typeof projectSigningSchema>;

// ---- summary, scorecard, run sheet --------------------------------------------------------------
export const summarySchema = z.object({
  regions: z.number().int(),
  chainLeaders: z.number().int(),
  partners: z.number().int(),
  projects: z.number().int(),
  totalYuan: z.number().int(),
  totalYi: z.string(),
  sentenceZh: z.string(),
  sentenceEn: z.string(),
});
export type EventSummary = z.infer<typeof summarySchema>;

const medianSchema = z.object({ days: z.number().nullable(), n: z.number().int() });
export const scorecardSchema = z.object({
  items: z.array(
    z.object({
      projectId: z.number().int(),
      projectName: z.string(),
      regionName: z.string(),
      stage: z.enum(ALL_STAGES),
      signedOn: z.string(),
      landedOn: z.string().nullable(),
      startedOn: z.string().nullable(),
      operatingOn: z.string().nullable(),
      daysToLanded: z.number().int().nullable(),
      daysToStarted: z.number().int().nullable(),
      daysToOperating: z.number().int().nullable(),
      amountYuan: z.number().int(),
      fundsInPlaceYuan: z.number().int(),
    }),
  ),
  byStage: z.array(z.object({ stage: z.enum(ALL_STAGES), count: z.number().int() })),
  medians: z.object({ landed: medianSchema, started: medianSchema, operating: medianSchema }),
  signedYuan: z.number().int(),
  fundsInPlaceYuan: z.number().int(),
  fundsRatio: z.number().nullable(),
});
export type Scorecard = z.infer<typeof scorecardSchema>;

export const runSheetSchema = z.object({
  event: eventSchema,
  summary: summarySchema,
  groups: z.array(groupSchema),
  guests: z.array(guestSchema),
  signings: z.array(signingSchema),
});
export type RunSheet = z.infer<typeof runSheetSchema>;
