import type { ApprovalQueueItem } from '../../shared/approvals.js';
import { formatTimestamp } from '../../shared/format.js';
import { APPROVAL_STATUS_LABELS } from '../../shared/service-catalog.js';
import { STAGE_LABELS, type AnyStage } from '../../shared/stages.js';
import { excelText, tableWorkbook, type SheetColumn } from '../http/excel.js';

const COLUMNS: SheetColumn<ApprovalQueueItem>[] = [
  { header: '事项编号', width: 10, value: (a) => a.id },
  { header: '项目', width: 36, value: (a) => excelText(a.project.name) },
  { header: '县市(园区)', width: 18, value: (a) => a.project.regionName },
  { header: '项目阶段', width: 10, value: (a) => STAGE_LABELS[a.project.stage as AnyStage]?.zh ?? a.project.stage },
  { header: '审批事项', width: 22, value: (a) => excelText(a.name) },
  { header: '责任部门', width: 22, value: (a) => a.department.name },
  { header: '办理状态', width: 10, value: (a) => APPROVAL_STATUS_LABELS[a.status].zh },
  { header: '卡点阶段', width: 10, value: (a) => STAGE_LABELS[a.blocksStage].zh },
  { header: '申报日期', width: 12, value: (a) => a.submittedOn ?? '' },
  { header: '批复日期', width: 12, value: (a) => a.approvedOn ?? '' },
  { header: '批复文号', width: 22, value: (a) => excelText(a.documentNo) },
  { header: '文件数', width: 8, value: (a) => a.attachments.length },
  { header: '备注', width: 30, value: (a) => excelText(a.note) },
  { header: '更新时间(北京时间)', width: 20, value: (a) => formatTimestamp(a.updatedAt) },
];

export function approvalWorkbook(items: ApprovalQueueItem[]): Promise<Buffer> {
  return tableWorkbook('审批事项', COLUMNS, items, `合计(${items.length} 项)`);
}
