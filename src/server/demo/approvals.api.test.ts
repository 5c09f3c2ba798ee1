import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBlocked } from '../../shared/project-blocks.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demoProjects: true, demoApprovals: true });
});
afterAll(() => server?.close());

describe('the demo’s approvals and factors', () => {
  it('show 开工受阻 on landed projects, filings waiting at fgw, a land shortfall, and templates by project type', async () => {
    const admin = await server.as('admin');
    const blocked = (await admin.get('/api/projects?blocked=1&pageSize=100')).body.items;
    const texts = blocked.map((p: { name: string; blocked: Parameters<typeof formatBlocked>[0] }) => `${p.name} ${formatBlocked(p.blocked, 'zh')}`);
    expect(texts).toContain('唐山海泰新能新能源装备项目(示例名称) 开工受阻:施工许可未批复、用电缺口 1200 kVA');
    expect(texts).toContain('示例项目:风电塔筒配套加工项目 落地受阻:项目核准/备案未批复');
    expect(texts).toContain('示例项目11:铝基新材料项目 落地受阻:立项备案审批中、用地缺口 42 亩');
    const fgw = await server.as('fgw');
    const queue = (await fgw.get('/api/approvals?status=pending,submitted&pageSize=100')).body;
    expect(queue.total).toBeGreaterThanOrEqual(2);
    expect(queue.items.every((a: { department: { code: string } }) => a.department.code === 'fgw')).toBe(true);
    const types = await server.db.selectFrom('projects').select(['name', 'project_type']).execute();
    expect(types.find((p) => p.name.startsWith('北京双杰电气'))?.project_type).toBe('energy');
    expect(types.find((p) => p.name.startsWith('年产20万吨铝棒'))?.project_type).toBe('industrial');
    // Projects already past a stage have its approvals approved, dated no later than today.
    const started = (await admin.get('/api/projects?stage=operating&pageSize=100')).body.items[0];
    const services = (await admin.get(`/api/projects/${started.id}/services`)).body;
    expect(services.approvals.filter((a: { blocksStage: string }) => a.blocksStage !== 'full_capacity').every((a: { status: string }) => a.status === 'approved')).toBe(true);
  });
});
