import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
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

async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

type Internals = {
  _parseWorksheet?: (this: unknown, iterator: AsyncIterable<Buffer | string>, sheetNo: string) => unknown;
  _parseSharedStrings?: (this: unknown, entry: NodeJS.ReadableStream) => unknown;
};

/**
 * ExcelJS 4.4's streaming reader decodes each chunk of the zip on its own, so a Chinese character split
 * across two chunks becomes U+FFFD (seen on a 100,000-row file: 基准链/上游 read as 基准链/上��). Both XML
 * streams it reads text from are handed over already decoded, with a decoder that carries split bytes over.
 */
function decodeWholeCharacters(reader: object): void {
  const r = reader as Internals;
  const { _parseWorksheet: parseWorksheet, _parseSharedStrings: parseSharedStrings } = r;
  if (typeof parseWorksheet !== 'function' || typeof parseSharedStrings !== 'function') {
    throw new Error('exceljs internals changed: re-check the UTF-8 chunk-boundary workaround in imports/sheet.ts');
  }
  r._parseWorksheet = function (iterator, sheetNo) {
    return parseWorksheet.call(this, utf8(iterator), sheetNo);
  };
  r._parseSharedStrings = function (entry) {
    entry.setEncoding('utf8');
    return parseSharedStrings.call(this, entry);
  };
  keepStringsCompact(reader);
}

/**
 * Excel keeps a workbook's text in one shared-string table that cells point into, so the reader must
 * hold all of it for the whole read: 400,000 strings for 100,000 rows. As JavaScript strings they took
 * 44 MB of the heap (24 MB even copied out of the parser's chunks), and the garbage collector lets the
 * heap grow to a multiple of what stays alive, so the table showed in the import's peak memory several
 * times over. It is kept instead in one buffer outside the heap, as UTF-16 (Chinese takes two bytes
 * there against three in UTF-8, and reading it back is a copy rather than a decode), and each cell's
 * text is made a string again when the sheet reader asks for it.
 */
class CompactStrings {
  private bytes = Buffer.allocUnsafe(1 << 20);
  private ends = new Uint32Array(1 << 14);
  private used = 0;
  private count = 0;
  /** Rich text (runs with fonts) is rare and stays an object. */
  private readonly objects = new Map<number, unknown>();

  push(value: unknown): number {
    if (this.count === this.ends.length) this.ends = grow(this.ends, new Uint32Array(this.ends.length * 2));
    if (typeof value === 'string') {
      const needed = this.used + value.length * 2;
      if (needed > this.bytes.length) this.bytes = grow(this.bytes, Buffer.allocUnsafe(Math.max(needed, this.bytes.length * 2)));
      this.used += this.bytes.write(value, this.used, 'utf16le');
    } else {
      this.objects.set(this.count, value);
    }
    this.ends[this.count] = this.used;
    return ++this.count;
  }

  at(index: number): unknown {
    if (!(index >= 0 && index < this.count)) return undefined;
    if (this.objects.size > 0 && this.objects.has(index)) return this.objects.get(index);
    return this.bytes.toString('utf16le', index === 0 ? 0 : this.ends[index - 1], this.ends[index]);
  }
}

function grow<T extends Uint8Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** ExcelJS fills `sharedStrings` with push() and reads it by index; both go to a CompactStrings. */
function keepStringsCompact(reader: object): void {
  let table: unknown;
  Object.defineProperty(reader, 'sharedStrings', {
    configurable: true,
    get: () => table,
    set(value: unknown) {
      if (!Array.isArray(value)) {
        table = value;
        return;
      }
      const store = new CompactStrings();
      table = new Proxy(store, {
        get: (target, key) => {
          if (key === 'push') return (...items: unknown[]) => items.reduce<number>((_, v) => target.push(v), 0);
          return typeof key === 'string' ? target.at(Number(key)) : undefined;
        },
      });
    },
  });
}

async function* readSheet<K extends string>(file: string, columns: readonly ColumnDef<K>[]): AsyncGenerator<SheetHeader<K> | SheetRow<K>> {
  const input = fs.createReadStream(file);
  // styles are needed to tell a date cell from a number; hyperlinks and the rest are not.
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  decodeWholeCharacters(workbook);
  try {
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
  } finally {
    input.destroy();
  }
}

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  // An out-of-range date cell has no ISO form; its text fails the date check and is reported on its row.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'Invalid Date' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  return String(cell);
}
