import type { FastifyRequest } from 'fastify';
import type { Lang } from '../errors.js';

/** `?lang=` when given (the public page's links), else Chinese unless the caller's first preference is English. */
export function requestLang(request: FastifyRequest): Lang {
  const asked = (request.query as { lang?: unknown } | undefined)?.lang;
  if (asked === 'en' || asked === 'zh') return asked;
  const header = String(request.headers['accept-language'] ?? '').trim().toLowerCase();
  return header.startsWith('en') ? 'en' : 'zh';
}
