import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../tests/support/client.js';
import { buildProject } from '../../../tests/support/factories.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../../tests/support/server.js';
import { buildApp } from '../app.js';
import { openDatabase, type Database } from '../db/database.js';
import { REGION_CODES } from '../regions/data.js';

// Two officers on one project, and two app instances on one database: one write wins, the other hears
// 409, and nothing is written twice.
let server: TestServer;
let second: { app: FastifyInstance; database: Database; url: string };

beforeAll(async () => {
  server = await startTestServer();
  const database = openDatabase(server.config);
  const app = await buildApp({ db: database.db, engine: database.engine, config: server.config });
  second = { app, database, url: await app.listen({ port: 0, host: '127.0.0.1' }) };
});
afterAll(async () => {
  await second?.app.close();
  await second?.database.close();
  await server?.close();
});

describe('concurrent writes to one project', () => {
  it('two officers saving the same version at once → one 200, one 409 version_conflict; the project has one of the two names', async () => {
    const admin = await server.as('admin');
    const mulei = await server.as('mulei');
    const created = await admin.post('/api/projects', buildProject({ regionCode: REGION_CODES.mulei }));
    const { id, version } = created.body;
    const [a, b] = await Promise.all([admin.patch(`/api/projects/${id}`, { name: '州局改名', version }), mulei.patch(`/api/projects/${id}`, { name: '县局改名', version })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.error.code).toBe('version_conflict');
    const row = await server.db.selectFrom('projects').select(['name', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(['州局改名', '县局改名']).toContain(row.name);
    expect(row.version).toBe(version + 1);
    const audits = await server.db.selectFrom('audit_log').select('id').where('action', '=', 'project.update').where('entity_id', '=', String(id)).execute();
    expect(audits).toHaveLength(1);
  });

  it('two app instances moving the same project to the next stage at once → one 200, the other refused; one transition row', async () => {
    const viaFirst = await server.as('admin');
    const viaSecond = new ApiClient(second.url);
    expect((await viaSecond.login('admin', TEST_PASSWORD)).status).toBe(200);
    const { id } = (await viaFirst.post('/api/projects', buildProject())).body;
    const today = new Date().toISOString().slice(0, 10);
    const results = await Promise.all([viaFirst, viaSecond].map((c) => c.post(`/api/projects/${id}/transitions`, { to: 'landed', date: today })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect([400, 409]).toContain(statuses[1]);
    const rows = await server.db.selectFrom('project_transitions').select('to_stage').where('project_id', '=', id).where('kind', '=', 'advance').execute();
    expect(rows).toEqual([{ to_stage: 'landed' }]);
  });
});
