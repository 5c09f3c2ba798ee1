import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';

/*
 * ExcelJS's streaming reader, with three of its habits worked around. Each patch replaces an internal
 * method, so each checks that the method is still there: an ExcelJS upgrade that renames one fails
 * every import test at once instead of quietly reading wrong.
 */

/** A reader for the first worksheets of an .xlsx file: shared strings and styles cached, nothing else. */
export function openWorkbookReader(file: string): ExcelJS.stream.xlsx.WorkbookReader {
  // styles are needed to tell a date cell from a number; hyperlinks and the rest are not.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  readPartsInOrder(reader, file);
  decodeWholeCharacters(reader);
  keepStringsCompact(reader);
  return reader;
}

type Internals = {
  parse?: (this: unknown) => AsyncGenerator<unknown>;
  _parseRels?: (this: unknown, entry: Readable) => Promise<void>;
  _parseWorkbook?: (this: unknown, entry: Readable) => Promise<void>;
  _parseStyles?: (this: unknown, entry: Readable) => Promise<void>;
  _parseWorksheet?: (this: unknown, iterator: AsyncIterable<Buffer | string>, sheetNo: string) => Iterable<unknown>;
  _parseSharedStrings?: (this: unknown, entry: Readable) => AsyncIterable<unknown>;
};

function internals(reader: object, names: (keyof Internals)[]): Required<Internals> {
  const r = reader as Internals;
  for (const name of names) {
    if (typeof r[name] !== 'function') throw new Error(`exceljs internals changed (${name}): re-check the workarounds in imports/workbook-reader.ts`);
  }
  return r as Required<Internals>;
}

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * ExcelJS reads the zip front to back in one pass, and on Node 18 and later that pass now and then ends
 * before the last part (exceljs#3064). ExcelJS writes xl/workbook.xml last, so a workbook filled in from
 * our own template was refused as unreadable: 3 reads in 800 with eight at once and the rows consumed
 * slowly, as an import consumes them. The parts are read instead through the zip's central directory,
 * in the order the reader needs them: relationships, workbook, shared strings and styles, then the
 * worksheets by number. Every file stream opened is closed at the end, also when the caller stops early.
 */
function readPartsInOrder(reader: object, file: string): void {
  const r = internals(reader, ['parse', '_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles', '_parseWorksheet']);
  r.parse = async function* () {
    const opened = new Set<fs.ReadStream>();
    const source = {
      size: async () => (await fs.promises.stat(file)).size,
      // The same range unzipper's own Open.file reads; it is made here so that it can be closed here.
      stream: (offset: number, length?: number) => {
        const stream = fs.createReadStream(file, { start: offset, end: length ? offset + length : undefined });
        opened.add(stream);
        stream.on('close', () => opened.delete(stream));
        return stream;
      },
    };
    try {
      const zip = await unzipper.Open.custom(source);
      const part = (name: string) => zip.files.find((f) => f.path === name)?.stream();
      const rels = part('xl/_rels/workbook.xml.rels');
      if (rels) await r._parseRels(rels);
      const workbook = part('xl/workbook.xml');
      if (workbook) await r._parseWorkbook(workbook);
      const strings = part('xl/sharedStrings.xml');
      if (strings) yield* r._parseSharedStrings(strings);
      const styles = part('xl/styles.xml');
      if (styles) await r._parseStyles(styles);
      const sheets = zip.files
        .map((f) => ({ f, no: SHEET.exec(f.path)?.[1] }))
        .filter((s): s is { f: unzipper.File; no: string } => s.no !== undefined)
        .sort((a, b) => Number(a.no) - Number(b.no));
      for (const { f, no } of sheets) yield* r._parseWorksheet(f.stream(), no);
    } finally {
      for (const stream of opened) stream.destroy();
    }
  };
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

/**
 * ExcelJS 4.4's streaming reader decodes each chunk of the zip on its own, so a Chinese character split
 * across two chunks becomes U+FFFD (seen on a 100,000-row file: 基准链/上游 read as 基准链/上��). Both XML
 * streams it reads text from are handed over already decoded, with a decoder that carries split bytes over.
 */
function decodeWholeCharacters(reader: object): void {
  const r = internals(reader, ['_parseWorksheet', '_parseSharedStrings']);
  const { _parseWorksheet: parseWorksheet, _parseSharedStrings: parseSharedStrings } = r;
  r._parseWorksheet = function (iterator, sheetNo) {
    return parseWorksheet.call(this, utf8(iterator), sheetNo);
  };
  r._parseSharedStrings = function (entry) {
    entry.setEncoding('utf8');
    return parseSharedStrings.call(this, entry);
  };
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

