import type { ApiClient } from './client.js';
import { createUser } from '../../src/server/auth/users.js';
import { TEST_PASSWORD, type TestServer } from './server.js';

/**
 * The callers of the access matrix, one letter each: P anonymous (public), C contestant, J judge,
 * O organiser, E enterprise user (qiye), D department officer (fgw), R region officer (mulei),
 * L leader, A admin. Writers come last so a refused caller never meets what an allowed one changed.
 */
export const CALLERS = [
  ['P', null],
  ['C', 'm-contestant'],
  ['J', 'm-judge'],
  ['O', 'm-organiser'],
  ['E', 'qiye'],
  ['D', 'fgw'],
  ['R', 'mulei'],
  ['L', 'leader'],
  ['A', 'admin'],
] as const;

export interface Route {
  method: string;
  path: string;
}

export async function signInCallers(server: TestServer): Promise<Map<string, ApiClient>> {
  for (const role of ['contestant', 'judge', 'organiser'] as const) {
    await createUser({ db: server.db, username: `m-${role}`, password: TEST_PASSWORD, displayName: `示例${role}`, role });
  }
  const clients = new Map<string, ApiClient>();
  for (const [letter, username] of CALLERS) clients.set(letter, username ? await server.as(username) : server.anonymous());
  return clients;
}

const ORDER: Record<string, number> = { get: 0, post: 1, put: 1, patch: 1, delete: 2 };

/** Every route of the OpenAPI document: reads first, then writes, deletions last (each walk changes data). */
export async function openApiRoutes(server: TestServer): Promise<Route[]> {
  const doc = (await server.anonymous().get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method, path })));
  return routes.sort((a, b) => ORDER[a.method] - ORDER[b.method]);
}

export const routeKey = (r: Route) => `${r.method.toUpperCase()} ${r.path}`;

/** Calls a route with every id set to 1 and an empty body, as each caller; answers "A200 L403 …". */
export async function answers(clients: Map<string, ApiClient>, route: Route): Promise<string> {
  const url = route.path.replace(/\{[^}]+\}/g, '1');
  const parts: string[] = [];
  for (const [letter] of CALLERS) {
    const res = await clients.get(letter)!.request(route.method.toUpperCase(), url, route.method === 'get' || route.method === 'delete' ? undefined : {});
    parts.push(`${letter}${res.status}`);
  }
  return parts.join(' ');
}
