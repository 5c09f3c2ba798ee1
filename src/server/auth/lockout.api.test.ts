import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../../tests/support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { loginMaxFailures: 3, loginLockMinutes: 15 } });
});
afterAll(() => server?.close());

// The tests speak through loopback, which the server trusts to name the client in X-Forwarded-For.
const from = (address: string, username: string, password: string) =>
  server.anonymous().request('POST', '/api/auth/login', { username, password }, { 'x-forwarded-for': address });

async function fail(address: string, username: string, times: number) {
  const statuses = [];
  for (let i = 0; i < times; i++) statuses.push((await from(address, username, 'Wrong-guess-1')).status);
  return statuses;
}

describe('sign-in lockout', () => {
  it('a stranger guessing from one address locks only that address out (429); the user signs in from another (200)', async () => {
    expect(await fail('203.0.113.7', 'leader', 4)).toEqual([401, 401, 401, 429]);
    const locked = await from('203.0.113.7', 'leader', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toContain('15 分钟');
    expect((await from('198.51.100.20', 'leader', TEST_PASSWORD)).status).toBe(200);
  });

  it('each further lock of the same name and address lasts twice as long: 15, then 30 minutes', async () => {
    // The first lock (above) runs out.
    await server.db.updateTable('login_throttle').set({ locked_until: new Date(Date.now() - 1000).toISOString(), updated_at: new Date(Date.now() - 16 * 60_000).toISOString() }).where('username', '=', '203.0.113.7|leader').execute();
    expect(await fail('203.0.113.7', 'leader', 4)).toEqual([401, 401, 401, 429]);
    expect((await from('203.0.113.7', 'leader', TEST_PASSWORD)).body.error.message).toContain('30 分钟');
  });

  it('guesses spread over many addresses stop at ten times the limit, and that lock does not grow', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push(...(await fail(`192.0.2.${i + 1}`, 'mulei', 1)));
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    const fresh = await from('192.0.2.200', 'mulei', TEST_PASSWORD);
    expect(fresh.status).toBe(429);
    expect(fresh.body.error.message).toContain('15 分钟');
  });
});

describe('many right sign-ins', () => {
  it('sixty sign-ins of one account from one address all answer 200: only failures count toward a lock', async () => {
    const statuses = new Set<number>();
    for (let i = 0; i < 60; i++) statuses.add((await from('198.51.100.77', 'fgw', TEST_PASSWORD)).status);
    expect([...statuses]).toEqual([200]);
  });
});
