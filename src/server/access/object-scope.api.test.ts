import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiRoutes, signInCallers } from '../../../tests/support/access-walk.js';
import { buildOpportunity } from '../../../tests/support/opportunity-fixture.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { REGION_CODES } from '../regions/data.js';

// Object-level access: for every route that takes an id, a caller whose data scope does not hold that
// record gets no answer about it (404, or 403 where the role may not call the route at all), while the
// admin reads it (so the id is real). Writes are tried with bodies that would pass validation.
let server: TestServer;
let c: Map<string, ApiClient>;
const ids = { project: 0, ownProject: 0, enterprise: 0, lead: 0, opportunity: 0, requestE: 0, requestR: 0, requestD: 0, approval: 0 };

beforeAll(async () => {
  server = await startTestServer({ demoProjects: true, demoLeads: true, demoApprovals: true, demoServiceRequests: true });
  c = await signInCallers(server);
  const db = server.db;
  const step = async <T>(name: string, p: Promise<T>) => { try { return await p; } catch (e) { throw new Error(name + ': ' + (e as Error).message); } };
  const qiye = await db.selectFrom('users').innerJoin('enterprises', 'enterprises.uscc', 'users.enterprise_uscc').select('enterprises.id').where('users.username', '=', 'qiye').executeTakeFirstOrThrow();
  // Outside 木垒 (the region officer) and not qiye's enterprise; requests also not routed to 发改委 (the
  // department officer). Every demo project has a 发改委 approval, so the department's project scope is
  // tested with requests and in the service-requests module.
  const outside = (t: 'projects') => db.selectFrom(t).select('id').where('region_code', '!=', REGION_CODES.mulei).where('enterprise_id', '!=', qiye.id);
  ids.project = (await step('project', outside('projects').executeTakeFirstOrThrow())).id;
  ids.ownProject = (await db.selectFrom('projects').select('id').where('region_code', '=', REGION_CODES.mulei).executeTakeFirstOrThrow()).id;
  ids.enterprise = (await db.selectFrom('enterprises').select('id').where('id', '!=', qiye.id).where('region_code', '=', REGION_CODES.manas).executeTakeFirstOrThrow()).id;
  ids.lead = (await step('lead', db.selectFrom('leads').select('id').where('region_code', '!=', REGION_CODES.mulei).executeTakeFirstOrThrow())).id;
  ids.opportunity = (await c.get('A')!.post('/api/opportunities', buildOpportunity({ regionCode: REGION_CODES.manas }))).body.id;
  // One request of another enterprise in another region, routed to 自然资源局 only.
  const raised = await c.get('A')!.post('/api/service-requests', { enterpriseId: ids.enterprise, category: 'land', title: '示例:用地边界核实', description: '越权测试用诉求', departmentCodes: ['zrzy'] });
  expect(raised.status).toBe(201);
  const requests = db.selectFrom('service_requests').select('id').orderBy('id');
  ids.requestE = (await step('request E', requests.where('enterprise_id', '!=', qiye.id).executeTakeFirstOrThrow())).id;
  ids.requestR = (await step('request R', requests.where('region_code', '!=', REGION_CODES.mulei).executeTakeFirstOrThrow())).id;
  ids.requestD = (await step('request D', requests.where('id', 'not in', db.selectFrom('service_request_assignments').select('request_id').where('department_code', '=', 'fgw')).executeTakeFirstOrThrow())).id;
  ids.approval = (await step('approval', db.selectFrom('project_approvals').innerJoin('projects', 'projects.id', 'project_approvals.project_id').select('project_approvals.id').where('projects.region_code', '!=', REGION_CODES.mulei).where('project_approvals.department_code', '!=', 'fgw').executeTakeFirstOrThrow())).id;
});
afterAll(() => server?.close());

// Which id each family of routes takes, and which callers hold none of those records.
type IdKey = keyof typeof ids;
// The status with the error code, so a failure says why.
const statusOf = async (p: Promise<{ status: number; body: any }>) => {
  const res = await p;
  return res.status === 404 ? '404' : `${res.status} ${JSON.stringify(res.body)}`;
};
const FAMILIES: { prefix: string; outsiders: Partial<Record<string, IdKey>> }[] = [
  { prefix: '/api/projects/{id}', outsiders: { R: 'project', E: 'project' } },
  { prefix: '/api/enterprises/{id}', outsiders: { E: 'enterprise' } },
  { prefix: '/api/leads/{id}', outsiders: { R: 'lead' } },
  { prefix: '/api/opportunities/{id}', outsiders: { R: 'opportunity' } },
  { prefix: '/api/service-requests/{id}', outsiders: { R: 'requestR', E: 'requestE', D: 'requestD' } },
];

describe('object-level access', () => {
  it('every read that takes an id answers 404 (or 403) to a caller outside that record’s scope, and 200 to the admin', async () => {
    const routes = (await openApiRoutes(server)).filter((r) => r.method === 'get');
    const wrong: string[] = [];
    let checked = 0;
    for (const family of FAMILIES) {
      for (const route of routes.filter((r) => r.path.startsWith(family.prefix))) {
        for (const [letter, key] of Object.entries(family.outsiders)) {
          const url = route.path.replace('{id}', String(ids[key!]));
          if ((await c.get('A')!.get(url)).status !== 200) wrong.push(`admin ${url}`);
          const status = (await c.get(letter)!.get(url)).status;
          checked += 1;
          if (status !== 404 && status !== 403) wrong.push(`${letter} GET ${url} → ${status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(18);
  });

  it('writes by id outside the caller’s scope answer 404 and change nothing', async () => {
    const before = await server.db.selectFrom('projects').select(['name', 'version']).where('id', '=', ids.project).executeTakeFirstOrThrow();
    const mulei = c.get('R')!;
    const patched = await mulei.patch(`/api/projects/${ids.project}`, { name: '越权修改', version: before.version });
    expect(patched.status, JSON.stringify(patched.body)).toBe(404);
    expect(await statusOf(mulei.post(`/api/projects/${ids.project}/transitions`, { to: 'terminated', date: '2023-06-01', reason: '越权' }))).toBe('404');
    expect(await statusOf(mulei.put(`/api/projects/${ids.project}/factors/land`, { requiredAmount: 10, securedAmount: 1 }))).toBe('404');
    expect(await statusOf(mulei.patch(`/api/approvals/${ids.approval}`, { status: 'approved', version: 1 }))).toBe('404');
    expect(await statusOf(c.get('E')!.post(`/api/service-requests/${ids.requestE}/confirm`, { rating: 5 }))).toBe('404');
    expect(await statusOf(c.get('D')!.post(`/api/service-requests/${ids.requestD}/assignments/fgw/transition`, { to: 'accepted' }))).toBe('404');
    expect(await server.db.selectFrom('projects').select(['name', 'version']).where('id', '=', ids.project).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('a region officer may not move its own project to another region (403) or set its stage by PATCH (400 naming stage)', async () => {
    const mulei = c.get('R')!;
    const { version } = await server.db.selectFrom('projects').select('version').where('id', '=', ids.ownProject).executeTakeFirstOrThrow();
    const move = await mulei.patch(`/api/projects/${ids.ownProject}`, { regionCode: REGION_CODES.manas, version });
    expect([403, 400]).toContain(move.status);
    expect(move.body.error.field).toBe('regionCode');
    const stage = await mulei.patch(`/api/projects/${ids.ownProject}`, { stage: 'operating', version });
    expect(stage.status).toBe(400);
    expect(stage.body.error.field).toBe('stage');
    expect((await server.db.selectFrom('projects').select('region_code').where('id', '=', ids.ownProject).executeTakeFirstOrThrow()).region_code).toBe(REGION_CODES.mulei);
  });

  it('sort and filter parameters outside their allow-lists answer 400 naming the parameter', async () => {
    const admin = c.get('A')!;
    for (const url of ['/api/projects?sort=password_hash', '/api/enterprises?sort=1;drop table users', '/api/service-requests?status=everything', '/api/projects?order=sideways']) {
      const res = await admin.get(url);
      expect(res.status, url).toBe(400);
      expect(res.body.error.field, url).toBeTruthy();
    }
  });
});
