import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLead, daysAgo } from '../../../tests/support/factories.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import type { ApiClient } from '../../../tests/support/client.js';

// Region scope as for projects: 木垒县's lead does not exist for 玛纳斯县's officer; the leader reads
// everything and writes nothing; a department has no pipeline.
const ROLES = ['anonymous', 'admin', 'leader', 'mulei', 'manas', 'fgw'] as const;
type Role = (typeof ROLES)[number];

let server: TestServer;
const clients = {} as Record<Role, ApiClient>;
let leadId: number;
const version = async () => (await clients.admin.get(`/api/leads/${leadId}`)).body.version as number;

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ROLES) clients[role] = role === 'anonymous' ? server.anonymous() : await server.as(role);
  leadId = (await clients.mulei.post('/api/leads', buildLead({ enterpriseName: '木垒县的线索企业有限公司', nextStepOn: daysAgo(3) }))).body.id;
});
afterAll(() => server?.close());

type Call = (c: ApiClient) => Promise<{ status: number }>;
const MATRIX: [string, Call, Record<Role, number>][] = [
  ['GET /api/leads/:id', (c) => c.get(`/api/leads/${leadId}`), { anonymous: 401, admin: 200, leader: 200, mulei: 200, manas: 404, fgw: 403 }],
  ['GET /api/leads/:id/activities', (c) => c.get(`/api/leads/${leadId}/activities`), { anonymous: 401, admin: 200, leader: 200, mulei: 200, manas: 404, fgw: 403 }],
  ['PATCH /api/leads/:id', async (c) => c.patch(`/api/leads/${leadId}`, { note: `改${Math.random()}`, version: await version() }),
    { anonymous: 401, admin: 200, leader: 403, mulei: 200, manas: 404, fgw: 403 }],
  ['POST /api/leads/:id/transition (backwards)', (c) => c.post(`/api/leads/${leadId}/transition`, { to: 'new', version: 1 }),
    { anonymous: 401, admin: 400, leader: 403, mulei: 400, manas: 404, fgw: 403 }],
  ['POST /api/leads/:id/activities', (c) => c.post(`/api/leads/${leadId}/activities`, { kind: 'note', occurredOn: daysAgo(0), summary: '记一笔' }),
    { anonymous: 401, admin: 201, leader: 403, mulei: 201, manas: 404, fgw: 403 }],
  ['POST /api/leads/:id/sign (stale version)', (c) => c.post(`/api/leads/${leadId}/sign`, { version: 999, signedOn: daysAgo(0), project: { name: '不该建', investmentYuan: 1 } }),
    { anonymous: 401, admin: 409, leader: 403, mulei: 409, manas: 404, fgw: 403 }],
  ['POST /api/leads (in 木垒县)', (c) => c.post('/api/leads', buildLead()), { anonymous: 401, admin: 201, leader: 403, mulei: 201, manas: 403, fgw: 403 }],
  ['GET /api/leads', (c) => c.get('/api/leads'), { anonymous: 401, admin: 200, leader: 200, mulei: 200, manas: 200, fgw: 403 }],
  ['GET /api/leads/board', (c) => c.get('/api/leads/board'), { anonymous: 401, admin: 200, leader: 200, mulei: 200, manas: 200, fgw: 403 }],
  ['GET /api/leads/export.xlsx', (c) => c.get('/api/leads/export.xlsx'), { anonymous: 401, admin: 200, leader: 200, mulei: 200, manas: 200, fgw: 403 }],
  ['GET /api/leads/reminders', (c) => c.get('/api/leads/reminders'), { anonymous: 401, admin: 200, leader: 200, mulei: 200, manas: 200, fgw: 200 }],
];
const cases = MATRIX.flatMap(([name, call, expected]) => ROLES.map((role) => [name, role, expected[role], call] as const));

describe('lead access', () => {
  it.each(cases)('%s as %s → %i', async (_name, role, status, call) => {
    expect((await call(clients[role])).status).toBe(status);
  });

  it('another region’s lead answers exactly like a missing one, and is absent from list, board, export and reminders', async () => {
    const hidden = await clients.manas.get(`/api/leads/${leadId}`);
    const missing = await clients.manas.get('/api/leads/99999999');
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    expect((await clients.manas.get('/api/leads?pageSize=100')).body.total).toBe(0);
    const board = (await clients.manas.get('/api/leads/board')).body.columns;
    expect(board.every((c: { total: number; items: unknown[] }) => c.total === 0 && c.items.length === 0)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await clients.manas.get('/api/leads/export.xlsx')).raw!);
    expect(book.worksheets[0].rowCount).toBe(2);
    expect((await clients.manas.get('/api/leads/reminders')).body.total).toBe(0);
    expect((await clients.mulei.get('/api/leads/reminders')).body.items.map((l: { id: number }) => l.id)).toContain(leadId);
    expect((await clients.leader.get('/api/leads?pageSize=100')).body.items.map((l: { id: number }) => l.id)).toContain(leadId);
  });
});

describe('the demo’s leads', () => {
  it('load with the demo: a 以商招商 referral by 新疆东方风电 for 木垒, overdue reminders for mulei, none for 玛纳斯’s stranger', async () => {
    const demo = await startTestServer({ demoProjects: true, demoLeads: true });
    try {
      const mulei = await demo.as('mulei');
      const referred = (await mulei.get('/api/leads?source=chain_leader_referral&pageSize=100')).body.items;
      expect(referred.map((l: { referrer: { name: string } }) => l.referrer.name)).toContain('新疆东方风电新能源有限公司');
      expect(referred.every((l: { regionCode: string; isSample: boolean; enterprise: { name: string } }) => l.regionCode === '652328' && l.isSample && l.enterprise.name.startsWith('示例'))).toBe(true);
      expect((await mulei.get('/api/leads/reminders')).body.total).toBeGreaterThanOrEqual(2);
      const statuses = new Set((await (await demo.as('admin')).get('/api/leads?pageSize=100')).body.items.map((l: { status: string }) => l.status));
      expect([...statuses].sort()).toEqual(['contacted', 'lost', 'negotiating', 'new', 'visited']);
      const linked = await demo.db.selectFrom('projects').select('id').where('lead_id', 'is not', null).execute();
      expect(linked).toEqual([]);
    } finally {
      await demo.close();
    }
  });
});
