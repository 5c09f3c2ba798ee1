import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { DB } from '../db/schema.js';
import { enterpriseScope } from '../enterprises/policy.js';
import { chainDetail } from './queries.js';
import { excelText } from '../http/excel.js';

const POSITION = { upstream: '上游', midstream: '中游', downstream: '下游' } as const;
const STATUS = { missing: '缺链', weak: '弱链', covered: '已覆盖' } as const;

/** One row per node and enterprise on it: the table a bureau hands round when planning 补链. */
export async function chainWorkbook(db: Kysely<DB>, user: CurrentUser, chainId: number): Promise<{ name: string; buffer: Buffer }> {
  const chain = await chainDetail(db, chainId);
  const rows = await db
    .selectFrom('enterprise_nodes as en')
    .innerJoin('enterprises', 'enterprises.id', 'en.enterprise_id')
    .innerJoin('chain_nodes as n', 'n.id', 'en.node_id')
    .leftJoin('regions as r', 'r.code', 'enterprises.region_code')
    .select(['en.node_id', 'enterprises.id', 'enterprises.name', 'enterprises.uscc', 'enterprises.is_local', 'enterprises.province', 'enterprises.city', 'r.name as region_name'])
    .where('n.chain_id', '=', chainId)
    // An enterprise user sees only itself here too; the counts per node stay as everyone reads them.
    .where(enterpriseScope(user))
    .orderBy('enterprises.name')
    .execute();
  const leaderIds = new Set(chain.leaders.map((l) => l.id));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('环节与企业', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '环节', width: 20 },
    { header: '位置', width: 8 },
    { header: '覆盖情况', width: 10 },
    { header: '本地企业数', width: 12 },
    { header: '企业名称', width: 36 },
    { header: '统一社会信用代码', width: 22 },
    { header: '本地/外地', width: 10 },
    { header: '所在地', width: 24 },
    { header: '链主', width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const node of chain.nodes) {
    const head = [excelText(node.name), POSITION[node.position], STATUS[node.status], node.localCount];
    const onNode = rows.filter((r) => r.node_id === node.id);
    if (onNode.length === 0) sheet.addRow([...head, '', '', '', '', '']);
    for (const e of onNode) {
      const place = e.is_local ? (e.region_name ?? '') : [e.province, e.city].filter(Boolean).join(' ');
      sheet.addRow([...head, excelText(e.name), e.uscc, e.is_local ? '本地' : '外地', excelText(place), leaderIds.has(e.id) ? '是' : '']);
    }
  }
  return { name: chain.name, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
