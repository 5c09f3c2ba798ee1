import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers, CALLERS, openApiRoutes, routeKey, signInCallers, type Route } from '../../../tests/support/access-walk.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { ACCESS_MATRIX } from './matrix.js';

let server: TestServer;
let clients: Map<string, ApiClient>;
let routes: Route[];

beforeAll(async () => {
  server = await startTestServer({ demoProjects: true, demoLeads: true, demoApprovals: true, demoServiceRequests: true, demoSkills: true, demoLivestream: true });
  clients = await signInCallers(server);
  routes = await openApiRoutes(server);
});
afterAll(() => server?.close());

describe('the access matrix: every route × every role', () => {
  it('has a row for every route of the API and none for a route that is gone', () => {
    const keys = routes.map(routeKey);
    expect(keys.filter((k) => !(k in ACCESS_MATRIX))).toEqual([]);
    expect(Object.keys(ACCESS_MATRIX).filter((k) => !keys.includes(k))).toEqual([]);
    expect(keys.length).toBeGreaterThan(150);
  });

  it(`every route answers each of the ${CALLERS.length} callers as its row says`, async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      const key = routeKey(route);
      // Signing out ends the callers' sessions: it is walked last, below.
      if (route.path === '/api/auth/logout') continue;
      const seen = await answers(clients, route);
      if (seen !== ACCESS_MATRIX[key]) wrong.push(`'${key}': '${seen}',  (expected '${ACCESS_MATRIX[key]}')`);
    }
    expect(wrong).toEqual([]);
    const logout = routes.find((r) => r.path === '/api/auth/logout')!;
    expect(await answers(clients, logout)).toBe(ACCESS_MATRIX[routeKey(logout)]);
  });
});
