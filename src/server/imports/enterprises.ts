import type { Kysely, Transaction } from 'kysely';
import { createEnterpriseSchema, ENTERPRISE_SIZE_LABELS, ENTERPRISE_SIZES, type EnterpriseSize } from '../../shared/enterprises.js';
import { isValidUscc } from '../../shared/uscc.js';
import type { DB, EnterpriseRow } from '../db/schema.js';
import { adjustNodeCounts } from '../enterprises/node-counts.js';
import { enterpriseSearchText } from '../enterprises/search.js';
import { ENTERPRISE_COLUMNS, MESSAGES, type EnterpriseColumn } from './columns.js';
import { chunks, type Counts, type Importer, type Reporter } from './report.js';
import { cellText, type SheetRow } from './sheet.js';

/** A checked row. Undefined means the file has no such column, so the stored value is left alone. */
export interface EnterpriseRecord {
  row: number;
  name: string;
  uscc: string;
  isLocal: boolean;
  regionCode: string | null;
  province?: string;
  city?: string;
  size?: EnterpriseSize | null;
  contactName?: string;
  contactPhone?: string;
  description?: string;
  nodeIds?: number[];
}

const col = Object.fromEntries(ENTERPRISE_COLUMNS.map((c) => [c.key, c])) as Record<EnterpriseColumn, (typeof ENTERPRISE_COLUMNS)[number]>;
const FIELD_COLUMN: Record<string, EnterpriseColumn> = {
  name: 'name', uscc: 'uscc', isLocal: 'isLocal', regionCode: 'region', province: 'province', city: 'city',
  size: 'size', contactName: 'contactName', contactPhone: 'contactPhone', description: 'description', nodeIds: 'nodes',
};
const EXAMPLE = { name: String(col.name.example), uscc: String(col.uscc.example) };
const WRITE_BATCH = 1000;

/** Chain and node names as users type them: full-width forms folded, spaces around the slash ignored. */
export function nodeKey(text: string): string {
  return text.normalize('NFKC').split('/').map((s) => s.trim()).join('/');
}

function yesNo(text: string): boolean | null {
  const t = text.trim().normalize('NFKC').toLowerCase();
  if (['是', 'y', 'yes', 'true', '1'].includes(t)) return true;
  if (['否', 'n', 'no', 'false', '0'].includes(t)) return false;
  return null;
}

const SIZE_BY_LABEL = new Map<string, EnterpriseSize>(
  ENTERPRISE_SIZES.flatMap((s) => [[ENTERPRISE_SIZE_LABELS[s].zh, s], [s, s], [ENTERPRISE_SIZE_LABELS[s].en.toLowerCase(), s]] as [string, EnterpriseSize][]),
);

export async function enterpriseImporter(db: Kysely<DB>, present: Set<EnterpriseColumn>): Promise<Importer<EnterpriseRecord>> {
  const regions = await db.selectFrom('regions').select(['code', 'name', 'kind']).execute();
  const regionByText = new Map<string, (typeof regions)[number]>();
  for (const r of regions) {
    regionByText.set(r.code.toUpperCase(), r);
    regionByText.set(r.name.normalize('NFKC'), r);
  }
  const nodes = await db
    .selectFrom('chain_nodes')
    .innerJoin('chains', 'chains.id', 'chain_nodes.chain_id')
    .select(['chain_nodes.id', 'chain_nodes.name', 'chains.name as chainName'])
    .execute();
  const nodesByKey = new Map<string, number[]>();
  for (const n of nodes) {
    const key = nodeKey(`${n.chainName}/${n.name}`);
    nodesByKey.set(key, [...(nodesByKey.get(key) ?? []), n.id]);
  }
  const firstRowOf = new Map<string, number>();

  function checkRow(row: SheetRow<EnterpriseColumn>, report: Reporter): EnterpriseRecord | null {
    const c = row.cells;
    // A blank optional cell leaves the stored value alone, like a column left out of the file.
    const text = (k: EnterpriseColumn) => {
      const value = present.has(k) ? cellText(c[k]) : '';
      return value.trim() === '' ? undefined : value;
    };
    const before = report.count;
    const uscc = cellText(c.uscc).trim().toUpperCase();
    if (cellText(c.name).trim() === EXAMPLE.name && uscc === EXAMPLE.uscc) return null;

    const isLocalText = cellText(c.isLocal);
    const isLocal = isLocalText.trim() === '' ? undefined : yesNo(isLocalText);
    if (isLocal === null) report.add(row.row, col.isLocal, c.isLocal, { zh: '请填写“是”或“否”', en: 'Enter 是 (yes) or 否 (no)' });

    let regionCode: string | null = null;
    const regionText = (text('region') ?? '').trim();
    if (regionText) {
      const region = regionByText.get(regionText.normalize('NFKC')) ?? regionByText.get(regionText.toUpperCase());
      if (!region) report.add(row.row, col.region, c.region, { zh: '未找到该县市(园区),请填写名称或代码', en: 'No such county, city or park; enter its name or code' });
      else if (region.kind === 'prefecture') report.add(row.row, col.region, c.region, { zh: '请填写具体的县市或园区', en: 'Enter a county, city or park, not the prefecture' });
      else if (isLocal === false) report.add(row.row, col.region, c.region, { zh: '外地企业不填写所属县市(园区)', en: 'Leave the region empty for an enterprise outside the prefecture' });
      else regionCode = region.code;
    } else if (isLocal === true) {
      report.add(row.row, col.region, c.region, { zh: '本地企业须填写所属县市(园区)', en: 'A local enterprise needs its county, city or park' });
    }
    if (isLocal === false && !(text('province') ?? '').trim()) {
      report.add(row.row, col.province, c.province, { zh: '请填写外地企业所在省份', en: 'Enter the province of an outside enterprise' });
    }

    let size: EnterpriseSize | null | undefined;
    const sizeText = text('size')?.trim();
    if (sizeText !== undefined) {
      size = sizeText === '' ? null : (SIZE_BY_LABEL.get(sizeText) ?? SIZE_BY_LABEL.get(sizeText.toLowerCase()));
      if (size === undefined) report.add(row.row, col.size, c.size, { zh: '企业规模应为 大型、中型、小型 或 微型', en: 'Size must be 大型, 中型, 小型 or 微型' });
    }

    let nodeIds: number[] | undefined;
    const nodesText = text('nodes');
    // A blank 所属环节 leaves the enterprise's nodes as they are, as the template says.
    if (nodesText !== undefined && nodesText.trim() !== '') {
      nodeIds = [];
      for (const entry of nodesText.split(/[;;\n]/).map((s) => s.trim()).filter(Boolean)) {
        const ids = nodesByKey.get(nodeKey(entry));
        if (!ids) report.add(row.row, col.nodes, c.nodes, { zh: `未找到环节“${entry}”,请按“产业链名/环节名”填写已有环节`, en: `No chain node “${entry}”; write an existing one as chain/node` });
        else if (ids.length > 1) report.add(row.row, col.nodes, c.nodes, { zh: `“${entry}”对应多个环节,请在产业链图谱中改名后再导入`, en: `“${entry}” names more than one node; rename them in the chain map first` });
        else if (!nodeIds.includes(ids[0])) nodeIds.push(ids[0]);
      }
    }

    const input: Record<string, unknown> = {
      name: cellText(c.name),
      uscc: uscc || undefined,
      isLocal: isLocal ?? undefined,
      regionCode,
      province: text('province'),
      city: text('city'),
      size,
      contactName: text('contactName'),
      contactPhone: text('contactPhone'),
      description: text('description'),
      nodeIds,
    };
    // A bad yes/no is reported above; the schema would say the same thing again.
    if (isLocal === null) input.isLocal = false;
    const parsed = createEnterpriseSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) report.addIssue(row, issue, (f) => col[FIELD_COLUMN[f]], input);
    }
    if (isValidUscc(uscc)) {
      const first = firstRowOf.get(uscc);
      if (first !== undefined) report.add(row.row, col.uscc, c.uscc, MESSAGES.duplicateInFile(first));
      else firstRowOf.set(uscc, row.row);
    }
    if (!parsed.success || report.count > before) return null;
    const d = parsed.data;
    return {
      row: row.row, name: d.name, uscc: d.uscc, isLocal: d.isLocal, regionCode, province: d.province, city: d.city,
      size: d.size, contactName: d.contactName, contactPhone: d.contactPhone, description: d.description, nodeIds: d.nodeIds,
    };
  }

  return {
    async check(rows, report) {
      return rows.map((r) => checkRow(r as SheetRow<EnterpriseColumn>, report)).filter((r): r is EnterpriseRecord => r !== null);
    },
    write: writeEnterprises,
  };
}

/** The columns a record sets, as stored; what the file leaves out is not touched. */
type Stored = Pick<EnterpriseRow, 'name' | 'is_local' | 'region_code'> & Partial<Pick<EnterpriseRow, 'province' | 'city' | 'size' | 'contact_name' | 'contact_phone' | 'description'>>;
function storedFields(r: EnterpriseRecord): Stored {
  const fields: Stored = { name: r.name, is_local: r.isLocal ? 1 : 0, region_code: r.regionCode };
  if (r.province !== undefined) fields.province = r.province;
  if (r.city !== undefined) fields.city = r.city;
  if (r.size !== undefined) fields.size = r.size;
  if (r.contactName !== undefined) fields.contact_name = r.contactName;
  if (r.contactPhone !== undefined) fields.contact_phone = r.contactPhone;
  if (r.description !== undefined) fields.description = r.description;
  return fields;
}

function sameNodes(a: number[], b: number[]): boolean {
  const set = new Set(b);
  return a.length === set.size && a.every((id) => set.has(id));
}

async function writeEnterprises(trx: Transaction<DB>, records: EnterpriseRecord[], now: string): Promise<Counts> {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0 };
  const existing = new Map<string, EnterpriseRow>();
  const nodesOf = new Map<number, number[]>();
  for (const part of chunks(records, WRITE_BATCH)) {
    const rows = await trx.selectFrom('enterprises').selectAll().where('uscc', 'in', part.map((r) => r.uscc)).execute();
    for (const row of rows) existing.set(row.uscc, row);
  }
  const ids = [...existing.values()].map((e) => e.id);
  for (const part of chunks(ids, WRITE_BATCH)) {
    const links = await trx.selectFrom('enterprise_nodes').select(['enterprise_id', 'node_id']).where('enterprise_id', 'in', part).execute();
    for (const l of links) nodesOf.set(l.enterprise_id, [...(nodesOf.get(l.enterprise_id) ?? []), l.node_id]);
  }

  // The node counts (chain_node_counts) lose every existing enterprise's share before the writes and
  // get theirs and the new ones' back after (an unchanged one's share comes back as it was).
  await adjustNodeCounts(trx, ids, -1);
  const inserts: EnterpriseRecord[] = [];
  const created: number[] = [];
  const nodeReplacements = new Map<number, number[]>();
  for (const r of records) {
    const old = existing.get(r.uscc);
    if (!old) {
      inserts.push(r);
      continue;
    }
    const fields = storedFields(r);
    const changed = Object.fromEntries(Object.entries(fields).filter(([k, v]) => old[k as keyof EnterpriseRow] !== v));
    const nodesChanged = r.nodeIds !== undefined && !sameNodes(r.nodeIds, nodesOf.get(old.id) ?? []);
    if (Object.keys(changed).length === 0 && !nodesChanged) {
      counts.unchanged += 1;
      continue;
    }
    await trx
      .updateTable('enterprises')
      .set({ ...changed, search_text: enterpriseSearchText(r.name, r.uscc), version: old.version + 1, updated_at: now })
      .where('id', '=', old.id)
      .execute();
    if (nodesChanged) nodeReplacements.set(old.id, r.nodeIds!);
    counts.updated += 1;
  }

  if (inserts.length > 0) {
    const inserted = await trx
      .insertInto('enterprises')
      .values(
        inserts.map((r) => ({
          province: '', city: '', size: null, contact_name: '', contact_phone: '', description: '',
          ...storedFields(r),
          uscc: r.uscc, search_text: enterpriseSearchText(r.name, r.uscc), is_sample: 0, version: 1, created_at: now, updated_at: now,
        })),
      )
      .returning(['id', 'uscc'])
      .execute();
    const idOf = new Map(inserted.map((c) => [c.uscc, c.id]));
    created.push(...inserted.map((c) => c.id));
    for (const r of inserts) if (r.nodeIds?.length) nodeReplacements.set(idOf.get(r.uscc)!, r.nodeIds);
    counts.created += inserted.length;
  }

  const existingIds = new Set(ids);
  const replaced = [...nodeReplacements.keys()].filter((id) => existingIds.has(id));
  for (const part of chunks(replaced, WRITE_BATCH)) await trx.deleteFrom('enterprise_nodes').where('enterprise_id', 'in', part).execute();
  const pairs = [...nodeReplacements].flatMap(([enterpriseId, nodeIds]) => nodeIds.map((nodeId) => ({ enterprise_id: enterpriseId, node_id: nodeId })));
  for (const part of chunks(pairs, 5000)) await trx.insertInto('enterprise_nodes').values(part).execute();
  await adjustNodeCounts(trx, [...ids, ...created], 1);
  return counts;
}
