import type { FastifyRequest } from 'fastify';
import { errorSchema } from '../../shared/common.js';
import { requireUser } from '../auth/guard.js';
import { assertCanReadEvents, assertCanWriteEvents } from './policy.js';

export const eventErrors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
// Both run before the body is validated: a caller without the right is told 403, not how to fix a body.
export const readers = async (request: FastifyRequest) => assertCanReadEvents(requireUser(request));
export const writers = async (request: FastifyRequest) => assertCanWriteEvents(requireUser(request));
