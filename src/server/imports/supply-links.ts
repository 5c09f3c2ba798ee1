import type { Kysely, Transaction } from 'kysely';
import { createSupplyLinkSchema } from '../../shared/enterprises.js';
import { isValidUscc } from '../../shared/uscc.js';
import type { DB, SupplyLinkTable } from '../db/schema.js';
import { MESSAGES, SUPPLY_LINK_COLUMNS, type SupplyLinkColumn } from './columns.js';
import { chunks, type Counts, type Importer, type Reporter } from './report.js';
import { cellText, type Cell, type SheetRow } from './sheet.js';

/** A checked row with both ends resolved. Undefined means the file has no such column. */
export interface SupplyLinkRecord {
  row: number;
  supplierId: number;
  customerId: number;
  product: string;
  volume?: number | null;
  unit?: string;
  source?: string;
  date?: string | null;
}

const col = Object.fromEntries(SUPPLY_LINK_COLUMNS.map((c) => [c.key, c])) as Record<SupplyLinkColumn, (typeof SUPPLY_LINK_COLUMNS)[number]>;
const FIELD_COLUMN: Record<string, SupplyLinkColumn> = { product: 'product', volume: 'volume', unit: 'unit', source: 'source', date: 'date' };
const EXAMPLE = { supplier: String(col.supplier.example), product: String(col.product.example) };
// Excel counts days from 1899-12-30 (its 1900 leap-year bug included), 25569 days before 1970-01-01.
const EXCEL_EPOCH_DAYS = 25569;

function volumeOf(cell: Cell | undefined): number | null | 'bad' {
  if (typeof cell === 'number') return cell;
  const text = cellText(cell).trim().replace(/[,,]/g, '');
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : 'bad';
}

/** A date cell, a date serial typed into a number cell, or the text YYYY-MM-DD. */
function dateOf(cell: Cell | undefined): string | null {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number' && cell > 0 && cell < 2_958_466) {
    return new Date(Math.round((cell - EXCEL_EPOCH_DAYS) * 86_400_000)).toISOString().slice(0, 10);
  }
  const text = cellText(cell).trim();
  return text === '' ? null : text;
}

export async function supplyLinkImporter(db: Kysely<DB>, present: Set<SupplyLinkColumn>): Promise<Importer<SupplyLinkRecord>> {
  // Credit code → enterprise id (null: not in the database), filled a batch at a time.
  const idOf = new Map<string, number | null>();
  const firstRowOf = new Map<string, number>();

  async function resolve(codes: string[]): Promise<void> {
    const unknown = [...new Set(codes)].filter((code) => !idOf.has(code));
    for (const part of chunks(unknown, 1000)) {
      const rows = await db.selectFrom('enterprises').select(['id', 'uscc']).where('uscc', 'in', part).execute();
      for (const code of part) idOf.set(code, null);
      for (const r of rows) idOf.set(r.uscc, r.id);
    }
  }

  function endpoint(row: SheetRow<SupplyLinkColumn>, key: 'supplier' | 'customer', report: Reporter): number | null {
    const cell = row.cells[key];
    const code = cellText(cell).trim().toUpperCase();
    if (code === '') report.add(row.row, col[key], cell, { zh: `请填写${col[key].header}`, en: `${col[key].en} is required` });
    else if (!isValidUscc(code)) report.add(row.row, col[key], cell, { zh: `${col[key].header}无效:应为18位,且校验位须符合 GB 32100-2015`, en: `${col[key].en} is invalid: it must have 18 characters and a correct GB 32100-2015 check digit` });
    else if (idOf.get(code) == null) report.add(row.row, col[key], cell, { zh: '企业库中没有该信用代码的企业,请先导入企业', en: 'No enterprise with this credit code; import the enterprise first' });
    else return idOf.get(code)!;
    return null;
  }

  function checkRow(row: SheetRow<SupplyLinkColumn>, report: Reporter): SupplyLinkRecord | null {
    const c = row.cells;
    const before = report.count;
    if (cellText(c.supplier).trim().toUpperCase() === EXAMPLE.supplier && cellText(c.product).trim() === EXAMPLE.product) return null;
    const supplierId = endpoint(row, 'supplier', report);
    const customerId = endpoint(row, 'customer', report);
    if (supplierId !== null && supplierId === customerId) {
      report.add(row.row, col.customer, c.customer, { zh: '采购方不能与供应方相同', en: 'The customer cannot be the supplier' });
    }
    const volume = present.has('volume') ? volumeOf(c.volume) : undefined;
    if (volume === 'bad') report.add(row.row, col.volume, c.volume, { zh: '数量应为数字', en: 'Volume must be a number' });
    const text = (k: SupplyLinkColumn) => (present.has(k) ? cellText(c[k]) : undefined);
    const input: Record<string, unknown> = {
      supplierId: supplierId ?? 1,
      customerId: customerId ?? 1,
      product: cellText(c.product).trim() || undefined,
      volume: volume === 'bad' ? undefined : volume,
      unit: text('unit'),
      source: text('source'),
      date: present.has('date') ? dateOf(c.date) : undefined,
    };
    const parsed = createSupplyLinkSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) report.addIssue(row, issue, (f) => col[FIELD_COLUMN[f]], input);
    }
    if (supplierId !== null && customerId !== null && parsed.success) {
      const key = `${supplierId}\u0000${customerId}\u0000${parsed.data.product}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) report.add(row.row, col.product, c.product, MESSAGES.duplicateInFile(first));
      else firstRowOf.set(key, row.row);
    }
    if (!parsed.success || report.count > before || supplierId === null || customerId === null) return null;
    const d = parsed.data;
    return { row: row.row, supplierId, customerId, product: d.product, volume: d.volume, unit: d.unit, source: d.source, date: d.date };
  }

  return {
    async check(rows, report) {
      const codes = rows.flatMap((r) => [cellText(r.cells.supplier as Cell), cellText(r.cells.customer as Cell)].map((s) => s.trim().toUpperCase())).filter(isValidUscc);
      await resolve(codes);
      return rows.map((r) => checkRow(r as SheetRow<SupplyLinkColumn>, report)).filter((r): r is SupplyLinkRecord => r !== null);
    },
    write: writeSupplyLinks,
  };
}

function storedFields(r: SupplyLinkRecord) {
  const fields: Partial<Pick<SupplyLinkTable, 'volume' | 'unit' | 'source' | 'date'>> = {};
  if (r.volume !== undefined) fields.volume = r.volume;
  if (r.unit !== undefined) fields.unit = r.unit;
  if (r.source !== undefined) fields.source = r.source;
  if (r.date !== undefined) fields.date = r.date;
  return fields;
}

async function writeSupplyLinks(trx: Transaction<DB>, records: SupplyLinkRecord[], now: string): Promise<Counts> {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const key = (s: number, c: number, p: string) => `${s}\u0000${c}\u0000${p}`;
  const existing = new Map<string, { id: number; volume: number | null; unit: string; source: string; date: string | null }>();
  // By supplier, then matched in memory: one OR per row would outgrow SQLite's expression depth.
  const wanted = new Set(records.map((r) => key(r.supplierId, r.customerId, r.product)));
  for (const part of chunks([...new Set(records.map((r) => r.supplierId))], 1000)) {
    const rows = await trx
      .selectFrom('supply_links')
      .select(['id', 'supplier_id', 'customer_id', 'product', 'volume', 'unit', 'source', 'date'])
      .where('supplier_id', 'in', part)
      .execute();
    for (const r of rows) {
      const k = key(r.supplier_id, r.customer_id, r.product);
      if (wanted.has(k)) existing.set(k, r);
    }
  }
  const inserts: SupplyLinkRecord[] = [];
  for (const r of records) {
    const old = existing.get(key(r.supplierId, r.customerId, r.product));
    if (!old) {
      inserts.push(r);
      continue;
    }
    const changed = Object.fromEntries(Object.entries(storedFields(r)).filter(([k, v]) => old[k as keyof typeof old] !== v));
    if (Object.keys(changed).length === 0) {
      counts.unchanged += 1;
      continue;
    }
    await trx.updateTable('supply_links').set(changed).where('id', '=', old.id).execute();
    counts.updated += 1;
  }
  for (const part of chunks(inserts, 1000)) {
    await trx
      .insertInto('supply_links')
      .values(part.map((r) => ({ volume: null, unit: '', source: '', date: null, ...storedFields(r), supplier_id: r.supplierId, customer_id: r.customerId, product: r.product, created_at: now })))
      .execute();
    counts.created += part.length;
  }
  return counts;
}
