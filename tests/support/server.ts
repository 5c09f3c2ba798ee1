import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../src/shared/auth.js';
import { buildApp } from '../../src/server/app.js';
import { createUser } from '../../src/server/auth/users.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';
import type { DB } from '../../src/server/db/schema.js';
import { createDemoProjects, createDemoUsers } from '../../src/server/demo/seed.js';
import { createDemoChainMap } from '../../src/server/demo/seed-chains.js';
import { createDemoEvents } from '../../src/server/demo/events.js';
import { createDemoLeads } from '../../src/server/demo/leads.js';
import { createDemoServiceRequests } from '../../src/server/demo/service-requests.js';
import { createDemoApprovals } from '../../src/server/demo/approvals.js';
import { createDemoLivestream } from '../../src/server/demo/livestream.js';
import { createDemoSkills } from '../../src/server/demo/skills.js';
import { ApiClient } from './client.js';
import { createTestDatabase } from './database.js';

export const TEST_PASSWORD = 'test-password-1';

export interface TestServer {
  url: string;
  db: Kysely<DB>;
  app: FastifyInstance;
  config: Config;
  users: Map<string, CurrentUser>;
  /** A client already signed in as one of the demo users. */
  as(username: string): Promise<ApiClient>;
  anonymous(): ApiClient;
  close(): Promise<void>;
}

/**
 * A real HTTP server on a fresh database (SQLite or PostgreSQL per LIANZHU_TEST_DB), with the demo's
 * users and, when asked, the demo's projects from the report.
 */
export async function startTestServer(
  options: { demoProjects?: boolean; demoLeads?: boolean; demoApprovals?: boolean; demoServiceRequests?: boolean; demoSkills?: boolean; demoLivestream?: boolean; config?: Partial<Config> } = {},
): Promise<TestServer> {
  const testDb = await createTestDatabase();
  const config = { ...loadConfig({}), dataDir: testDb.dataDir, databaseUrl: testDb.databaseUrl, ...options.config };
  const database = openDatabase(config);
  await migrateToLatest(database.db);
  const users = await createDemoUsers(database.db, TEST_PASSWORD);
  if (options.demoProjects) {
    await createDemoProjects(database.db, users.get('admin')!);
    await createDemoChainMap(database.db, users.get('admin')!);
    await createDemoEvents(database.db, users.get('admin')!);
    if (options.demoLeads) await createDemoLeads(database.db, users);
    if (options.demoApprovals) await createDemoApprovals(database.db, users.get('admin')!);
  }
  if (options.demoServiceRequests) await createDemoServiceRequests(database.db, users);
  if (options.demoSkills) await createDemoSkills(database.db, users);
  if (options.demoLivestream) await createDemoLivestream(database.db, users);
  const app = await buildApp({ db: database.db, engine: database.engine, config });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    db: database.db,
    app,
    config,
    users,
    anonymous: () => new ApiClient(address),
    async as(username) {
      const client = new ApiClient(address);
      const res = await client.login(username, TEST_PASSWORD);
      if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status}`);
      return client;
    },
    async close() {
      await app.close();
      await database.close();
      await testDb.drop();
    },
  };
}

export async function addEnterpriseUser(server: TestServer, username: string, enterpriseUscc: string): Promise<CurrentUser> {
  const user = await createUser({ db: server.db, username, password: TEST_PASSWORD, displayName: username, role: 'enterprise', enterpriseUscc });
  server.users.set(username, user);
  return user;
}
