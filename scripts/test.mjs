#!/usr/bin/env node
// `npm test`: checks what the suites need, builds the web app, then runs the unit tests, the API
// tests once on SQLite and once on PostgreSQL, and the browser tests in Chromium, and sums them up.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import pg from 'pg';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PG_URL = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function fail(message) {
  console.error(`\n✗ ${message}\n`);
  process.exit(1);
}

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  const root = process.getuid?.() === 0;
  if (root && spawnSync('which', ['apt-get']).status === 0) {
    // The CJK font only makes the screenshots legible (Chinese glyphs are boxes without it); no assertion needs it.
    console.log(`Chromium is missing at ${CHROMIUM}; installing Debian's packages (apt-get install -y chromium fonts-noto-cjk)…`);
    const r = spawnSync('apt-get', ['install', '-y', 'chromium', 'fonts-noto-cjk'], { stdio: 'inherit' });
    if (r.status === 0 && fs.existsSync(CHROMIUM)) return;
  }
  fail(`The browser tests need Chromium at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH).`);
}

async function ensurePostgres() {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    fail(
      `The PostgreSQL API tests need a server at ${PG_URL} that lets this user create databases (${error.message}).\n` +
        `  Start the local one with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n` +
        `  or point TEST_PG_URL at another server.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

function run(label, args, env = {}) {
  console.log(`\n━━ ${label} ━━`);
  const out = `test-results/${label.replace(/\W+/g, '-')}.json`;
  const r = spawnSync('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const report = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : null;
  return { label, ok: r.status === 0, passed: report?.numPassedTests ?? 0, failed: report?.numFailedTests ?? 0 };
}

ensureChromium();
await ensurePostgres();
fs.mkdirSync('test-results', { recursive: true });

console.log('━━ type check ━━');
execFileSync('npx', ['tsc', '-p', '.'], { stdio: 'inherit' });
console.log('━━ build web app ━━');
execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });

const results = [
  run('unit', ['--project', 'unit']),
  run('api on SQLite', ['--project', 'api'], { LIANZHU_TEST_DB: 'sqlite' }),
  run('api on PostgreSQL', ['--project', 'api'], { LIANZHU_TEST_DB: 'postgres', TEST_PG_URL: PG_URL }),
  run('browser (Chromium)', ['--project', 'browser'], { CHROMIUM_PATH: CHROMIUM }),
];

console.log('\nSummary');
for (const r of results) console.log(`  ${r.ok ? '✓' : '✗'} ${r.label.padEnd(22)} ${r.passed} passed, ${r.failed} failed`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
