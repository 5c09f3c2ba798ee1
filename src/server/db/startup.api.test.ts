import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../tests/support/database.js';
import { loadConfig } from '../config.js';
import { openDatabase } from './database.js';
import { prepareDatabase } from './startup.js';
import { DEMO_USERS } from '../demo/seed.js';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(() => testDb?.drop());

describe('start-up on an empty database', () => {
  // Several instances are a PostgreSQL set-up; SQLite is one process on one file.
  it.skipIf(testEngine() === 'sqlite')('two instances starting at once load the demo exactly once: 16 projects, each demo user once', async () => {
    const config = { ...loadConfig({}), dataDir: testDb.dataDir, databaseUrl: testDb.databaseUrl, demoPassword: 'pw' };
    const a = openDatabase(config);
    const b = openDatabase(config);
    try {
      const results = await Promise.all([prepareDatabase(a, config), prepareDatabase(b, config)]);
      expect(results.filter((r) => r === 'demo')).toHaveLength(1);
      const projects = await a.db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const users = await a.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect([Number(projects.n), Number(users.n)]).toEqual([16, DEMO_USERS.length]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a restart finds the demo in place and adds nothing', async () => {
    const fresh = await createTestDatabase();
    const config = { ...loadConfig({}), dataDir: fresh.dataDir, databaseUrl: fresh.databaseUrl, demoPassword: 'pw' };
    const database = openDatabase(config);
    try {
      expect(await prepareDatabase(database, config)).toBe('demo');
      expect(await prepareDatabase(database, config)).toBeNull();
      const projects = await database.db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(projects.n)).toBe(16);
    } finally {
      await database.close();
      await fresh.drop();
    }
  });

  it('with DEMO=false and ADMIN_PASSWORD set, only the admin account is created', async () => {
    const other = await createTestDatabase();
    const config = { ...loadConfig({ DEMO: 'false', ADMIN_PASSWORD: 'secret-admin' }), dataDir: other.dataDir, databaseUrl: other.databaseUrl };
    const database = openDatabase(config);
    try {
      expect(await prepareDatabase(database, config)).toBe('admin');
      const users = await database.db.selectFrom('users').select(['username', 'role']).execute();
      expect(users).toEqual([{ username: 'admin', role: 'admin' }]);
      expect(await database.db.selectFrom('projects').selectAll().execute()).toEqual([]);
    } finally {
      await database.close();
      await other.drop();
    }
  });
});

describe('start-up after a crash', () => {
  it('an import left running by a dead process is marked failed, nothing written', async () => {
    const fresh = await createTestDatabase();
    const config = { ...loadConfig({ DEMO: 'false' }), dataDir: fresh.dataDir, databaseUrl: fresh.databaseUrl };
    const database = openDatabase(config);
    try {
      await prepareDatabase(database, config);
      const createdAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
      await database.db.insertInto('import_jobs').values({
          kind: 'enterprises',
          status: 'writing',
          file_name: 'x.xlsx',
          total_rows: 10,
          processed_rows: 5,
          created_count: 0,
          updated_count: 0,
          unchanged_count: 0,
          error_count: 0,
          errors_json: '[]',
          message: null,
          created_by: null,
          created_at: createdAt,
          finished_at: null,
        }).execute();
      await prepareDatabase(database, config);
      const job = await database.db.selectFrom('import_jobs').select(['status', 'message']).executeTakeFirstOrThrow();
      expect(job).toEqual({ status: 'failed', message: '服务器重启,导入已中断,未写入任何数据' });
    } finally {
      await database.close();
      await fresh.drop();
    }
  });
});
