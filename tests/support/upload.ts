import type { ApiClient, Response } from './client.js';

/** A multipart upload as the browser's FormData sends it, with the client's cookie and CSRF header. */
export async function upload(client: ApiClient, path: string, file: { name: string; data: Buffer | Uint8Array | ArrayBuffer | Blob; type?: string }, field = 'file'): Promise<Response> {
  const form = new FormData();
  const type = file.type ?? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  // A Blob (fs.openAsBlob) is sent as it is read, so a large file need not sit in memory.
  const blob = file.data instanceof Blob ? file.data : new Blob([new Uint8Array(file.data instanceof ArrayBuffer ? file.data : file.data)], { type });
  form.append(field, blob, file.name);
  const headers: Record<string, string> = { 'accept-language': client.lang === 'en' ? 'en' : 'zh-CN' };
  if (client.cookie) headers.cookie = client.cookie;
  if (client.csrfToken) headers['x-csrf-token'] = client.csrfToken;
  const res = await fetch(client.baseUrl + path, { method: 'POST', headers, body: form });
  const contentType = res.headers.get('content-type') ?? '';
  if (contentType.includes('json')) return { status: res.status, body: await res.json(), headers: res.headers, raw: null };
  return { status: res.status, body: null, headers: res.headers, raw: await res.arrayBuffer() };
}
