import type { FastifySerializerCompiler } from 'fastify';

/**
 * For routes whose every response is built field by field: by a presenter whose return type is the
 * response schema's type (the zod type provider checks the handler against it at compile time), or
 * by the error handler. Parsing that object again with zod before writing it took about a third of a
 * project-list request; nothing it could strip is there, so it is written as it is. The schemas still
 * describe the responses in OpenAPI, and the API tests parse real responses with them strictly.
 */
export const presentedJson: FastifySerializerCompiler<unknown> = () => (data) => JSON.stringify(data);
