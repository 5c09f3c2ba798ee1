import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../../tests/support/client.js';
import { createTestDatabase, testEngine, type TestDatabase } from '../../../tests/support/database.js';
import { buildEvent, buildLead, buildProject, buildUscc, daysAgo } from '../../../tests/support/factories.js';
import { startServerProcess, type ServerProcess } from '../../../tests/support/process.js';
import { upload } from '../../../tests/support/upload.js';
import { STAGES } from '../../shared/stages.js';
import { openDatabase, type Database } from './database.js';

// kill -9 in the middle of work, restart, and check that the database is sound, that each write is
// wholly there or wholly absent, and that the audit log agrees with the data.
const PASSWORD = 'Crash-test-2023';
let target: TestDatabase;
let server: ServerProcess | null = null;
let direct: Database;

beforeAll(async () => {
  target = await createTestDatabase();
  server = await startServerProcess({ dataDir: target.dataDir, databaseUrl: target.databaseUrl, password: PASSWORD });
  direct = openDatabase({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await direct?.close();
  await target?.drop();
});

async function signIn(): Promise<ApiClient> {
  const admin = new ApiClient(server!.url);
  expect((await admin.login('admin', PASSWORD)).status).toBe(200);
  return admin;
}

async function restart(): Promise<void> {
  await server!.crash();
  server = await startServerProcess({ dataDir: target.dataDir, databaseUrl: target.databaseUrl, password: PASSWORD });
}

async function assertSound(): Promise<void> {
  if (testEngine() === 'sqlite') {
    // A connection opened after the restart: one held across the crash keeps FTS5's cached index structure.
    const fresh = openDatabase({ dataDir: target.dataDir, databaseUrl: null });
    try {
      const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(fresh.db);
      expect(rows.map((r) => r.integrity_check)).toEqual(['ok']);
    } finally {
      await fresh.close();
    }
  }
}

// Enough signings that the kill lands while some are still queued.
const SIGNINGS = 150;
const count = async (q: Promise<{ n: number | string }>) => Number((await q).n);

describe(`killed with SIGKILL mid-work (${testEngine()})`, () => {
  it('a batch of transitions and new projects: after restart every project’s stage, transitions and audit rows agree', async () => {
    const db = direct.db;
    const admin = await signIn();
    const before = await count(db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'project.create').executeTakeFirstOrThrow());
    const projectsBefore = await count(db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
    const today = new Date().toISOString().slice(0, 10);
    const open = await db.selectFrom('projects').select(['id', 'stage']).where('stage', 'in', ['signed', 'landed', 'started']).execute();
    const advance = async (id: number, stage: string) => {
      for (let i = STAGES.indexOf(stage as never) + 1; i < STAGES.length; i++) {
        const res = await admin.post(`/api/projects/${id}/transitions`, { to: STAGES[i], date: today });
        if (res.status !== 200) return;
      }
    };
    const work = Promise.allSettled([...open.map((p) => advance(p.id, p.stage)), ...Array.from({ length: 60 }, () => admin.post('/api/projects', buildProject()))]);
    await new Promise((r) => setTimeout(r, 250));
    await restart();
    await work;

    await assertSound();
    const created = await count(db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'project.create').executeTakeFirstOrThrow());
    const projectsAfter = await count(db.selectFrom('projects').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
    expect(projectsAfter - projectsBefore).toBe(created - before);
    const moves = await db.selectFrom('project_transitions').select(['project_id', 'to_stage', 'kind']).where('kind', '!=', 'create').orderBy('id').execute();
    const audited = await db.selectFrom('audit_log').select(['entity_id', 'action']).where('action', 'in', ['project.advance', 'project.terminate', 'project.rollback']).execute();
    for (const p of await db.selectFrom('projects').select(['id', 'stage']).execute()) {
      const mine = moves.filter((m) => m.project_id === p.id);
      expect(audited.filter((a) => a.entity_id === String(p.id)).length, `project ${p.id}`).toBe(mine.length);
      if (mine.length > 0) expect(p.stage, `project ${p.id}`).toBe(mine[mine.length - 1].to_stage);
    }
    // The restarted server serves and writes.
    expect((await (await signIn()).post('/api/projects', buildProject())).status).toBe(201);
  }, 120_000);

  it('an import of 20,000 enterprises: after restart the enterprises are all there or none, and the job says so', async () => {
    const db = direct.db;
    const admin = await signIn();
    const enterprisesBefore = await count(db.selectFrom('enterprises').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('数据');
    sheet.addRow(['企业名称*', '统一社会信用代码*', '是否本地*', '所属县市(园区)', '省份', '城市', '企业规模', '联系人', '联系电话', '所属环节', '简介']);
    for (let i = 0; i < 20_000; i++) sheet.addRow([`崩溃测试企业${i}`, buildUscc(900_000 + i), '否', '', '江苏省', '苏州市', '中型', '', '', '', '']);
    const res = await upload(admin, '/api/imports/enterprises', { name: 'crash.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) });
    expect(res.status).toBe(202);
    await new Promise((r) => setTimeout(r, 400 + Math.random() * 1200));
    await restart();

    await assertSound();
    const added = (await count(db.selectFrom('enterprises').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow())) - enterprisesBefore;
    expect([0, 20_000]).toContain(added);
    const job = await db.selectFrom('import_jobs').selectAll().where('id', '=', res.body.id).executeTakeFirstOrThrow();
    if (added === 20_000) expect(job.status).toBe('succeeded');
    // SQLite has one process: a job it left unfinished is closed at start. PostgreSQL may share the job
    // table with a live instance, so it closes only jobs older than two hours.
    else expect(testEngine() === 'sqlite' ? ['failed'] : ['failed', 'validating', 'writing']).toContain(job.status);
    const audited = await count(db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('entity', '=', 'import').where('entity_id', '=', String(res.body.id)).executeTakeFirstOrThrow());
    expect(audited > 0).toBe(added === 20_000);
    console.log(`import killed → ${added} enterprises, job ${job.status}`);
  }, 180_000);
  it('signings: leads signed into projects and projects added to a ceremony — after restart each is whole or absent, and audited once', async () => {
    const db = direct.db;
    const admin = await signIn();
    const event = await admin.post('/api/events', buildEvent({ name: '崩溃测试签约仪式' }));
    expect(event.status).toBe(201);
    const leads = await Promise.all(Array.from({ length: SIGNINGS }, async () => (await admin.post('/api/leads', buildLead())).body as { id: number; version: number }));
    const projects = await Promise.all(Array.from({ length: SIGNINGS }, async () => (await admin.post('/api/projects', buildProject())).body as { id: number }));
    // Interleaved, so the kill finds both kinds in flight.
    const work = Promise.allSettled(
      leads.flatMap((lead, i) => [
        admin.post(`/api/leads/${lead.id}/sign`, { version: lead.version, signedOn: daysAgo(0), project: { name: `崩溃测试签约项目${lead.id}`, investmentYuan: 80_000_000 } }),
        admin.post(`/api/events/${event.body.id}/signings`, { projectId: projects[i].id }),
      ]),
    );
    // Killed once the first signings are in, so it lands in the middle on either database.
    const ids = leads.map((l) => l.id);
    const signedSoFar = () => count(db.selectFrom('leads').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', ids).where('status', '=', 'signed').executeTakeFirstOrThrow());
    for (let waited = 0; (await signedSoFar()) < 5 && waited < 20_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, Math.random() * 40));
    await restart();
    await work;

    await assertSound();
    const rows = await db.selectFrom('leads').select(['id', 'status', 'project_id']).where('id', 'in', ids).execute();
    const made = await db.selectFrom('projects').select(['id', 'lead_id']).where('lead_id', 'in', ids).execute();
    const signAudits = await db.selectFrom('audit_log').select('entity_id').where('action', '=', 'lead.sign').where('entity_id', 'in', ids.map(String)).execute();
    for (const lead of rows) {
      const mine = made.filter((p) => p.lead_id === lead.id);
      const audited = signAudits.filter((a) => a.entity_id === String(lead.id)).length;
      if (lead.status === 'signed') expect([mine.length, mine[0]?.id, audited], `lead ${lead.id}`).toEqual([1, lead.project_id, 1]);
      else expect([mine.length, lead.project_id, audited], `lead ${lead.id}`).toEqual([0, null, 0]);
    }
    const signings = await db.selectFrom('event_signings').select(['id', 'seq']).where('event_id', '=', event.body.id).execute();
    const added = await db.selectFrom('audit_log').select('id').where('action', '=', 'event.signing.add').where('entity_id', '=', String(event.body.id)).execute();
    expect(added.length).toBe(signings.length);
    expect(new Set(signings.map((x) => x.seq)).size).toBe(signings.length);
    console.log(`signings killed → ${rows.filter((l) => l.status === 'signed').length} of ${SIGNINGS} leads signed, ${signings.length} of ${SIGNINGS} ceremony signings`);
    // The restarted server signs.
    const after = await signIn();
    const fresh = (await after.post('/api/leads', buildLead())).body as { id: number; version: number };
    expect((await after.post(`/api/leads/${fresh.id}/sign`, { version: fresh.version, signedOn: daysAgo(0), project: { name: '重启后签约', investmentYuan: 1_000_000 } })).status).toBe(201);
  }, 120_000);
});
