import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEnterprise } from '../../../tests/support/chain-fixture.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { buildEvent, buildProject, daysAgo } from '../../../tests/support/factories.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { todayInShanghai } from '../clock.js';

// The command view reads copies kept on write (0033): the project's cluster and stage dates on its
// department pairs, its cluster and signing event on its service requests. After each write that
// changes a source row, every copy must equal what the source says now.
let server: TestServer;
let admin: ApiClient;
let zrzy: ApiClient;

beforeAll(async () => {
  server = await startTestServer({ demoProjects: true, demoServiceRequests: true });
  admin = await server.as('admin');
  zrzy = await server.as('zrzy');
});
afterAll(() => server?.close());

/** Pairs and requests whose copies differ from their project (and its signing) as it stands. */
async function drift() {
  const pairs = await sql<{ project_id: number }>`
    select pd.project_id from project_departments pd join projects p on p.id = pd.project_id
    where coalesce(pd.cluster, '-') <> coalesce(p.cluster, '-') or coalesce(pd.signed_on, '-') <> coalesce(p.signed_on, '-')
       or coalesce(pd.negotiating_on, '-') <> coalesce(p.negotiating_on, '-') or coalesce(pd.landed_on, '-') <> coalesce(p.landed_on, '-')
       or coalesce(pd.started_on, '-') <> coalesce(p.started_on, '-') or coalesce(pd.operating_on, '-') <> coalesce(p.operating_on, '-')
       or coalesce(pd.full_capacity_on, '-') <> coalesce(p.full_capacity_on, '-') or pd.stage <> p.stage
  `.execute(server.db);
  const requests = await sql<{ id: number }>`
    select sr.id from service_requests sr left join projects p on p.id = sr.project_id left join event_signings es on es.project_id = sr.project_id
    where coalesce(sr.project_cluster, '-') <> coalesce(p.cluster, '-') or coalesce(sr.project_event_id, -1) <> coalesce(es.event_id, -1)
  `.execute(server.db);
  return { pairs: pairs.rows.map((r) => r.project_id), requests: requests.rows.map((r) => r.id) };
}

const period = `from=${daysAgo(90)}&to=${todayInShanghai()}`;
async function signedByCluster(client: ApiClient): Promise<Record<string, number>> {
  const res = await client.get(`/api/indicators?groupBy=cluster&${period}`);
  expect(res.status).toBe(200);
  return Object.fromEntries(res.body.rows.map((r: { key: string; values: { signed: number } }) => [r.key, r.values.signed]));
}

describe('copies for the command view, kept on write', () => {
  let projectId: number;
  let version: number;
  let requestId: number;

  it('the demo seed → every pair and request carries its project’s cluster, dates and event', async () => {
    expect(await server.db.selectFrom('service_requests').select('id').where('project_cluster', 'is not', null).execute()).not.toHaveLength(0);
    expect(await drift()).toEqual({ pairs: [], requests: [] });
  });

  it('a request raised on a project and routed to 自然资源 → 201; the pair and the request copy the project', async () => {
    const e = await addEnterprise(admin, { name: '副本测试企业' });
    const uscc = (await admin.get(`/api/enterprises/${e.id}`)).body.uscc;
    const project = await admin.post('/api/projects', buildProject({ investorUscc: uscc, cluster: 'copy_a', stageDate: daysAgo(20) }));
    expect(project.status).toBe(201);
    projectId = project.body.id;
    version = project.body.version;
    const raised = await admin.post('/api/service-requests', { enterpriseId: e.id, projectId, category: 'land', title: '用地报批', description: '请协助用地报批', departmentCodes: ['zrzy'] });
    expect(raised.status).toBe(201);
    requestId = raised.body.id;
    const pair = await server.db.selectFrom('project_departments').selectAll().where('project_id', '=', projectId).executeTakeFirstOrThrow();
    expect(pair).toMatchObject({ department_code: 'zrzy', cluster: 'copy_a', signed_on: daysAgo(20), landed_on: null });
    const request = await server.db.selectFrom('service_requests').select(['project_cluster', 'project_event_id']).where('id', '=', requestId).executeTakeFirstOrThrow();
    expect(request).toEqual({ project_cluster: 'copy_a', project_event_id: null });
    expect((await signedByCluster(zrzy)).copy_a).toBe(1);
    expect(await drift()).toEqual({ pairs: [], requests: [] });
  });

  it('moving the project to another cluster → 200; the department’s figures and the request follow', async () => {
    const res = await admin.patch(`/api/projects/${projectId}`, { cluster: 'copy_b', version });
    expect(res.status).toBe(200);
    version += 1;
    const byCluster = await signedByCluster(zrzy);
    expect(byCluster.copy_a).toBeUndefined();
    expect(byCluster.copy_b).toBe(1);
    expect(await drift()).toEqual({ pairs: [], requests: [] });
  });

  it('advancing the project to 落地 → 200; the pair carries the landing date', async () => {
    const res = await admin.post(`/api/projects/${projectId}/transitions`, { to: 'landed', date: daysAgo(5) });
    expect(res.status).toBe(200);
    expect(await server.db.selectFrom('project_departments').select(['stage', 'landed_on']).where('project_id', '=', projectId).executeTakeFirstOrThrow()).toEqual({
      stage: 'landed',
      landed_on: daysAgo(5),
    });
    expect(await drift()).toEqual({ pairs: [], requests: [] });
  });

  it('signing the project at an event, then removing the signing → 201, 204; the request’s event follows both', async () => {
    const event = await admin.post('/api/events', buildEvent());
    expect(event.status).toBe(201);
    const signing = await admin.post(`/api/events/${event.body.id}/signings`, { projectId });
    expect(signing.status).toBe(201);
    const eventOf = async () => (await server.db.selectFrom('service_requests').select('project_event_id').where('id', '=', requestId).executeTakeFirstOrThrow()).project_event_id;
    expect(await eventOf()).toBe(event.body.id);
    expect(await drift()).toEqual({ pairs: [], requests: [] });
    const removed = await admin.request('DELETE', `/api/events/${event.body.id}/signings/${signing.body.id}`);
    expect(removed.status).toBe(204);
    expect(await eventOf()).toBeNull();
    expect(await drift()).toEqual({ pairs: [], requests: [] });
  });
});
