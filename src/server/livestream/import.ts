import type { Kysely, Transaction } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import { ORDER_REASONS, type OrderReason } from '../../shared/livestream.js';
import type { ImportIssue, ImportReport } from '../../shared/livestream-board.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { reclassifyOrders } from './classify.js';
import { assertContestOpen } from './commands.js';
import { readLine, sameLine, type OrderLine } from './lines.js';
import { readOrderFile, ORDER_COLUMNS } from './order-file.js';
import { assertCanManageContests } from './policy.js';

const CHUNK = 500;
const MAX_ISSUES = 200;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function rejected(encoding: string, rows: number, errors: ImportIssue[]): ImportReport {
  return { status: 'rejected', importId: null, encoding, rows, added: 0, updated: 0, unchanged: 0, counted: 0, ignored: [], pendingRefunds: 0, errors: errors.slice(0, MAX_ISSUES) };
}

/** How the file's lines landed, read back after matching: counted, or kept with the reason they do not count. */
async function landed(trx: Transaction<DB>, contestId: number, keys: string[]) {
  const byReason = new Map<OrderReason, number>();
  let pending = 0;
  for (const part of chunks(keys)) {
    const rows = await trx
      .selectFrom('ls_orders')
      .select((eb) => ['reason', 'refund_state', eb.fn.countAll<number>().as('n')])
      .where('contest_id', '=', contestId)
      .where('line_key', 'in', part)
      .groupBy(['reason', 'refund_state'])
      .execute();
    for (const r of rows) {
      byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + Number(r.n));
      if (r.reason === 'counted' && r.refund_state === 'pending') pending += Number(r.n);
    }
  }
  return { byReason, pending };
}

/**
 * Reads an order export whole, and writes it only if every row is readable. Lines are keyed by their
 * sub-order number: a line seen before is updated only when it changed (a refund came in), so the
 * same export imported twice changes nothing.
 */
export async function importOrders(options: { db: Kysely<DB>; user: CurrentUser; contestId: number; bytes: Buffer; fileName: string }): Promise<ImportReport> {
  const { db, user, contestId, bytes, fileName } = options;
  assertCanManageContests(user);
  const file = await readOrderFile(bytes);
  if (file.missing.length) {
    const names = file.missing.map((c) => ORDER_COLUMNS[c][0]);
    return rejected(file.encoding, file.rows.length, names.map((n) => ({ row: 1, column: n, message: `缺少必需的列“${n}”` })));
  }
  const errors: ImportIssue[] = [];
  const lines: OrderLine[] = [];
  const firstRow = new Map<string, number>();
  for (const row of file.rows) {
    const { line, issues } = readLine(row, file);
    errors.push(...issues);
    if (!line) continue;
    const seen = firstRow.get(line.line_key);
    if (seen !== undefined) {
      errors.push({ row: row.row, column: file.columns.subOrderNo ?? file.columns.orderNo ?? null, message: `订单行“${line.line_key}”与第 ${seen} 行重复` });
      continue;
    }
    firstRow.set(line.line_key, row.row);
    lines.push(line);
  }
  if (errors.length) return rejected(file.encoding, file.rows.length, errors);

  return db.transaction().execute(async (trx) => {
    await assertContestOpen(trx, contestId);
    const now = nowIso();
    const imp = await trx
      .insertInto('ls_imports')
      .values({ contest_id: contestId, file_name: fileName.slice(0, 255), encoding: file.encoding, rows_total: lines.length, added: 0, updated: 0, unchanged: 0, created_by: user.id, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const touched: number[] = [];
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    for (const part of chunks(lines)) {
      const existing = await trx.selectFrom('ls_orders').selectAll().where('contest_id', '=', contestId).where('line_key', 'in', part.map((l) => l.line_key)).execute();
      const byKey = new Map(existing.map((e) => [e.line_key, e]));
      const fresh: OrderLine[] = [];
      for (const line of part) {
        const before = byKey.get(line.line_key);
        if (!before) fresh.push(line);
        else if (sameLine(before, line)) unchanged++;
        else {
          await trx.updateTable('ls_orders').set({ ...line, import_id: imp.id, updated_at: now }).where('id', '=', before.id).execute();
          touched.push(before.id);
          updated++;
        }
      }
      if (fresh.length) {
        const ids = await trx
          .insertInto('ls_orders')
          .values(fresh.map((l) => ({ ...l, contest_id: contestId, source: 'import' as const, import_id: imp.id, created_at: now, updated_at: now })))
          .returning('id')
          .execute();
        touched.push(...ids.map((r) => r.id));
        added += fresh.length;
      }
    }
    await trx.updateTable('ls_imports').set({ added, updated, unchanged }).where('id', '=', imp.id).execute();
    // Only the lines this export added or changed are matched again, and only their contestants' figures.
    if (touched.length) await reclassifyOrders(trx, contestId, { ids: touched });
    const { byReason, pending } = await landed(trx, contestId, lines.map((l) => l.line_key));
    const report: ImportReport = {
      status: 'written',
      importId: imp.id,
      encoding: file.encoding,
      rows: lines.length,
      added,
      updated,
      unchanged,
      counted: byReason.get('counted') ?? 0,
      ignored: ORDER_REASONS.filter((r) => r !== 'counted' && byReason.get(r)).map((r) => ({ reason: r, rows: byReason.get(r)! })),
      pendingRefunds: pending,
      errors: [],
    };
    await recordAudit(trx, { actor: user, action: 'livestream.orders.import', entity: 'ls_contest', entityId: contestId, after: { fileName, ...report } });
    return report;
  });
}
