import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../shared/format.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demoProjects: true });
});
afterAll(() => server?.close());

describe('dashboard on the report’s demo', () => {
  it('the admin sees the conference: 16 projects, 57.42亿元 (5742000000 yuan) in 6 counties/parks', async () => {
    const res = await (await server.as('admin')).get('/api/dashboard/summary');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ projects: 16, investmentYuan: 5_742_000_000, regions: 6 });
    expect(res.body.byRegion.map((r: { name: string }) => r.name).sort()).toEqual(
      ['吉木萨尔县', '新疆准东经济技术开发区', '昌吉国家高新技术产业开发区', '木垒哈萨克自治县', '玛纳斯县', '阜康市'].sort(),
    );
    const stageTotal = Object.values(res.body.byStage as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(stageTotal).toBe(16);
    const regionSum = res.body.byRegion.reduce((s: number, r: { investmentYuan: number }) => s + r.investmentYuan, 0);
    expect(regionSum).toBe(5_742_000_000);
  });

  it('every demo project that carries an amount is marked as a sample', async () => {
    const list = await (await server.as('admin')).get('/api/projects?pageSize=100');
    expect(list.body.total).toBe(16);
    expect(list.body.items.every((p: { isSample: boolean }) => p.isSample)).toBe(true);
  });

  it('ten projects at the 1万亿元 cap add up exactly → 200', async () => {
    const admin = await server.as('admin');
    for (let i = 0; i < 10; i++) {
      const res = await admin.post('/api/projects', { name: `大额${i}`, investorName: 'x', regionCode: '652301', investmentYuan: 1_000_000_000_000 });
      expect(res.status).toBe(201);
    }
    const res = await admin.get('/api/dashboard/summary');
    expect(res.status).toBe(200);
    expect(res.body.investmentYuan).toBe(5_742_000_000 + 10_000_000_000_000);
    // Leave the demo totals as the report has them for the tests that follow.
    await server.db.deleteFrom('project_transitions').where('project_id', 'in', (eb) => eb.selectFrom('projects').select('id').where('name', 'like', '大额%')).execute();
    await server.db.deleteFrom('projects').where('name', 'like', '大额%').execute();
  });

  it('mulei sees only 木垒县; advancing a project moves its stage count and clears its overdue mark', async () => {
    const mulei = await server.as('mulei');
    const before = (await mulei.get('/api/dashboard/summary')).body;
    expect(before.byRegion.map((r: { code: string }) => r.code)).toEqual(['652328']);
    expect(before.projects).toBe(3);
    // The demo's 木垒 sample project was due to land in 2024 and has no later plan.
    const overdue = (await mulei.get('/api/projects?overdue=true&stage=signed')).body.items[0];
    expect(overdue).toMatchObject({ stage: 'signed', overdue: true });
    const res = await mulei.post(`/api/projects/${overdue.id}/transitions`, { to: 'landed', date: todayInShanghai() });
    expect(res.status).toBe(200);
    expect(res.body.overdue).toBe(false);
    const after = (await mulei.get('/api/dashboard/summary')).body;
    expect(after.byStage.signed).toBe(before.byStage.signed - 1);
    expect(after.byStage.landed).toBe(before.byStage.landed + 1);
    expect(after.overdue).toBe(before.overdue - 1);
  });
});
