import type { Kysely, Transaction } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreateEventInput, CreateGuestInput, UpdateEventInput, UpdateGuestInput } from '../../shared/events.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { DB, EventGuestTable } from '../db/schema.js';
import { ConflictError, ValidationError, VersionConflictError } from '../errors.js';
import { assertCanWriteEvents, notFoundEvent, notFoundGuest } from './policy.js';
import { eventSearchText, guestSearchText } from './search.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The event row to write under, read inside the transaction; a missing one is 404. */
export async function eventForWrite(trx: Db, eventId: number) {
  const row = await trx.selectFrom('events').selectAll().where('id', '=', eventId).executeTakeFirst();
  if (!row) throw notFoundEvent();
  return row;
}

/**
 * The event, locked for a write that numbers its children max + 1 (signings, groups): stamping it takes
 * its row lock on PostgreSQL, so such writes queue and never share a number; SQLite writes one at a time.
 */
export async function eventForNumbering(trx: Db, eventId: number) {
  const row = await eventForWrite(trx, eventId);
  await trx.updateTable('events').set({ updated_at: nowIso() }).where('id', '=', eventId).execute();
  return row;
}

export async function assertEnterprise(trx: Db, field: string, id: number | null | undefined): Promise<void> {
  if (!id) return;
  const found = await trx.selectFrom('enterprises').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new ValidationError(field, { zh: '企业不在企业库中', en: 'No such enterprise in the enterprise base' });
}

async function assertGroupOfEvent(trx: Db, eventId: number, groupId: number | null | undefined): Promise<void> {
  if (!groupId) return;
  const found = await trx.selectFrom('event_groups').select('id').where('id', '=', groupId).where('event_id', '=', eventId).executeTakeFirst();
  if (!found) throw new ValidationError('groupId', { zh: '该活动没有这个考察分组', en: 'This event has no such visit group' });
}

function assertDates(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) {
    throw new ValidationError('endsOn', { zh: `结束日期不能早于开始日期(${startsOn})`, en: `The end date cannot be before the start date (${startsOn})` }, 'dates_out_of_order');
  }
}

export async function createEvent(options: { db: Kysely<DB>; user: CurrentUser; input: CreateEventInput; isSample?: boolean }): Promise<number> {
  const { db, user, input } = options;
  assertCanWriteEvents(user);
  const endsOn = input.endsOn ?? input.startsOn;
  assertDates(input.startsOn, endsOn);
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const values = {
      name: input.name,
      theme: input.theme ?? '',
      starts_on: input.startsOn,
      ends_on: endsOn,
      venue: input.venue ?? '',
      organiser: input.organiser ?? '',
      description: input.description ?? '',
    };
    const row = await trx
      .insertInto('events')
      .values({ ...values, search_text: eventSearchText(values), is_sample: options.isSample ? 1 : 0, version: 1, created_by: user.id, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: user, action: 'event.create', entity: 'event', entityId: row.id, after: values });
    return row.id;
  });
}

const EVENT_COLUMNS = { name: 'name', theme: 'theme', startsOn: 'starts_on', endsOn: 'ends_on', venue: 'venue', organiser: 'organiser', description: 'description' } as const;

export async function updateEvent(options: { db: Kysely<DB>; user: CurrentUser; id: number; input: UpdateEventInput }): Promise<void> {
  const { db, user, id, input } = options;
  assertCanWriteEvents(user);
  await db.transaction().execute(async (trx) => {
    const row = await eventForWrite(trx, id);
    const conflict = new VersionConflictError({ zh: '活动', en: 'event' });
    if (row.version !== input.version) throw conflict;
    const next = { ...row };
    for (const [field, column] of Object.entries(EVENT_COLUMNS)) {
      const value = input[field as keyof typeof EVENT_COLUMNS];
      if (value !== undefined) next[column] = value;
    }
    assertDates(next.starts_on, next.ends_on);
    const changed = Object.values(EVENT_COLUMNS).filter((c) => next[c] !== row[c]);
    if (changed.length === 0) return;
    const result = await trx
      .updateTable('events')
      .set({ ...Object.fromEntries(changed.map((c) => [c, next[c]])), search_text: eventSearchText(next), version: row.version + 1, updated_at: nowIso() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw conflict;
    await recordAudit(trx, {
      actor: user,
      action: 'event.update',
      entity: 'event',
      entityId: id,
      before: Object.fromEntries(changed.map((c) => [c, row[c]])),
      after: Object.fromEntries(changed.map((c) => [c, next[c]])),
    });
  });
}

/** An event with signed projects is the record of those signings and is not deleted. */
export async function deleteEvent(options: { db: Kysely<DB>; user: CurrentUser; id: number }): Promise<void> {
  const { db, user, id } = options;
  assertCanWriteEvents(user);
  await db.transaction().execute(async (trx) => {
    const row = await eventForWrite(trx, id);
    const signed = await trx.selectFrom('event_signings').select((eb) => eb.fn.countAll<number>().as('n')).where('event_id', '=', id).executeTakeFirstOrThrow();
    if (Number(signed.n) > 0) {
      throw new ConflictError({ zh: `该活动已有 ${signed.n} 个签约项目,不能删除`, en: `This event has ${signed.n} signed projects and cannot be deleted` }, 'event_has_signings');
    }
    // Leads met at the event stay; they just no longer point to it.
    await trx.updateTable('leads').set({ event_id: null }).where('event_id', '=', id).execute();
    await trx.deleteFrom('event_guests').where('event_id', '=', id).execute();
    await trx.deleteFrom('event_stops').where('group_id', 'in', trx.selectFrom('event_groups').select('id').where('event_id', '=', id)).execute();
    await trx.deleteFrom('event_groups').where('event_id', '=', id).execute();
    await trx.deleteFrom('events').where('id', '=', id).execute();
    await recordAudit(trx, { actor: user, action: 'event.delete', entity: 'event', entityId: id, before: { name: row.name, starts_on: row.starts_on } });
  });
}

// ---- guests -------------------------------------------------------------------------------------
type GuestValues = Pick<EventGuestTable, 'person_name'> & { organisation: string; title: string; phone: string; category: string; invitation_status: string; enterprise_id: number | null; group_id: number | null; note: string };
const GUEST_COLUMNS = {
  personName: 'person_name',
  organisation: 'organisation',
  title: 'title',
  phone: 'phone',
  category: 'category',
  invitationStatus: 'invitation_status',
  enterpriseId: 'enterprise_id',
  groupId: 'group_id',
  note: 'note',
} as const satisfies Record<keyof CreateGuestInput, keyof GuestValues>;

async function guestForWrite(trx: Db, eventId: number, guestId: number) {
  await eventForWrite(trx, eventId);
  const row = await trx.selectFrom('event_guests').selectAll().where('id', '=', guestId).where('event_id', '=', eventId).executeTakeFirst();
  if (!row) throw notFoundGuest();
  return row;
}

export async function addGuest(options: { db: Kysely<DB>; user: CurrentUser; eventId: number; input: CreateGuestInput }): Promise<number> {
  const { db, user, eventId, input } = options;
  assertCanWriteEvents(user);
  return db.transaction().execute(async (trx) => {
    await eventForWrite(trx, eventId);
    await assertEnterprise(trx, 'enterpriseId', input.enterpriseId);
    await assertGroupOfEvent(trx, eventId, input.groupId);
    const now = nowIso();
    const values: GuestValues = {
      person_name: input.personName,
      organisation: input.organisation ?? '',
      title: input.title ?? '',
      phone: input.phone ?? '',
      category: input.category ?? 'enterprise',
      invitation_status: input.invitationStatus ?? 'pending',
      enterprise_id: input.enterpriseId ?? null,
      group_id: input.groupId ?? null,
      note: input.note ?? '',
    };
    const row = await trx
      .insertInto('event_guests')
      .values({ ...values, event_id: eventId, search_text: guestSearchText(values), created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: user, action: 'event.guest.add', entity: 'event', entityId: eventId, after: { guest_id: row.id, ...values } });
    return row.id;
  });
}

export async function updateGuest(options: { db: Kysely<DB>; user: CurrentUser; eventId: number; guestId: number; input: UpdateGuestInput }): Promise<void> {
  const { db, user, eventId, guestId, input } = options;
  assertCanWriteEvents(user);
  await db.transaction().execute(async (trx) => {
    const row = await guestForWrite(trx, eventId, guestId);
    if (input.enterpriseId !== undefined) await assertEnterprise(trx, 'enterpriseId', input.enterpriseId);
    if (input.groupId !== undefined) await assertGroupOfEvent(trx, eventId, input.groupId);
    const changes: Record<string, unknown> = {};
    for (const [field, column] of Object.entries(GUEST_COLUMNS)) {
      const value = input[field as keyof typeof GUEST_COLUMNS];
      if (value !== undefined && value !== row[column]) changes[column] = value;
    }
    if (Object.keys(changes).length === 0) return;
    const next = { ...row, ...changes } as typeof row;
    await trx.updateTable('event_guests').set({ ...changes, search_text: guestSearchText(next), updated_at: nowIso() }).where('id', '=', guestId).execute();
    await recordAudit(trx, {
      actor: user,
      action: 'event.guest.update',
      entity: 'event',
      entityId: eventId,
      before: { guest_id: guestId, ...Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof typeof row]])) },
      after: { guest_id: guestId, ...changes },
    });
  });
}

export async function removeGuest(options: { db: Kysely<DB>; user: CurrentUser; eventId: number; guestId: number }): Promise<void> {
  const { db, user, eventId, guestId } = options;
  assertCanWriteEvents(user);
  await db.transaction().execute(async (trx) => {
    const row = await guestForWrite(trx, eventId, guestId);
    await trx.deleteFrom('event_guests').where('id', '=', guestId).execute();
    await recordAudit(trx, { actor: user, action: 'event.guest.remove', entity: 'event', entityId: eventId, before: { guest_id: guestId, person_name: row.person_name, organisation: row.organisation } });
  });
}

/**
 * Checks a guest in at the door. A second check-in (a double tap, two phones at two doors) keeps the
 * first time and says so; only the first is written and audited.
 */
export async function checkInGuest(options: { db: Kysely<DB>; user: CurrentUser; eventId: number; guestId: number }): Promise<{ alreadyCheckedIn: boolean }> {
  const { db, user, eventId, guestId } = options;
  assertCanWriteEvents(user);
  return db.transaction().execute(async (trx) => {
    await guestForWrite(trx, eventId, guestId);
    const now = nowIso();
    // The condition makes two simultaneous check-ins write once: the loser updates no row.
    const result = await trx
      .updateTable('event_guests')
      .set({ checked_in_at: now, checked_in_by: user.id, updated_at: now })
      .where('id', '=', guestId)
      .where('checked_in_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return { alreadyCheckedIn: true };
    await recordAudit(trx, { actor: user, action: 'event.guest.check_in', entity: 'event', entityId: eventId, after: { guest_id: guestId, checked_in_at: now } });
    return { alreadyCheckedIn: false };
  });
}

export async function undoCheckIn(options: { db: Kysely<DB>; user: CurrentUser; eventId: number; guestId: number }): Promise<void> {
  const { db, user, eventId, guestId } = options;
  assertCanWriteEvents(user);
  await db.transaction().execute(async (trx) => {
    const row = await guestForWrite(trx, eventId, guestId);
    if (!row.checked_in_at) return;
    await trx.updateTable('event_guests').set({ checked_in_at: null, checked_in_by: null, updated_at: nowIso() }).where('id', '=', guestId).execute();
    await recordAudit(trx, { actor: user, action: 'event.guest.undo_check_in', entity: 'event', entityId: eventId, before: { guest_id: guestId, checked_in_at: row.checked_in_at } });
  });
}
