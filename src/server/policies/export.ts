import { describeRules, POLICY_VALIDITY_LABELS, type Policy } from '../../shared/policies.js';
import { formatTimestamp } from '../../shared/format.js';
import { excelText, tableWorkbook, type SheetColumn } from '../http/excel.js';
import type { RuleNames } from '../../shared/policies.js';

function columns(names: RuleNames): SheetColumn<Policy>[] {
  return [
    { header: '政策编号', width: 10, value: (p) => p.id },
    { header: '政策名称', width: 40, value: (p) => excelText(p.title) },
    { header: '发文机关', width: 24, value: (p) => excelText(p.issuer) },
    { header: '文号', width: 24, value: (p) => excelText(p.docNumber) },
    { header: '生效日期', width: 12, value: (p) => p.validFrom ?? '' },
    { header: '截止日期', width: 12, value: (p) => p.validTo ?? '长期' },
    { header: '状态', width: 10, value: (p) => POLICY_VALIDITY_LABELS[p.validity].zh },
    { header: '适用条件', width: 50, value: (p) => excelText(describeRules(p.rules, names).map((r) => r.zh).join(';') || '不限') },
    { header: '政策红利', width: 50, value: (p) => excelText(p.benefits) },
    { header: '示例数据', width: 10, value: (p) => (p.isSample ? '是' : '') },
    { header: '更新时间(北京时间)', width: 20, value: (p) => formatTimestamp(p.updatedAt) },
  ];
}

export function policyWorkbook(policies: Policy[], names: RuleNames): Promise<Buffer> {
  return tableWorkbook('惠企政策', columns(names), policies, `合计(${policies.length} 项政策)`);
}
