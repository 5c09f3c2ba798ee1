import type { ImportJob } from '../../../shared/imports.js';
import { api } from '../../api/client.js';
import type { ImportPath } from '../../api/endpoints.js';

/** Sends a workbook as multipart/form-data (field `file`) through the one API client, CSRF header included. */
export function uploadImport(kind: ImportPath, file: File): Promise<ImportJob> {
  const body = new FormData();
  body.append('file', file, file.name);
  return api<ImportJob>(`/api/imports/${kind}`, { method: 'POST', body });
}
