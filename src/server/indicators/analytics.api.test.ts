import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEnterpriseUscc } from '../demo/seed.js';
import { buildCommandLedger, LEDGER_PERIOD } from '../../../tests/support/ledger-fixture.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await buildCommandLedger(server.db, demoEnterpriseUscc());
});
afterAll(() => server?.close());

const M = 1_000_000;
type Region = { code: string; kind: string; parentCode: string | null; value: number };

async function firstSheet(raw: ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw);
  const sheet = wb.worksheets[0];
  const rows: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) rows.push((sheet.getRow(r).values as unknown[]).slice(1));
  return { name: sheet.name, rows };
}

describe('analytics on the hand-built ledger', () => {
  it('GET /api/analytics/funnel as admin → 200, each stage a part of the one before', async () => {
    const res = await (await server.as('admin')).get(`/api/analytics/funnel?${LEDGER_PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.body.stages.map((s: { stage: string; count: number }) => [s.stage, s.count])).toEqual([
      ['negotiating', 5],
      ['signed', 4],
      ['landed', 3],
      ['started', 2],
      ['operating', 1],
      ['full_capacity', 0],
      ['terminated', 1],
    ]);
    expect(res.body.stages[2].investmentYuan).toBe(600 * M);
  });

  it('GET /api/analytics/funnel as the 玛纳斯 officer → only its one project', async () => {
    const res = await (await server.as('manas')).get(`/api/analytics/funnel?${LEDGER_PERIOD}`);
    expect(res.body.stages.slice(0, 4).map((s: { count: number }) => s.count)).toEqual([1, 1, 1, 1]);
  });

  it('GET /api/analytics/trend?months=36 → signings, starts and operations in their own months', async () => {
    const res = await (await server.as('admin')).get('/api/analytics/trend?months=36');
    expect(res.status).toBe(200);
    expect(res.body.months).toHaveLength(36);
    const month = (m: string) => res.body.months.find((x: { month: string }) => x.month === m);
    expect(month('2025-01')).toEqual({ month: '2025-01', signed: 1, started: 0, operating: 0 });
    expect(month('2025-03')).toEqual({ month: '2025-03', signed: 1, started: 1, operating: 0 });
    expect(month('2025-06')).toEqual({ month: '2025-06', signed: 1, started: 0, operating: 1 });
    expect(month('2024-12')).toMatchObject({ signed: 1 });
  });

  it('GET /api/analytics/durations → buckets, median and 75th percentile per stage pair', async () => {
    const res = await (await server.as('admin')).get(`/api/analytics/durations?${LEDGER_PERIOD}`);
    expect(res.status).toBe(200);
    const [toLand, toStart, toOperate] = res.body.pairs;
    expect([toLand.from, toLand.to]).toEqual(['signed', 'landed']);
    expect(toLand.buckets.map((b: { count: number }) => b.count)).toEqual([2, 1, 0, 0, 0]);
    expect([toLand.median, toLand.p75]).toEqual([30, 40]);
    expect([toStart.median, toStart.p75]).toEqual([20, 30]);
    expect([toOperate.median, toOperate.p75]).toEqual([90, 90]);
    const empty = (await (await server.as('admin')).get('/api/analytics/durations?from=2030-01-01&to=2030-12-31')).body.pairs[0];
    expect([empty.median, empty.p75, empty.buckets.every((b: { count: number }) => b.count === 0)]).toEqual([null, null, true]);
  });

  it('GET /api/analytics/completeness → the chain map’s coverage: one node covered, one gap', async () => {
    const res = await (await server.as('leader')).get('/api/analytics/completeness');
    expect(res.status).toBe(200);
    expect(res.body.chains).toEqual([{ chainId: expect.any(Number), cluster: 'new_energy', clusterName: '新能源', name: '风电装备', nodes: 2, covered: 1, weak: 0, gaps: 1, rate: 0.5 }]);
    expect((await (await server.as('leader')).get('/api/analytics/completeness?cluster=nonesuch')).status).toBe(404);
  });

  it('GET /api/analytics/map?figure=projects as admin → every county and park, parks at their county', async () => {
    const res = await (await server.as('admin')).get(`/api/analytics/map?figure=projects&${LEDGER_PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.body.regions).toHaveLength(9);
    const byCode = new Map<string, Region>(res.body.regions.map((r: Region) => [r.code, r]));
    expect(byCode.get('652328')!.value).toBe(3);
    expect(byCode.get('652324')!.value).toBe(1);
    expect(byCode.get('CJHTZ')).toMatchObject({ kind: 'park', parentCode: '652301', value: 0 });
    expect(res.body.max).toBe(3);
  });

  it('GET /api/analytics/map as the 木垒 officer → its own county only; investment and completeness', async () => {
    const mulei = await server.as('mulei');
    const investment = (await mulei.get(`/api/analytics/map?figure=investment&${LEDGER_PERIOD}`)).body;
    expect(investment.regions.map((r: Region) => [r.code, r.value])).toEqual([['652328', 350 * M]]);
    const completeness = (await mulei.get('/api/analytics/map?figure=completeness')).body;
    expect(completeness.regions.map((r: Region) => [r.code, r.value])).toEqual([['652328', 0.5]]);
    const overdue = (await (await server.as('admin')).get(`/api/analytics/map?figure=overdue&${LEDGER_PERIOD}`)).body;
    expect(overdue.regions.find((r: Region) => r.code === '652328').value).toBe(1);
  });

  it('GET /api/analytics/funnel?region=<another county> as the 木垒 officer → 404', async () => {
    expect((await (await server.as('mulei')).get(`/api/analytics/funnel?${LEDGER_PERIOD}&region=652324`)).status).toBe(404);
  });

  it('GET the .xlsx twins → one sheet each with Chinese headers and the chart’s figures', async () => {
    const admin = await server.as('admin');
    const funnel = await firstSheet((await admin.get(`/api/analytics/funnel.xlsx?${LEDGER_PERIOD}`)).raw!);
    expect(funnel.rows[0]).toEqual(['阶段', '项目数', '总投资(万元)']);
    expect(funnel.rows[2]).toEqual(['签约', 4, 65_000]);
    const trend = await firstSheet((await admin.get('/api/analytics/trend.xlsx?months=36')).raw!);
    expect(trend.rows[trend.rows.length - 1]).toEqual(['合计', 5, 2, 1]);
    const durations = await firstSheet((await admin.get(`/api/analytics/durations.xlsx?${LEDGER_PERIOD}`)).raw!);
    expect(durations.rows[1]).toEqual(['签约→落地', 2, 1, 0, 0, 0, 30, 40]);
    const chains = await firstSheet((await admin.get('/api/analytics/completeness.xlsx')).raw!);
    expect(chains.rows[1]).toEqual(['新能源', '风电装备', 2, 1, 0, 1, 0.5]);
    const map = await firstSheet((await admin.get(`/api/analytics/map.xlsx?figure=investment&${LEDGER_PERIOD}`)).raw!);
    expect(map.rows.find((r) => r[0] === '木垒哈萨克自治县')).toEqual(['木垒哈萨克自治县', '县市', 35_000]);
  });
});
