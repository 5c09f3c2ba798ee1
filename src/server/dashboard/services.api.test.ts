import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceDashboardSchema } from '../../shared/service-dashboard.js';
import { REGION_CODES } from '../regions/data.js';
import { addEnterprise } from '../../../tests/support/chain-fixture.js';
import { buildUscc, daysAgo } from '../../../tests/support/factories.js';
import { addEnterpriseUser, startTestServer, type TestServer } from '../../../tests/support/server.js';
import { insertServiceRequest } from '../../../tests/support/service-fixture.js';

let server: TestServer;
let overdueEscalated: number;

const figures = async (username: string) => {
  const res = await (await server.as(username)).get('/api/dashboard/services');
  expect(res.status).toBe(200);
  return serviceDashboardSchema.parse(res.body);
};

beforeAll(async () => {
  server = await startTestServer();
  const admin = await server.as('admin');
  const muleiFirm = await addEnterprise(admin, { name: '木垒测试企业有限公司' });
  const manasUscc = buildUscc(900_001);
  const manasFirm = await addEnterprise(admin, { name: '玛纳斯测试企业有限公司', uscc: manasUscc, regionCode: REGION_CODES.manas });
  await addEnterpriseUser(server, 'manas-firm', manasUscc);
  const mulei = { enterprise_id: muleiFirm.id, region_code: REGION_CODES.mulei };
  const manas = { enterprise_id: manasFirm.id, region_code: REGION_CODES.manas };
  // 木垒县: A open, overdue and under 督办 (fgw); B open, not yet due (zrzy); C resolved on time;
  // D confirmed on time, rated 5; E confirmed late, rated 4.
  overdueEscalated = (await insertServiceRequest(server.db, { ...mulei, title: 'A', due_on: daysAgo(5), red_on: daysAgo(1), escalated_at: new Date().toISOString(), escalation_note: '请尽快办结' })).id;
  await insertServiceRequest(server.db, { ...mulei, title: 'B', status: 'accepted', due_on: daysAgo(-3), red_on: daysAgo(-6) }, [{ department_code: 'zrzy' }]);
  await insertServiceRequest(server.db, { ...mulei, title: 'C', status: 'resolved', due_on: null, red_on: null, resolved_on_time: 1 }, [{ department_code: 'zrzy' }]);
  await insertServiceRequest(server.db, { ...mulei, title: 'D', status: 'confirmed', due_on: null, red_on: null, resolved_on_time: 1, rating: 5 }, [{ department_code: 'zrzy' }]);
  await insertServiceRequest(server.db, { ...mulei, title: 'E', status: 'confirmed', due_on: null, red_on: null, resolved_on_time: 0, rating: 4 }, [{ department_code: 'zrzy' }]);
  // 玛纳斯县: F open and overdue (fgw), not escalated.
  await insertServiceRequest(server.db, { ...manas, title: 'F', status: 'submitted', due_on: daysAgo(1), red_on: daysAgo(-2) });
});
afterAll(() => server?.close());

describe('GET /api/dashboard/services', () => {
  it('the admin and the leader see all: 3 open, 2 overdue, 1 escalated, 67% on time (2 of 3), rating 4.5, 2 confirmed → 200', async () => {
    for (const who of ['admin', 'leader']) {
      const f = await figures(who);
      expect(f).toMatchObject({ open: 3, overdue: 2, escalated: 1, onTimePercent: 67, averageRating: 4.5, confirmed: 2 });
      expect(f.escalatedItems).toEqual([expect.objectContaining({ id: overdueEscalated, title: 'A', enterpriseName: '木垒测试企业有限公司', escalationNote: '请尽快办结', dueOn: daysAgo(5) })]);
    }
  });

  it('木垒县 sees only its own: 2 open, 1 overdue, 1 escalated, 67%, 4.5, 2 confirmed → 200', async () => {
    const f = await figures('mulei');
    expect(f).toMatchObject({ open: 2, overdue: 1, escalated: 1, onTimePercent: 67, averageRating: 4.5, confirmed: 2 });
    expect(f.escalatedItems.map((i) => i.title)).toEqual(['A']);
  });

  it('玛纳斯县 sees only F: 1 open, 1 overdue, nothing escalated, no on-time rate or rating yet → 200', async () => {
    expect(await figures('manas')).toEqual({ open: 1, overdue: 1, escalated: 0, onTimePercent: null, averageRating: null, confirmed: 0, escalatedItems: [] });
  });

  it('a region with no requests sees zeros → 200', async () => {
    expect(await figures('gaoxin')).toMatchObject({ open: 0, overdue: 0, escalated: 0, confirmed: 0, escalatedItems: [] });
  });

  it('the fgw department sees what is routed to it (A and F): 2 open, 2 overdue, 1 escalated → 200', async () => {
    expect(await figures('fgw')).toMatchObject({ open: 2, overdue: 2, escalated: 1, onTimePercent: null, confirmed: 0 });
  });

  it('an enterprise sees its own (F) only → 200', async () => {
    expect(await figures('manas-firm')).toMatchObject({ open: 1, overdue: 1, escalated: 0, confirmed: 0, escalatedItems: [] });
  });
});
