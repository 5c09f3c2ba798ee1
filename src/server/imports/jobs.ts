import fs from 'node:fs';
import readline from 'node:readline';
import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { ImportJob, ImportKind, ImportRowError } from '../../shared/imports.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { Engine } from '../db/database.js';
import type { DB, ImportJobTable } from '../db/schema.js';
import type { Lang } from '../errors.js';
import { ENTERPRISE_COLUMNS, MESSAGES, SUPPLY_LINK_COLUMNS, type ColumnDef } from './columns.js';
import { enterpriseImporter } from './enterprises.js';
import { Reporter, type Counts, type Importer } from './report.js';
import { openSheet, SheetReadError, type SheetRow } from './sheet.js';
import { supplyLinkImporter } from './supply-links.js';

type JobRow = Selectable<ImportJobTable>;
// Rows and records live only as long as their batch: small batches die young in the garbage collector
// instead of being promoted to the old generation, and a full batch's insert is one reused statement.
const BATCH = 200;
const PROGRESS_EVERY = 5000;
/** What GET /api/imports/:id carries; errors.xlsx has all that were kept. */
const ERRORS_IN_JSON = 200;

export const COLUMNS: Record<ImportKind, readonly ColumnDef[]> = { enterprises: ENTERPRISE_COLUMNS, supply_links: SUPPLY_LINK_COLUMNS };

export function presentJob(row: JobRow): ImportJob {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    fileName: row.file_name,
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    created: row.created_count,
    updated: row.updated_count,
    unchanged: row.unchanged_count,
    errorCount: row.error_count,
    errors: jobErrors(row).slice(0, ERRORS_IN_JSON),
    message: row.message,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

export function jobErrors(row: JobRow): ImportRowError[] {
  return JSON.parse(row.errors_json) as ImportRowError[];
}

/** A job exists for its creator and for admins only. */
export async function findVisibleJob(db: Kysely<DB>, user: CurrentUser, id: number): Promise<JobRow | undefined> {
  let q = db.selectFrom('import_jobs').selectAll().where('id', '=', id);
  if (user.role !== 'admin') q = q.where('created_by', '=', user.id);
  return q.executeTakeFirst();
}

export async function createJob(db: Kysely<DB>, input: { kind: ImportKind; fileName: string; user: CurrentUser }): Promise<JobRow> {
  return db
    .insertInto('import_jobs')
    .values({
      kind: input.kind, status: 'validating', file_name: input.fileName.slice(0, 255), total_rows: 0, processed_rows: 0, created_count: 0,
      updated_count: 0, unchanged_count: 0, error_count: 0, errors_json: '[]', created_by: input.user.id, created_at: nowIso(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface RunImportOptions {
  db: Kysely<DB>;
  engine: Engine;
  jobId: number;
  kind: ImportKind;
  /** The uploaded workbook; removed when the job ends. */
  file: string;
  fileName: string;
  lang: Lang;
  user: CurrentUser;
  log: FastifyBaseLogger;
}

const FAILED_UNREADABLE = { zh: '文件无法读取,请确认是 .xlsx 格式的 Excel 文件', en: 'The file cannot be read; make sure it is an .xlsx Excel workbook' };
const FAILED_UNEXPECTED = { zh: '导入时发生意外错误,未写入任何数据,请重试', en: 'The import failed unexpectedly; nothing was written. Please try again' };

/**
 * Pass 1 streams the workbook, checks every row and keeps the checked records in a JSON-lines file
 * beside it; pass 2 writes those records in one transaction, so a file is imported whole or not at all,
 * and the slow xlsx parsing never happens while the transaction (on SQLite, the only connection) is held.
 */
export async function runImport(o: RunImportOptions): Promise<void> {
  const { db, jobId } = o;
  const records = `${o.file}.jsonl`;
  const update = (patch: Partial<Omit<JobRow, 'id'>>) => db.updateTable('import_jobs').set(patch).where('id', '=', jobId).execute();
  const fail = (patch: Partial<Omit<JobRow, 'id'>>) => update({ status: 'failed', finished_at: nowIso(), ...patch });
  try {
    const report = new Reporter(o.lang);
    const { header, rows } = await openSheet(o.file, COLUMNS[o.kind]);
    if (header.missing.length > 0) {
      for (const c of header.missing) report.add(1, c, null, MESSAGES.missingColumn(c.header));
      await fail({ error_count: report.count, errors_json: JSON.stringify(report.errors) });
      return;
    }
    const importer = (o.kind === 'enterprises' ? await enterpriseImporter(db, header.present as never) : await supplyLinkImporter(db, header.present as never)) as Importer<{ row: number }>;
    const { total, kept } = await checkAll(rows, importer, report, records, (n) => update({ processed_rows: n }));
    if (report.count === 0 && kept === 0) {
      await fail({ message: MESSAGES.emptyFile[o.lang] });
      return;
    }
    if (report.count > 0) {
      await fail({ total_rows: total, processed_rows: total, error_count: report.count, errors_json: JSON.stringify(report.errors) });
      return;
    }

    await update({ status: 'writing', total_rows: total, processed_rows: 0 });
    await db.transaction().execute(async (trx) => {
      // Two imports writing at once on PostgreSQL would both insert the same new credit codes;
      // they take turns, and the second then finds the first's rows and counts them unchanged.
      if (o.engine === 'postgres') await sql`select pg_advisory_xact_lock(7231852)`.execute(trx);
      const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
      const now = nowIso();
      let done = 0;
      for await (const batch of readRecords(records)) {
        const c = await importer.write(trx, batch, now);
        counts.created += c.created;
        counts.updated += c.updated;
        counts.unchanged += c.unchanged;
        done += batch.length;
        // PostgreSQL reports progress on another pooled connection; SQLite has one connection, held by this transaction.
        if (o.engine === 'postgres' && done % PROGRESS_EVERY < BATCH) await update({ processed_rows: done });
      }
      await recordAudit(trx, {
        actor: o.user,
        action: o.kind === 'enterprises' ? 'enterprise.import' : 'supply_link.import',
        entity: 'import',
        entityId: jobId,
        after: { fileName: o.fileName, totalRows: total, ...counts },
      });
      // Inside the transaction: the job says succeeded exactly when the rows are there.
      await trx
        .updateTable('import_jobs')
        .set({ status: 'succeeded', processed_rows: done, created_count: counts.created, updated_count: counts.updated, unchanged_count: counts.unchanged, finished_at: nowIso() })
        .where('id', '=', jobId)
        .execute();
    });
  } catch (error) {
    o.log.error({ err: error, jobId }, 'import failed');
    await fail({ message: (error instanceof SheetReadError ? FAILED_UNREADABLE : FAILED_UNEXPECTED)[o.lang] }).catch((e) => o.log.error({ err: e, jobId }, 'import: could not mark the job failed'));
  } finally {
    await fs.promises.rm(o.file, { force: true });
    await fs.promises.rm(records, { force: true });
  }
}

async function checkAll(
  rows: AsyncGenerator<SheetRow>,
  importer: Importer<{ row: number }>,
  report: Reporter,
  recordsFile: string,
  progress: (n: number) => Promise<unknown>,
): Promise<{ total: number; kept: number }> {
  // Room for several batches, so checking does not stop to wait for the disk after every one.
  const out = fs.createWriteStream(recordsFile, { highWaterMark: 1 << 20 });
  const closed = new Promise<void>((resolve, reject) => {
    out.on('close', resolve);
    out.on('error', reject);
  });
  let total = 0;
  let kept = 0;
  let batch: SheetRow[] = [];
  const flush = async () => {
    const checked = await importer.check(batch, report);
    batch = [];
    kept += checked.length;
    // Once a row is wrong nothing will be written, so the records stop being kept; checking goes on.
    if (report.count === 0 && checked.length > 0) {
      const ok = out.write(checked.map((r) => JSON.stringify(r)).join('\n') + '\n');
      if (!ok) await new Promise((resolve) => out.once('drain', resolve));
    }
  };
  try {
    for await (const row of rows) {
      batch.push(row);
      total += 1;
      if (batch.length >= BATCH) await flush();
      if (total % PROGRESS_EVERY === 0) await progress(total);
    }
    await flush();
  } finally {
    out.end();
    await closed;
  }
  return { total, kept };
}

async function* readRecords(file: string): AsyncGenerator<{ row: number }[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let batch: { row: number }[] = [];
  for await (const line of lines) {
    if (!line) continue;
    batch.push(JSON.parse(line) as { row: number });
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
