import fs from 'node:fs';
import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../shared/common.js';
import { attachmentSchema } from '../../shared/service-requests.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../context.js';
import { AppError, NotFoundError } from '../errors.js';
import { recordAttachment } from './commands.js';
import { attachmentsDir, badType, storeUpload, tooLarge } from './files.js';
import { assertCanAttach, ATTACHMENT_NOUN, canSeeOwner, type OwnerType } from './policy.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 413: errorSchema };

export function attachmentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, config } = ctx;
  const maxBytes = config.attachmentMaxMb * 1024 * 1024;

  // Its own scope: multipart parsing and its limits apply to these routes only.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 2, parts: 3 } });
    const r = scope.withTypeProvider<ZodTypeProvider>();

    async function receive(request: FastifyRequest, ownerType: OwnerType, ownerId: number) {
      const user = requireUser(request);
      // Who may attach is settled before a byte of the file is read.
      await assertCanAttach(db, user, ownerType, ownerId);
      if (!request.isMultipart()) throw badType();
      const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } }).catch((error: unknown) => {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(config.attachmentMaxMb);
        throw error instanceof AppError ? error : badType();
      });
      if (!part) throw badType();
      const file = await storeUpload(part, config.dataDir, config.attachmentMaxMb);
      const row = await recordAttachment({ db, dataDir: config.dataDir, user, ownerType, ownerId, file });
      return { id: row.id, fileName: row.file_name, mime: row.mime, sizeBytes: Number(row.size_bytes) };
    }

    const owners: [string, OwnerType, string][] = [
      ['/api/service-requests/:id/attachments', 'request', 'Attach a document to a service request (multipart field “file”)'],
      ['/api/approvals/:id/attachments', 'approval', 'Attach a document to an approval item (multipart field “file”)'],
    ];
    for (const [url, ownerType, summary] of owners) {
      r.post(url, {
        schema: { tags: ['attachments'], summary, consumes: ['multipart/form-data'], params: idParamsSchema, response: { 201: attachmentSchema, ...errors } },
        handler: async (request, reply) => reply.status(201).send(await receive(request, ownerType, request.params.id)),
      });
    }
  });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/attachments/:id', {
    schema: { tags: ['attachments'], summary: 'Download an attachment the caller may see', params: idParamsSchema, response: { 200: z.any().describe('the file'), ...errors } },
    handler: async (request, reply) => {
      const user = requireUser(request);
      const row = await db.selectFrom('attachments').selectAll().where('id', '=', request.params.id).executeTakeFirst();
      if (!row || !(await canSeeOwner(db, user, row.owner_type, row.owner_id))) throw new NotFoundError(ATTACHMENT_NOUN);
      const file = path.join(attachmentsDir(config.dataDir), path.basename(row.storage_key));
      const stream = fs.createReadStream(file);
      await new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject)).catch(() => {
        throw new NotFoundError(ATTACHMENT_NOUN);
      });
      const ascii = row.file_name.replace(/[^\x20-\x7e]/g, '_');
      return reply
        .header('content-type', row.mime)
        .header('content-length', String(row.size_bytes))
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.file_name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(stream);
    },
  });
}
