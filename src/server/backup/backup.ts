import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { attachmentsDir } from '../attachments/files.js';
import type { Database } from '../db/database.js';
import { countRows } from './tables.js';

const run = promisify(execFile);

export const SQLITE_FILE = 'lianzhu.sqlite';
export const PG_DUMP_FILE = 'database.dump';
export const MANIFEST_FILE = 'manifest.json';

export interface Manifest {
  format: 1;
  engine: Database['engine'];
  createdAt: string;
  /** The last migration applied: a restore into an older release would not understand the data. */
  migration: string | null;
  rows: Record<string, number>;
  attachments: number;
}

export interface CreateBackupOptions {
  database: Database;
  dataDir: string;
  databaseUrl: string | null;
  /** A directory that does not exist yet (or is empty); the backup is written into it. */
  out: string;
}

/**
 * SQLite: the online backup API copies a consistent snapshot while the server keeps running.
 * PostgreSQL: pg_dump in its custom format, also a consistent snapshot (one repeatable-read transaction).
 * Attachments (files under DATA_DIR/attachments) are copied beside the database in both cases.
 * The manifest's row counts are read from the copy itself, and `restore` checks them again.
 */
export async function createBackup(options: CreateBackupOptions): Promise<Manifest> {
  const { database, out } = options;
  if (fs.existsSync(out) && fs.readdirSync(out).length > 0) throw new Error(`The backup directory ${out} is not empty.`);
  fs.mkdirSync(out, { recursive: true });
  let rows: Record<string, number>;
  if (database.engine === 'sqlite') {
    const file = path.join(out, SQLITE_FILE);
    const source = new SQLite(path.join(options.dataDir, SQLITE_FILE), { readonly: true, fileMustExist: true });
    try {
      await source.backup(file);
    } finally {
      source.close();
    }
    rows = await withSqliteFile(file, (db) => countRows(db, 'sqlite'));
  } else {
    // The counts and the dump read one exported snapshot, so the manifest describes exactly the dump
    // even while the server keeps writing.
    rows = await database.db.connection().execute(async (db) => {
      await sql`begin isolation level repeatable read read only`.execute(db);
      try {
        const { rows: [{ snapshot }] } = await sql<{ snapshot: string }>`select pg_export_snapshot() as snapshot`.execute(db);
        const counts = await countRows(db, 'postgres');
        const args = ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`];
        await pgTool('pg_dump', [...args, '--file', path.join(out, PG_DUMP_FILE), options.databaseUrl!]);
        return counts;
      } finally {
        await sql`commit`.execute(db);
      }
    });
  }
  const attachments = copyFiles(attachmentsDir(options.dataDir), path.join(out, 'attachments'));
  const manifest: Manifest = {
    format: 1,
    engine: database.engine,
    createdAt: new Date().toISOString(),
    migration: await lastMigration(database),
    rows,
    attachments,
  };
  fs.writeFileSync(path.join(out, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  return manifest;
}

export async function lastMigration(database: Database): Promise<string | null> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(database.db);
  return rows[0]?.name ?? null;
}

/** Copies a flat directory of files; returns how many. */
export function copyFiles(from: string, to: string): number {
  if (!fs.existsSync(from)) return 0;
  fs.mkdirSync(to, { recursive: true });
  let n = 0;
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    fs.copyFileSync(path.join(from, entry.name), path.join(to, entry.name));
    n += 1;
  }
  return n;
}

export async function pgTool(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  try {
    await run(tool, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error(`${tool} was not found: install PostgreSQL's client tools (Debian: apt-get install -y postgresql-client).`);
    throw new Error(`${tool} failed: ${(e.stderr || e.message).trim()}`);
  }
}

/** Runs fn on a SQLite file other than the server's (a backup or a file being restored). */
export async function withSqliteFile<T>(file: string, fn: (db: Kysely<any>) => Promise<T>): Promise<T> {
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(file, { fileMustExist: true }) }) });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}
