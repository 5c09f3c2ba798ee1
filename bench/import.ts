// Imports a generated 100,000-row enterprise workbook through the real server into a fresh database
// (SQLite unless LIANZHU_TEST_DB=postgres) and prints the rate and the process's peak RSS.
// Run: npx tsx bench/import.ts [rows]   (BENCH_SHARED_STRINGS=0 writes inline strings instead of Excel's shared table;
// NODE_OPTIONS=--max-old-space-size=N shows the import fits a small heap)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { usccCheckChar } from '../src/shared/uscc.js';
import { startTestServer } from '../tests/support/server.js';
import { upload } from '../tests/support/upload.js';

const GENERATE = process.argv[2] === 'generate';
const ROWS = Number((GENERATE ? process.argv[4] : process.argv[2]) ?? 100_000);
const SHARED_STRINGS = process.env.BENCH_SHARED_STRINGS !== '0';
process.env.LIANZHU_TEST_DB ??= 'sqlite';

const HEADERS = ['企业名称*', '统一社会信用代码*', '是否本地*', '所属县市(园区)', '省份', '城市', '企业规模', '联系人', '联系电话', '所属环节', '简介'];
const REGIONS = ['652301', '652302', '652323', '652324', '652325', '652327', '652328', 'CJHTZ', 'ZDETDZ'];
const SIZES = ['大型', '中型', '小型', '微型'];
const NODES = ['基准链/上游', '基准链/中游', '基准链/下游'];

function uscc(i: number): string {
  const base = `91652301MA${String(i).padStart(7, '0')}`;
  return base + usccCheckChar(base);
}

async function generate(file: string): Promise<void> {
  // Excel itself writes a shared string table; that is the heavier case for a streaming reader.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: SHARED_STRINGS, useStyles: false });
  const sheet = wb.addWorksheet('企业导入');
  sheet.addRow(HEADERS).commit();
  for (let i = 1; i <= ROWS; i++) {
    const local = i % 5 !== 0;
    sheet
      .addRow([
        `基准测试企业${i}有限公司`,
        uscc(i),
        local ? '是' : '否',
        local ? REGIONS[i % REGIONS.length] : '',
        local ? '' : '北京市',
        local ? '' : '北京市',
        SIZES[i % SIZES.length],
        `联系人${i % 1000}`,
        `0994-${String(1_000_000 + i).slice(-7)}`,
        i % 3 === 0 ? `${NODES[i % 3]};${NODES[(i + 1) % 3]}` : NODES[i % 3],
        `第 ${i} 家基准测试企业,用于测量导入速度。`,
      ])
      .commit();
  }
  sheet.commit();
  await wb.commit();
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianzhu-bench-'));
  const file = path.join(dir, 'enterprises.xlsx');
  let t = performance.now();
  // In a child process, so the writer's garbage does not count towards the server's memory.
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], 'generate', file, String(ROWS)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (child.status !== 0) throw new Error('generating the workbook failed');
  console.log(`generated ${ROWS} rows in ${((performance.now() - t) / 1000).toFixed(1)} s: ${mb(fs.statSync(file).size)} (${SHARED_STRINGS ? 'shared strings' : 'inline strings'})`);

  const server = await startTestServer();
  try {
    const now = new Date().toISOString();
    const cluster = await server.db.insertInto('clusters').values({ code: 'bench', name: '基准集群', sort_order: 0 }).returning('id').executeTakeFirstOrThrow();
    const chain = await server.db.insertInto('chains').values({ cluster_id: cluster.id, name: '基准链', description: '', weak_threshold: 2, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    await server.db
      .insertInto('chain_nodes')
      .values(['上游', '中游', '下游'].map((name, i) => ({ chain_id: chain.id, name, position: (['upstream', 'midstream', 'downstream'] as const)[i], sort_order: i })))
      .execute();
    const admin = await server.as('admin');
    // The server's one SQLite connection is held by the import's transaction while it writes; a second
    // connection (WAL lets it read meanwhile) tells when checking ended and writing began.
    const watcher = server.config.databaseUrl ? null : new SQLite(path.join(server.config.dataDir, 'lianzhu.sqlite'), { readonly: true });
    const statusOf = (id: number) => (watcher?.prepare('select status from import_jobs where id = ?').get(id) as { status: string } | undefined)?.status;

    for (const run of ['first import', 're-import (all unchanged)']) {
      (globalThis as { gc?: () => void }).gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      // Where the peak is: V8's heap (live objects and garbage not yet collected) or outside it.
      let peakHeap = 0;
      let jobId = 0;
      let writingAt = 0;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peak = Math.max(peak, m.rss);
        peakHeap = Math.max(peakHeap, m.heapTotal);
        if (jobId && !writingAt && statusOf(jobId) === 'writing') writingAt = performance.now();
      }, 100);
      t = performance.now();
      const res = await upload(admin, '/api/imports/enterprises', { name: 'enterprises.xlsx', data: await fs.openAsBlob(file) });
      if (res.status !== 202) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
      const uploaded = performance.now();
      let job = res.body;
      jobId = job.id;
      let lastPrinted = -1;
      while (job.status === 'validating' || job.status === 'writing') {
        await new Promise((r) => setTimeout(r, 250));
        job = (await admin.get(`/api/imports/${job.id}`)).body;
        if (job.status === 'writing' && !writingAt) writingAt = performance.now();
        if (job.processedRows !== lastPrinted && job.processedRows % 20_000 < 5_000) {
          process.stdout.write(`  ${job.status} ${job.processedRows}/${job.totalRows || '?'}\n`);
          lastPrinted = job.processedRows;
        }
      }
      const done = performance.now();
      clearInterval(sampler);
      if (job.status !== 'succeeded') throw new Error(`import ${job.status}: ${job.message ?? ''} ${JSON.stringify(job.errors.slice(0, 3))}`);
      const seconds = (done - t) / 1000;
      console.log(`${run}: ${job.totalRows} rows in ${seconds.toFixed(1)} s = ${Math.round(job.totalRows / seconds)} rows/s ` +
        `(upload ${((uploaded - t) / 1000).toFixed(1)} s, check ${(((writingAt || done) - uploaded) / 1000).toFixed(1)} s, write ${writingAt ? ((done - writingAt) / 1000).toFixed(1) : '?'} s); ` +
        `created ${job.created}, updated ${job.updated}, unchanged ${job.unchanged}; RSS ${mb(baseline)} before, peak ${mb(peak)} (+${mb(peak - baseline)}), ` +
        `V8 heap at most ${mb(peakHeap)}`);
    }
    const count = await server.db.selectFrom('enterprises').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const links = await server.db.selectFrom('enterprise_nodes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const garbled = await server.db
      .selectFrom('enterprises')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => eb.or([eb('name', 'like', '%\uFFFD%'), eb('description', 'like', '%\uFFFD%')]))
      .executeTakeFirstOrThrow();
    watcher?.close();
    console.log(`database: ${count.n} enterprises, ${links.n} enterprise-node links, ${garbled.n} with garbled text (${server.config.databaseUrl ? 'postgres' : 'sqlite'})`);
  } finally {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

(GENERATE ? generate(process.argv[3]) : main()).catch((error) => {
  console.error(error);
  process.exit(1);
});
