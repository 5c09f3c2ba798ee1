import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEST_API_PREFIXES, CONTEST_ROLES } from '../../shared/roles.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../../tests/support/server.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { createUser } from './users.js';

// Contest accounts (organiser, judge, contestant) sign in to the same platform as the officers; this
// walks every platform route in the OpenAPI document, so a route added later without thought is covered.
let server: TestServer;
const clients = new Map<string, ApiClient>();

beforeAll(async () => {
  server = await startTestServer({ demoProjects: true });
  for (const role of CONTEST_ROLES) {
    await createUser({ db: server.db, username: `c-${role}`, password: TEST_PASSWORD, displayName: `示例${role}`, role });
    clients.set(role, await server.as(`c-${role}`));
  }
});
afterAll(() => server?.close());

const PUBLIC = ['/api/auth/login', '/api/health', '/api/openapi.json', '/api/public/'];

describe('contest accounts outside the contests', () => {
  it('GET /api/auth/me as a judge → 200 with its role', async () => {
    const me = await clients.get('judge')!.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.role).toBe('judge');
  });

  it('every platform route (ids filled with 1) → 403 contest_account for each contest role, before any data is read', async () => {
    const doc = (await server.anonymous().get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method, path })));
    const platform = routes.filter(
      ({ path }) => !CONTEST_API_PREFIXES.some((p) => path.startsWith(p)) && !PUBLIC.some((p) => path.startsWith(p)),
    );
    // The ledger, the enterprise base and the figures are all among them.
    expect(platform.map((r) => r.path)).toEqual(expect.arrayContaining(['/api/projects', '/api/enterprises', '/api/dashboard/summary']));
    const wrong: string[] = [];
    for (const [role, client] of clients) {
      for (const { method, path } of platform) {
        const url = path.replace(/\{[^}]+\}/g, '1');
        const res = await client.request(method.toUpperCase(), url, method === 'get' ? undefined : {});
        if (res.status !== 403 || res.body?.error?.code !== 'contest_account') wrong.push(`${role} ${method} ${url} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('signing out still works for a contest account → 204', async () => {
    const client = await server.as('c-contestant');
    expect((await client.post('/api/auth/logout', {})).status).toBe(204);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });
});
