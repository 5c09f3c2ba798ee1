import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  close(): Promise<void>;
}

// int8 (sums, bigint money) arrive as strings by default; every amount fits a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

const STATEMENT_CACHE_SIZE = 500;
// A bulk insert's text grows with its rows; statements that long are rarely repeated exactly.
const CACHEABLE_SQL_LENGTH = 20_000;

/**
 * Kysely's SQLite driver prepares every query afresh, and preparing the project list's five-table
 * join took longer than running it. Kysely compiles the same SQL text for the same query shape, so
 * prepared statements are kept by their text (least recently used dropped first). A statement still
 * being iterated by a stream cannot run again until it finishes; that rare caller gets a fresh one.
 */
export function withStatementCache(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare(text: string) {
      if (text.length > CACHEABLE_SQL_LENGTH) return sqlite.prepare(text);
      const hit = cache.get(text);
      if (hit) {
        if (hit.busy) return sqlite.prepare(text);
        // Re-inserted, so the Map's order stays least recently used first.
        cache.delete(text);
        cache.set(text, hit);
        return hit;
      }
      const statement = sqlite.prepare(text);
      cache.set(text, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}

export function openDatabase(options: { databaseUrl: string | null; dataDir: string }): Database {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection dropped by the server (restart, failover) must not take the process down;
    // the pool replaces it on the next query.
    pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const sqlite = new SQLite(path.join(options.dataDir, 'lianzhu.sqlite'));
  sqlite.pragma('journal_mode = WAL');
  // In WAL mode NORMAL syncs the log at checkpoints instead of at every commit: a commit is still
  // atomic and survives the process being killed, but an operating-system crash or power loss can
  // roll back the last transactions committed before it (never corrupt the file). That is the
  // standard WAL setting, and it spares every write transaction an fsync (issue 4's transitions).
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  // SQLite's default page cache is 2 MB; at province scale (a 1.5 GB file) the supply-graph walk and
  // the searches read the same index pages again and again. 256 MB is a cap, not an allocation.
  sqlite.pragma('cache_size = -262144');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, engine: 'sqlite', close: () => db.destroy() };
}
