// The references Lianzhu's throughput is reported against (issue 4, "side by side"), on the same data,
// machine and run: the bare handler (bare.ts, the practical ceiling) and Directus (directus.ts, what a
// team would otherwise set up). They run after Lianzhu's reads, one at a time, so none of them shares
// the CPU with another's timed run; Directus's install, copy and start-up happen before its first run.
import { searchKey } from '../../src/server/db/search.js';
import { startBare } from './bare.js';
import { DIRECTUS_VERSION, startDirectus } from './directus.js';

export interface Measure {
  seconds: number; requests: number; rps: number; statusCodes: Record<string, number>; errors: number; timeouts: number;
  exhausted: boolean; used: number; failures: string[]; p50: number; p95: number; p99: number; max: number; mean: number;
}

/** What a Lianzhu read asks, so each reference can ask the same of its own API. */
export type Reference = { kind: 'projects'; region: string; stage: string; pageSize: number } | { kind: 'search'; q: string; pageSize: number };

export interface Comparison {
  request: string;
  connections: number;
  /** Requests per second: Lianzhu's per signed-in user, each reference's. */
  lianzhu: Record<string, number>;
  bare?: number;
  directus?: number;
  /** Lianzhu's throughput divided by the reference's, per user. */
  lianzhuOverBare?: Record<string, number | null>;
  lianzhuOverDirectus?: Record<string, number | null>;
}

type Row = Record<string, unknown>;

interface Options {
  sqliteFile: string;
  reads: { name: string; ref?: Reference }[];
  connectionCounts: number[];
  /** Lianzhu's rows so far (their rps and totals are compared); the references' rows are appended. */
  rows: Row[];
  load(options: { url: string; headers: Record<string, string>; connections: number }): Promise<Measure>;
  print(row: Row): void;
  directus: boolean;
}

interface Target {
  key: 'bare' | 'directus';
  label: string;
  url: string;
  headers: Record<string, string>;
  path(ref: Reference): string;
  total(body: unknown): number | undefined;
}

function barePath(ref: Reference): string {
  return ref.kind === 'projects'
    ? `/projects?region=${ref.region}&stage=${ref.stage}&pageSize=${ref.pageSize}`
    : `/enterprises?q=${encodeURIComponent(ref.q)}&pageSize=${ref.pageSize}`;
}

/** The same read through Directus's REST API: filter, sort, one page, the joined names and the filtered total. */
function directusPath(ref: Reference): string {
  const v = encodeURIComponent;
  return ref.kind === 'projects'
    ? `/items/projects?filter[region_code][_eq]=${v(ref.region)}&filter[stage][_eq]=${v(ref.stage)}&sort=-investment_yuan,-id&limit=${ref.pageSize}` +
        `&meta=filter_count&fields=*,region_code.name,enterprise_id.name,node_id.name,node_id.chain_id.id,node_id.chain_id.name`
    : // search_text is the column Lianzhu searches (names and other text, NFKC-lowercased); _contains is LIKE '%…%'.
      `/items/enterprises?filter[search_text][_contains]=${v(searchKey(ref.q))}&sort=-updated_at,-id&limit=${ref.pageSize}&meta=filter_count&fields=*,region_code.name`;
}

/** Lianzhu's throughput over a reference's; null when the reference finished nothing in its run. */
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);

async function measure(target: Target, o: Options, comparisons: Comparison[]): Promise<void> {
  for (const read of o.reads) {
    if (!read.ref) continue;
    const url = target.url + target.path(read.ref);
    const request = `${target.label}: ${read.name}`;
    const lianzhuTotal = o.rows.find((r) => r.request === read.name && r.total !== undefined)?.total;
    // One request first: it must succeed and find as many rows as Lianzhu did; it also warms the
    // caches, and waits behind whatever a previous slow run left queued.
    const res = await fetch(url, { headers: target.headers, signal: AbortSignal.timeout(300_000) }).catch((e: Error) => e);
    if (res instanceof Error || res.status !== 200) {
      const error = res instanceof Error ? res.message : `HTTP ${res.status} ${(await res.text()).slice(0, 200)}`;
      o.rows.push({ user: target.key, request, path: target.path(read.ref), error });
      o.print({ ...o.rows.at(-1), connections: '-', rps: '-', p50: '-', p95: '-', p99: '-', failed: '-', note: error });
      continue;
    }
    const total = target.total(await res.json());
    for (let i = 0; i < 5; i++) await fetch(url, { headers: target.headers, signal: AbortSignal.timeout(120_000) }).then((r) => r.arrayBuffer(), () => {});
    for (const connections of o.connectionCounts) {
      // Requests a slow run left queued are still being answered; one more request waits behind them.
      await fetch(url, { headers: target.headers, signal: AbortSignal.timeout(300_000) }).then((r) => r.arrayBuffer(), () => {});
      const m = await o.load({ url, headers: target.headers, connections });
      const lianzhu = Object.fromEntries(
        o.rows
          .filter((r) => r.request === read.name && r.connections === connections && typeof r.rps === 'number')
          .map((r) => [r.user as string, r.rps as number]),
      );
      const ratios = Object.fromEntries(Object.entries(lianzhu).map(([user, rps]) => [user, ratio(rps, m.rps)]));
      let comparison = comparisons.find((c) => c.request === read.name && c.connections === connections);
      if (!comparison) comparisons.push((comparison = { request: read.name, connections, lianzhu }));
      comparison[target.key] = m.rps;
      comparison[target.key === 'bare' ? 'lianzhuOverBare' : 'lianzhuOverDirectus'] = ratios;
      const note = [
        m.requests === 0
          ? `no response finished within the run: no ratio`
          : `Lianzhu/${target.label}: ${Object.entries(ratios).map(([u, x]) => `${u} ${x}×`).join(', ') || 'no Lianzhu run'}`,
        total !== undefined ? `total ${total}` : '',
        total !== undefined && lianzhuTotal !== undefined && total !== lianzhuTotal ? `(Lianzhu's total is ${lianzhuTotal}: not the same query)` : '',
        m.timeouts ? `${m.timeouts} timed out (10 s)` : '',
      ].filter(Boolean).join(', ');
      const row = { user: target.key, request, path: target.path(read.ref), connections, ...m, failed: m.requests - (m.statusCodes['200'] ?? 0) + m.errors, total, ratios, note };
      o.rows.push(row);
      o.print(row);
    }
  }
}

export async function runReferences(o: Options): Promise<{ comparisons: Comparison[]; directus: { version: string; status: string } }> {
  const comparisons: Comparison[] = [];
  if (!o.reads.some((r) => r.ref)) return { comparisons, directus: { version: DIRECTUS_VERSION, status: 'no read with a reference was selected' } };
  const bare = await startBare(o.sqliteFile);
  try {
    const total = (body: unknown) => (body as { total?: number }).total;
    await measure({ key: 'bare', label: 'bare', url: bare.url, headers: {}, path: barePath, total }, o, comparisons);
  } finally {
    await bare.close();
  }
  let status = 'skipped (--no-directus)';
  if (o.directus) {
    const say = (line: string) => console.log(`\n${line}\n`);
    try {
      const directus = await startDirectus(o.sqliteFile, say);
      try {
        const total = (body: unknown) => (body as { meta?: { filter_count?: number } }).meta?.filter_count;
        await measure({ key: 'directus', label: 'Directus', url: directus.url, headers: directus.headers, path: directusPath, total }, o, comparisons);
        status = 'measured';
      } finally {
        await directus.close();
      }
    } catch (error) {
      status = `not measured: ${(error as Error).message}`;
      console.log(`\nDirectus ${DIRECTUS_VERSION} reference ${status}\n(the rest of the benchmark carries on; --no-directus skips it)\n`);
    }
  }
  summarize(comparisons);
  return { comparisons, directus: { version: DIRECTUS_VERSION, status } };
}

function summarize(comparisons: Comparison[]): void {
  if (!comparisons.length) return;
  console.log(`\nLianzhu's throughput as a ratio to the references (req/s; Lianzhu per user):`);
  for (const c of comparisons) {
    const users = Object.keys(c.lianzhu);
    const part = (name: string, rps: number | undefined, ratios: Record<string, number | null> | undefined) =>
      rps === undefined ? `${name} -` : `${name} ${rps} req/s → ${users.map((u) => (ratios?.[u] == null ? '-' : `${ratios[u]}×`)).join(' / ')}`;
    console.log(
      `  ${c.request}, ${c.connections} con: Lianzhu ${users.map((u) => `${u} ${c.lianzhu[u]}`).join(' / ')}; ` +
        `${part('bare', c.bare, c.lianzhuOverBare)}; ${part('Directus', c.directus, c.lianzhuOverDirectus)}`,
    );
  }
}
