import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { attachmentsDir } from '../attachments/files.js';
import { openDatabase } from '../db/database.js';
import { copyFiles, MANIFEST_FILE, PG_DUMP_FILE, pgTool, SQLITE_FILE, withSqliteFile, type Manifest } from './backup.js';
import { countRows, listTables } from './tables.js';

export interface RestoreBackupOptions {
  from: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Replace a database that already holds data; without it a non-empty target is refused. */
  force?: boolean;
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new Error(`${dir} is not a Lianzhu backup: ${MANIFEST_FILE} is missing.`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (manifest.format !== 1) throw new Error(`${dir} was written by a different version of the backup format (${manifest.format}).`);
  return manifest;
}

/**
 * Restores a backup into DATA_DIR (SQLite) or DATABASE_URL (PostgreSQL) of the same engine, then checks
 * every table's row count against the manifest. SQLite is checked (integrity and counts) on a copy before
 * it replaces the live file by a rename; PostgreSQL is restored in one transaction. Stop the server first.
 */
export async function restoreBackup(options: RestoreBackupOptions): Promise<Manifest> {
  const manifest = readManifest(options.from);
  const engine = options.databaseUrl ? 'postgres' : 'sqlite';
  if (manifest.engine !== engine) throw new Error(`This backup is of a ${manifest.engine} database and cannot be restored into ${engine}.`);
  if (engine === 'sqlite') await restoreSqlite(options, manifest);
  else await restorePostgres(options, manifest);
  const target = attachmentsDir(options.dataDir);
  if (options.force) fs.rmSync(target, { recursive: true, force: true });
  copyFiles(path.join(options.from, 'attachments'), target);
  return manifest;
}

async function restoreSqlite(options: RestoreBackupOptions, manifest: Manifest): Promise<void> {
  const live = path.join(options.dataDir, SQLITE_FILE);
  if (fs.existsSync(live) && !options.force) throw new Error(`${live} already exists: stop the server and pass --force to replace it.`);
  fs.mkdirSync(options.dataDir, { recursive: true });
  const staged = `${live}.restoring`;
  fs.copyFileSync(path.join(options.from, SQLITE_FILE), staged);
  try {
    await withSqliteFile(staged, async (db) => {
      const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
      if (rows[0]?.integrity_check !== 'ok') throw new Error(`The backup's database fails SQLite's integrity check: ${rows[0]?.integrity_check}`);
      checkCounts(manifest, await countRows(db, 'sqlite'));
    });
  } catch (error) {
    fs.rmSync(staged, { force: true });
    throw error;
  }
  // The old file's log must not be replayed into the restored one.
  for (const suffix of ['-wal', '-shm']) fs.rmSync(live + suffix, { force: true });
  fs.renameSync(staged, live);
}

async function restorePostgres(options: RestoreBackupOptions, manifest: Manifest): Promise<void> {
  const database = openDatabase(options);
  try {
    const tables = await listTables(database.db, 'postgres');
    if (tables.length > 0 && !options.force) {
      throw new Error(`The target database already holds ${tables.length} tables: pass --force to replace them.`);
    }
    const clean = options.force ? ['--clean', '--if-exists'] : [];
    await pgTool('pg_restore', ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', ...clean, '--dbname', options.databaseUrl!, path.join(options.from, PG_DUMP_FILE)]);
    checkCounts(manifest, await countRows(database.db, 'postgres'));
  } finally {
    await database.close();
  }
}

function checkCounts(manifest: Manifest, found: Record<string, number>): void {
  const wrong = Object.entries(manifest.rows).filter(([table, n]) => found[table] !== n);
  if (wrong.length > 0) {
    const list = wrong.map(([t, n]) => `${t}: ${n} expected, ${found[t] ?? 'missing'} found`).join('; ');
    throw new Error(`The restored database does not match the backup's manifest (${list}).`);
  }
}
