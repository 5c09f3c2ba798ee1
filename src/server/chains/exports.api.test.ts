import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demoProjects: true });
});
afterAll(() => server?.close());

async function sheetOf(raw: ArrayBuffer, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw);
  return wb.getWorksheet(name)!;
}

describe('exports of the chain map and the enterprise base', () => {
  it('GET /api/chains/:id/export.xlsx → 200, one row per node and enterprise with coverage and leaders', async () => {
    const officer = await server.as('gaoxin');
    const chains = (await officer.get('/api/clusters')).body.items.flatMap((c: { chains: { id: number; name: string }[] }) => c.chains);
    const wind = chains.find((c: { name: string }) => c.name === '风电装备');
    const res = await officer.get(`/api/chains/${wind.id}/export.xlsx`);
    expect(res.status).toBe(200);
    const sheet = await sheetOf(res.raw!, '环节与企业');
    expect(sheet.getRow(1).values).toEqual([undefined, '环节', '位置', '覆盖情况', '本地企业数', '企业名称', '统一社会信用代码', '本地/外地', '所在地', '链主']);
    const rows = [];
    for (let r = 2; r <= sheet.rowCount; r++) rows.push(sheet.getRow(r).values as unknown[]);
    const leader = rows.find((v) => v[5] === '新疆东方风电新能源有限公司')!;
    expect([leader[1], leader[3], leader[7], leader[8], leader[9]]).toEqual(['整机制造', '弱链', '本地', '木垒哈萨克自治县', '是']);
    const blades = rows.filter((v) => v[1] === '叶片制造');
    expect(blades.map((v) => v[3])).toEqual(['缺链', '缺链', '缺链']);
    expect(rows.some((v) => v[1] === '运维服务')).toBe(true);
  });

  it('GET /api/enterprises/export.xlsx → the filtered list, nodes and chains led included', async () => {
    const res = await (await server.as('admin')).get(`/api/enterprises/export.xlsx?leader=true&sort=name&order=asc`);
    expect(res.status).toBe(200);
    const sheet = await sheetOf(res.raw!, '企业库');
    const names = [];
    for (let r = 2; r <= sheet.rowCount; r++) names.push(sheet.getRow(r).getCell(2).value);
    expect(names).toHaveLength(4);
    expect(names).toEqual(expect.arrayContaining(['特变电工股份有限公司', '新疆东方风电新能源有限公司', '新疆嘉润资源控股有限公司']));
    const tbea = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(2).value === '特变电工股份有限公司')!;
    expect(tbea.getCell(10).value).toBe('输变电装备/电线电缆');
  });
});

describe('exports in an enterprise user’s scope', () => {
  it('the chain table lists only the enterprise itself for an enterprise user', async () => {
    const { addEnterpriseUser } = await import('../../../tests/support/server.js');
    const admin = await server.as('admin');
    const dongfang = (await admin.get(`/api/enterprises?q=${encodeURIComponent('东方风电')}`)).body.items[0];
    await addEnterpriseUser(server, 'dongfang-user', dongfang.uscc);
    const chains = (await admin.get('/api/clusters')).body.items.flatMap((c: { chains: { id: number; name: string }[] }) => c.chains);
    const wind = chains.find((c: { name: string }) => c.name === '风电装备');
    const res = await (await server.as('dongfang-user')).get(`/api/chains/${wind.id}/export.xlsx`);
    const sheet = await sheetOf(res.raw!, '环节与企业');
    const names = new Set<unknown>();
    for (let r = 2; r <= sheet.rowCount; r++) names.add(sheet.getRow(r).getCell(5).value);
    names.delete('');
    expect([...names]).toEqual(['新疆东方风电新能源有限公司']);
  });

  it('PATCH /api/chain-nodes/:id with an empty body → 200, nothing changed', async () => {
    const admin = await server.as('admin');
    const chains = (await admin.get('/api/clusters')).body.items.flatMap((c: { chains: { id: number }[] }) => c.chains);
    const node = (await admin.get(`/api/chains/${chains[0].id}`)).body.nodes[0];
    const res = await admin.patch(`/api/chain-nodes/${node.id}`, {});
    expect([res.status, res.body.node.name]).toEqual([200, node.name]);
  });
});
