import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../auth/users.js';
import { todayInShanghai } from '../clock.js';
import { addEnterprise } from '../../../tests/support/chain-fixture.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { daysAgo } from '../../../tests/support/factories.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../../tests/support/server.js';
import { insertServiceRequest } from '../../../tests/support/service-fixture.js';
import { sweepServiceDeadlines } from './escalate.js';

let server: TestServer;
let admin: ApiClient;
let enterpriseId: number;
let adminIds: number[];
let fgwId: number;
let zrzyId: number;
const today = todayInShanghai();

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.as('admin');
  enterpriseId = (await addEnterprise(admin)).id;
  zrzyId = server.users.get('zrzy')!.id;
  adminIds = (await server.db.selectFrom('users').select('id').where('role', '=', 'admin').execute()).map((u) => u.id);
  fgwId = server.users.get('fgw')!.id;
});
afterAll(() => server?.close());

const sweep = () => sweepServiceDeadlines({ db: server.db, today });
const events = (requestId: number) =>
  server.db.selectFrom('service_request_events').select(['kind', 'user_id', 'note']).where('request_id', '=', requestId).where('kind', '=', 'escalated').execute();
const notices = (requestId: number, kind: string) =>
  server.db.selectFrom('notifications').select(['user_id', 'dedupe_key', 'link']).where('entity', '=', 'service_request').where('entity_id', '=', String(requestId)).where('kind', '=', kind).orderBy('user_id').execute();

/** Past its red line: fgw still working on it (overdue), zrzy has answered its part. */
const overdueRequest = () =>
  insertServiceRequest(server.db, { enterprise_id: enterpriseId, due_on: daysAgo(6), red_on: daysAgo(2) }, [
    { department_code: 'fgw' },
    { department_code: 'zrzy', status: 'resolved', due_on: daysAgo(8), red_on: daysAgo(4) },
  ]);

describe('sweepServiceDeadlines', () => {
  it('escalates an overdue request once over two sweeps: one timeline event, admins and the open department notified once', async () => {
    const { id } = await overdueRequest();
    const first = await sweep();
    expect(first.escalated).toBe(1);
    const second = await sweep();
    expect(second).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });

    const row = await server.db.selectFrom('service_requests').select(['escalated_at', 'escalation_note', 'version']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.escalated_at).not.toBeNull();
    expect(row.escalation_note).toContain('自动');
    expect(row.version).toBe(1);
    expect(await events(id)).toEqual([{ kind: 'escalated', user_id: null, note: row.escalation_note }]);
    const escalated = await notices(id, 'escalated');
    // zrzy has resolved its part: 督办 is news for the admins and fgw only.
    expect(escalated.map((n) => n.user_id).sort()).toEqual([...adminIds, fgwId].sort());
    expect(escalated.every((n) => n.link === `/services/${id}`)).toBe(true);
    const audit = await server.db.selectFrom('audit_log').select(['user_id']).where('action', '=', 'service_request.escalate').where('entity_id', '=', String(id)).execute();
    expect(audit).toEqual([{ user_id: null }]);
  });

  it('an overdue assignment is reminded once to its department only, keyed by assignment and deadline', async () => {
    const { id, assignmentIds } = await overdueRequest();
    await sweep();
    await sweep();
    const overdue = await notices(id, 'overdue');
    expect(overdue).toEqual([{ user_id: fgwId, dedupe_key: `overdue:${assignmentIds[0]}:${daysAgo(6)}`, link: `/services/${id}` }]);
    expect(overdue.some((n) => n.user_id === zrzyId)).toBe(false);
  });

  it('two sweeps at once escalate exactly once', async () => {
    const { id } = await overdueRequest();
    const results = await Promise.all([sweep(), sweep()]);
    expect(results.map((r) => r.escalated).sort()).toEqual([0, 1]);
    expect(await events(id)).toHaveLength(1);
    expect((await notices(id, 'escalated')).map((n) => n.user_id).sort()).toEqual([...adminIds, fgwId].sort());
    expect(await notices(id, 'overdue')).toHaveLength(1);
  });

  it('an assignment due today is a due-soon reminder, once; nothing is escalated before the red line', async () => {
    const { id, assignmentIds } = await insertServiceRequest(server.db, { enterprise_id: enterpriseId, due_on: today, red_on: daysAgo(-3) }, [{ department_code: 'zrzy' }]);
    const first = await sweep();
    expect(first).toMatchObject({ dueSoon: 1, escalated: 0 });
    expect((await sweep()).dueSoon).toBe(0);
    expect(await notices(id, 'due_soon')).toEqual([{ user_id: zrzyId, dedupe_key: `due_soon:${assignmentIds[0]}:${today}`, link: `/services/${id}` }]);
    expect(await events(id)).toEqual([]);
  });

  it('an overdue assignment of a department with no officers waits until one joins, then is reminded once', async () => {
    const { id } = await insertServiceRequest(server.db, { enterprise_id: enterpriseId, due_on: daysAgo(1), red_on: daysAgo(-2) }, [{ department_code: 'jtj' }]);
    expect((await sweep()).overdue).toBe(0);
    const jtj = await createUser({ db: server.db, username: 'jtj', password: TEST_PASSWORD, displayName: '交通运输局专员', role: 'department', department: 'jtj' });
    expect((await sweep()).overdue).toBe(1);
    expect((await sweep()).overdue).toBe(0);
    expect((await notices(id, 'overdue')).map((n) => n.user_id)).toEqual([jtj.id]);
  });

  it('a resolved or confirmed request past its red line is neither escalated nor reminded', async () => {
    const resolved = await insertServiceRequest(server.db, { enterprise_id: enterpriseId, status: 'resolved', due_on: null, red_on: daysAgo(3) });
    const confirmed = await insertServiceRequest(server.db, { enterprise_id: enterpriseId, status: 'confirmed', due_on: null, red_on: daysAgo(3) });
    expect(await sweep()).toEqual({ dueSoon: 0, overdue: 0, escalated: 0 });
    for (const { id } of [resolved, confirmed]) {
      expect(await events(id)).toEqual([]);
      expect(await notices(id, 'overdue')).toEqual([]);
    }
  });
});

describe('POST /api/service-requests/:id/escalate', () => {
  it('the admin escalates an open request → 200; the timeline, audit and notices name the admin; again → 409', async () => {
    const { id } = await insertServiceRequest(server.db, { enterprise_id: enterpriseId });
    const res = await admin.post(`/api/service-requests/${id}/escalate`, { note: '请三日内办结并报告' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, escalationNote: '请三日内办结并报告' });
    const adminId = server.users.get('admin')!.id;
    expect(await events(id)).toEqual([{ kind: 'escalated', user_id: adminId, note: '请三日内办结并报告' }]);
    // The admin who escalated is not told of it; the other admins and the department are.
    expect((await notices(id, 'escalated')).map((n) => n.user_id).sort()).toEqual([...adminIds.filter((u) => u !== adminId), fgwId].sort());
    const again = await admin.post(`/api/service-requests/${id}/escalate`, { note: '再次督办' });
    expect([again.status, again.body.error.code]).toEqual([409, 'already_escalated']);
    expect(await events(id)).toHaveLength(1);
  });

  it('a resolved request → 409; an unknown one → 404; no note → 400 naming note', async () => {
    const { id } = await insertServiceRequest(server.db, { enterprise_id: enterpriseId, status: 'resolved', due_on: null, red_on: null });
    const closed = await admin.post(`/api/service-requests/${id}/escalate`, { note: '督办' });
    expect([closed.status, closed.body.error.code]).toEqual([409, 'request_closed']);
    expect((await admin.post('/api/service-requests/999999/escalate', { note: '督办' })).status).toBe(404);
    const empty = await admin.post(`/api/service-requests/${id}/escalate`, {});
    expect([empty.status, empty.body.error.field]).toEqual([400, 'note']);
    expect(empty.body.error.message).toContain('督办意见');
  });

  it('a region officer, a leader or a department escalating → 403', async () => {
    const { id } = await insertServiceRequest(server.db, { enterprise_id: enterpriseId });
    for (const who of ['mulei', 'leader', 'fgw']) {
      expect((await (await server.as(who)).post(`/api/service-requests/${id}/escalate`, { note: '督办' })).status).toBe(403);
    }
    expect(await events(id)).toEqual([]);
  });
});
