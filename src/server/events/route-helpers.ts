import type { FastifyRequest } from 'fastify';
import { errorSchema } from '../../shared/common.js';
import { requireUser } from '../auth/guard.js';
import { assertCanReadEvents, assertCanWriteEvents } from './policy.js';

export const eventErrors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
// Both run before the body is validated: a caller without the right is told 403, not how to fix a body.
export const readers = async (request: FastifyRequest) => assertCanReadEvents(requireUser(request));
export const writers = async (request: FastifyRequest) => assertCanWriteEvents(requireUser(request));

// An event's and a group's `name` are not a project's (shared/labels.ts says 项目名称).
export const EVENT_LABELS = { name: { zh: '活动名称', en: 'Event name' }, description: { zh: '说明', en: 'Notes' } };
export const GROUP_LABELS = { name: { zh: '分组名称', en: 'Group name' }, leader: { zh: '带队', en: 'Led by' } };
