import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../../tests/support/server.js';
import { ApiClient } from '../../../tests/support/client.js';
import { buildProject } from '../../../tests/support/factories.js';
import { createUser } from './users.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { loginMaxFailures: 3, loginLockMinutes: 15 } });
});
afterAll(() => server?.close());

describe('sign-in', () => {
  it('POST /api/auth/login with the right password → 200, an httpOnly SameSite=Lax cookie and a CSRF token', async () => {
    const client = server.anonymous();
    const res = await client.login('mulei', TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'mulei', role: 'region', regionCodes: ['652328'] });
    expect(res.body.user).not.toHaveProperty('password_hash');
    expect(res.body.csrfToken).toMatch(/.{20,}/);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('unknown user and wrong password → the same 401', async () => {
    const a = await server.anonymous().login('nobody-here', 'whatever');
    const b = await server.anonymous().login('leader', 'wrong-password');
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect(a.body).toEqual(b.body);
    expect(a.body.error.code).toBe('invalid_credentials');
  });

  it('a username with a NUL character → 400 naming username, not 500', async () => {
    const res = await server.anonymous().post('/api/auth/login', { username: 'ad\u0000min', password: 'x' });
    expect([res.status, res.body.error.field]).toEqual([400, 'username']);
  });

  it('repeated failures lock the name for a while → 429, even with the right password, for real and unknown names alike', async () => {
    for (let i = 0; i < 3; i++) expect((await server.anonymous().login('gaoxin', 'bad')).status).toBe(401);
    const locked = await server.anonymous().login('gaoxin', TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('too_many_attempts');
    for (let i = 0; i < 3; i++) await server.anonymous().login('ghost', 'bad');
    expect((await server.anonymous().login('ghost', 'bad')).status).toBe(429);
    // Another account is unaffected.
    expect((await server.anonymous().login('manas', TEST_PASSWORD)).status).toBe(200);
  });

  it('guesses sent in parallel are counted before the slow hash: no more than the limit get through', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => server.anonymous().login('fgw', `guess-${i}`)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(9);
  });

  it('a name that grows when lower-cased (İ) still gets 401, not 500', async () => {
    const res = await server.anonymous().login('İ'.repeat(64), 'x');
    expect(res.status).toBe(401);
  });

  it('GET /api/auth/me → 200 with the same CSRF token when signed in, 401 when not', async () => {
    const client = await server.as('leader');
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('leader');
    expect(me.body.csrfToken).toBe(client.csrfToken);
    expect((await server.anonymous().get('/api/auth/me')).status).toBe(401);
  });

  it('POST /api/auth/logout → 204 and the session no longer works', async () => {
    const client = await server.as('manas');
    const stolenCookie = client.cookie;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const replay = new ApiClient(server.url);
    replay.cookie = stolenCookie;
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  // Sessions are looked up in the database on every request, never remembered: revoking one takes
  // effect on the very next request.
  it('a deactivated user is refused on the very next request; a changed role applies on the next request', async () => {
    await createUser({ db: server.db, username: 'revoked', password: TEST_PASSWORD, displayName: 'revoked', role: 'region', regionCodes: ['652328'] });
    const client = await server.as('revoked');
    expect((await client.get('/api/auth/me')).body.user.role).toBe('region');
    await server.db.updateTable('users').set({ role: 'leader' }).where('username', '=', 'revoked').execute();
    expect((await client.get('/api/auth/me')).body.user.role).toBe('leader');
    await server.db.updateTable('users').set({ active: 0 }).where('username', '=', 'revoked').execute();
    expect((await client.get('/api/auth/me')).status).toBe(401);
    expect((await client.get('/api/projects')).status).toBe(401);
  });

  it('a write without the X-CSRF-Token header → 403 and nothing is written', async () => {
    const client = await server.as('mulei');
    const before = (await client.get('/api/projects')).body.total;
    const res = await client.request('POST', '/api/projects', buildProject(), { 'x-csrf-token': 'forged' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_token_invalid');
    expect((await client.get('/api/projects')).body.total).toBe(before);
  });

  it('a session stored in the database is accepted by a second app instance', async () => {
    const client = await server.as('admin');
    const { buildApp } = await import('../app.js');
    const second = await buildApp({ db: server.db, engine: server.config.databaseUrl ? 'postgres' : 'sqlite', config: server.config });
    const url = await second.listen({ port: 0, host: '127.0.0.1' });
    try {
      const other = new ApiClient(url);
      other.cookie = client.cookie;
      other.csrfToken = client.csrfToken;
      expect((await other.get('/api/auth/me')).body.user.username).toBe('admin');
      expect((await other.post('/api/projects', buildProject())).status).toBe(201);
    } finally {
      await second.close();
    }
  });
});
