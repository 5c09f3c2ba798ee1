import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../../../tests/support/factories.js';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../tests/support/database.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import { upload } from '../../../tests/support/upload.js';
import { openDatabase, type Database } from '../db/database.js';
import { createBackup, MANIFEST_FILE } from './backup.js';
import { restoreBackup } from './restore.js';
import { fingerprint } from './tables.js';

let server: TestServer;
let source: Database;
let target: TestDatabase;
let out: string;
let atBackup: Record<string, string>;
let attachmentKey: string;
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 0x41), Buffer.from('\n%%EOF\n')]);

const openTarget = () => openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir });
async function fingerprintOf(database: Database) {
  try {
    return await fingerprint(database.db, database.engine);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  server = await startTestServer({ demoProjects: true, demoApprovals: true, demoServiceRequests: true });
  source = { db: server.db, engine: testEngine(), close: async () => {} };
  const qiye = await server.as('qiye');
  const mine = (await qiye.get('/api/service-requests')).body.items[0];
  expect((await upload(qiye, `/api/service-requests/${mine.id}/attachments`, { name: '用地红线图.pdf', data: PDF, type: 'application/pdf' })).status).toBe(201);
  attachmentKey = (await server.db.selectFrom('attachments').select('storage_key').executeTakeFirstOrThrow()).storage_key;
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'lianzhu-backup-'));
  target = await createTestDatabase();
});
afterAll(async () => {
  await server?.close();
  await target?.drop();
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

describe(`backup and restore on ${testEngine()}`, () => {
  it('backs up the running database: the manifest counts every table and the attachment', async () => {
    atBackup = await fingerprint(server.db, source.engine);
    const manifest = await createBackup({ database: source, dataDir: server.config.dataDir, databaseUrl: server.config.databaseUrl, out });
    expect(manifest.engine).toBe(testEngine());
    expect(manifest.attachments).toBe(1);
    expect(manifest.rows.projects).toBeGreaterThanOrEqual(16);
    expect(manifest.rows.service_requests).toBeGreaterThan(0);
    expect(manifest.migration).toMatch(/^\d{4}_/);
    // A write after the backup must not be in what is restored.
    const admin = await server.as('admin');
    expect((await admin.post('/api/projects', buildProject())).status).toBe(201);
  });

  it('restores into a fresh database every row exactly as it was at the backup, and the attachment byte for byte', async () => {
    await restoreBackup({ from: out, dataDir: target.dataDir, databaseUrl: target.databaseUrl });
    const restored = await fingerprintOf(openTarget());
    expect(restored).toEqual(atBackup);
    expect(await fingerprint(server.db, source.engine)).not.toEqual(atBackup);
    expect(fs.readFileSync(path.join(target.dataDir, 'attachments', attachmentKey))).toEqual(PDF);
  });

  it('refuses to restore over a database that holds data unless forced, and changes nothing', async () => {
    const before = await fingerprintOf(openTarget());
    await expect(restoreBackup({ from: out, dataDir: target.dataDir, databaseUrl: target.databaseUrl })).rejects.toThrow(/--force/);
    expect(await fingerprintOf(openTarget())).toEqual(before);
    await restoreBackup({ from: out, dataDir: target.dataDir, databaseUrl: target.databaseUrl, force: true });
    expect(await fingerprintOf(openTarget())).toEqual(atBackup);
  });

  it('refuses a backup whose data does not match its manifest, leaving the database as it was', async () => {
    const manifestFile = path.join(out, MANIFEST_FILE);
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
    manifest.rows.projects += 1;
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    await expect(restoreBackup({ from: out, dataDir: target.dataDir, databaseUrl: target.databaseUrl, force: true })).rejects.toThrow(/projects: \d+ expected/);
    expect(await fingerprintOf(openTarget())).toEqual(atBackup);
    manifest.rows.projects -= 1;
    manifest.engine = testEngine() === 'sqlite' ? 'postgres' : 'sqlite';
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    await expect(restoreBackup({ from: out, dataDir: target.dataDir, databaseUrl: target.databaseUrl, force: true })).rejects.toThrow(/cannot be restored into/);
  });
});
