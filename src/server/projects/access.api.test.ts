import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, buildUscc } from '../../../tests/support/factories.js';
import { addEnterpriseUser, startTestServer, type TestServer } from '../../../tests/support/server.js';
import type { ApiClient } from '../../../tests/support/client.js';

// The access matrix: every role against every endpoint, on a project that belongs to 木垒县
// and to the enterprise `own-firm`. Another region's project must look exactly like a missing one.
const ROLES = ['anonymous', 'admin', 'leader', 'mulei', 'manas', 'fgw', 'own-firm', 'other-firm'] as const;
type Role = (typeof ROLES)[number];

let server: TestServer;
const clients = {} as Record<Role, ApiClient>;
let projectId: number;
const uscc = buildUscc(9_000_001);

beforeAll(async () => {
  server = await startTestServer();
  await addEnterpriseUser(server, 'own-firm', uscc);
  await addEnterpriseUser(server, 'other-firm', buildUscc(9_000_002));
  for (const role of ROLES) clients[role] = role === 'anonymous' ? server.anonymous() : await server.as(role);
  const admin = clients.admin;
  const res = await admin.post('/api/projects', buildProject({ investorUscc: uscc, regionCode: '652328' }));
  projectId = res.body.id;
});
afterAll(() => server?.close());

type Call = (c: ApiClient) => Promise<{ status: number }>;
const current = async (c: ApiClient) => (await server.as('admin')).get(`/api/projects/${projectId}`).then((r) => r.body.version as number);

const MATRIX: [string, Call, Record<Role, number>][] = [
  ['GET /api/projects/:id', (c) => c.get(`/api/projects/${projectId}`),
    { anonymous: 401, admin: 200, leader: 200, mulei: 200, manas: 404, fgw: 404, 'own-firm': 200, 'other-firm': 404 }],
  ['GET /api/projects/:id/history', (c) => c.get(`/api/projects/${projectId}/history`),
    { anonymous: 401, admin: 200, leader: 200, mulei: 200, manas: 404, fgw: 404, 'own-firm': 200, 'other-firm': 404 }],
  ['PATCH /api/projects/:id', async (c) => c.patch(`/api/projects/${projectId}`, { officer: `改${Math.random()}`, version: await current(c) }),
    { anonymous: 401, admin: 200, leader: 403, mulei: 200, manas: 404, fgw: 403, 'own-firm': 403, 'other-firm': 403 }],
  ['POST /api/projects/:id/transitions (bad target)', (c) => c.post(`/api/projects/${projectId}/transitions`, { to: 'operating', date: '2020-01-01' }),
    { anonymous: 401, admin: 400, leader: 403, mulei: 400, manas: 404, fgw: 403, 'own-firm': 403, 'other-firm': 403 }],
  ['POST /api/projects (in 木垒县)', (c) => c.post('/api/projects', buildProject({ regionCode: '652328' })),
    { anonymous: 401, admin: 201, leader: 403, mulei: 201, manas: 403, fgw: 403, 'own-firm': 403, 'other-firm': 403 }],
  ['POST /api/projects (empty body)', (c) => c.post('/api/projects', {}),
    { anonymous: 401, admin: 400, leader: 403, mulei: 400, manas: 400, fgw: 403, 'own-firm': 403, 'other-firm': 403 }],
  ['GET /api/projects', (c) => c.get('/api/projects'),
    { anonymous: 401, admin: 200, leader: 200, mulei: 200, manas: 200, fgw: 200, 'own-firm': 200, 'other-firm': 200 }],
  ['GET /api/projects/export.xlsx', (c) => c.get('/api/projects/export.xlsx'),
    { anonymous: 401, admin: 200, leader: 200, mulei: 200, manas: 200, fgw: 200, 'own-firm': 200, 'other-firm': 200 }],
  ['GET /api/dashboard/summary', (c) => c.get('/api/dashboard/summary'),
    { anonymous: 401, admin: 200, leader: 200, mulei: 200, manas: 200, fgw: 200, 'own-firm': 200, 'other-firm': 200 }],
  ['GET /api/regions', (c) => c.get('/api/regions'),
    { anonymous: 401, admin: 200, leader: 200, mulei: 200, manas: 200, fgw: 200, 'own-firm': 200, 'other-firm': 200 }],
  ['GET /api/audit', (c) => c.get('/api/audit'),
    { anonymous: 401, admin: 200, leader: 403, mulei: 403, manas: 403, fgw: 403, 'own-firm': 403, 'other-firm': 403 }],
  ['GET /api/auth/me', (c) => c.get('/api/auth/me'),
    { anonymous: 401, admin: 200, leader: 200, mulei: 200, manas: 200, fgw: 200, 'own-firm': 200, 'other-firm': 200 }],
];

const cases = MATRIX.flatMap(([name, call, expected]) => ROLES.map((role) => [name, role, expected[role], call] as const));

describe('access matrix', () => {
  it.each(cases)('%s as %s → %i', async (_name, role, status, call) => {
    expect((await call(clients[role])).status).toBe(status);
  });

  it('another region’s project id answers exactly like a missing one', async () => {
    const hidden = await clients.manas.get(`/api/projects/${projectId}`);
    const missing = await clients.manas.get('/api/projects/99999999');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
  });

  it('lists, totals and exports hold only what the role may see', async () => {
    await clients.admin.post('/api/projects', buildProject({ regionCode: '652324' }));
    const regionsSeen = async (c: ApiClient) => new Set((await c.get('/api/projects?pageSize=100')).body.items.map((i: { regionCode: string }) => i.regionCode));
    expect([...(await regionsSeen(clients.mulei))]).toEqual(['652328']);
    expect([...(await regionsSeen(clients.manas))]).toEqual(['652324']);
    expect((await clients.fgw.get('/api/projects')).body.total).toBe(0);
    const own = (await clients['own-firm'].get('/api/projects')).body;
    expect(own.items.map((i: { id: number }) => i.id)).toEqual([projectId]);

    const mulei = (await clients.mulei.get('/api/dashboard/summary')).body;
    const all = (await clients.admin.get('/api/dashboard/summary')).body;
    expect(mulei.byRegion.map((r: { code: string }) => r.code)).toEqual(['652328']);
    expect(mulei.projects).toBeLessThan(all.projects);

    const res = await clients.manas.get('/api/projects/export.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw!);
    const sheet = wb.getWorksheet('项目台账')!;
    const regionColumn = [];
    for (let r = 2; r < sheet.rowCount; r++) regionColumn.push(sheet.getRow(r).getCell(5).value);
    expect(regionColumn.length).toBeGreaterThan(0);
    expect(new Set(regionColumn)).toEqual(new Set(['玛纳斯县']));
  });

  it('a leader finds every write refused with 403 and nothing changed', async () => {
    const before = (await clients.admin.get(`/api/projects/${projectId}`)).body;
    const patch = await clients.leader.patch(`/api/projects/${projectId}`, { name: '领导改名', version: before.version });
    const advance = await clients.leader.post(`/api/projects/${projectId}/transitions`, { to: 'landed', date: '2020-01-01' });
    expect([patch.status, advance.status]).toEqual([403, 403]);
    expect((await clients.admin.get(`/api/projects/${projectId}`)).body.version).toBe(before.version);
  });
});
