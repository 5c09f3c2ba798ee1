import type ExcelJS from 'exceljs';
import { openWorkbookReader } from './workbook-reader.js';
import { headerMatches, type ColumnDef } from './columns.js';

export type Cell = string | number | boolean | Date | null;

export interface SheetRow<K extends string = string> {
  row: number;
  cells: Partial<Record<K, Cell>>;
}

export interface SheetHeader<K extends string = string> {
  present: Set<K>;
  missing: ColumnDef<K>[];
}

/** The workbook itself could not be read (not a zip, damaged XML): the user's file, not our fault. */
export class SheetReadError extends Error {
  constructor(cause: unknown) {
    super(`cannot read workbook: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** Formulas, rich text and hyperlinks reduced to what the user sees in the cell. */
function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('result' in value) return plainCell((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return plainCell(value.text as ExcelJS.CellValue);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * Reads the first worksheet row by row without building the workbook in memory; the header (row 1)
 * comes first, then every non-blank data row with its cells keyed by column.
 */
export async function openSheet<K extends string>(
  file: string,
  columns: readonly ColumnDef<K>[],
): Promise<{ header: SheetHeader<K>; rows: AsyncGenerator<SheetRow<K>> }> {
  const gen = guarded(readSheet(file, columns));
  const first = await gen.next();
  if (first.done || !('present' in first.value)) {
    await gen.return(undefined);
    return { header: { present: new Set(), missing: columns.filter((c) => c.required) }, rows: (async function* () {})() };
  }
  const header = first.value;
  const rows = gen as AsyncGenerator<SheetRow<K>>;
  return { header, rows };
}

async function* guarded<T>(gen: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* gen;
  } catch (error) {
    throw error instanceof SheetReadError ? error : new SheetReadError(error);
  }
}

async function* readSheet<K extends string>(file: string, columns: readonly ColumnDef<K>[]): AsyncGenerator<SheetHeader<K> | SheetRow<K>> {
  const workbook = openWorkbookReader(file);
  {
    for await (const sheet of workbook) {
      let byIndex: (K | undefined)[] | null = null;
      for await (const row of sheet) {
        const values = (row.values ?? []) as ExcelJS.CellValue[];
        if (!byIndex) {
          // Whatever row is first holds the headers; a sheet starting with blank rows has none we can trust.
          const texts = values.map((v) => String(plainCell(v) ?? ''));
          byIndex = texts.map((t) => columns.find((c) => headerMatches(c, t))?.key);
          const present = new Set(byIndex.filter((k): k is K => k !== undefined));
          yield { present, missing: row.number === 1 ? columns.filter((c) => c.required && !present.has(c.key)) : columns.filter((c) => c.required) };
          continue;
        }
        const cells: Partial<Record<K, Cell>> = {};
        let blank = true;
        byIndex.forEach((key, i) => {
          if (!key) return;
          const cell = plainCell(values[i]);
          cells[key] = cell;
          if (!isBlank(cell)) blank = false;
        });
        if (!blank) yield { row: row.number, cells };
      }
      // Only the first sheet is data; the 说明 sheet and any others are not read.
      return;
    }
  }
}

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  // An out-of-range date cell has no ISO form; its text fails the date check and is reported on its row.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'Invalid Date' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return String(cell);
}
