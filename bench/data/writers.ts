// Bulk writers for the bench data, one per engine, behind one small interface:
// `table(name, columns)` returns a `put(values)` that buffers or runs the insert.
// Both defer the secondary indexes the migrations created (dropped before, re-created after with
// the migrations' own SQL), since building an index once is far cheaper than updating it per row.
import SQLite from 'better-sqlite3';
import pg from 'pg';

export type Put = (values: unknown[]) => void | Promise<void>;

export interface Writer {
  engine: 'sqlite' | 'postgres';
  table(name: string, columns: string[]): Put;
  /** Starts a progress line for a main table: its rows count toward `expected`. */
  phase(name: string, expected: number): void;
  counts: Map<string, number>;
  /** A statement to run once everything is written and indexed (back-links such as projects.lead_id). */
  afterLoad(label: string, statement: string): void;
  finish(): Promise<void>;
}

/** Counts rows per table and prints "done / expected, rows per second" about once a second. */
function progress() {
  const counts = new Map<string, number>();
  let name = '';
  let expected = 0;
  let done = 0;
  let started = 0;
  let last = 0;
  const print = (end: boolean) => {
    const secs = (performance.now() - started) / 1000;
    const rate = Math.round(done / Math.max(secs, 0.001));
    console.log(`  ${name.padEnd(22)} ${done.toLocaleString('en').padStart(11)} / ${expected.toLocaleString('en')} rows  ${rate.toLocaleString('en')} rows/s${end ? `  (${secs.toFixed(1)} s)` : ''}`);
  };
  return {
    counts,
    phase(next: string, total: number) {
      if (name) print(true);
      name = next;
      expected = total;
      done = 0;
      started = last = performance.now();
    },
    tick(table: string) {
      counts.set(table, (counts.get(table) ?? 0) + 1);
      if (table !== name) return; // a phase counts its main table; the others ride along
      if ((++done & 4095) === 0 && performance.now() - last > 1000) {
        last = performance.now();
        print(false);
      }
    },
    end() {
      if (name) print(true);
      name = '';
    },
  };
}

const timed = async (label: string, work: () => unknown) => {
  const t = performance.now();
  await work();
  console.log(`  ${label.padEnd(22)} ${((performance.now() - t) / 1000).toFixed(1)} s`);
};

const ROWS_PER_TRANSACTION = 50_000;

/** One better-sqlite3 connection, prepared statements, 50,000 rows per transaction, no journal while loading. */
export function sqliteWriter(file: string): Writer {
  const db = new SQLite(file);
  // Durability buys nothing for a file we would regenerate after a crash; WAL comes back at the end.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF'); // the generator only writes ids it created
  db.pragma('cache_size = -524288'); // 512 MB: the unique (supplier, customer, product) index stays in memory
  db.pragma('temp_store = MEMORY');
  const deferred = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    .all() as { name: string; sql: string }[];
  for (const index of deferred) db.exec(`DROP INDEX "${index.name}"`);
  const p = progress();
  const after: [string, string][] = [];
  let inTransaction = 0;
  db.exec('BEGIN');
  return {
    engine: 'sqlite',
    counts: p.counts,
    phase: p.phase,
    afterLoad: (label, statement) => void after.push([label, statement]),
    table(name, columns) {
      const stmt = db.prepare(`INSERT INTO ${name} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      return (values) => {
        stmt.run(values);
        p.tick(name);
        if (++inTransaction >= ROWS_PER_TRANSACTION) {
          db.exec('COMMIT');
          db.exec('BEGIN');
          inTransaction = 0;
        }
      };
    },
    async finish() {
      db.exec('COMMIT');
      p.end();
      await timed(`${deferred.length} indexes`, () => deferred.forEach((index) => db.exec(index.sql)));
      for (const [label, statement] of after) await timed(label, () => db.exec(statement));
      db.pragma('journal_mode = WAL'); // what openDatabase expects; the server sets it again anyway
      db.close();
    },
  };
}

const ROWS_PER_STATEMENT = 1_000;
const MAX_PARAMS = 60_000; // PostgreSQL's protocol caps a statement at 65,535 parameters

/** One pg client, multi-row INSERTs of up to 1,000 rows; one statement in flight while the next batch is built. */
export async function postgresWriter(url: string): Promise<Writer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('SET synchronous_commit = off');
  await client.query("SET session_replication_role = 'replica'"); // skips FK triggers; needs a superuser
  const { rows: deferred } = await client.query<{ name: string; sql: string }>(
    `SELECT indexname AS name, indexdef AS sql FROM pg_indexes
      WHERE schemaname = 'public' AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
  );
  for (const index of deferred) await client.query(`DROP INDEX "${index.name}"`);
  const p = progress();
  let inFlight: Promise<unknown> = Promise.resolve();
  const flushes: (() => Promise<void>)[] = [];
  const tables: string[] = [];
  const after: [string, string][] = [];
  return {
    engine: 'postgres',
    counts: p.counts,
    phase: p.phase,
    afterLoad: (label, statement) => void after.push([label, statement]),
    table(name, columns) {
      tables.push(name);
      const perStatement = Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_PARAMS / columns.length));
      let buffer: unknown[] = [];
      let rows = 0;
      const flush = async () => {
        if (rows === 0) return;
        const params = buffer;
        const tuples = Array.from({ length: rows }, (_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(',')})`);
        buffer = [];
        rows = 0;
        await inFlight;
        inFlight = client.query(`INSERT INTO ${name} (${columns.join(',')}) VALUES ${tuples.join(',')}`, params);
      };
      flushes.push(flush);
      return (values) => {
        for (const v of values) buffer.push(v);
        p.tick(name);
        if (++rows >= perStatement) return flush();
      };
    },
    async finish() {
      for (const flush of flushes) await flush();
      await inFlight;
      p.end();
      await timed(`${deferred.length} indexes`, async () => {
        for (const index of deferred) await client.query(index.sql);
      });
      for (const [label, statement] of after) await timed(label, () => client.query(statement));
      // Ids were written explicitly, so the serial sequences must catch up before the app inserts.
      for (const name of new Set(tables)) {
        const { rows } = await client.query(`SELECT pg_get_serial_sequence($1, 'id') AS seq`, [name]).catch(() => ({ rows: [] }));
        if (rows[0]?.seq) await client.query(`SELECT setval($1, COALESCE((SELECT MAX(id) FROM ${name}), 0) + 1, false)`, [rows[0].seq]);
      }
      // Autovacuum would do this within minutes of a real load; doing it now keeps plans stable and
      // sets the visibility map, without which PostgreSQL cannot answer from covering indexes alone.
      await timed('VACUUM (ANALYZE)', () => client.query('VACUUM (ANALYZE)'));
      await client.end();
    },
  };
}

/** Drops and re-creates the bench database, so every run starts from the migrations. */
export async function freshPostgres(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`Refusing database name ${name}`);
  target.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}
