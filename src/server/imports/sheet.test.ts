import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ColumnDef } from './columns.js';
import { openSheet } from './sheet.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianzhu-sheet-test-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('openSheet', () => {
  // The shared-string table is kept as UTF-16 outside the heap (sheet.ts); what comes out must be what went in.
  it('reads back every shared string exactly: Chinese, emoji, empty, repeated, long, and rich text', async () => {
    const texts = ['风电装备', '😀 表情🚀', '', ' 前后空格 ', 'a'.repeat(5000), '新疆'.repeat(300), 'ASCII only', '基准'];
    // More strings than the table's first allocation holds, so it grows while being read.
    const rows = Array.from({ length: 9000 }, (_, i) => [`${texts[i % texts.length]}${i % 7 === 0 ? '' : i}`, i % 5 === 0 ? texts[(i * 3) % texts.length] : `${i}号`]);
    const file = path.join(dir, 'shared.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const sheet = writer.addWorksheet('数据');
    sheet.addRow(['名称', '说明']).commit();
    for (const row of rows) sheet.addRow(row).commit();
    sheet.addRow([{ richText: [{ text: '富' }, { font: { bold: true }, text: '文本' }] }, '末行']).commit();
    sheet.commit();
    await writer.commit();

    const column = (key: string, header: string): ColumnDef => ({ key, header, en: key, required: false, width: 10, example: '', help: '' });
    const columns = [column('name', '名称'), column('note', '说明')];
    const { rows: read } = await openSheet(file, columns);
    const got: [unknown, unknown][] = [];
    for await (const r of read) got.push([r.cells.name, r.cells.note]);
    // A row whose cells are all blank is skipped, as openSheet promises.
    const expected = rows.filter(([a, b]) => a.trim() !== '' || b.trim() !== '').map(([a, b]) => [a === '' ? null : a, b === '' ? null : b]);
    expect(got.slice(0, -1)).toEqual(expected);
    expect(got.at(-1)).toEqual(['富文本', '末行']);
  }, 30_000); // writes and re-reads a workbook of 18,000 strings, which takes seconds on a busy two-core machine

  // ExcelJS writes xl/workbook.xml last, and its own single-pass zip reader now and then lost that part
  // (exceljs#3064): 1 to 5 reads in 800 like these failed with "reading 'sheets'" before workbook-reader.ts.
  it('reads a workbook made by ExcelJS 800 times, eight at once and slowly, without one refused', async () => {
    const column = (key: string, header: string): ColumnDef => ({ key, header, en: key, required: false, width: 10, example: '', help: '' });
    const columns = [column('product', '产品'), column('unit', '单位')];
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('数据');
    sheet.addRow(['产品', '单位']);
    for (const row of [['铝锭', '吨'], ['铝箔', '卷'], ['铝板', '张']]) sheet.addRow(row);
    wb.addWorksheet('说明').addRow(['不应被读取']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const readOne = async (i: number) => {
      const file = path.join(dir, `slow-${i}.xlsx`);
      fs.writeFileSync(file, data);
      const { rows } = await openSheet(file, columns);
      await pause(Math.random() * 30); // an import looks up the chain map before it reads the rows
      const products: unknown[] = [];
      for await (const row of rows) {
        products.push(row.cells.product);
        await pause(Math.random() * 5);
      }
      return products.join('、');
    };
    const results: string[] = [];
    for (let round = 0; round < 100; round++) results.push(...(await Promise.all(Array.from({ length: 8 }, (_, i) => readOne(round * 8 + i)))));
    expect(new Set(results)).toEqual(new Set(['铝锭、铝箔、铝板']));
  }, 60_000);
});
