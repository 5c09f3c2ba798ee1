import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { Scheme } from '../../shared/skills.js';
import { recordAudit } from '../audit/record.js';
import type { DB } from '../db/schema.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { touchEvents } from './evaluate.js';
import { assertOrganiser, EVENT_NOUN } from './policy.js';

// The marking scheme (评分标准) comes from a spreadsheet: one row per aspect, its module, M or J and
// its maximum. It is checked whole, and every problem is named by row and column, before anything
// is written; the maxima must add up to exactly 100.

export const SCHEME_COLUMNS = ['模块编号', '模块名称', '评分项编号', '评分项描述', '类型(M/J)', '分值'] as const;
const EXAMPLE: (string | number)[][] = [
  ['A', '工业网络搭建', 'A1', '网络拓扑按图纸连接,设备标识完整', 'M', 10],
  ['A', '工业网络搭建', 'A2', '布线工艺规范、整洁', 'J', 15],
  ['B', '数据采集与应用', 'B1', '采集点位配置正确', 'M', 40],
  ['B', '数据采集与应用', 'B2', '可视化界面的完整性与可读性', 'J', 35],
];

export interface SchemeProblem {
  row: number | null;
  column: string | null;
  message: string;
}

export interface ParsedAspect {
  moduleCode: string;
  moduleName: string;
  code: string;
  description: string;
  kind: 'M' | 'J';
  maxCenti: number;
}

export async function schemeTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('评分标准', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = SCHEME_COLUMNS.map((header, i) => ({ header, width: [10, 18, 12, 44, 10, 8][i] }));
  sheet.getRow(1).font = { bold: true };
  for (const row of EXAMPLE) sheet.addRow(row);
  const help = workbook.addWorksheet('说明');
  for (const line of [
    '每行一个评分项;同一模块编号的各行模块名称须一致。',
    '类型:M 为测量分(客观,裁判录入得分),J 为评价分(每名裁判打 0–3 分,按 分值×平均分/3 计分,5 名及以上裁判去掉一个最高分和一个最低分)。',
    '分值最多两位小数,全部评分项分值合计必须为 100。',
    '导入会替换本赛项原有评分标准;已有评分的赛项不能再导入。',
  ]) help.addRow([line]);
  help.getColumn(1).width = 110;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('').trim();
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim();
  return String(value).trim();
}

/** Reads and checks a scheme workbook; either the aspects or the full list of problems. */
export async function parseScheme(buffer: Buffer): Promise<{ aspects: ParsedAspect[]; problems: SchemeProblem[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { aspects: [], problems: [{ row: null, column: null, message: '文件不是有效的 .xlsx 工作簿' }] };
  }
  const sheet = workbook.worksheets[0];
  const problems: SchemeProblem[] = [];
  const header = SCHEME_COLUMNS.map((_, i) => cellText(sheet?.getRow(1).getCell(i + 1).value ?? null));
  SCHEME_COLUMNS.forEach((name, i) => {
    if (header[i] !== name) problems.push({ row: 1, column: name, message: `第 1 行第 ${i + 1} 列应为表头“${name}”` });
  });
  if (problems.length || !sheet) return { aspects: [], problems };
  const aspects: ParsedAspect[] = [];
  const moduleNames = new Map<string, string>();
  const codes = new Set<string>();
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const cells = SCHEME_COLUMNS.map((_, i) => cellText(row.getCell(i + 1).value));
    if (cells.every((c) => c === '')) return;
    const problem = (column: (typeof SCHEME_COLUMNS)[number], message: string) => problems.push({ row: n, column, message: `第 ${n} 行“${column}”:${message}` });
    const [moduleCode, moduleName, code, description, kindText, maxText] = cells;
    if (!moduleCode) problem('模块编号', '不能为空');
    if (!moduleName) problem('模块名称', '不能为空');
    else if (moduleNames.has(moduleCode) && moduleNames.get(moduleCode) !== moduleName) problem('模块名称', `与模块 ${moduleCode} 前面行的名称“${moduleNames.get(moduleCode)}”不一致`);
    if (!code) problem('评分项编号', '不能为空');
    else if (codes.has(code)) problem('评分项编号', `${code} 重复`);
    if (!description) problem('评分项描述', '不能为空');
    const kind = kindText.toUpperCase();
    if (kind !== 'M' && kind !== 'J') problem('类型(M/J)', '只能填 M 或 J');
    const max = Number(maxText);
    const maxCenti = Math.round(max * 100);
    if (!maxText || !Number.isFinite(max) || max <= 0 || Math.abs(max * 100 - maxCenti) > 1e-6) problem('分值', '须为大于 0、最多两位小数的数');
    if (moduleCode && moduleName && !moduleNames.has(moduleCode)) moduleNames.set(moduleCode, moduleName);
    if (code) codes.add(code);
    aspects.push({ moduleCode, moduleName, code, description: description.slice(0, 500), kind: kind as 'M' | 'J', maxCenti });
  });
  if (!aspects.length) problems.push({ row: null, column: null, message: '没有任何评分项' });
  const total = aspects.reduce((s, a) => s + (Number.isFinite(a.maxCenti) ? a.maxCenti : 0), 0);
  if (!problems.length && total !== 10_000) problems.push({ row: null, column: '分值', message: `分值合计为 ${(total / 100).toFixed(2)},应为 100` });
  return { aspects: problems.length ? [] : aspects, problems };
}

/** Replaces the event's scheme with the checked aspects; refused once any mark exists. */
export async function importScheme(options: { db: Kysely<DB>; user: CurrentUser; eventId: number; aspects: ParsedAspect[] }): Promise<void> {
  assertOrganiser(options.user);
  await options.db.transaction().execute(async (trx) => {
    const event = await trx.selectFrom('skills_events').select('id').where('id', '=', options.eventId).executeTakeFirst();
    if (!event) throw new NotFoundError(EVENT_NOUN);
    const marked = await trx
      .selectFrom('skills_marks')
      .innerJoin('skills_aspects', 'skills_aspects.id', 'skills_marks.aspect_id')
      .select('skills_marks.id')
      .where('skills_aspects.event_id', '=', event.id)
      .limit(1)
      .executeTakeFirst();
    if (marked) throw new ConflictError({ zh: '本赛项已有评分,不能替换评分标准', en: 'The event has marks; its scheme cannot be replaced' }, 'has_marks');
    await trx.deleteFrom('skills_aspects').where('event_id', '=', event.id).execute();
    await trx.deleteFrom('skills_modules').where('event_id', '=', event.id).execute();
    const moduleIds = new Map<string, number>();
    for (const [i, a] of options.aspects.entries()) {
      let moduleId = moduleIds.get(a.moduleCode);
      if (moduleId === undefined) {
        const m = await trx
          .insertInto('skills_modules')
          .values({ event_id: event.id, code: a.moduleCode, name: a.moduleName, sort_order: moduleIds.size + 1 })
          .returning('id')
          .executeTakeFirstOrThrow();
        moduleId = m.id;
        moduleIds.set(a.moduleCode, moduleId);
      }
      await trx
        .insertInto('skills_aspects')
        .values({ event_id: event.id, module_id: moduleId, code: a.code, description: a.description, kind: a.kind, max_centi: a.maxCenti, sort_order: i + 1 })
        .execute();
    }
    await touchEvents(trx, { eventId: event.id });
    await recordAudit(trx, { actor: options.user, action: 'skills.scheme.import', entity: 'skills_event', entityId: event.id, after: { modules: moduleIds.size, aspects: options.aspects.length } });
  });
}

export async function loadScheme(db: Kysely<DB>, eventId: number): Promise<Scheme> {
  const [modules, aspects] = await Promise.all([
    db.selectFrom('skills_modules').selectAll().where('event_id', '=', eventId).orderBy('sort_order').execute(),
    db.selectFrom('skills_aspects').selectAll().where('event_id', '=', eventId).orderBy('sort_order').execute(),
  ]);
  const presented = modules.map((m) => {
    const own = aspects.filter((a) => a.module_id === m.id);
    return {
      id: m.id,
      code: m.code,
      name: m.name,
      maxCenti: own.reduce((s, a) => s + a.max_centi, 0),
      locked: m.locked === 1,
      signedOffAt: m.signed_off_at,
      aspects: own.map((a) => ({ id: a.id, moduleId: a.module_id, code: a.code, description: a.description, kind: a.kind, maxCenti: a.max_centi })),
    };
  });
  return { eventId, modules: presented, totalCenti: aspects.reduce((s, a) => s + a.max_centi, 0) };
}
