export interface Response<T = any> {
  status: number;
  body: T;
  headers: Headers;
  raw: ArrayBuffer | null;
}

/** A signed-in (or anonymous) caller of the real HTTP server, as a browser would be: cookie plus CSRF header. */
export class ApiClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  lang: 'zh' | 'en' = 'zh';

  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response<T>> {
    const h: Record<string, string> = { 'accept-language': this.lang === 'en' ? 'en' : 'zh-CN', ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') h['x-csrf-token'] ??= this.csrfToken;
    let payload: string | undefined;
    if (body !== undefined) {
      h['content-type'] ??= 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const res = await fetch(this.baseUrl + path, { method, headers: h, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const type = res.headers.get('content-type') ?? '';
    if (type.includes('json')) return { status: res.status, body: (await res.json()) as T, headers: res.headers, raw: null };
    const raw = await res.arrayBuffer();
    return { status: res.status, body: null as T, headers: res.headers, raw };
  }

  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  put<T = any>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }

  async login(username: string, password: string, totp?: string): Promise<Response> {
    const res = await this.post('/api/auth/login', totp ? { username, password, totp } : { username, password });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }
}
