import type { Kysely, Transaction } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreateGroupInput, CreateStopInput, GroupMembersInput, ReorderStopsInput, UpdateGroupInput, UpdateStopInput } from '../../shared/events.js';
import { recordAudit } from '../audit/record.js';
import type { DB } from '../db/schema.js';
import { ValidationError } from '../errors.js';
import { assertEnterprise, eventForNumbering, eventForWrite } from './commands.js';
import { assertCanWriteEvents, notFoundGroup, notFoundStop } from './policy.js';

type Db = Kysely<DB> | Transaction<DB>;
type Base = { db: Kysely<DB>; user: CurrentUser; eventId: number };

async function groupForWrite(trx: Db, eventId: number, groupId: number) {
  await eventForWrite(trx, eventId);
  const row = await trx.selectFrom('event_groups').selectAll().where('id', '=', groupId).where('event_id', '=', eventId).executeTakeFirst();
  if (!row) throw notFoundGroup();
  return row;
}

async function assertRegion(trx: Db, code: string | null | undefined): Promise<void> {
  if (!code) return;
  const found = await trx.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst();
  if (!found) throw new ValidationError('regionCode', { zh: '县市(园区)不存在', en: 'No such region' }, 'invalid_region');
}

export async function createGroup(options: Base & { input: CreateGroupInput }): Promise<number> {
  const { db, user, eventId, input } = options;
  assertCanWriteEvents(user);
  return db.transaction().execute(async (trx) => {
    await eventForNumbering(trx, eventId);
    const last = await trx.selectFrom('event_groups').select((eb) => eb.fn.max('sort_order').as('m')).where('event_id', '=', eventId).executeTakeFirst();
    const values = { name: input.name, leader: input.leader ?? '', note: input.note ?? '', sort_order: input.sortOrder ?? Number(last?.m ?? -1) + 1 };
    const row = await trx.insertInto('event_groups').values({ ...values, event_id: eventId }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: user, action: 'event.group.create', entity: 'event', entityId: eventId, after: { group_id: row.id, ...values } });
    return row.id;
  });
}

export async function updateGroup(options: Base & { groupId: number; input: UpdateGroupInput }): Promise<void> {
  const { db, user, eventId, groupId, input } = options;
  assertCanWriteEvents(user);
  await db.transaction().execute(async (trx) => {
    const row = await groupForWrite(trx, eventId, groupId);
    const changes = Object.fromEntries(
      Object.entries({ name: input.name, leader: input.leader, note: input.note, sort_order: input.sortOrder }).filter(([k, v]) => v !== undefined && v !== row[k as keyof typeof row]),
    );
    if (Object.keys(changes).length === 0) return;
    await trx.updateTable('event_groups').set(changes).where('id', '=', groupId).execute();
    await recordAudit(trx, { actor: user, action: 'event.group.update', entity: 'event', entityId: eventId, before: { group_id: groupId, ...Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof typeof row]])) }, after: { group_id: groupId, ...changes } });
  });
}

/** Removing a group removes its route; its members stay guests of the event, in no group. */
export async function deleteGroup(options: Base & { groupId: number }): Promise<void> {
  const { db, user, eventId, groupId } = options;
  assertCanWriteEvents(user);
  await db.transaction().execute(async (trx) => {
    const row = await groupForWrite(trx, eventId, groupId);
    await trx.updateTable('event_guests').set({ group_id: null }).where('group_id', '=', groupId).execute();
    await trx.deleteFrom('event_stops').where('group_id', '=', groupId).execute();
    await trx.deleteFrom('event_groups').where('id', '=', groupId).execute();
    await recordAudit(trx, { actor: user, action: 'event.group.delete', entity: 'event', entityId: eventId, before: { group_id: groupId, name: row.name } });
  });
}

/** Sets the group's members to exactly these guests; a guest is in one group at a time. */
export async function setGroupMembers(options: Base & { groupId: number; input: GroupMembersInput }): Promise<void> {
  const { db, user, eventId, groupId, input } = options;
  assertCanWriteEvents(user);
  await db.transaction().execute(async (trx) => {
    await groupForWrite(trx, eventId, groupId);
    const ids = [...new Set(input.guestIds)];
    if (ids.length) {
      const found = await trx.selectFrom('event_guests').select('id').where('event_id', '=', eventId).where('id', 'in', ids).execute();
      if (found.length !== ids.length) throw new ValidationError('guestIds', { zh: '所选嘉宾不属于本活动', en: 'Some chosen guests are not guests of this event' });
    }
    const before = await trx.selectFrom('event_guests').select('id').where('group_id', '=', groupId).orderBy('id').execute();
    let clear = trx.updateTable('event_guests').set({ group_id: null }).where('group_id', '=', groupId);
    if (ids.length) clear = clear.where('id', 'not in', ids);
    await clear.execute();
    if (ids.length) await trx.updateTable('event_guests').set({ group_id: groupId }).where('id', 'in', ids).execute();
    await recordAudit(trx, { actor: user, action: 'event.group.members', entity: 'event', entityId: eventId, before: { group_id: groupId, guest_ids: before.map((b) => b.id) }, after: { group_id: groupId, guest_ids: ids } });
  });
}

// ---- stops: seq is dense (1..n) within a group after every write -----------------------------------
async function stopForWrite(trx: Db, eventId: number, groupId: number, stopId: number) {
  await groupForWrite(trx, eventId, groupId);
  const row = await trx.selectFrom('event_stops').selectAll().where('id', '=', stopId).where('group_id', '=', groupId).executeTakeFirst();
  if (!row) throw notFoundStop();
  return row;
}

async function renumber(trx: Db, groupId: number, orderedIds: number[]): Promise<void> {
  for (const [i, id] of orderedIds.entries()) {
    await trx.updateTable('event_stops').set({ seq: i + 1 }).where('id', '=', id).where('group_id', '=', groupId).execute();
  }
}

function stopValues(input: UpdateStopInput) {
  const out: Record<string, unknown> = {};
  if (input.regionCode !== undefined) out.region_code = input.regionCode;
  if (input.place !== undefined) out.place = input.place;
  if (input.enterpriseId !== undefined) out.enterprise_id = input.enterpriseId;
  if (input.scheduledAt !== undefined) out.scheduled_at = input.scheduledAt;
  if (input.host !== undefined) out.host = input.host;
  if (input.activity !== undefined) out.activity = input.activity;
  return out;
}

export async function addStop(options: Base & { groupId: number; input: CreateStopInput }): Promise<number> {
  const { db, user, eventId, groupId, input } = options;
  assertCanWriteEvents(user);
  return db.transaction().execute(async (trx) => {
    await groupForWrite(trx, eventId, groupId);
    await assertRegion(trx, input.regionCode);
    await assertEnterprise(trx, 'enterpriseId', input.enterpriseId);
    const count = await trx.selectFrom('event_stops').select((eb) => eb.fn.countAll<number>().as('n')).where('group_id', '=', groupId).executeTakeFirstOrThrow();
    const values = { region_code: null, enterprise_id: null, scheduled_at: null, host: '', activity: '', ...stopValues(input), place: input.place };
    const row = await trx.insertInto('event_stops').values({ ...values, group_id: groupId, seq: Number(count.n) + 1 } as never).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: user, action: 'event.stop.add', entity: 'event', entityId: eventId, after: { group_id: groupId, stop_id: row.id, ...values } });
    return row.id;
  });
}

export async function updateStop(options: Base & { groupId: number; stopId: number; input: UpdateStopInput }): Promise<void> {
  const { db, user, eventId, groupId, stopId, input } = options;
  assertCanWriteEvents(user);
  await db.transaction().execute(async (trx) => {
    const row = await stopForWrite(trx, eventId, groupId, stopId);
    await assertRegion(trx, input.regionCode);
    await assertEnterprise(trx, 'enterpriseId', input.enterpriseId);
    const changes = Object.fromEntries(Object.entries(stopValues(input)).filter(([k, v]) => v !== row[k as keyof typeof row]));
    if (Object.keys(changes).length === 0) return;
    await trx.updateTable('event_stops').set(changes).where('id', '=', stopId).execute();
    await recordAudit(trx, { actor: user, action: 'event.stop.update', entity: 'event', entityId: eventId, before: { stop_id: stopId, ...Object.fromEntries(Object.keys(changes).map((k) => [k, row[k as keyof typeof row]])) }, after: { stop_id: stopId, ...changes } });
  });
}

export async function removeStop(options: Base & { groupId: number; stopId: number }): Promise<void> {
  const { db, user, eventId, groupId, stopId } = options;
  assertCanWriteEvents(user);
  await db.transaction().execute(async (trx) => {
    const row = await stopForWrite(trx, eventId, groupId, stopId);
    await trx.deleteFrom('event_stops').where('id', '=', stopId).execute();
    const rest = await trx.selectFrom('event_stops').select('id').where('group_id', '=', groupId).orderBy('seq').orderBy('id').execute();
    await renumber(trx, groupId, rest.map((r) => r.id));
    await recordAudit(trx, { actor: user, action: 'event.stop.remove', entity: 'event', entityId: eventId, before: { group_id: groupId, stop_id: stopId, seq: row.seq, place: row.place } });
  });
}

/** The route in a new order: the ids must be exactly the group's stops, each once. */
export async function reorderStops(options: Base & { groupId: number; input: ReorderStopsInput }): Promise<void> {
  const { db, user, eventId, groupId, input } = options;
  assertCanWriteEvents(user);
  await db.transaction().execute(async (trx) => {
    await groupForWrite(trx, eventId, groupId);
    const current = await trx.selectFrom('event_stops').select('id').where('group_id', '=', groupId).orderBy('seq').execute();
    const have = new Set(current.map((c) => c.id));
    const given = new Set(input.stopIds);
    if (given.size !== input.stopIds.length || given.size !== have.size || input.stopIds.some((id) => !have.has(id))) {
      throw new ValidationError('stopIds', { zh: '请按顺序列出本组的全部考察点,每个一次', en: 'List every stop of this group once, in the new order' });
    }
    await renumber(trx, groupId, input.stopIds);
    await recordAudit(trx, { actor: user, action: 'event.stop.reorder', entity: 'event', entityId: eventId, before: { group_id: groupId, stop_ids: current.map((c) => c.id) }, after: { group_id: groupId, stop_ids: input.stopIds } });
  });
}
