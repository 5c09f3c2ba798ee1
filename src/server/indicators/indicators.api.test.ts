import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEnterpriseUscc } from '../demo/seed.js';
import { buildCommandLedger, LEDGER_PERIOD } from '../../../tests/support/ledger-fixture.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';

let server: TestServer;
let ids: Awaited<ReturnType<typeof buildCommandLedger>>;
beforeAll(async () => {
  server = await startTestServer();
  ids = await buildCommandLedger(server.db, demoEnterpriseUscc());
});
afterAll(() => server?.close());

const M = 1_000_000;
const MULEI = '652328';
const MANAS = '652324';
type Row = { key: string; name: string; values: Record<string, number | null>; status: Record<string, string | null> };
const rowOf = (body: { rows: Row[] }, key: string) => body.rows.find((r) => r.key === key)!;

describe('indicators on the hand-built ledger', () => {
  it('GET /api/indicators as admin → 200, the prefecture total and each county as worked out by hand', async () => {
    const res = await (await server.as('admin')).get(`/api/indicators?${LEDGER_PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.body.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(res.body.total.values).toEqual({
      signed: 4,
      investmentYuan: 650 * M,
      landedRate: 0.75,
      startedRate: 0.5,
      operatingRate: 0.25,
      fundsRate: 370 / 650,
      medianDaysToLand: 30,
      medianDaysToStart: 20,
      medianDaysToOperate: 90,
      overdueMilestones: 1,
      requestsOnTimeRate: 0.75,
      avgRating: 4,
    });
    expect(rowOf(res.body, MULEI).values).toEqual({
      signed: 3,
      investmentYuan: 350 * M,
      landedRate: 2 / 3,
      startedRate: 1 / 3,
      operatingRate: 1 / 3,
      fundsRate: 0.2,
      medianDaysToLand: 35,
      medianDaysToStart: 30,
      medianDaysToOperate: 90,
      overdueMilestones: 1,
      requestsOnTimeRate: 2 / 3,
      avgRating: 4.5,
    });
    // Every county and park is listed for the prefecture, with nothing signed where nothing was.
    expect(res.body.rows).toHaveLength(9);
    expect(rowOf(res.body, '652301').values).toMatchObject({ signed: 0, landedRate: null, medianDaysToLand: null, requestsOnTimeRate: null });
  });

  it('GET /api/indicators for one county with one project → its figures are that project’s own', async () => {
    const res = await (await server.as('leader')).get(`/api/indicators?${LEDGER_PERIOD}&region=${MANAS}`);
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: Row) => r.key)).toEqual([MANAS]);
    expect(res.body.total.values).toEqual({
      signed: 1,
      investmentYuan: 300 * M,
      landedRate: 1,
      startedRate: 1,
      operatingRate: 0,
      fundsRate: 1,
      medianDaysToLand: 30,
      medianDaysToStart: 10,
      medianDaysToOperate: null,
      overdueMilestones: 0,
      requestsOnTimeRate: 1,
      avgRating: 3,
    });
  });

  it('GET /api/indicators for an empty period → 200, zero signed and every rate, median and rating null', async () => {
    const res = await (await server.as('admin')).get('/api/indicators?from=2030-01-01&to=2030-12-31');
    expect(res.status).toBe(200);
    expect(res.body.total.values).toEqual({
      signed: 0,
      investmentYuan: 0,
      landedRate: null,
      startedRate: null,
      operatingRate: null,
      fundsRate: null,
      medianDaysToLand: null,
      medianDaysToStart: null,
      medianDaysToOperate: null,
      overdueMilestones: 0,
      requestsOnTimeRate: null,
      avgRating: null,
    });
  });

  it('GET /api/indicators?groupBy=event → the event’s signings, and a row for those signed elsewhere', async () => {
    const res = await (await server.as('admin')).get(`/api/indicators?${LEDGER_PERIOD}&groupBy=event`);
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: Row) => [r.key, r.name])).toEqual([
      [String(ids.e1), '2025年招商推介会'],
      ['none', '非招商活动签约'],
    ]);
    expect(rowOf(res.body, String(ids.e1)).values).toMatchObject({ signed: 2, investmentYuan: 400 * M, requestsOnTimeRate: 1, avgRating: 4 });
    expect(rowOf(res.body, 'none').values).toMatchObject({ signed: 2, investmentYuan: 250 * M, requestsOnTimeRate: 0.5 });
  });

  it('GET /api/indicators?groupBy=cluster&cluster=coal_chem → one cluster; an unknown cluster → 404', async () => {
    const admin = await server.as('admin');
    const res = await admin.get(`/api/indicators?${LEDGER_PERIOD}&groupBy=cluster&cluster=coal_chem`);
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: Row) => r.name)).toEqual(['煤化工']);
    expect(res.body.total.values).toMatchObject({ signed: 2, investmentYuan: 350 * M, landedRate: 0.5 });
    expect((await admin.get(`/api/indicators?${LEDGER_PERIOD}&cluster=nonesuch`)).status).toBe(404);
  });

  it('GET /api/indicators with the end before the start → 400 naming to', async () => {
    const res = await (await server.as('admin')).get('/api/indicators?from=2025-12-31&to=2025-01-01');
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('to');
  });
});

describe('scope of the indicators', () => {
  it('GET /api/indicators as the 木垒 officer → only 木垒, its total its own', async () => {
    const res = await (await server.as('mulei')).get(`/api/indicators?${LEDGER_PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.body.rows.map((r: Row) => r.key)).toEqual([MULEI]);
    expect(res.body.total.values).toMatchObject({ signed: 3, investmentYuan: 350 * M, requestsOnTimeRate: 2 / 3, avgRating: 4.5 });
  });

  it('GET /api/indicators?region=<another county> as the 木垒 officer → 404; an unknown region → 404', async () => {
    const mulei = await server.as('mulei');
    expect((await mulei.get(`/api/indicators?${LEDGER_PERIOD}&region=${MANAS}`)).status).toBe(404);
    expect((await (await server.as('admin')).get(`/api/indicators?${LEDGER_PERIOD}&region=999999`)).status).toBe(404);
  });

  it('GET /api/indicators as the 发改 department → the projects and requests routed to it', async () => {
    const res = await (await server.as('fgw')).get(`/api/indicators?${LEDGER_PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.body.total.values).toMatchObject({ signed: 2, investmentYuan: 400 * M, requestsOnTimeRate: 1, avgRating: 4 });
    expect(res.body.rows.map((r: Row) => r.key).sort()).toEqual([MANAS, MULEI].sort());
  });

  it('GET /api/indicators as the enterprise user → its own project and request only', async () => {
    const res = await (await server.as('qiye')).get(`/api/indicators?${LEDGER_PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.body.total.values).toMatchObject({ signed: 1, investmentYuan: 300 * M, requestsOnTimeRate: 1, avgRating: 3 });
    expect(res.body.rows.map((r: Row) => r.key)).toEqual([MANAS]);
  });

  it('GET /api/indicators as the leader → the prefecture’s figures, the same as the admin’s', async () => {
    const leader = (await (await server.as('leader')).get(`/api/indicators?${LEDGER_PERIOD}`)).body;
    const admin = (await (await server.as('admin')).get(`/api/indicators?${LEDGER_PERIOD}`)).body;
    expect(leader.total.values).toEqual(admin.total.values);
  });

  it('GET /api/indicators.xlsx as the 木垒 officer → one sheet, Chinese headers, the 合计 row with its own figures', async () => {
    const res = await (await server.as('mulei')).get(`/api/indicators.xlsx?${LEDGER_PERIOD}`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw!);
    expect(wb.worksheets).toHaveLength(1);
    const sheet = wb.worksheets[0];
    const header = sheet.getRow(1).values as unknown[];
    expect(header.slice(1, 4)).toEqual(['县市(园区)', '签约项目数', '签约总投资(万元)']);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 4)).toEqual(['木垒哈萨克自治县', 3, 35_000]);
    expect((sheet.getRow(3).values as unknown[]).slice(1, 4)).toEqual(['合计', 3, 35_000]);
  });
});

describe('indicator targets', () => {
  it('PUT /api/indicator-targets as a region officer → 403', async () => {
    const res = await (await server.as('mulei')).put('/api/indicator-targets', { targets: [{ indicator: 'landedRate', green: 0.8, yellow: 0.5 }] });
    expect(res.status).toBe(403);
  });

  it('PUT /api/indicator-targets with yellow above green on a rate → 400 naming targets.0.yellow', async () => {
    const res = await (await server.as('admin')).put('/api/indicator-targets', { targets: [{ indicator: 'landedRate', green: 0.5, yellow: 0.8 }] });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('targets.0.yellow');
  });

  it('PUT /api/indicator-targets with a rate above 1 → 400 naming targets.1.green', async () => {
    const res = await (await server.as('admin')).put('/api/indicator-targets', {
      targets: [
        { indicator: 'signed', green: 10, yellow: 5 },
        { indicator: 'startedRate', green: 80, yellow: 50 },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('targets.1.green');
  });

  it('PUT /api/indicator-targets as admin → 200, and the table colours each figure by direction', async () => {
    const admin = await server.as('admin');
    const put = await admin.put('/api/indicator-targets', {
      targets: [
        { indicator: 'landedRate', green: 0.8, yellow: 0.5 },
        { indicator: 'medianDaysToLand', green: 30, yellow: 60 },
      ],
    });
    expect(put.status).toBe(200);
    expect(put.body.targets.map((t: { indicator: string }) => t.indicator)).toEqual(['landedRate', 'medianDaysToLand']);
    expect((await (await server.as('leader')).get('/api/indicator-targets')).body.targets).toHaveLength(2);
    const table = (await admin.get(`/api/indicators?${LEDGER_PERIOD}`)).body;
    expect(table.total.status).toMatchObject({ landedRate: 'yellow', medianDaysToLand: 'green', signed: null });
    expect(rowOf(table, MULEI).status).toMatchObject({ landedRate: 'yellow', medianDaysToLand: 'yellow' });
    expect(rowOf(table, MANAS).status).toMatchObject({ landedRate: 'green', medianDaysToLand: 'green' });
    expect(rowOf(table, '652301').status.landedRate).toBeNull();
    const audit = await server.db.selectFrom('audit_log').select('action').where('action', '=', 'indicator_targets.set').execute();
    expect(audit).toHaveLength(1);
  });
});
