import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { addEnterprise } from '../../../tests/support/chain-fixture.js';
import { daysAgo } from '../../../tests/support/factories.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { insertServiceRequest } from '../../../tests/support/service-fixture.js';
import { startScheduler } from './scheduler.js';

let server: TestServer;
let enterpriseId: number;
const quiet = { info: () => {}, error: () => {} };

beforeAll(async () => {
  server = await startTestServer();
  enterpriseId = (await addEnterprise(await server.as('admin'))).id;
});
afterAll(() => server?.close());

const escalatedAt = async (id: number) =>
  (await server.db.selectFrom('service_requests').select('escalated_at').where('id', '=', id).executeTakeFirstOrThrow()).escalated_at;

describe('the deadline scheduler', () => {
  it('SWEEP_INTERVAL_SECONDS: 60 by default, 0 turns it off', () => {
    expect(loadConfig({}).sweepIntervalSeconds).toBe(60);
    expect(loadConfig({ SWEEP_INTERVAL_SECONDS: '0' }).sweepIntervalSeconds).toBe(0);
    expect(loadConfig({ SWEEP_INTERVAL_SECONDS: '15' }).sweepIntervalSeconds).toBe(15);
  });

  it('interval 0 never sweeps', async () => {
    const { id } = await insertServiceRequest(server.db, { enterprise_id: enterpriseId, due_on: daysAgo(5), red_on: daysAgo(1) });
    await startScheduler({ db: server.db, intervalSeconds: 0, log: quiet }).stop();
    expect(await escalatedAt(id)).toBeNull();
  });

  it('sweeps once at start; stop() waits for that sweep to finish', async () => {
    const { id } = await insertServiceRequest(server.db, { enterprise_id: enterpriseId, due_on: daysAgo(5), red_on: daysAgo(1) });
    await startScheduler({ db: server.db, intervalSeconds: 3600, log: quiet }).stop();
    expect(await escalatedAt(id)).not.toBeNull();
  });

  it('a failing sweep is logged, not thrown', async () => {
    const errors: unknown[] = [];
    await startScheduler({ db: server.db, intervalSeconds: 3600, log: { info: () => {}, error: (d) => errors.push(d) }, today: () => 'not-a-day' }).stop();
    expect(errors).toHaveLength(1);
  });
});
