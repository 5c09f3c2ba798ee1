import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEnterprise } from '../../../tests/support/chain-fixture.js';
import { ApiClient } from '../../../tests/support/client.js';
import { testEngine } from '../../../tests/support/database.js';
import { daysAgo } from '../../../tests/support/factories.js';
import { buildGapChain, buildInterest } from '../../../tests/support/opportunity-fixture.js';
import { insertServiceRequest } from '../../../tests/support/service-fixture.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../../tests/support/server.js';
import { buildApp } from '../app.js';
import { todayInShanghai } from '../clock.js';
import { sweepServiceDeadlines } from '../service-requests/escalate.js';
import { openDatabase, type Database } from './database.js';

// Two app instances on one database (on PostgreSQL, as a deployment behind a load balancer runs them):
// sessions, rate limits, lockouts and the scheduled sweep behave exactly once across both.
let server: TestServer;
let second: { app: FastifyInstance; database: Database; url: string };
const urls = () => [server.url, second.url];

beforeAll(async () => {
  server = await startTestServer({ config: { loginMaxFailures: 5 } });
  const database = openDatabase(server.config);
  const app = await buildApp({ db: database.db, engine: database.engine, config: server.config });
  second = { app, database, url: await app.listen({ port: 0, host: '127.0.0.1' }) };
});
afterAll(async () => {
  await second?.app.close();
  await second?.database.close();
  await server?.close();
});

describe(`two instances on one ${testEngine()} database`, () => {
  it('a session made on one works on the other, and signing out on the other ends it on both', async () => {
    const a = new ApiClient(server.url);
    expect((await a.login('leader', TEST_PASSWORD)).status).toBe(200);
    const b = new ApiClient(second.url);
    b.cookie = a.cookie;
    b.csrfToken = a.csrfToken;
    expect((await b.get('/api/projects')).status).toBe(200);
    expect((await b.post('/api/auth/logout')).status).toBe(204);
    expect((await a.get('/api/projects')).status).toBe(401);
  });

  it('failed sign-ins spread over both count together: the sixth answers 429 on either', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await new ApiClient(urls()[i % 2]).request('POST', '/api/auth/login', { username: 'manas', password: 'Wrong-guess-9' }, { 'x-forwarded-for': '203.0.113.61' });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  // One SQLite file is served by one instance (DATABASE_URL is for several); SQLite's connections would
  // queue their writes, and two upgrading readers get SQLITE_BUSY at once, so these two run on PostgreSQL.
  it.skipIf(testEngine() === 'sqlite')('the public form’s per-address limit holds across both: 8 at once from one address → exactly 5 accepted', async () => {
    const admin = await server.as('admin');
    await server.db.insertInto('clusters').values({ code: 'two-inst', name: '双实例测试集群', sort_order: 99 }).execute();
    const chain = await buildGapChain(admin, '双实例测试链');
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => new ApiClient(urls()[i % 2]).request('POST', '/api/public/interests', buildInterest({ nodeId: chain.nodeIds['缺'] }), { 'x-forwarded-for': '192.0.2.201' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
  });

  it.skipIf(testEngine() === 'sqlite')('both instances sweeping deadlines at once escalate each overdue request once, with one timeline entry and one notice per person told', async () => {
    const admin = await server.as('admin');
    const { id: enterpriseId } = await addEnterprise(admin);
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await insertServiceRequest(server.db, { enterprise_id: enterpriseId, due_on: daysAgo(6), red_on: daysAgo(2) })).id);
    const today = todayInShanghai();
    await Promise.all([server.db, second.database.db, server.db, second.database.db].map((db) => sweepServiceDeadlines({ db, today })));
    const admins = await server.db.selectFrom('users').select('id').where('role', '=', 'admin').execute();
    for (const id of ids) {
      const events = await server.db.selectFrom('service_request_events').select('id').where('request_id', '=', id).where('kind', '=', 'escalated').execute();
      expect(events, `request ${id}`).toHaveLength(1);
      const notices = await server.db.selectFrom('notifications').select('user_id').where('entity', '=', 'service_request').where('entity_id', '=', String(id)).where('kind', '=', 'escalated').execute();
      const users = notices.map((n) => n.user_id);
      expect(new Set(users).size, `request ${id}: one notice per person`).toBe(users.length);
      expect(users).toEqual(expect.arrayContaining(admins.map((a) => a.id)));
    }
  });
});
