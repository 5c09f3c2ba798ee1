import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, RateLimitedError, type Message } from '../errors.js';
import { requestLang } from './lang.js';
import { describeIssue } from './validation-messages.js';

const FRAMEWORK_ERRORS: Record<string, { status: number; code: string; message: Message }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: { zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' } },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json', message: { zh: '请求内容为空', en: 'The request body is empty' } },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'body_too_large', message: { zh: '请求内容过大', en: 'The request body is too large' } },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: { zh: '不支持的内容类型', en: 'Unsupported content type' } },
  FST_PARTS_LIMIT: { status: 413, code: 'too_many_parts', message: { zh: '上传内容过多,请只上传一个文件', en: 'Too many parts; upload one file' } },
  FST_FILES_LIMIT: { status: 413, code: 'too_many_parts', message: { zh: '上传内容过多,请只上传一个文件', en: 'Too many parts; upload one file' } },
  FST_FIELDS_LIMIT: { status: 413, code: 'too_many_parts', message: { zh: '上传内容过多,请只上传一个文件', en: 'Too many parts; upload one file' } },
  FST_ERR_BAD_URL: { status: 400, code: 'bad_url', message: { zh: '请求地址无效', en: 'The request URL is malformed' } },
};

function send(reply: FastifyReply, status: number, code: string, message: string, field?: string) {
  return reply.status(status).send({ error: field ? { code, message, field } : { code, message } });
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Field names as this route's users read them, where they differ from shared/labels.ts. */
    fieldLabels?: Record<string, { zh: string; en: string }>;
  }
}

/** What the caller sent at a zod issue's path, to tell a missing field from a wrongly typed one. */
function sentValue(request: FastifyRequest, context: string | undefined, instancePath: string): unknown {
  const source = context === 'body' ? request.body : context === 'querystring' ? request.query : context === 'params' ? request.params : undefined;
  return instancePath
    .split('/')
    .filter(Boolean)
    .reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), source);
}

/** The one place an error becomes a response; also used for errors Fastify raises before routing. */
export function renderError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const lang = requestLang(request);
  if (error instanceof AppError) {
    if (error.status >= 500) request.log.error(error);
    if (error instanceof RateLimitedError) reply.header('retry-after', String(error.retryAfterSeconds));
    return send(reply, error.status, error.code, error.userMessage[lang], error.field);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issue = error.validation[0];
    const input = sentValue(request, error.validationContext, issue.instancePath);
    const labels = request.routeOptions?.config?.fieldLabels;
    const { field, message } = describeIssue({ ...issue, params: { ...issue.params, input } }, lang, labels);
    return send(reply, 400, 'validation_failed', message, field);
  }
  const known = error.code ? FRAMEWORK_ERRORS[error.code] : undefined;
  if (known) return send(reply, known.status, known.code, known.message[lang]);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return send(reply, error.statusCode, 'bad_request', lang === 'zh' ? '请求无效' : 'Bad request');
  }
  request.log.error(error);
  return send(reply, 500, 'internal_error', lang === 'zh' ? '服务器内部错误,请稍后重试' : 'Internal server error; please try again later');
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(renderError);
}
