import { SKILLS_CATEGORY_LABELS, type ResultRow, type SkillsContestant } from '../../shared/skills.js';
import { decidedByLabel, formatCenti } from '../../shared/skills-format.js';
import { excelText, tableWorkbook, type SheetColumn } from '../http/excel.js';

const ELIGIBILITY_ZH: Record<string, string> = { pending: '待审核', eligible: '符合', ineligible: '不符合' };

export function contestantWorkbook(rows: SkillsContestant[]): Promise<Buffer> {
  const columns: SheetColumn<SkillsContestant>[] = [
    { header: '报名号', width: 14, value: (c) => c.regNo },
    { header: '姓名', width: 16, value: (c) => excelText(c.name) },
    { header: '组别', width: 8, value: (c) => SKILLS_CATEGORY_LABELS[c.category].zh },
    { header: '出生日期', width: 12, value: (c) => c.birthDate },
    { header: '单位', width: 30, value: (c) => excelText(c.unit) },
    { header: '代表队', width: 14, value: (c) => c.prefecture ?? '' },
    { header: '工位号(盲号)', width: 12, value: (c) => c.blindCode },
    { header: '资格审核', width: 10, value: (c) => ELIGIBILITY_ZH[c.eligibility] },
    { header: '审核说明', width: 36, value: (c) => c.eligibilityNote },
    { header: '示例', width: 6, value: (c) => (c.isSample ? '示例' : '') },
  ];
  return tableWorkbook('选手名单', columns, rows, `共 ${rows.length} 名`);
}

export function resultWorkbook(rows: ResultRow[], moduleCodes: string[]): Promise<Buffer> {
  const columns: SheetColumn<ResultRow>[] = [
    { header: '名次', width: 6, value: (r) => r.position },
    { header: '报名号', width: 14, value: (r) => r.regNo },
    { header: '工位号', width: 10, value: (r) => r.blindCode },
    { header: '姓名', width: 14, value: (r) => excelText(r.name ?? '') },
    { header: '单位', width: 28, value: (r) => excelText(r.unit ?? '') },
    ...moduleCodes.map((code) => ({ header: `模块${code}`, width: 10, value: (r: ResultRow) => formatCenti(r.modules[code] ?? 0) })),
    { header: '总分', width: 10, value: (r) => formatCenti(r.totalCenti) },
    { header: '并列处理', width: 24, value: (r) => decidedByLabel(r.decidedBy, 'zh') },
    { header: '晋级', width: 6, value: (r) => (r.qualified ? '是' : '') },
    { header: '评分完成', width: 8, value: (r) => (r.complete ? '是' : '否') },
  ];
  return tableWorkbook('成绩', columns, rows, `共 ${rows.length} 名`);
}
