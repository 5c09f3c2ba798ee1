import type { Message } from '../errors.js';

export interface ColumnDef<K extends string = string> {
  key: K;
  /** The header as the template writes it and the error report names it. */
  header: string;
  /** How a message in English names the column. */
  en: string;
  required: boolean;
  width: number;
  example: string | number;
  /** One line for the 说明 sheet. */
  help: string;
}

export const ENTERPRISE_COLUMNS = [
  { key: 'name', header: '企业名称', en: 'Enterprise name', required: true, width: 34, example: '示例:昌吉某新能源装备有限公司', help: '必填,最多 200 字。' },
  { key: 'uscc', header: '统一社会信用代码', en: 'Credit code', required: true, width: 22, example: '91652301MA0000001D', help: '必填,18 位,校验位须符合 GB 32100-2015;同一文件内不得重复;已存在的企业按此代码更新。' },
  { key: 'isLocal', header: '是否本地', en: 'Local', required: true, width: 10, example: '是', help: '必填,填“是”或“否”:本州企业填“是”。' },
  { key: 'region', header: '所属县市(园区)', en: 'Region', required: false, width: 24, example: '昌吉市', help: '本地企业必填:县市或园区的名称或代码(如 昌吉市 或 652301);外地企业留空。' },
  { key: 'province', header: '省份', en: 'Province', required: false, width: 14, example: '新疆维吾尔自治区', help: '外地企业必填,最多 50 字;已有企业留空则保持原值。' },
  { key: 'city', header: '城市', en: 'City', required: false, width: 14, example: '昌吉回族自治州', help: '选填,最多 50 字;已有企业留空则保持原值。' },
  { key: 'size', header: '企业规模', en: 'Size', required: false, width: 10, example: '中型', help: '选填:大型、中型、小型或微型;已有企业留空则保持原值。' },
  { key: 'contactName', header: '联系人', en: 'Contact', required: false, width: 12, example: '张三', help: '选填,最多 50 字;已有企业留空则保持原值。' },
  { key: 'contactPhone', header: '联系电话', en: 'Phone', required: false, width: 16, example: '0994-0000000', help: '选填,最多 50 字;已有企业留空则保持原值。' },
  { key: 'nodes', header: '所属环节', en: 'Chain nodes', required: false, width: 34, example: '风电装备/整机制造;风电装备/叶片', help: '选填:“产业链名/环节名”,多个用分号(; 或 ;)分隔,每个环节须已在产业链图谱中存在;填写后替换该企业原有环节,留空则保持原有环节。' },
  { key: 'description', header: '简介', en: 'Description', required: false, width: 40, example: '示例行,导入时自动跳过', help: '选填,最多 2000 字;已有企业留空则保持原值。' },
] as const satisfies readonly ColumnDef[];
export type EnterpriseColumn = (typeof ENTERPRISE_COLUMNS)[number]['key'];

export const SUPPLY_LINK_COLUMNS = [
  { key: 'supplier', header: '供应方信用代码', en: 'Supplier credit code', required: true, width: 22, example: '91652301MA0000001D', help: '必填:供应方的统一社会信用代码,该企业须已在企业库中。' },
  { key: 'customer', header: '采购方信用代码', en: 'Customer credit code', required: true, width: 22, example: '91652302MA0000002Y', help: '必填:采购方的统一社会信用代码,该企业须已在企业库中,且不能与供应方相同。' },
  { key: 'product', header: '产品', en: 'Product', required: true, width: 20, example: '示例:铝水', help: '必填,最多 100 字;同一供应方、采购方与产品在文件中只能出现一次,已存在的按此三项更新。' },
  { key: 'volume', header: '数量', en: 'Volume', required: false, width: 12, example: 1200, help: '选填:不小于 0 的数字。' },
  { key: 'unit', header: '单位', en: 'Unit', required: false, width: 10, example: '万吨', help: '选填,最多 20 字。' },
  { key: 'source', header: '来源', en: 'Source', required: false, width: 24, example: '示例行,导入时自动跳过', help: '选填,最多 200 字:信息从何而来。' },
  { key: 'date', header: '日期', en: 'Date', required: false, width: 12, example: '2023-05-17', help: '选填:年-月-日(如 2023-05-17)或 Excel 日期单元格。' },
] as const satisfies readonly ColumnDef[];
export type SupplyLinkColumn = (typeof SUPPLY_LINK_COLUMNS)[number]['key'];

/** Template headers carry a * on required columns; a header still matches without it or with a hint in brackets. */
export function templateHeader(c: ColumnDef): string {
  return c.required ? `${c.header}*` : c.header;
}

export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').replace(/[\s*]/g, '');
}

export function headerMatches(c: ColumnDef, text: string): boolean {
  const want = normalizeHeader(c.header);
  const got = normalizeHeader(text);
  return got === want || (got.startsWith(want + '(') && got.endsWith(')'));
}

export function columnLabel(c: ColumnDef, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? c.header : c.en;
}

export const MESSAGES = {
  missingColumn: (h: string): Message => ({ zh: `缺少必填列“${h}”,请使用导入模板`, en: `The required column “${h}” is missing; use the import template` }),
  emptyFile: { zh: '文件中没有数据行', en: 'The file has no data rows' } as Message,
  duplicateInFile: (first: number): Message => ({ zh: `与第 ${first} 行重复`, en: `Duplicates row ${first}` }),
} as const;
