import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../tests/support/client.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../../tests/support/server.js';

let server: TestServer;
let secret = '';
let enrolledAdmin: ApiClient;
const codeAt = (offsetSeconds: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });

beforeAll(async () => {
  server = await startTestServer({ config: { totpRequiredRoles: ['admin'] } });
});
afterAll(() => server?.close());

describe('two-step verification required for admins', () => {
  it('an admin without it signs in (totpRequired: true) but every other route answers 403 totp_enrolment_required', async () => {
    const admin = new ApiClient(server.url);
    const res = await admin.login('admin', TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.totpRequired).toBe(true);
    const refused = await admin.get('/api/projects');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'totp_enrolment_required', message: '请先开启两步验证(动态验证码)' });
    expect((await admin.get('/api/auth/me')).status).toBe(200);
  });

  it('set-up answers a QR code; a wrong code answers 400 naming code; the right one 204, and the admin works on', async () => {
    const admin = await server.as('admin');
    const setup = await admin.post('/api/auth/totp/setup');
    expect(setup.status).toBe(200);
    expect(setup.body.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect(setup.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    secret = setup.body.secret;
    const wrong = await admin.post('/api/auth/totp/enable', { code: '000000' === (await codeAt(0)) ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'totp_code_wrong', field: 'code' });
    const malformed = await admin.post('/api/auth/totp/enable', { code: '12ab' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ field: 'code', message: '验证码应为 6 位数字' });
    expect((await admin.post('/api/auth/totp/enable', { code: await codeAt(0) })).status).toBe(204);
    expect((await admin.get('/api/projects')).status).toBe(200);
    expect((await admin.get('/api/auth/me')).body).toMatchObject({ totpRequired: false, user: { totpEnabled: true } });
    enrolledAdmin = admin;
  });

  it('signing in then needs the code: none → 401 totp_required, wrong → 401 totp_invalid, right → 200, the same code again → 401', async () => {
    const a = new ApiClient(server.url);
    const none = await a.login('admin', TEST_PASSWORD);
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({ code: 'totp_required', field: 'totp' });
    expect(none.headers.get('set-cookie')).toBeNull();
    const bad = await a.post('/api/auth/login', { username: 'admin', password: TEST_PASSWORD, totp: '999999' === (await codeAt(30)) ? '888888' : '999999' });
    expect(bad.body.error.code).toBe('totp_invalid');
    // The code used to confirm the set-up is spent; the next window's code is accepted (one step of drift).
    const next = await codeAt(30);
    const ok = await a.post('/api/auth/login', { username: 'admin', password: TEST_PASSWORD, totp: next });
    expect(ok.status).toBe(200);
    const replay = await new ApiClient(server.url).post('/api/auth/login', { username: 'admin', password: TEST_PASSWORD, totp: next });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('totp_invalid');
    const wrongPassword = await new ApiClient(server.url).post('/api/auth/login', { username: 'admin', password: 'nope', totp: next });
    expect(wrongPassword.body.error.code).toBe('invalid_credentials');
  });

  it('an admin cannot turn it off (403); a leader may, with the password (a wrong one → 400 naming currentPassword)', async () => {
    expect((await enrolledAdmin.post('/api/auth/totp/disable', { currentPassword: TEST_PASSWORD })).body.error.code).toBe('totp_required_for_role');
    const leader = await server.as('leader');
    secret = (await leader.post('/api/auth/totp/setup')).body.secret;
    expect((await leader.post('/api/auth/totp/enable', { code: await codeAt(0) })).status).toBe(204);
    const wrong = await leader.post('/api/auth/totp/disable', { currentPassword: 'not-it' });
    expect(wrong.body.error).toMatchObject({ code: 'wrong_password', field: 'currentPassword' });
    expect((await leader.post('/api/auth/totp/disable', { currentPassword: TEST_PASSWORD })).status).toBe(204);
    expect((await server.anonymous().login('leader', TEST_PASSWORD)).status).toBe(200);
    const audit = await server.db.selectFrom('audit_log').select('action').where('action', 'like', 'auth.totp%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['auth.totp_enabled', 'auth.totp_enabled', 'auth.totp_disabled']);
  });
});
