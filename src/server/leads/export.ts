import type { Lead } from '../../shared/leads.js';
import { LEAD_STATUS_LABELS } from '../../shared/lead-status.js';
import { LEAD_SOURCE_LABELS } from '../../shared/lead-labels.js';
import { formatTimestamp } from '../../shared/format.js';
import { excelText, tableWorkbook, type SheetColumn } from '../http/excel.js';

const COLUMNS: SheetColumn<Lead>[] = [
  { header: '线索编号', width: 10, value: (l) => l.id },
  { header: '目标企业', width: 32, value: (l) => excelText(l.enterprise.name) },
  { header: '联系人', width: 12, value: (l) => excelText(l.contactName) },
  { header: '联系电话', width: 16, value: (l) => excelText(l.contactPhone) },
  { header: '产业链', width: 16, value: (l) => l.chain?.name ?? '' },
  { header: '补链环节', width: 22, value: (l) => l.node?.name ?? '' },
  { header: '拟落地县市(园区)', width: 20, value: (l) => l.regionName ?? '' },
  { header: '线索来源', width: 14, value: (l) => LEAD_SOURCE_LABELS[l.source].zh },
  { header: '引荐链主', width: 28, value: (l) => l.referrer?.name ?? '' },
  { header: '招商活动', width: 24, value: (l) => l.event?.name ?? '' },
  { header: '负责人', width: 16, value: (l) => l.owner?.name ?? '' },
  { header: '预计投资(元)', width: 18, value: (l) => l.estimatedInvestmentYuan, money: true },
  { header: '状态', width: 10, value: (l) => LEAD_STATUS_LABELS[l.status].zh },
  { header: '流失原因', width: 24, value: (l) => excelText(l.lostReason ?? '') },
  { header: '下一步', width: 30, value: (l) => excelText(l.nextStep) },
  { header: '下一步日期', width: 12, value: (l) => l.nextStepOn ?? '' },
  { header: '是否逾期', width: 10, value: (l) => (l.overdue ? '逾期' : '') },
  { header: '签约项目编号', width: 12, value: (l) => l.project?.id ?? '' },
  { header: '签约日期', width: 12, value: (l) => l.signedOn ?? '' },
  { header: '备注', width: 30, value: (l) => excelText(l.note) },
  { header: '示例数据', width: 10, value: (l) => (l.isSample ? '是' : '') },
  { header: '更新时间(北京时间)', width: 20, value: (l) => formatTimestamp(l.updatedAt) },
];

export function leadWorkbook(leads: Lead[]): Promise<Buffer> {
  return tableWorkbook('招商线索', COLUMNS, leads, `合计(${leads.length} 条线索)`);
}
