import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { LedgerQuery } from '../../shared/reports.js';
import { STAGE_LABELS, type AnyStage } from '../../shared/stages.js';
import type { DB } from '../db/schema.js';
import { excelText } from '../http/excel.js';
import { projectsIn, resolvePeriod } from '../indicators/scope.js';
import { regionsShown } from '../indicators/table.js';

// The 台账 a bureau otherwise builds by hand: a 汇总 sheet first (one row per region, a grand total),
// then one sheet per region with its projects and a 合计 row. Written with exceljs' streaming writer
// and read from the database a page at a time, so 100,000 projects never sit in memory at once.

const PAGE = 2000;
const WAN = 10_000;

/** The ledger's rows: everything in scope, or, given a period, the projects signed in it. */
function ledgerFilter(user: CurrentUser, period: { from: string; to: string } | null) {
  return (eb: ExpressionBuilder<DB, 'projects'>): Expression<SqlBool> => {
    const all: Expression<SqlBool>[] = [projectsIn(user, { region: null, cluster: null })(eb)];
    if (period) all.push(eb('projects.signed_on', '>=', period.from), eb('projects.signed_on', '<=', period.to));
    return eb.and(all);
  };
}

const HEADERS: { header: string; width: number; money?: boolean }[] = [
  { header: '序号', width: 6 },
  { header: '项目名称', width: 32 },
  { header: '投资主体', width: 28 },
  { header: '产业集群', width: 12 },
  { header: '产业链', width: 14 },
  { header: '总投资(万元)', width: 14, money: true },
  { header: '到位资金(万元)', width: 14, money: true },
  { header: '阶段', width: 8 },
  { header: '签约日期', width: 12 },
  { header: '落地日期', width: 12 },
  { header: '开工日期', width: 12 },
  { header: '投产日期', width: 12 },
  { header: '达产日期', width: 12 },
  { header: '下一计划节点', width: 12 },
  { header: '引进链主企业', width: 20 },
  { header: '包联责任人', width: 12 },
];
export const LEDGER_HEADERS = HEADERS.map((h) => h.header);
export const SUMMARY_HEADERS = ['县市(园区)', '项目数', '总投资(万元)', '到位资金(万元)', '资金到位率'];

function addSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: { header: string; width: number; money?: boolean }[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width, style: c.money ? { numFmt: '#,##0.00' } : {} }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return sheet;
}

async function writeLedger(db: Kysely<DB>, user: CurrentUser, period: { from: string; to: string } | null, out: PassThrough) {
  const filter = ledgerFilter(user, period);
  const sums = await db
    .selectFrom('projects')
    .where(filter)
    .select(['projects.region_code', sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(projects.investment_yuan), 0)`.as('investment'), sql<number>`coalesce(sum(projects.funds_in_place_yuan), 0)`.as('funds')])
    .groupBy('projects.region_code')
    .execute();
  const byRegion = new Map(sums.map((s) => [s.region_code, { n: Number(s.n), investment: Number(s.investment), funds: Number(s.funds) }]));
  const regions = await regionsShown(db, user, { region: null }, byRegion.keys());
  const clusters = new Map((await db.selectFrom('clusters').select(['code', 'name']).execute()).map((c) => [c.code, c.name]));

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  workbook.creator = 'Lianzhu';
  const summary = addSheet(workbook, '汇总', [{ header: SUMMARY_HEADERS[0], width: 30 }, { header: SUMMARY_HEADERS[1], width: 10 }, { header: SUMMARY_HEADERS[2], width: 16, money: true }, { header: SUMMARY_HEADERS[3], width: 16, money: true }, { header: SUMMARY_HEADERS[4], width: 12 }]);
  const grand = { n: 0, investment: 0, funds: 0 };
  const rate = (funds: number, investment: number) => (investment > 0 ? `${((funds / investment) * 100).toFixed(1)}%` : '');
  for (const r of regions) {
    const s = byRegion.get(r.code) ?? { n: 0, investment: 0, funds: 0 };
    grand.n += s.n;
    grand.investment += s.investment;
    grand.funds += s.funds;
    summary.addRow([r.name, s.n, s.investment / WAN, s.funds / WAN, rate(s.funds, s.investment)]).commit();
  }
  const total = summary.addRow(['合计', grand.n, grand.investment / WAN, grand.funds / WAN, rate(grand.funds, grand.investment)]);
  total.font = { bold: true };
  total.commit();
  summary.commit();

  for (const r of regions) {
    const sheet = addSheet(workbook, r.name.slice(0, 31), HEADERS);
    let lastId = 0;
    let seq = 0;
    for (;;) {
      const rows = await db
        .selectFrom('projects')
        .where(filter)
        .where('projects.region_code', '=', r.code)
        .where('projects.id', '>', lastId)
        .select(['id', 'name', 'investor_name', 'cluster', 'chain', 'investment_yuan', 'funds_in_place_yuan', 'stage', 'signed_on', 'landed_on', 'started_on', 'operating_on', 'full_capacity_on', 'next_planned_on', 'chain_leader', 'officer'])
        .orderBy('projects.id')
        .limit(PAGE)
        .execute();
      for (const p of rows) {
        seq += 1;
        sheet
          .addRow([
            seq,
            excelText(p.name),
            excelText(p.investor_name),
            clusters.get(p.cluster) ?? p.cluster,
            excelText(p.chain),
            p.investment_yuan / WAN,
            p.funds_in_place_yuan / WAN,
            STAGE_LABELS[p.stage as AnyStage]?.zh ?? p.stage,
            p.signed_on ?? '',
            p.landed_on ?? '',
            p.started_on ?? '',
            p.operating_on ?? '',
            p.full_capacity_on ?? '',
            p.next_planned_on ?? '',
            excelText(p.chain_leader),
            excelText(p.officer),
          ])
          .commit();
      }
      if (rows.length < PAGE) break;
      lastId = rows[rows.length - 1].id;
    }
    const s = byRegion.get(r.code) ?? { n: 0, investment: 0, funds: 0 };
    const totals = sheet.addRow([null, `合计(${s.n}个项目)`, null, null, null, s.investment / WAN, s.funds / WAN]);
    totals.font = { bold: true };
    totals.commit();
    sheet.commit();
  }
  await workbook.commit();
}

/** The workbook as a stream; an error half-way ends the download rather than sending a broken file as whole. */
export function ledgerWorkbook(db: Kysely<DB>, user: CurrentUser, query: LedgerQuery): Readable {
  // Settled before the first byte: a reversed period is a 400, not a truncated file.
  const period = query.from || query.to ? resolvePeriod(query) : null;
  const out = new PassThrough();
  writeLedger(db, user, period, out).catch((error: unknown) => out.destroy(error as Error));
  return out;
}
