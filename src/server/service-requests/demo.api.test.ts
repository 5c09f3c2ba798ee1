import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import type { ServiceRequest } from '../../shared/service-requests.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demoProjects: true, demoServiceRequests: true });
});
afterAll(() => server?.close());

describe('the demo’s service requests', () => {
  it('qiye sees its six sample requests across the states, the overdue one late whatever today is', async () => {
    const qiye = await server.as('qiye');
    const { items, total } = (await qiye.get('/api/service-requests?pageSize=100')).body as { items: ServiceRequest[]; total: number };
    expect(total).toBe(6);
    expect(items.every((r) => r.isSample && r.title.startsWith('示例') && r.enterprise.name === '新疆示例新能源有限公司')).toBe(true);
    expect(items.map((r) => r.status).sort()).toEqual(['accepted', 'confirmed', 'in_progress', 'in_progress', 'resolved', 'submitted']);
    expect(items.find((r) => r.status === 'confirmed')?.rating).toBe(5);
    const late = (await qiye.get('/api/service-requests?flag=overdue')).body.items as ServiceRequest[];
    expect(late.map((r) => r.title)).toEqual(['示例:厂区道路用地边界争议']);
    expect(late[0].light).not.toBe('green');
    // Its project is the sample tower project, linked to the enterprise.
    expect(items.find((r) => r.project)?.project?.name).toBe('示例项目:风电塔筒配套加工项目');
  });

  it('zrzy’s queue holds only what is routed to 自然资源局', async () => {
    const zrzy = await server.as('zrzy');
    const { items } = (await zrzy.get('/api/service-requests?pageSize=100')).body as { items: ServiceRequest[] };
    expect(items.map((r) => r.title).sort()).toEqual(['示例:二期用地规划条件', '示例:厂区道路用地边界争议', '示例:扩建项目能评与用地预审并联办理'].sort());
  });
});
