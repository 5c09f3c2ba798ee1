import { formatTimestamp } from '../../shared/format.js';
import { REQUEST_CATEGORY_LABELS, REQUEST_STATUS_LABELS } from '../../shared/service-catalog.js';
import type { ServiceRequest } from '../../shared/service-requests.js';
import { excelText, tableWorkbook, type SheetColumn } from '../http/excel.js';

const LIGHTS = { green: '绿', yellow: '黄', red: '红' } as const;

const COLUMNS: SheetColumn<ServiceRequest>[] = [
  { header: '诉求编号', width: 10, value: (r) => r.id },
  { header: '诉求标题', width: 36, value: (r) => excelText(r.title) },
  { header: '企业', width: 30, value: (r) => excelText(r.enterprise.name) },
  { header: '项目', width: 30, value: (r) => excelText(r.project?.name ?? '') },
  { header: '县市(园区)', width: 16, value: (r) => r.regionName ?? '' },
  { header: '类别', width: 8, value: (r) => REQUEST_CATEGORY_LABELS[r.category].zh },
  { header: '办理部门', width: 30, value: (r) => r.departments.map((d) => `${d.name}(${REQUEST_STATUS_LABELS[d.status].zh})`).join('、') },
  { header: '状态', width: 10, value: (r) => REQUEST_STATUS_LABELS[r.status].zh },
  { header: '办理期限', width: 12, value: (r) => r.dueOn ?? '' },
  { header: '亮灯', width: 6, value: (r) => (r.light ? LIGHTS[r.light] : '') },
  { header: '督办时间', width: 20, value: (r) => (r.escalatedAt ? formatTimestamp(r.escalatedAt) : '') },
  { header: '评价(星)', width: 8, value: (r) => r.rating },
  { header: '提出人', width: 20, value: (r) => r.raisedBy ?? '' },
  { header: '提出时间(北京时间)', width: 20, value: (r) => formatTimestamp(r.createdAt) },
  { header: '示例数据', width: 10, value: (r) => (r.isSample ? '是' : '') },
];

export function requestWorkbook(rows: ServiceRequest[]): Promise<Buffer> {
  return tableWorkbook('企业诉求', COLUMNS, rows, `合计(${rows.length} 条诉求)`);
}
