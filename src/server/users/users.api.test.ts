import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../tests/support/client.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { REGION_CODES } from '../regions/data.js';

let server: TestServer;
let admin: ApiClient;
const GOOD = 'Manas-Officer-2026';
const officer = (overrides: Record<string, unknown> = {}) => ({ username: 'manas2', displayName: '玛纳斯县招商专员(测试)', password: GOOD, role: 'region', regionCodes: [REGION_CODES.manas], ...overrides });

beforeAll(async () => {
  server = await startTestServer({ demoProjects: true });
  admin = await server.as('admin');
});
afterAll(() => server?.close());

describe('user accounts (用户管理)', () => {
  it('GET /api/users → 200 for the admin with every demo account and no secret; 403 for anyone else', async () => {
    const res = await admin.get('/api/users?pageSize=100');
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['admin', 'mulei', 'fgw', 'qiye']));
    expect(JSON.stringify(res.body)).not.toMatch(/hash|argon|totp_secret|password"/);
    expect(res.body.items.find((u: { username: string }) => u.username === 'mulei').regionCodes).toEqual([REGION_CODES.mulei]);
    for (const name of ['leader', 'mulei', 'fgw']) expect((await (await server.as(name)).get('/api/users')).status).toBe(403);
  });

  it('POST /api/users → 400 naming the field for a bad name, a weak password or a missing scope; 201 for a region officer who then sees only that region', async () => {
    const bad = async (body: Record<string, unknown>) => (await admin.post('/api/users', body)).body.error;
    expect(await bad(officer({ username: 'Ma' }))).toMatchObject({ field: 'username', message: expect.stringContaining('小写字母') });
    expect(await bad(officer({ password: 'manas2-123' }))).toMatchObject({ code: 'password_policy', field: 'newPassword' });
    expect(await bad(officer({ regionCodes: [] }))).toMatchObject({ field: 'regionCodes' });
    expect(await bad(officer({ role: 'department', department: 'nope' }))).toMatchObject({ field: 'department' });
    expect(await bad(officer({ role: 'enterprise', enterpriseUscc: '91652328MA00000000' }))).toMatchObject({ field: 'enterpriseUscc' });
    expect(await server.db.selectFrom('users').select('id').where('username', '=', 'manas2').executeTakeFirst()).toBeUndefined();

    const created = await admin.post('/api/users', officer());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'manas2', role: 'region', regionCodes: [REGION_CODES.manas], active: true, totpEnabled: false });
    expect((await admin.post('/api/users', officer())).body.error).toMatchObject({ code: 'username_taken', field: 'username' });
    const manas2 = new ApiClient(server.url);
    expect((await manas2.login('manas2', GOOD)).status).toBe(200);
    const projects = (await manas2.get('/api/projects?pageSize=100')).body.items as { regionCode: string }[];
    expect(projects.length).toBeGreaterThan(0);
    expect(new Set(projects.map((p) => p.regionCode))).toEqual(new Set([REGION_CODES.manas]));
  });

  it('a non-admin may not change a user’s role or scope (403), not even its own; the admin may, and the new scope applies at once', async () => {
    const mulei = await server.as('mulei');
    const muleiId = server.users.get('mulei')!.id;
    expect((await mulei.patch(`/api/users/${muleiId}`, { role: 'admin' })).status).toBe(403);
    expect((await mulei.patch(`/api/users/${muleiId}`, { regionCodes: [REGION_CODES.manas, REGION_CODES.mulei] })).status).toBe(403);
    const id = (await admin.get('/api/users?q=manas2')).body.items[0].id;
    const manas2 = new ApiClient(server.url);
    await manas2.login('manas2', GOOD);
    const moved = await admin.patch(`/api/users/${id}`, { regionCodes: [REGION_CODES.mulei] });
    expect(moved.status).toBe(200);
    const regions = new Set(((await manas2.get('/api/projects?pageSize=100')).body.items as { regionCode: string }[]).map((p) => p.regionCode));
    expect(regions).toEqual(new Set([REGION_CODES.mulei]));
    expect((await admin.patch(`/api/users/${id}`, { role: 'department' })).body.error.field).toBe('department');
  });

  it('disabling a user ends its sessions at once (401); the admin cannot disable or demote itself (403)', async () => {
    const id = (await admin.get('/api/users?q=manas2')).body.items[0].id;
    const manas2 = new ApiClient(server.url);
    await manas2.login('manas2', GOOD);
    expect((await admin.patch(`/api/users/${id}`, { active: false })).body.active).toBe(false);
    expect((await manas2.get('/api/projects')).status).toBe(401);
    expect(await server.db.selectFrom('sessions').select('id').where('user_id', '=', id).execute()).toEqual([]);
    expect((await new ApiClient(server.url).login('manas2', GOOD)).status).toBe(401);
    const self = server.users.get('admin')!.id;
    expect((await admin.patch(`/api/users/${self}`, { active: false })).body.error.code).toBe('own_account');
    expect((await admin.patch(`/api/users/${self}`, { role: 'leader' })).body.error.code).toBe('own_account');
    expect((await admin.post(`/api/users/${self}/password`, { password: 'Admin-Reset-2026' })).body.error.code).toBe('own_account');
  });

  it('POST /api/users/:id/password → 204: the old password and sessions stop working, the new one signs in; the audit log names each change', async () => {
    const id = (await admin.get('/api/users?q=manas2')).body.items[0].id;
    await admin.patch(`/api/users/${id}`, { active: true });
    expect((await admin.post(`/api/users/${id}/password`, { password: 'short' })).body.error.code).toBe('password_policy');
    expect((await admin.post(`/api/users/${id}/password`, { password: 'Qitai-Reset-7788' })).status).toBe(204);
    expect((await new ApiClient(server.url).login('manas2', GOOD)).status).toBe(401);
    expect((await new ApiClient(server.url).login('manas2', 'Qitai-Reset-7788')).status).toBe(200);
    const actions = (await server.db.selectFrom('audit_log').select('action').where('entity', '=', 'user').where('entity_id', '=', String(id)).orderBy('id').execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'user.update', 'user.password_reset']));
    expect(JSON.stringify(await server.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('entity', '=', 'user').execute())).not.toContain('Qitai-Reset');
  });
});
