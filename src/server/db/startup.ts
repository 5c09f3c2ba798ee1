import { sql } from 'kysely';
import { createUser } from '../auth/users.js';
import type { Config } from '../config.js';
import { loadDemoIfEmpty } from '../demo/seed.js';
import type { Database } from './database.js';
import { migrateToLatest } from './migrate.js';

// Any constant works; it only has to be the same in every instance.
const STARTUP_LOCK = 7_231_851;

/**
 * Migrates and, on an empty database, loads the demo (or the first admin). Instances started together
 * on one PostgreSQL database take turns through an advisory lock, so the demo is loaded exactly once.
 */
export async function prepareDatabase(database: Database, config: Config): Promise<'demo' | 'admin' | null> {
  if (database.engine !== 'postgres') return prepare(database, config);
  return database.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${STARTUP_LOCK})`.execute(conn);
    try {
      return await prepare(database, config);
    } finally {
      await sql`select pg_advisory_unlock(${STARTUP_LOCK})`.execute(conn);
    }
  });
}

/**
 * An import runs in the process that received it; if that process died, its job would read
 * "running" for ever. Its transaction never committed, so nothing of it was written: say so.
 * On PostgreSQL another instance may be running an import right now, so only old jobs are closed.
 */
async function closeInterruptedImports(database: Database): Promise<void> {
  const cutoff = database.engine === 'sqlite' ? new Date() : new Date(Date.now() - 2 * 3_600_000);
  await database.db
    .updateTable('import_jobs')
    .set({ status: 'failed', message: '服务器重启,导入已中断,未写入任何数据', finished_at: new Date().toISOString() })
    .where('status', 'in', ['validating', 'writing'])
    .where('created_at', '<', cutoff.toISOString())
    .execute();
}

async function prepare(database: Database, config: Config): Promise<'demo' | 'admin' | null> {
  const { db } = database;
  await migrateToLatest(db);
  await closeInterruptedImports(database);
  if (config.demo) return (await loadDemoIfEmpty(db, config)) ? 'demo' : null;
  if (!config.adminPassword) return null;
  const exists = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  if (exists) return null;
  await createUser({ db, username: 'admin', password: config.adminPassword, displayName: '管理员', role: 'admin' });
  return 'admin';
}
