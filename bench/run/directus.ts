// The generic-platform reference of issue 4: Directus from the npm registry serving a copy of the
// SQLite file Lianzhu runs on, queried through its REST API. The bench installs it into its own
// folder (bench/.directus, gitignored) and never into Lianzhu's dependencies.
//
// Version: Directus 11.4.0 and later declare engines.node >= 22, and Lianzhu runs on Node 20; 11.3.5
// is the newest 11.x the registry has whose engines accept Node 20 (>= 18), so that is the one pinned.
// sqlite3 is the driver Directus uses for SQLite (an optional dependency of @directus/api, so it is
// named here); without internet access to its prebuilt binaries it builds from source with node-gyp.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SQLite from 'better-sqlite3';

export const DIRECTUS_VERSION = '11.3.5';
const SQLITE3_VERSION = '5.1.7'; // the version @directus/api 23.3.2 (Directus 11.3.5) lists
const FOLDER = fileURLToPath(new URL('../.directus/', import.meta.url));
const API_CLI = path.join(FOLDER, 'node_modules/@directus/api/dist/cli/run.js');
const TEMPLATE = path.join(FOLDER, `system-tables-${DIRECTUS_VERSION}.sqlite`);
const ADMIN_EMAIL = 'bench-admin@example.com';
/** The tables the reference queries read, registered as Directus collections. */
const COLLECTIONS = ['regions', 'enterprises', 'projects', 'chains', 'chain_nodes'];

const MANIFEST = {
  name: 'lianzhu-bench-directus',
  private: true,
  description: "Directus for Lianzhu's benchmark reference; installed by bench/run/directus.ts",
  dependencies: { directus: DIRECTUS_VERSION, sqlite3: SQLITE3_VERSION },
  // npm 11 asks which install scripts may run. Directus needs its native modules built (sqlite3 from
  // source here; isolated-vm is imported at start-up by the extension manager); the rest are not used.
  allowScripts: { sqlite3: true, argon2: true, 'isolated-vm': true, sharp: true, oracledb: false, esbuild: false, 'vue-demi': false },
};

export interface Directus {
  url: string;
  headers: Record<string, string>;
  close(): Promise<void>;
}

function tail(file: string, lines = 15): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

function installed(): boolean {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(FOLDER, 'node_modules/directus/package.json'), 'utf8')) as { version: string };
    return pkg.version === DIRECTUS_VERSION && fs.existsSync(path.join(FOLDER, 'node_modules/sqlite3/build/Release/node_sqlite3.node')) && fs.existsSync(API_CLI);
  } catch {
    return false;
  }
}

/** A child environment without the npm_* variables `npm run` sets: npm_config_local_prefix would make
 * the inner npm install into Lianzhu itself, and Directus reads every variable as configuration. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('npm_') && !k.startsWith('DB_')) env[k] = v;
  return { ...env, ...extra };
}

/** Runs a command to its end; resolves with its exit code, or the signal that ended it. */
function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; log: string; timeoutMs: number }): Promise<number | string> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(options.log, 'a');
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', out, out] });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', (e) => (clearTimeout(timer), fs.closeSync(out), reject(e)));
    child.once('exit', (code, signal) => (clearTimeout(timer), fs.closeSync(out), resolve(code ?? signal ?? 'an unknown signal')));
  });
}

/** Installs the pinned Directus into bench/.directus unless it is there already (a one-off of several minutes). */
async function ensureInstalled(say: (line: string) => void): Promise<void> {
  if (installed()) return;
  fs.mkdirSync(FOLDER, { recursive: true });
  fs.writeFileSync(path.join(FOLDER, 'package.json'), JSON.stringify(MANIFEST, null, 2) + '\n');
  const log = path.join(FOLDER, 'install.log');
  fs.writeFileSync(log, '');
  say(`installing Directus ${DIRECTUS_VERSION} and sqlite3 ${SQLITE3_VERSION} into bench/.directus (once; several minutes, sqlite3 and isolated-vm compile) …`);
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli && npmCli.endsWith('.js') ? [process.execPath, [npmCli]] : ['npm', []];
  const code = await run(command, [...args, 'install', '--no-audit', '--no-fund', '--foreground-scripts'], { cwd: FOLDER, env: cleanEnv(), log, timeoutMs: 30 * 60_000 });
  if (code !== 0) throw new Error(`npm install in bench/.directus exited with ${code}; the end of bench/.directus/install.log:\n${tail(log)}`);
  if (!installed()) throw new Error(`npm install finished but Directus ${DIRECTUS_VERSION} or the sqlite3 binding is missing; see bench/.directus/install.log`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

async function api(url: string, token: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, signal: AbortSignal.timeout(60_000) });
}

/** Directus's settings for a database file; a fresh static token each run is set in the copy. */
function directusEnv(file: string, dir: string, port: number): NodeJS.ProcessEnv {
  return cleanEnv({
    NODE_ENV: 'production',
    KEY: randomBytes(16).toString('hex'),
    SECRET: randomBytes(32).toString('hex'),
    DB_CLIENT: 'sqlite3',
    DB_FILENAME: file,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ADMIN_EMAIL: ADMIN_EMAIL,
    ADMIN_PASSWORD: randomBytes(12).toString('hex'),
    // Directus's response cache stays off (its default), as Lianzhu has none: each request runs its queries.
    CACHE_ENABLED: 'false',
    TELEMETRY: 'false',
    LOG_LEVEL: 'warn',
    LOG_STYLE: 'raw',
    STORAGE_LOCATIONS: 'local',
    STORAGE_LOCAL_ROOT: path.join(dir, 'uploads'),
    EXTENSIONS_PATH: path.join(dir, 'extensions'),
  });
}

/**
 * Directus's system tables (directus_*: migrations applied, an admin role, policy and user), made
 * once by `directus bootstrap` on an empty database. Bootstrapping the data's copy itself takes
 * minutes at prefecture scale: knex alters SQLite tables by rebuilding them, and checks every foreign
 * key of the whole database (PRAGMA foreign_key_check) after each of Directus's migrations.
 */
async function systemTemplate(dir: string): Promise<string> {
  if (fs.existsSync(TEMPLATE)) return TEMPLATE;
  const file = path.join(dir, 'template.sqlite');
  new SQLite(file).close();
  const log = path.join(dir, 'bootstrap.log');
  // The API's own CLI rather than the `directus` wrapper, which first asks the registry for updates.
  const code = await run(process.execPath, [API_CLI, 'bootstrap'], { cwd: FOLDER, env: directusEnv(file, dir, 0), log, timeoutMs: 10 * 60_000 });
  if (code !== 0) throw new Error(`directus bootstrap exited with ${code}:\n${tail(log)}`);
  const db = new SQLite(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  db.close();
  fs.copyFileSync(file, TEMPLATE);
  return TEMPLATE;
}

/** Copies the template's directus_* tables, their indexes and rows into `file`, with `token` as the admin's static token. */
function graftSystemTables(file: string, template: string, token: string): void {
  const db = new SQLite(file);
  try {
    db.pragma('foreign_keys = off');
    db.prepare('attach database ? as tpl').run(template);
    const objects = db
      .prepare(`select type, name, sql from tpl.sqlite_master where tbl_name like 'directus\\_%' escape '\\' and sql is not null order by case type when 'table' then 0 else 1 end, rowid`)
      .all() as { type: string; name: string; sql: string }[];
    db.transaction(() => {
      for (const o of objects) db.exec(o.sql);
      for (const o of objects.filter((x) => x.type === 'table')) db.exec(`insert into main."${o.name}" select * from tpl."${o.name}"`);
      db.exec(`insert into main.sqlite_sequence select * from tpl.sqlite_sequence where name like 'directus\\_%' escape '\\'`);
      if (db.prepare('update directus_users set token = ? where email = ?').run(token, ADMIN_EMAIL).changes !== 1) throw new Error('the template has no admin user');
    })();
    db.exec('detach database tpl');
  } finally {
    db.close();
  }
}

/**
 * Installs Directus if needed, copies `sqliteFile` (consistently, through SQLite's backup, since the
 * Lianzhu server may hold it open in WAL mode), adds Directus's system tables to the copy with an
 * admin whose static token the measurements use, starts it and registers the tables as collections.
 * Throws with the reason when any step fails; the process it started is then gone.
 */
export async function startDirectus(sqliteFile: string, say: (line: string) => void): Promise<Directus> {
  await ensureInstalled(say);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianzhu-bench-directus-'));
  const log = path.join(dir, 'directus.log');
  let child: ChildProcess | null = null;
  const killNow = () => void child?.kill('SIGKILL');
  const stop = async () => {
    process.off('exit', killNow);
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const t = performance.now();
    const file = path.join(dir, 'data.sqlite');
    let source: SQLite.Database;
    try {
      source = new SQLite(sqliteFile, { readonly: true, fileMustExist: true });
    } catch (e) {
      throw new Error(`cannot open ${sqliteFile} to copy it: ${(e as Error).message}`);
    }
    try {
      await source.backup(file).catch((e: Error) => Promise.reject(new Error(`copying ${sqliteFile} failed: ${e.message}`)));
    } finally {
      source.close();
    }
    for (const sub of ['uploads', 'extensions']) fs.mkdirSync(path.join(dir, sub));
    const token = randomBytes(24).toString('hex');
    graftSystemTables(file, await systemTemplate(dir), token);
    const port = await freePort();
    const env = directusEnv(file, dir, port);
    const out = fs.openSync(log, 'a');
    child = spawn(process.execPath, [API_CLI, 'start'], { cwd: FOLDER, env, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    process.on('exit', killNow); // a fail() or crash elsewhere still takes Directus down
    const url = `http://127.0.0.1:${port}`;
    for (const start = Date.now(); ; ) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`directus start exited with ${child.exitCode ?? child.signalCode}:\n${tail(log)}`);
      if (Date.now() - start > 180_000) throw new Error(`directus did not answer ${url}/server/ping within 180 s:\n${tail(log)}`);
      const ok = await fetch(`${url}/server/ping`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    // Tables Directus finds in the database are served as they are; registering them (what "configure
    // collection" does in its app) is what a team would have done.
    for (const collection of COLLECTIONS) {
      const res = await api(`${url}/collections/${collection}`, token, { method: 'PATCH', body: JSON.stringify({ meta: { note: 'Lianzhu benchmark' } }) });
      if (!res.ok) throw new Error(`registering the ${collection} collection failed: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
      const { data } = (await res.json()) as { data?: { schema?: unknown } };
      if (!data?.schema) throw new Error(`Directus finds no ${collection} table in the copy of ${sqliteFile}`);
    }
    say(`Directus ${DIRECTUS_VERSION} ready at ${url} on a copy of ${sqliteFile} (copy, system tables and start ${((performance.now() - t) / 1000).toFixed(1)} s, not measured)`);
    return { url, headers: { authorization: `Bearer ${token}` }, close: stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
