import ExcelJS from 'exceljs';
import { INDICATORS, INDICATOR_KEYS, type Completeness, type Durations, type Funnel, type IndicatorTable, type IndicatorValues, type MapFigures, type Trend } from '../../shared/indicators.js';
import { STAGE_LABELS } from '../../shared/stages.js';
import { excelText } from '../http/excel.js';

// The .xlsx twins of the command view's tables and charts: one sheet, Chinese headers, the figures as
// numbers (rates formatted as percentages, money in 万元) so a bureau can keep calculating with them.

export interface FigureColumn {
  header: string;
  width: number;
  format?: 'percent' | 'wan' | 'decimal';
}
type Cell = string | number | null;

const FORMATS = { percent: '0.0%', wan: '#,##0.00', decimal: '0.0' } as const;

export async function figureWorkbook(sheetName: string, columns: FigureColumn[], rows: Cell[][], total?: Cell[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Lianzhu';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? excelText(v) : v)));
  if (total) sheet.addRow(total).font = { bold: true };
  columns.forEach((c, i) => {
    if (c.format) sheet.getColumn(i + 1).numFmt = FORMATS[c.format];
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const toWan = (yuan: number | null) => (yuan === null ? null : yuan / 10_000);

const UNIT_FORMAT = { count: undefined, yuan: 'wan', ratio: 'percent', days: 'decimal', rating: 'decimal' } as const;

export const INDICATOR_COLUMNS: FigureColumn[] = INDICATOR_KEYS.map((k) => ({
  header: INDICATORS[k].unit === 'yuan' ? `${INDICATORS[k].label.zh}(万元)` : INDICATORS[k].label.zh,
  width: 14,
  format: UNIT_FORMAT[INDICATORS[k].unit],
}));

export function indicatorCells(values: IndicatorValues): Cell[] {
  return INDICATOR_KEYS.map((k) => (INDICATORS[k].unit === 'yuan' ? toWan(values[k]) : values[k]));
}

const GROUP_HEADERS = { region: '县市(园区)', cluster: '产业集群', event: '招商活动' } as const;

export function indicatorWorkbook(table: IndicatorTable): Promise<Buffer> {
  return figureWorkbook(
    `考核指标 ${table.period.from}至${table.period.to}`.slice(0, 31),
    [{ header: GROUP_HEADERS[table.groupBy], width: 30 }, ...INDICATOR_COLUMNS],
    table.rows.map((r) => [r.name, ...indicatorCells(r.values)]),
    ['合计', ...indicatorCells(table.total.values)],
  );
}

export function funnelWorkbook(f: Funnel): Promise<Buffer> {
  return figureWorkbook(
    '项目漏斗',
    [{ header: '阶段', width: 12 }, { header: '项目数', width: 10 }, { header: '总投资(万元)', width: 16, format: 'wan' }],
    f.stages.map((s) => [STAGE_LABELS[s.stage].zh, s.count, toWan(s.investmentYuan)]),
  );
}

export function trendWorkbook(t: Trend): Promise<Buffer> {
  const sum = (k: 'signed' | 'started' | 'operating') => t.months.reduce((n, m) => n + m[k], 0);
  return figureWorkbook(
    '月度趋势',
    [{ header: '月份', width: 10 }, { header: '签约', width: 10 }, { header: '开工', width: 10 }, { header: '投产', width: 10 }],
    t.months.map((m) => [m.month, m.signed, m.started, m.operating]),
    ['合计', sum('signed'), sum('started'), sum('operating')],
  );
}

export function durationsWorkbook(d: Durations): Promise<Buffer> {
  const buckets = d.pairs[0]?.buckets ?? [];
  return figureWorkbook(
    '阶段用时分布',
    [{ header: '阶段', width: 14 }, ...buckets.map((b) => ({ header: b.label, width: 11 })), { header: '中位天数', width: 10, format: 'decimal' }, { header: '75%分位天数', width: 12 }],
    d.pairs.map((p) => [`${STAGE_LABELS[p.from].zh}→${STAGE_LABELS[p.to].zh}`, ...p.buckets.map((b) => b.count), p.median, p.p75]),
  );
}

export function completenessWorkbook(c: Completeness): Promise<Buffer> {
  return figureWorkbook(
    '产业链完整度',
    [
      { header: '产业集群', width: 16 },
      { header: '产业链', width: 24 },
      { header: '节点数', width: 8 },
      { header: '已覆盖', width: 8 },
      { header: '弱链', width: 8 },
      { header: '缺链', width: 8 },
      { header: '完整度', width: 10, format: 'percent' },
    ],
    c.chains.map((x) => [x.clusterName, x.name, x.nodes, x.covered, x.weak, x.gaps, x.rate]),
  );
}

const MAP_HEADERS = { projects: '签约项目数', investment: '签约总投资(万元)', overdue: '逾期节点', completeness: '产业链完整度' } as const;

export function mapWorkbook(m: MapFigures): Promise<Buffer> {
  const money = m.figure === 'investment';
  return figureWorkbook(
    '县市(园区)分布',
    [{ header: '县市(园区)', width: 30 }, { header: '类型', width: 8 }, { header: MAP_HEADERS[m.figure], width: 16, format: money ? 'wan' : m.figure === 'completeness' ? 'percent' : undefined }],
    m.regions.map((r) => [r.name, r.kind === 'park' ? '园区' : '县市', money ? toWan(r.value) : r.value]),
  );
}
