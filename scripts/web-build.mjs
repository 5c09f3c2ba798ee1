// The one staleness rule for dist/web, shared by `npm start` and `npm run bench:web` so the bench
// measures exactly what `npm start` serves.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

/** Builds the web app when it is missing or older than its sources (or when `force`); exits on failure. */
export function buildWebIfStale(force = false) {
  const built = 'dist/web/index.html';
  const sources = Math.max(newest('src/web'), newest('src/shared'), fs.statSync('vite.config.ts').mtimeMs);
  if (!force && fs.existsSync(built) && fs.statSync(built).mtimeMs >= sources) return;
  console.log('Building the web app…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
