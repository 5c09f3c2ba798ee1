import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createUser } from './auth/users.js';
import { loadDemoIfEmpty } from './demo/seed.js';

async function main() {
  const config = loadConfig();
  const database = openDatabase(config);
  await migrateToLatest(database.db);
  if (config.demo) {
    if (await loadDemoIfEmpty(database.db, config)) console.log('Loaded the demo from the 2023-05-17 report (demo accounts: see README).');
  } else if (config.adminPassword) {
    const exists = await database.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
    if (!exists) await createUser({ db: database.db, username: 'admin', password: config.adminPassword, displayName: '管理员', role: 'admin' });
  }
  const app = await buildApp({ db: database.db, engine: database.engine, config }, { logger: true });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  console.log(`Lianzhu is running at http://localhost:${config.port} on ${database.engine}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
