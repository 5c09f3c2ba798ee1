import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { ImportRowError } from '../../shared/imports.js';
import { fieldLabel } from '../../shared/labels.js';
import type { DB } from '../db/schema.js';
import type { Lang, Message } from '../errors.js';
import { describeIssue } from '../http/validation-messages.js';
import { columnLabel, type ColumnDef } from './columns.js';
import { cellText, type Cell, type SheetRow } from './sheet.js';

/** Stored with the job; the count goes on past it so the user still learns how many rows are wrong. */
export const KEPT_ERRORS = 1000;

export class Reporter {
  count = 0;
  readonly errors: ImportRowError[] = [];
  constructor(readonly lang: Lang) {}

  add(row: number, column: ColumnDef, value: Cell | undefined, message: Message | string): void {
    this.count += 1;
    if (this.errors.length >= KEPT_ERRORS) return;
    this.errors.push({ row, column: column.header, value: cellText(value), message: typeof message === 'string' ? message : message[this.lang] });
  }

  /**
   * Words a zod issue the way the API would, but names the column as the file does: the API's
   * labels belong to other forms (its `name` is a project's name).
   */
  addIssue(row: SheetRow, issue: z.core.$ZodIssue, columnOf: (field: string) => ColumnDef | undefined, input: Record<string, unknown>): void {
    const field = String(issue.path[0] ?? '');
    const column = columnOf(field);
    if (!column) throw new Error(`import: no column for field ${field}`);
    const { code, path, message: _m, ...params } = issue as unknown as { code: string; path: PropertyKey[]; message: string } & Record<string, unknown>;
    const described = describeIssue({ keyword: code, instancePath: `/${path.join('/')}`, params: { ...params, input: input[field] } }, this.lang);
    const label = fieldLabel(field, this.lang);
    const message = described.message.replace(label, columnLabel(column, this.lang));
    this.add(row.row, column, row.cells[column.key as never], message);
  }
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

/** One kind of import: checks rows in batches (pass 1) and writes checked records in batches (pass 2). */
export interface Importer<T extends { row: number }> {
  check(rows: SheetRow[], report: Reporter): Promise<T[]>;
  write(trx: Transaction<DB>, records: T[], now: string): Promise<Counts>;
}

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
