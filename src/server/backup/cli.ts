// `npm run backup -- [--out DIR]` and `npm run restore -- DIR [--force]`, on the database the environment
// names (DATA_DIR or DATABASE_URL, as for `npm start`).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { createBackup } from './backup.js';
import { restoreBackup } from './restore.js';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const [command, dir] = positionals;
  const config = loadConfig();
  if (command === 'backup') {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const out = path.resolve(values.out ?? path.join('backups', `lianzhu-${stamp}`));
    const database = openDatabase(config);
    try {
      const manifest = await createBackup({ database, dataDir: config.dataDir, databaseUrl: config.databaseUrl, out });
      const rows = Object.values(manifest.rows).reduce((a, b) => a + b, 0);
      console.log(`Backed up the ${manifest.engine} database (${rows} rows in ${Object.keys(manifest.rows).length} tables, ${manifest.attachments} attachments) to ${out}`);
    } finally {
      await database.close();
    }
  } else if (command === 'restore' && dir) {
    const manifest = await restoreBackup({ from: path.resolve(dir), dataDir: config.dataDir, databaseUrl: config.databaseUrl, force: values.force });
    console.log(`Restored the backup of ${manifest.createdAt} (migration ${manifest.migration}); every table's row count matches its manifest.`);
  } else {
    throw new Error('Usage: npm run backup -- [--out DIR]  |  npm run restore -- DIR [--force]');
  }
}

main().catch((error: Error) => {
  console.error(`✗ ${error.message}`);
  process.exit(1);
});
