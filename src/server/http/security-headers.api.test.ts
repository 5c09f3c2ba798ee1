import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('security headers', () => {
  it('every answer forbids inline and foreign scripts, framing and MIME sniffing', async () => {
    for (const path of ['/api/health', '/api/projects', '/no-such-page']) {
      const res = await fetch(server.url + path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('over plain HTTP there is no HSTS; behind HTTPS (COOKIE_SECURE) there is', async () => {
    expect((await fetch(server.url + '/api/health')).headers.get('strict-transport-security')).toBeNull();
    const https = await startTestServer({ config: { secureCookies: true } });
    try {
      const res = await fetch(https.url + '/api/health');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
      expect(res.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    } finally {
      await https.close();
    }
  });
});
