import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { prepareDatabase } from './db/startup.js';
import { startScheduler } from './notifications/scheduler.js';

async function main() {
  const config = loadConfig();
  const database = openDatabase(config);
  const prepared = await prepareDatabase(database, config);
  if (prepared === 'demo') console.log('Loaded the demo from the 2023-05-17 report (demo accounts: see README).');
  if (prepared === 'admin') console.log('Created the admin account with ADMIN_PASSWORD.');
  const app = await buildApp({ db: database.db, engine: database.engine, config }, { logger: true });
  const scheduler = startScheduler({ db: database.db, intervalSeconds: config.sweepIntervalSeconds, log: app.log });
  const shutdown = async () => {
    await scheduler.stop();
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
