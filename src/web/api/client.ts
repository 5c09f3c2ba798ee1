import type { ErrorBody } from '../../shared/common.js';

// Module state rather than React context: every request needs the token and language,
// including ones made outside components (mutations, the 401 handler).
let csrfToken: string | null = null;
let language: 'zh' | 'en' = 'zh';
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function setApiLanguage(lang: 'zh' | 'en'): void {
  language = lang;
}
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Login and /me answer 401 as part of their normal flow; do not bounce to the sign-in page. */
  allow401?: boolean;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': language === 'zh' ? 'zh-CN' : 'en',
  };
  // A FormData body (a file upload) sets its own multipart boundary header.
  const isForm = opts.body instanceof FormData;
  if (opts.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : isForm ? (opts.body as FormData) : JSON.stringify(opts.body),
    });
  } catch {
    throw new ApiError(0, 'network', language === 'zh' ? '网络连接失败,请稍后重试' : 'Network error, please retry');
  }

  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }

  if (!res.ok) {
    const err = (data as ErrorBody | null)?.error;
    if (res.status === 401 && !opts.allow401) {
      csrfToken = null;
      unauthorizedHandler?.();
    }
    throw new ApiError(
      res.status,
      err?.code ?? `http_${res.status}`,
      err?.message ?? (language === 'zh' ? `请求失败(${res.status})` : `Request failed (${res.status})`),
      err?.field,
    );
  }
  return data as T;
}

/** Builds a query string, leaving out empty values so URLs stay short and readable. */
export function toQuery(params: Record<string, string | number | boolean | undefined | null>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `?${s}` : '';
}
