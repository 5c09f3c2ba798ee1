import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatYuan } from '../../shared/format.js';
import { INDICATORS, INDICATOR_KEYS, type IndicatorKey, type IndicatorStatus, type IndicatorValues } from '../../shared/indicators.js';
import type { MonthlyReport } from '../../shared/reports.js';
import { STAGE_LABELS } from '../../shared/stages.js';

// The monthly report as an A4 PDF. Chinese needs a CJK font in the file: Noto Sans SC (SIL OFL) from
// the @expo-google-fonts/noto-sans-sc package, which pdfkit subsets to the glyphs the report uses,
// so the file stays small (a few hundred KB) although the font is 10 MB.
const require = createRequire(import.meta.url);
let fontBytes: Buffer | undefined;
export function cjkFont(): Buffer {
  fontBytes ??= fs.readFileSync(require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
  return fontBytes;
}

const MARGIN = 48;
const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const LIGHT: Record<IndicatorStatus, string> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' };

/** A value as the report prints it: 万元/亿元, percentages, days, ratings. */
export function formatIndicator(key: IndicatorKey, value: number | null): string {
  if (value === null) return '—';
  switch (INDICATORS[key].unit) {
    case 'yuan':
      return formatYuan(value);
    case 'ratio':
      return `${(value * 100).toFixed(1)}%`;
    case 'days':
      return `${Math.round(value * 10) / 10}天`;
    case 'rating':
      return value.toFixed(1);
    default:
      return String(value);
  }
}

type Doc = InstanceType<typeof PDFDocument>;

/** A simple ruled table; starts a new page (and repeats the header) when the page is full. */
function table(doc: Doc, headers: string[], widths: number[], rows: { cells: string[]; colors?: (string | undefined)[] }[]) {
  const rowHeight = 16;
  const drawRow = (cells: string[], bold: boolean, colors: (string | undefined)[] = []) => {
    if (doc.y + rowHeight > PAGE_HEIGHT - MARGIN) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.fillColor(colors[i] ?? (bold ? '#000000' : '#262626')).fontSize(bold ? 8.5 : 8).text(cell, x + 2, y + 3, { width: widths[i] - 4, height: rowHeight, lineBreak: false, ellipsis: true });
      x += widths[i];
    });
    doc.moveTo(MARGIN, y + rowHeight).lineTo(MARGIN + widths.reduce((a, b) => a + b, 0), y + rowHeight).strokeColor('#d9d9d9').lineWidth(0.5).stroke();
    doc.x = MARGIN;
    doc.y = y + rowHeight;
  };
  drawRow(headers, true);
  for (const row of rows) {
    if (doc.y + rowHeight > PAGE_HEIGHT - MARGIN) {
      doc.addPage();
      drawRow(headers, true);
    }
    drawRow(row.cells, false, row.colors);
  }
  doc.moveDown(0.8);
}

function heading(doc: Doc, text: string) {
  if (doc.y > PAGE_HEIGHT - MARGIN - 60) doc.addPage();
  doc.x = MARGIN;
  doc.fillColor('#000000').fontSize(12).text(text, { width: PAGE_WIDTH - 2 * MARGIN });
  doc.moveDown(0.3);
}

function more(doc: Doc, shown: number, total: number) {
  if (total > shown) doc.fillColor('#8c8c8c').fontSize(8).text(`(共 ${total} 条,此处列出前 ${shown} 条;完整清单见台账导出)`, MARGIN).moveDown(0.6);
}

export function monthlyReportPdf(report: MonthlyReport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: `${report.region.name} ${report.month} 招商引资月度报告`, Creator: 'Lianzhu 链主' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');
  const [year, month] = report.month.split('-').map(Number);
  doc.fontSize(18).fillColor('#000000').text(`${report.region.name}招商引资月度报告`, { align: 'center' });
  doc.fontSize(10).fillColor('#595959').text(`${year}年${month}月 · 生成于 ${report.generatedOn}`, { align: 'center' }).moveDown(1);
  doc.fontSize(10.5).fillColor('#000000').text(report.headline.zh, { width: PAGE_WIDTH - 2 * MARGIN, lineGap: 3 }).moveDown(1);

  heading(doc, '一、考核指标');
  const status = (s: IndicatorStatus | null) => (s ? LIGHT[s] : undefined);
  table(
    doc,
    ['指标', '本月', '年初至今'],
    [200, 150, 149],
    INDICATOR_KEYS.map((k) => ({
      cells: [INDICATORS[k].label.zh, formatIndicator(k, report.monthFigures.values[k]), formatIndicator(k, report.yearToDate.values[k])],
      colors: [undefined, status(report.monthFigures.status[k]), status(report.yearToDate.status[k])],
    })),
  );

  heading(doc, '二、分县市(园区)年内情况');
  const cols: IndicatorKey[] = ['signed', 'investmentYuan', 'landedRate', 'startedRate', 'operatingRate', 'fundsRate', 'overdueMilestones'];
  const regionRow = (name: string, v: IndicatorValues) => [name, ...cols.map((k) => formatIndicator(k, v[k]))];
  table(doc, ['县市(园区)', '签约', '总投资', '落地率', '开工率', '投产率', '资金到位率', '逾期'], [120, 40, 75, 52, 52, 52, 64, 44], [
    ...report.regions.map((r) => ({ cells: regionRow(r.name, r.values) })),
    { cells: regionRow('合计', report.yearToDate.values) },
  ]);

  heading(doc, `三、本月新签约项目(${report.newSignings.total}个)`);
  table(doc, ['项目名称', '投资主体', '县市(园区)', '产业集群', '总投资', '签约日期'], [130, 110, 80, 60, 60, 59], report.newSignings.items.map((p) => ({ cells: [p.name, p.investorName, p.regionName, p.cluster, formatYuan(p.investmentYuan), p.signedOn] })));
  more(doc, report.newSignings.items.length, report.newSignings.total);

  heading(doc, `四、本月阶段推进(${report.stageMoves.total}次)`);
  table(doc, ['项目名称', '县市(园区)', '由', '至', '日期'], [180, 110, 70, 70, 69], report.stageMoves.items.map((t) => ({ cells: [t.projectName, t.regionName, t.fromStage ? STAGE_LABELS[t.fromStage].zh : '—', STAGE_LABELS[t.toStage].zh, t.date] })));
  more(doc, report.stageMoves.items.length, report.stageMoves.total);

  heading(doc, `五、逾期项目(${report.overdue.total}个,截至今日)`);
  table(doc, ['项目名称', '县市(园区)', '当前阶段', '计划节点日期', '逾期天数'], [180, 110, 70, 80, 59], report.overdue.items.map((p) => ({ cells: [p.name, p.regionName, STAGE_LABELS[p.stage].zh, p.nextPlannedOn, String(p.daysOverdue)] })));
  more(doc, report.overdue.items.length, report.overdue.total);

  heading(doc, '六、企业诉求办理');
  const r = report.requests;
  table(doc, ['本月提出', '其中已办结', '目前在办', '在办超期', '按时办结率', '满意度'], [80, 80, 80, 80, 90, 89], [
    { cells: [String(r.raised), String(r.closed), String(r.open), String(r.overdueOpen), formatIndicator('requestsOnTimeRate', r.onTimeRate), formatIndicator('avgRating', r.avgRating)] },
  ]);
  doc.end();
  return done;
}
