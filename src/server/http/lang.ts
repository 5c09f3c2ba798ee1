import type { FastifyRequest } from 'fastify';
import type { Lang } from '../errors.js';

/** Chinese unless the caller's first preference is English. */
export function requestLang(request: FastifyRequest): Lang {
  const header = String(request.headers['accept-language'] ?? '').trim().toLowerCase();
  return header.startsWith('en') ? 'en' : 'zh';
}
