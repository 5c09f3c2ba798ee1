import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParamsSchema } from '../../shared/common.js';
import { importJobSchema, type ImportKind } from '../../shared/imports.js';
import { requireUser } from '../auth/guard.js';
import type { AppContext } from '../context.js';
import { AppError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { requestLang } from '../http/lang.js';
import { createJob, findVisibleJob, jobErrors, presentJob, runImport } from './jobs.js';
import { errorsWorkbook, templateWorkbook } from './templates.js';
import { sendWorkbook, XLSX_TYPE } from '../http/excel.js';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 413: errorSchema };
const NOT_FOUND = { zh: '导入任务', en: 'Import job' };

function badFile(): ValidationError {
  return new ValidationError('file', { zh: '请在 file 字段上传 .xlsx 格式的 Excel 文件', en: 'Upload an .xlsx Excel workbook in the field “file”' }, 'invalid_file');
}

function tooLarge(): AppError {
  const mb = MAX_UPLOAD_BYTES / 1024 / 1024;
  return new AppError(413, 'file_too_large', { zh: `文件超过 ${mb} MB`, en: `The file is larger than ${mb} MB` }, 'file');
}

// Runs before the upload is read: a non-admin is refused without the server storing the file.
async function adminsOnly(request: FastifyRequest): Promise<void> {
  if (requireUser(request).role !== 'admin') {
    throw new ForbiddenError({ zh: '只有管理员可以导入数据', en: 'Only administrators may import data' });
  }
}

/** Streams the one uploaded file to the OS temp dir; the job reads it from there and removes it. */
async function receiveUpload(request: FastifyRequest): Promise<{ file: string; fileName: string }> {
  if (!request.isMultipart()) throw badFile();
  // A malformed multipart body (no boundary, truncated part) is the caller's mistake, not ours.
  const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } }).catch((error: unknown) => {
    throw error instanceof AppError ? error : badFile();
  });
  if (!part || part.fieldname !== 'file' || !/\.xlsx$/i.test(part.filename)) {
    part?.file.resume();
    throw badFile();
  }
  const file = path.join(os.tmpdir(), `lianzhu-import-${crypto.randomUUID()}.xlsx`);
  try {
    await pipeline(part.file, fs.createWriteStream(file));
    // Past the limit the stream just ends early; the part says so.
    if (part.file.truncated) throw tooLarge();
    // An .xlsx is a zip; anything else renamed to .xlsx is refused now rather than failing later.
    const head = Buffer.alloc(4);
    const fd = await fs.promises.open(file, 'r');
    const { bytesRead } = await fd.read(head, 0, 4, 0).finally(() => fd.close());
    if (bytesRead < 4 || head.readUInt32LE(0) !== 0x04034b50) throw badFile();
  } catch (error) {
    await fs.promises.rm(file, { force: true });
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw error instanceof AppError ? error : badFile();
  }
  return { file, fileName: part.filename };
}

export function importRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Its own scope: multipart parsing and its limits apply to these routes only.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const { db } = ctx;
    const xlsx = z.any().describe(XLSX_TYPE);

    const templates: [string, ImportKind, string][] = [
      ['enterprises.xlsx', 'enterprises', '企业导入模板.xlsx'],
      ['supply-links.xlsx', 'supply_links', '供应关系导入模板.xlsx'],
    ];
    for (const [file, kind, name] of templates) {
      r.get(`/api/imports/templates/${file}`, {
        schema: { tags: ['imports'], summary: `Import template (${kind}) with an example row and a 说明 sheet`, response: { 200: xlsx, ...errors } },
        handler: async (request, reply) => {
          requireUser(request);
          return sendWorkbook(reply, await templateWorkbook(kind), `${kind}-template.xlsx`, name);
        },
      });
    }

    const uploads: [string, ImportKind][] = [
      ['enterprises', 'enterprises'],
      ['supply-links', 'supply_links'],
    ];
    for (const [segment, kind] of uploads) {
      r.post(`/api/imports/${segment}`, {
        schema: {
          tags: ['imports'],
          summary: `Import ${kind} from an .xlsx (multipart field “file”); poll the job for progress`,
          consumes: ['multipart/form-data'],
          response: { 202: importJobSchema, ...errors },
        },
        preValidation: adminsOnly,
        handler: async (request, reply) => {
          const user = requireUser(request);
          const { file, fileName } = await receiveUpload(request);
          const job = await createJob(db, { kind, fileName, user }).catch(async (error) => {
            await fs.promises.rm(file, { force: true });
            throw error;
          });
          // After the response: the job row carries the progress, so any instance can answer the polling.
          setImmediate(() => {
            runImport({ db, engine: ctx.engine, jobId: job.id, kind, file, fileName, lang: requestLang(request), user, log: request.log }).catch((error) =>
              request.log.error({ err: error, jobId: job.id }, 'import: job runner crashed'),
            );
          });
          return reply.status(202).send(presentJob(job));
        },
      });
    }

    r.get('/api/imports/:id', {
      schema: { tags: ['imports'], summary: 'An import job: status, progress, counts and the first row errors', params: idParamsSchema, response: { 200: importJobSchema, ...errors } },
      handler: async (request) => {
        const job = await findVisibleJob(db, requireUser(request), request.params.id);
        if (!job) throw new NotFoundError(NOT_FOUND);
        return presentJob(job);
      },
    });

    r.get('/api/imports/:id/errors.xlsx', {
      schema: { tags: ['imports'], summary: 'The row-by-row problems of an import as a workbook', params: idParamsSchema, response: { 200: xlsx, ...errors } },
      handler: async (request, reply) => {
        const job = await findVisibleJob(db, requireUser(request), request.params.id);
        if (!job) throw new NotFoundError(NOT_FOUND);
        const buffer = await errorsWorkbook(jobErrors(job), job.error_count);
        return sendWorkbook(reply, buffer, `import-${job.id}-errors.xlsx`, `导入问题-${job.id}.xlsx`);
      },
    });
  });
}
