import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import { AppError, ValidationError } from '../errors.js';

// Only documents people exchange with the government, each recognised by its name AND its first bytes,
// so an executable renamed report.pdf is refused and nothing a browser would run is ever served.
const ZIP = [0x50, 0x4b, 0x03, 0x04];
export const ALLOWED_TYPES: Record<string, { mime: string; magic: number[] }> = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  png: { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  jpg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
};

export function badType(): ValidationError {
  return new ValidationError(
    'file',
    { zh: '只能上传 PDF、PNG、JPG、Word(.docx)或 Excel(.xlsx)文件,且文件内容须与扩展名一致', en: 'Upload a PDF, PNG, JPG, Word (.docx) or Excel (.xlsx) file whose content matches its extension' },
    'invalid_file_type',
  );
}

export function tooLarge(maxMb: number): AppError {
  return new AppError(413, 'file_too_large', { zh: `文件不能超过 ${maxMb} MB`, en: `The file must not exceed ${maxMb} MB` }, 'file');
}

export function typeOfName(fileName: string) {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  return Object.hasOwn(ALLOWED_TYPES, ext) ? ALLOWED_TYPES[ext] : null;
}

export function attachmentsDir(dataDir: string): string {
  return path.join(dataDir, 'attachments');
}

/** The file's name as shown, without any directory part or control characters. */
function cleanName(name: string): string {
  return (path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f"]/g, '').trim() || 'file').slice(0, 200);
}

export interface StoredFile {
  storageKey: string;
  fileName: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Streams an uploaded part to a random name under the attachments folder, checking its type and size.
 * On any refusal the partial file is removed, so nothing of a refused upload stays on disk.
 */
export async function storeUpload(part: MultipartFile, dataDir: string, maxMb: number): Promise<StoredFile> {
  const fileName = cleanName(part.filename);
  const type = typeOfName(fileName);
  if (part.fieldname !== 'file' || !type) {
    part.file.resume();
    throw badType();
  }
  const dir = attachmentsDir(dataDir);
  await fs.promises.mkdir(dir, { recursive: true });
  const storageKey = crypto.randomBytes(24).toString('hex');
  const file = path.join(dir, storageKey);
  const hash = crypto.createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  part.file.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    size += chunk.length;
    if (head.length < 16) head = Buffer.concat([head, chunk]).subarray(0, 16);
  });
  try {
    await pipeline(part.file, fs.createWriteStream(file, { flags: 'wx' }));
    if (part.file.truncated) throw tooLarge(maxMb);
    if (size < type.magic.length || !type.magic.every((b, i) => head[i] === b)) throw badType();
  } catch (error) {
    await fs.promises.rm(file, { force: true });
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxMb);
    throw error;
  }
  return { storageKey, fileName, mime: type.mime, sizeBytes: size, sha256: hash.digest('hex') };
}
