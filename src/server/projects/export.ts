import type { ProjectListItem as Project } from '../../shared/projects.js';
import { formatBlocked } from '../../shared/project-blocks.js';
import { STAGE_LABELS } from '../../shared/stages.js';
import { formatTimestamp } from '../../shared/format.js';
import { excelText, tableWorkbook, type SheetColumn } from '../http/excel.js';


const yesNo = (b: boolean) => (b ? '是' : '');

const COLUMNS: SheetColumn<Project>[] = [
  { header: '项目编号', width: 10, value: (p) => p.id },
  { header: '项目名称', width: 40, value: (p) => excelText(p.name) },
  { header: '投资企业', width: 30, value: (p) => excelText(p.investorName) },
  { header: '统一社会信用代码', width: 22, value: (p) => p.investorUscc ?? '' },
  { header: '所属县市(园区)', width: 22, value: (p) => p.regionName },
  { header: '产业集群', width: 16, value: (p) => excelText(p.cluster) },
  { header: '产业链', width: 16, value: (p) => excelText(p.chain) },
  { header: '计划投资(元)', width: 18, value: (p) => p.investmentYuan, money: true },
  { header: '到位资金(元)', width: 18, value: (p) => p.fundsInPlaceYuan, money: true },
  { header: '当前阶段', width: 10, value: (p) => STAGE_LABELS[p.stage].zh },
  { header: '阶段日期', width: 12, value: (p) => p.stageDate },
  { header: '下一阶段计划日期', width: 16, value: (p) => p.nextPlannedDate ?? '' },
  { header: '逾期天数', width: 10, value: (p) => (p.overdue ? p.overdueDays : '') as number | string },
  { header: '受阻', width: 36, value: (p) => (p.blocked ? formatBlocked(p.blocked, 'zh') : '') },
  { header: '引进链主企业', width: 24, value: (p) => excelText(p.chainLeader) },
  { header: '包联责任人', width: 14, value: (p) => excelText(p.officer) },
  { header: '含绿量', width: 8, value: (p) => yesNo(p.tagGreen) },
  { header: '含新量', width: 8, value: (p) => yesNo(p.tagInnovation) },
  { header: '含金量', width: 8, value: (p) => yesNo(p.tagValue) },
  { header: '建设规模/产能', width: 24, value: (p) => excelText(p.capacity) },
  { header: '示例数据', width: 10, value: (p) => yesNo(p.isSample) },
  { header: '更新时间(北京时间)', width: 20, value: (p) => formatTimestamp(p.updatedAt) },
];

export function projectWorkbook(projects: Project[]): Promise<Buffer> {
  return tableWorkbook('项目台账', COLUMNS, projects, `合计(${projects.length} 个项目)`);
}
