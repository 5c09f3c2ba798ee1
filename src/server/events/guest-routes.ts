import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../shared/common.js';
import {
  checkInResultSchema,
  createGroupSchema,
  createGuestSchema,
  createStopSchema,
  groupListSchema,
  groupMembersSchema,
  groupSchema,
  guestListQuerySchema,
  guestPageSchema,
  guestSchema,
  reorderStopsSchema,
  updateGroupSchema,
  updateGuestSchema,
  updateStopSchema,
} from '../../shared/events.js';
import type { CurrentUser } from '../../shared/auth.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../context.js';
import { addGuest, checkInGuest, removeGuest, undoCheckIn, updateGuest } from './commands.js';
import { addStop, createGroup, deleteGroup, removeStop, reorderStops, setGroupMembers, updateGroup, updateStop } from './groups.js';
import { notFoundEvent, notFoundGroup } from './policy.js';
import { presentGroups, presentGuest } from './presenter.js';
import { findGuest, findVisibleEvent, listGroups, listGuests } from './queries.js';
import { GROUP_LABELS, eventErrors as errors, readers, writers } from './route-helpers.js';

const id = idParamsSchema.shape.id;
const guestParams = z.object({ id, guestId: id });
const groupParams = z.object({ id, groupId: id });
const stopParams = z.object({ id, groupId: id, stopId: id });
const none = { 204: z.null(), ...errors };

/** Guests (with check-in at the door) and the site-visit groups with their routes. */
export function guestRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['events'];

  async function visible(user: CurrentUser, eventId: number) {
    const row = await findVisibleEvent(db, user, eventId);
    if (!row) throw notFoundEvent();
    return row;
  }
  const guestOut = async (eventId: number, guestId: number, viewer: CurrentUser) => presentGuest((await findGuest(db, eventId, guestId))!, viewer);
  async function groupOut(eventId: number, groupId: number) {
    const group = presentGroups(await listGroups(db, eventId)).find((g) => g.id === groupId);
    if (!group) throw notFoundGroup();
    return group;
  }

  r.get('/api/events/:id/guests', {
    schema: { tags, summary: 'Guests, filtered, with the invited / accepted / checked-in counts', params: idParamsSchema, querystring: guestListQuerySchema, response: { 200: guestPageSchema, ...errors } },
    preValidation: readers,
    handler: async (request) => {
      const user = requireUser(request);
      const event = await visible(user, request.params.id);
      const { rows, total } = await listGuests(db, event.id, request.query);
      return {
        items: rows.map((row) => presentGuest(row, user)),
        total,
        counts: { guests: Number(event.n_guests), invited: Number(event.n_invited), accepted: Number(event.n_accepted), checkedIn: Number(event.n_checked_in) },
      };
    },
  });

  r.post('/api/events/:id/guests', {
    schema: { tags, summary: 'Add a guest', params: idParamsSchema, body: createGuestSchema, response: { 201: guestSchema, ...errors } },
    preValidation: writers,
    handler: async (request, reply) => {
      const guestId = await addGuest({ db, user: requireUser(request), eventId: request.params.id, input: request.body });
      return reply.status(201).send(await guestOut(request.params.id, guestId, requireUser(request)));
    },
  });

  r.patch('/api/events/:id/guests/:guestId', {
    schema: { tags, summary: 'Edit a guest', params: guestParams, body: updateGuestSchema, response: { 200: guestSchema, ...errors } },
    preValidation: writers,
    handler: async (request) => {
      const { id: eventId, guestId } = request.params;
      await updateGuest({ db, user: requireUser(request), eventId, guestId, input: request.body });
      return guestOut(eventId, guestId, requireUser(request));
    },
  });

  r.delete('/api/events/:id/guests/:guestId', {
    schema: { tags, summary: 'Remove a guest', params: guestParams, response: none },
    preValidation: writers,
    handler: async (request, reply) => {
      await removeGuest({ db, user: requireUser(request), eventId: request.params.id, guestId: request.params.guestId });
      return reply.status(204).send(null);
    },
  });

  r.post('/api/events/:id/guests/:guestId/check-in', {
    schema: { tags, summary: 'Check a guest in at the door; a second check-in keeps the first time', params: guestParams, response: { 200: checkInResultSchema, ...errors } },
    preValidation: writers,
    handler: async (request) => {
      const { id: eventId, guestId } = request.params;
      const { alreadyCheckedIn } = await checkInGuest({ db, user: requireUser(request), eventId, guestId });
      const guest = await guestOut(eventId, guestId, requireUser(request));
      const zh = request.headers['accept-language']?.startsWith('en') !== true;
      const message = alreadyCheckedIn
        ? zh ? `${guest.personName} 已于此前签到,保留首次签到时间` : `${guest.personName} was already checked in; the first time is kept`
        : zh ? `${guest.personName} 签到成功` : `${guest.personName} checked in`;
      return { guest, alreadyCheckedIn, message };
    },
  });

  r.delete('/api/events/:id/guests/:guestId/check-in', {
    schema: { tags, summary: 'Undo a check-in', params: guestParams, response: { 200: guestSchema, ...errors } },
    preValidation: writers,
    handler: async (request) => {
      const { id: eventId, guestId } = request.params;
      await undoCheckIn({ db, user: requireUser(request), eventId, guestId });
      return guestOut(eventId, guestId, requireUser(request));
    },
  });

  // ---- visit groups ----
  r.get('/api/events/:id/groups', {
    schema: { tags, summary: 'Visit groups with their ordered stops and members', params: idParamsSchema, response: { 200: groupListSchema, ...errors } },
    preValidation: readers,
    handler: async (request) => {
      await visible(requireUser(request), request.params.id);
      return { items: presentGroups(await listGroups(db, request.params.id)) };
    },
  });

  r.post('/api/events/:id/groups', {
    schema: { tags, summary: 'Add a visit group', params: idParamsSchema, body: createGroupSchema, response: { 201: groupSchema, ...errors } },
    config: { fieldLabels: GROUP_LABELS },
    preValidation: writers,
    handler: async (request, reply) => {
      const groupId = await createGroup({ db, user: requireUser(request), eventId: request.params.id, input: request.body });
      return reply.status(201).send(await groupOut(request.params.id, groupId));
    },
  });

  r.patch('/api/events/:id/groups/:groupId', {
    schema: { tags, summary: 'Edit a visit group', params: groupParams, body: updateGroupSchema, response: { 200: groupSchema, ...errors } },
    config: { fieldLabels: GROUP_LABELS },
    preValidation: writers,
    handler: async (request) => {
      const { id: eventId, groupId } = request.params;
      await updateGroup({ db, user: requireUser(request), eventId, groupId, input: request.body });
      return groupOut(eventId, groupId);
    },
  });

  r.delete('/api/events/:id/groups/:groupId', {
    schema: { tags, summary: 'Delete a visit group and its route (members stay guests)', params: groupParams, response: none },
    preValidation: writers,
    handler: async (request, reply) => {
      await deleteGroup({ db, user: requireUser(request), eventId: request.params.id, groupId: request.params.groupId });
      return reply.status(204).send(null);
    },
  });

  r.put('/api/events/:id/groups/:groupId/members', {
    schema: { tags, summary: 'Set the group’s members to exactly these guests', params: groupParams, body: groupMembersSchema, response: { 200: groupSchema, ...errors } },
    preValidation: writers,
    handler: async (request) => {
      const { id: eventId, groupId } = request.params;
      await setGroupMembers({ db, user: requireUser(request), eventId, groupId, input: request.body });
      return groupOut(eventId, groupId);
    },
  });

  r.post('/api/events/:id/groups/:groupId/stops', {
    schema: { tags, summary: 'Add a stop at the end of the route', params: groupParams, body: createStopSchema, response: { 201: groupSchema, ...errors } },
    preValidation: writers,
    handler: async (request, reply) => {
      const { id: eventId, groupId } = request.params;
      await addStop({ db, user: requireUser(request), eventId, groupId, input: request.body });
      return reply.status(201).send(await groupOut(eventId, groupId));
    },
  });

  r.patch('/api/events/:id/groups/:groupId/stops/:stopId', {
    schema: { tags, summary: 'Edit a stop', params: stopParams, body: updateStopSchema, response: { 200: groupSchema, ...errors } },
    preValidation: writers,
    handler: async (request) => {
      const { id: eventId, groupId, stopId } = request.params;
      await updateStop({ db, user: requireUser(request), eventId, groupId, stopId, input: request.body });
      return groupOut(eventId, groupId);
    },
  });

  r.delete('/api/events/:id/groups/:groupId/stops/:stopId', {
    schema: { tags, summary: 'Remove a stop; the rest keep their order', params: stopParams, response: { 200: groupSchema, ...errors } },
    preValidation: writers,
    handler: async (request) => {
      const { id: eventId, groupId, stopId } = request.params;
      await removeStop({ db, user: requireUser(request), eventId, groupId, stopId });
      return groupOut(eventId, groupId);
    },
  });

  r.post('/api/events/:id/groups/:groupId/stops/reorder', {
    schema: { tags, summary: 'Put the route in a new order', params: groupParams, body: reorderStopsSchema, response: { 200: groupSchema, ...errors } },
    preValidation: writers,
    handler: async (request) => {
      const { id: eventId, groupId } = request.params;
      await reorderStops({ db, user: requireUser(request), eventId, groupId, input: request.body });
      return groupOut(eventId, groupId);
    },
  });
}
