import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../tests/support/client.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../../tests/support/server.js';
import { isCommonPassword, passwordProblems } from '../../shared/password-policy.js';

let server: TestServer;
const NEW = 'Tianshan-北麓-2026';
const NEWER = 'Jimsar#Wind7788';

beforeAll(async () => {
  server = await startTestServer({ config: { passwordHistory: 3 } });
});
afterAll(() => server?.close());

async function change(client: ApiClient, currentPassword: string, newPassword: string) {
  const res = await client.post('/api/auth/password', { currentPassword, newPassword });
  if (res.status === 200) client.csrfToken = res.body.csrfToken;
  return res;
}

describe('the password policy', () => {
  it('names each rule a weak password breaks', () => {
    expect(passwordProblems('abc123', { username: 'mulei', minLength: 10 })).toEqual(['length', 'classes', 'common']);
    expect(passwordProblems('Password2023!', { username: 'mulei', minLength: 10 })).toEqual(['common']);
    expect(passwordProblems('Mulei-County-88', { username: 'mulei', minLength: 10 })).toEqual(['username']);
    expect(passwordProblems(NEW, { username: 'mulei', minLength: 10 })).toEqual([]);
    expect(isCommonPassword('woaini1314')).toBe(true);
  });

  it('GET /api/auth/password-policy answers 200 with the configured length and history', async () => {
    const mulei = await server.as('mulei');
    expect((await mulei.get('/api/auth/password-policy')).body).toEqual({ minLength: 10, history: 3, rules: ['length', 'classes', 'common', 'username', 'reused'] });
  });
});

describe('POST /api/auth/password', () => {
  it('answers 400 naming currentPassword when it is wrong, and 400 naming newPassword with every broken rule; nothing changes', async () => {
    const mulei = await server.as('mulei');
    const wrong = await change(mulei, 'not-my-password', NEW);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'wrong_password', field: 'currentPassword', message: '当前密码不正确' });
    const weak = await change(mulei, TEST_PASSWORD, 'mulei123');
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('password_policy');
    expect(weak.body.error.field).toBe('newPassword');
    expect(weak.body.error.message).toContain('至少 10 个字符');
    expect(weak.body.error.message).toContain('不能包含用户名');
    mulei.lang = 'en';
    expect((await change(mulei, TEST_PASSWORD, 'short')).body.error.message).toContain('at least 10 characters');
    expect((await server.anonymous().login('mulei', TEST_PASSWORD)).status).toBe(200);
  });

  it('answers 200, ends every other session of the user, and only the new password signs in', async () => {
    const mulei = await server.as('mulei');
    const elsewhere = await server.as('mulei');
    const oldCookie = mulei.cookie;
    const res = await change(mulei, TEST_PASSWORD, NEW);
    expect(res.status).toBe(200);
    expect(mulei.cookie).not.toBe(oldCookie);
    expect((await mulei.get('/api/projects')).status).toBe(200);
    expect((await elsewhere.get('/api/projects')).status).toBe(401);
    expect((await server.anonymous().login('mulei', TEST_PASSWORD)).status).toBe(401);
    expect((await server.anonymous().login('mulei', NEW)).status).toBe(200);
    const audit = await server.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.password_changed').execute();
    expect(audit.map((a) => a.username)).toEqual(['mulei']);
    expect(JSON.stringify(audit)).not.toContain(NEW);
  });

  it('answers 400 when the new password is one of the last three, and accepts it again after three others', async () => {
    const mulei = new ApiClient(server.url);
    await mulei.login('mulei', NEW);
    expect((await change(mulei, NEW, NEW)).body.error.message).toContain('最近 3 次');
    expect((await change(mulei, NEW, NEWER)).status).toBe(200);
    expect((await change(mulei, NEWER, TEST_PASSWORD)).body.error.message).toContain('最近 3 次');
    expect((await change(mulei, NEWER, 'Qitai-Dune-4411')).status).toBe(200);
    expect((await change(mulei, 'Qitai-Dune-4411', 'Fukang.Lake.5522')).status).toBe(200);
    // The first password is now four back: allowed again.
    expect((await change(mulei, 'Fukang.Lake.5522', TEST_PASSWORD)).status).toBe(200);
  });
});

describe('sign-in failures', () => {
  it('are written to the audit log with the name typed and the caller’s address, never the password', async () => {
    expect((await server.anonymous().login('leader', 'Wrong-Guess-123')).status).toBe(401);
    const rows = await server.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.login_failed').execute();
    const row = rows.find((r) => r.after_json?.includes('leader'))!;
    expect(row.username).toBe('127.0.0.1');
    expect(row.after_json).not.toContain('Wrong-Guess-123');
  });
});

describe('sessions', () => {
  it('a session idle longer than SESSION_IDLE_MINUTES answers 401; one used within it keeps working', async () => {
    const idle = await server.as('leader');
    const busy = await server.as('leader');
    expect((await idle.get('/api/projects')).status).toBe(200);
    // Thirty-one minutes pass for one of them.
    const longAgo = new Date(Date.now() - 31 * 60_000).toISOString();
    const token = decodeURIComponent(idle.cookie!.split('=')[1]);
    const id = crypto.createHash('sha256').update(token).digest('hex');
    expect((await server.db.updateTable('sessions').set({ last_seen_at: longAgo }).where('id', '=', id).executeTakeFirst()).numUpdatedRows).toBe(1n);
    expect((await idle.get('/api/projects')).status).toBe(401);
    expect((await busy.get('/api/projects')).status).toBe(200);
  });

  it('a sign-in posted from another site’s page answers 403; from this origin 200', async () => {
    const host = new URL(server.url).host;
    const foreign = await server.anonymous().request('POST', '/api/auth/login', { username: 'leader', password: TEST_PASSWORD }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('set-cookie')).toBeNull();
    const own = await server.anonymous().request('POST', '/api/auth/login', { username: 'leader', password: TEST_PASSWORD }, { origin: `http://${host}` });
    expect(own.status).toBe(200);
  });

  it('behind HTTPS the cookie is __Host- prefixed and Secure', async () => {
    const https = await startTestServer({ config: { secureCookies: true } });
    try {
      const res = await https.anonymous().login('leader', TEST_PASSWORD);
      expect(res.headers.get('set-cookie')).toMatch(/^__Host-lz_session=[^;]+;.*Path=\/;.*HttpOnly;.*Secure/);
    } finally {
      await https.close();
    }
  });
});
