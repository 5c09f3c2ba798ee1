import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEnterpriseUscc } from '../demo/seed.js';
import { buildCommandLedger } from '../../../tests/support/ledger-fixture.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';

let server: TestServer;
let ids: Awaited<ReturnType<typeof buildCommandLedger>>;
beforeAll(async () => {
  server = await startTestServer();
  ids = await buildCommandLedger(server.db, demoEnterpriseUscc());
  await server.db
    .insertInto('project_transitions')
    .values({ project_id: ids.p1, kind: 'advance', from_stage: 'signed', to_stage: 'landed', date: '2025-02-09', note: null, reason: null, user_id: null, created_at: new Date().toISOString() })
    .execute();
});
afterAll(() => server?.close());

async function workbookOf(raw: ArrayBuffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw);
  const rowsOf = (name: string) => {
    const sheet = wb.getWorksheet(name)!;
    const rows: unknown[][] = [];
    for (let r = 1; r <= sheet.rowCount; r++) rows.push((sheet.getRow(r).values as unknown[]).slice(1));
    return rows;
  };
  return { names: wb.worksheets.map((s) => s.name), rowsOf };
}

/** Every Unicode code point the PDF's ToUnicode maps name: the characters its embedded font can show. */
function mappedText(pdf: Buffer): string {
  const text = pdf.toString('latin1');
  let mapped = '';
  for (const m of text.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let body: string;
    try {
      body = zlib.inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    if (!body.includes('beginbfrange') && !body.includes('beginbfchar')) continue;
    for (const hex of body.matchAll(/<([0-9a-fA-F]{4})>/g)) mapped += String.fromCodePoint(parseInt(hex[1], 16));
  }
  return mapped;
}

describe('monthly report', () => {
  it('GET /api/reports/monthly?month=2025-02 as admin → the month, the year to date, moves and overdue', async () => {
    const res = await (await server.as('admin')).get('/api/reports/monthly?month=2025-02');
    expect(res.status).toBe(200);
    expect(res.body.region).toEqual({ code: '652300', name: '昌吉回族自治州' });
    expect(res.body.monthFigures.period).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(res.body.monthFigures.values.signed).toBe(0);
    expect(res.body.yearToDate.values).toMatchObject({ signed: 1, investmentYuan: 100_000_000, landedRate: 1 });
    expect(res.body.headline.zh).toContain('2025年2月');
    expect(res.body.headline.zh).toContain('年内累计签约1个');
    expect(res.body.stageMoves).toEqual({ total: 1, items: [expect.objectContaining({ projectId: ids.p1, fromStage: 'signed', toStage: 'landed', date: '2025-02-09', regionName: '木垒哈萨克自治县' })] });
    expect(res.body.overdue.total).toBe(2);
    expect(res.body.overdue.items[0]).toMatchObject({ nextPlannedOn: '2025-02-01', stage: 'landed' });
    expect(res.body.regions).toHaveLength(9);
  });

  it('GET /api/reports/monthly?month=2025-03 → the new signing and the request raised that month', async () => {
    const res = await (await server.as('leader')).get('/api/reports/monthly?month=2025-03');
    expect(res.body.newSignings).toEqual({ total: 1, items: [expect.objectContaining({ id: ids.p2, cluster: '新能源', investmentYuan: 200_000_000, signedOn: '2025-03-01' })] });
    expect(res.body.requests).toMatchObject({ raised: 1, closed: 1, onTimeRate: 1, avgRating: 5, open: 1 });
  });

  it('GET /api/reports/monthly as the 玛纳斯 officer → its county only; another county → 404', async () => {
    const manas = await server.as('manas');
    const own = await manas.get('/api/reports/monthly?month=2025-06');
    expect(own.status).toBe(200);
    expect(own.body.region.name).toBe('玛纳斯县');
    expect(own.body.monthFigures.values).toMatchObject({ signed: 1, investmentYuan: 300_000_000 });
    expect(own.body.regions.map((r: { key: string }) => r.key)).toEqual(['652324']);
    expect(own.body.overdue.total).toBe(0);
    expect((await manas.get('/api/reports/monthly?month=2025-06&region=652328')).status).toBe(404);
  });

  it('GET /api/reports/monthly?month=2025-13 → 400 naming month', async () => {
    const res = await (await server.as('admin')).get('/api/reports/monthly?month=2025-13');
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('month');
  });

  it('GET /api/reports/monthly.pdf → a PDF whose embedded font maps the report’s Chinese', async () => {
    const res = await (await server.as('admin')).get('/api/reports/monthly.pdf?month=2025-02');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(res.raw!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    const mapped = mappedText(pdf);
    for (const ch of '昌吉回族自治州招商引资月度报告木垒落地率') expect(mapped).toContain(ch);
    // A subset, not the 10 MB font.
    expect(pdf.length).toBeLessThan(1_000_000);
  });
});

describe('台账 workbook', () => {
  it('GET /api/reports/ledger.xlsx as admin → 汇总 first, a sheet per region, Chinese headers, totals that add up', async () => {
    const res = await (await server.as('admin')).get('/api/reports/ledger.xlsx');
    expect(res.status).toBe(200);
    const wb = await workbookOf(res.raw!);
    expect(wb.names).toEqual(['汇总', '昌吉市', '阜康市', '呼图壁县', '玛纳斯县', '奇台县', '吉木萨尔县', '木垒哈萨克自治县', '昌吉国家高新技术产业开发区', '新疆准东经济技术开发区']);
    const summary = wb.rowsOf('汇总');
    expect(summary[0]).toEqual(['县市(园区)', '项目数', '总投资(万元)', '到位资金(万元)', '资金到位率']);
    expect(summary.find((r) => r[0] === '木垒哈萨克自治县')).toEqual(['木垒哈萨克自治县', 5, 135_900, 7_000, '5.2%']);
    expect(summary[summary.length - 1]).toEqual(['合计', 6, 165_900, 37_000, '22.3%']);
    const mulei = wb.rowsOf('木垒哈萨克自治县');
    expect(mulei[0].slice(0, 8)).toEqual(['序号', '项目名称', '投资主体', '产业集群', '产业链', '总投资(万元)', '到位资金(万元)', '阶段']);
    expect(mulei[0]).toContain('包联责任人');
    expect(mulei).toHaveLength(1 + 5 + 1);
    expect(mulei[1][7]).toBe('投产');
    expect(mulei[6].slice(0, 7)).toEqual([undefined, '合计(5个项目)', undefined, undefined, undefined, 135_900, 7_000]);
    expect(wb.rowsOf('昌吉市')).toEqual([expect.any(Array), [undefined, '合计(0个项目)', undefined, undefined, undefined, 0, 0]]);
  });

  it('GET /api/reports/ledger.xlsx?from&to as the 木垒 officer → 汇总 and 木垒 only, the projects signed in 2025', async () => {
    const res = await (await server.as('mulei')).get('/api/reports/ledger.xlsx?from=2025-01-01&to=2025-12-31');
    expect(res.status).toBe(200);
    const wb = await workbookOf(res.raw!);
    expect(wb.names).toEqual(['汇总', '木垒哈萨克自治县']);
    expect(wb.rowsOf('汇总')[2]).toEqual(['合计', 3, 35_000, 7_000, '20.0%']);
    expect(wb.rowsOf('木垒哈萨克自治县')).toHaveLength(1 + 3 + 1);
  });

  it('GET /api/reports/ledger.xlsx with the end before the start → 400 naming to', async () => {
    const res = await (await server.as('admin')).get('/api/reports/ledger.xlsx?from=2025-12-31&to=2025-01-01');
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('to');
  });
});
