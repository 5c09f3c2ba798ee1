import crypto from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db/database.js';

/** The application's tables on either engine (SQLite's FTS5 shadow tables included: they are data too). */
export async function listTables(db: Kysely<any>, engine: Engine): Promise<string[]> {
  const rows =
    engine === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Rows per table: what a backup's manifest records and a restore must find again. */
export async function countRows(db: Kysely<any>, engine: Engine): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(db, engine)) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0].n);
  }
  return counts;
}

/**
 * A digest of every row of every table, independent of row order: used to prove a restored database
 * holds exactly what was backed up. It reads everything, so it is for tests and small databases.
 */
export async function fingerprint(db: Kysely<any>, engine: Engine): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const table of await listTables(db, engine)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    const lines = rows.map((row) => JSON.stringify(Object.keys(row).sort().map((k) => [k, normalise(row[k])]))).sort();
    digests[table] = crypto.createHash('sha256').update(lines.join('\n')).digest('hex');
  }
  return digests;
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (typeof value === 'bigint') return value.toString();
  return value;
}
