import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/database.js';
import { openDatabase, type Database } from './database.js';
import { migrateTo, migrateToLatest } from './migrate.js';

let testDb: TestDatabase;
let database: Database;
beforeAll(async () => {
  testDb = await createTestDatabase();
  database = openDatabase(testDb);
});
afterAll(async () => {
  await database?.close();
  await testDb?.drop();
});

describe('upgrading a database that already holds leads (0008 → latest)', () => {
  it('keeps every lead with its id, names it after its enterprise and gives it its chain', async () => {
    const db = database.db as never as import('kysely').Kysely<any>;
    await migrateTo(db, '0008_search_pairs_column');
    const now = '2026-01-01T00:00:00.000Z';
    const cluster = await db.insertInto('clusters').values({ code: 'xny', name: '新能源新材料', sort_order: 1 }).returning('id').executeTakeFirstOrThrow();
    const chain = await db.insertInto('chains').values({ cluster_id: cluster.id, name: '风电装备', created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
    const node = await db.insertInto('chain_nodes').values({ chain_id: chain.id, name: '叶片', position: 'midstream', sort_order: 1 }).returning('id').executeTakeFirstOrThrow();
    const firm = await db
      .insertInto('enterprises')
      .values({ name: '示例叶片有限公司', uscc: '91652328MA0000001X', is_local: 0, province: '河北省', city: '', search_text: '示例叶片有限公司', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('leads')
      .values({ id: 7, enterprise_id: firm.id, node_id: node.id, status: 'new', source: 'gap_analysis', note: '旧线索', score: 2.5, explanation: '供应链主', created_at: now, updated_at: now })
      .execute();
    await db
      .insertInto('users')
      .values({ username: 'fgw-old', password_hash: 'x', display_name: '发改委专员', role: 'department', department: '发展改革委', created_at: now, updated_at: now })
      .execute();

    await migrateToLatest(db);

    const lead = await db.selectFrom('leads').selectAll().where('id', '=', 7).executeTakeFirstOrThrow();
    expect(lead).toMatchObject({ enterprise_id: firm.id, enterprise_name: '示例叶片有限公司', chain_id: chain.id, node_id: node.id, status: 'new', note: '旧线索', explanation: '供应链主' });
    expect(Number(lead.score)).toBe(2.5);
    // The id sequence continues after the carried-over rows instead of colliding with them.
    const next = await db
      .insertInto('leads')
      .values({ enterprise_name: '新企业', status: 'new', source: 'desk_research', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(next.id).toBeGreaterThan(7);
  });
});

describe('upgrading department officers (→ 0015)', () => {
  it('turns a department officer\'s department name into the department\'s code', async () => {
    const db = database.db as never as import('kysely').Kysely<any>;
    const user = await db.selectFrom('users').select('department').where('username', '=', 'fgw-old').executeTakeFirstOrThrow();
    expect(user.department).toBe('fgw');
  });
});
