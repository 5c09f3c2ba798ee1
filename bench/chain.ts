// Times the chain map's reads on the demo from the report, through the real HTTP server:
// gap analysis (all clusters, one chain) and ranked targets for a gap node.
// Run: npx tsx bench/chain.ts [requests]   (LIANZHU_TEST_DB=postgres for PostgreSQL)
import fs from 'node:fs';
import { startTestServer } from '../tests/support/server.js';

const REQUESTS = Number(process.argv[2] ?? 300);
process.env.LIANZHU_TEST_DB ??= 'sqlite';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time(label: string, call: () => Promise<{ status: number }>) {
  for (let i = 0; i < 20; i++) await call(); // warm-up: JIT and the database's caches
  const ms: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    const res = await call();
    ms.push(performance.now() - start);
    if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status}`);
  }
  ms.sort((a, b) => a - b);
  const row = { label, requests: REQUESTS, p50: +percentile(ms, 50).toFixed(2), p95: +percentile(ms, 95).toFixed(2), p99: +percentile(ms, 99).toFixed(2) };
  console.log(`${label.padEnd(44)} p50 ${row.p50} ms   p95 ${row.p95} ms   p99 ${row.p99} ms`);
  return row;
}

const server = await startTestServer({ demoProjects: true });
try {
  const officer = await server.as('mulei');
  const clusters = (await officer.get('/api/clusters')).body.items;
  const wind = clusters.flatMap((c: { chains: { id: number; name: string }[] }) => c.chains).find((c: { name: string }) => c.name === '风电装备');
  const blade = (await officer.get(`/api/chains/${wind.id}`)).body.nodes.find((n: { name: string }) => n.name === '叶片制造');
  console.log(`chain map on the demo, ${process.env.LIANZHU_TEST_DB}, ${REQUESTS} sequential requests each, signed in as a county officer`);
  const results = [
    await time('gap analysis: GET /api/clusters', () => officer.get('/api/clusters')),
    await time('gap analysis: GET /api/chains/:id (风电装备)', () => officer.get(`/api/chains/${wind.id}`)),
    await time('ranked targets: GET /api/chain-nodes/:id/targets', () => officer.get(`/api/chain-nodes/${blade.id}/targets`)),
  ];
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync(`bench/results/chain-${process.env.LIANZHU_TEST_DB}.json`, JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
} finally {
  await server.close();
}
