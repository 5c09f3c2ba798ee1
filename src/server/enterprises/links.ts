import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { CreateSupplyLinkInput, EnterpriseLinks, SupplyLink } from '../../shared/enterprises.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { canEditEnterprise } from './policy.js';

const LINK_NOUN = { zh: '供需关系', en: 'Supply link' };

/**
 * Admins keep every link. A county officer keeps the links of its own local enterprises: one end must
 * be theirs, and no end may be another region's. Two outside firms' trade is the prefecture's to record.
 */
function assertCanEditLink(user: CurrentUser, ends: { is_local: number; region_code: string | null }[]): void {
  const own = (e: { is_local: number; region_code: string | null }) => e.is_local === 1 && canEditEnterprise(user, e);
  const allowed = user.role === 'admin' || (ends.some(own) && ends.every((e) => e.is_local === 0 || own(e)));
  if (!allowed) {
    throw new ForbiddenError({ zh: '只能维护本县市(园区)企业的供需关系', en: 'You can only record supply links of your own region’s enterprises' });
  }
}

export async function createSupplyLink(options: { db: Kysely<DB>; user: CurrentUser; input: CreateSupplyLinkInput }): Promise<number> {
  const { db, user, input } = options;
  if (input.supplierId === input.customerId) {
    throw new ValidationError('customerId', { zh: '供应方与采购方不能是同一家企业', en: 'Supplier and customer must differ' });
  }
  return db.transaction().execute(async (trx) => {
    const ends = await trx.selectFrom('enterprises').select(['id', 'is_local', 'region_code']).where('id', 'in', [input.supplierId, input.customerId]).execute();
    for (const field of ['supplierId', 'customerId'] as const) {
      if (!ends.some((e) => e.id === input[field])) throw new ValidationError(field, { zh: '企业不存在', en: 'No such enterprise' });
    }
    assertCanEditLink(user, ends);
    const existing = await trx
      .selectFrom('supply_links')
      .select('id')
      .where('supplier_id', '=', input.supplierId)
      .where('customer_id', '=', input.customerId)
      .where('product', '=', input.product)
      .executeTakeFirst();
    if (existing) throw new ConflictError({ zh: '已有相同产品的供需关系', en: 'This supply link already exists for that product' }, 'link_exists', 'product');
    const row = await trx
      .insertInto('supply_links')
      .values({
        supplier_id: input.supplierId,
        customer_id: input.customerId,
        product: input.product,
        volume: input.volume ?? null,
        unit: input.unit ?? '',
        source: input.source ?? '',
        date: input.date ?? null,
        created_at: nowIso(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: user, action: 'supply_link.create', entity: 'supply_link', entityId: row.id, after: row });
    return row.id;
  });
}

export async function deleteSupplyLink(options: { db: Kysely<DB>; user: CurrentUser; id: number }): Promise<void> {
  const { db, user, id } = options;
  await db.transaction().execute(async (trx) => {
    const link = await trx.selectFrom('supply_links').selectAll().where('id', '=', id).executeTakeFirst();
    if (!link) throw new NotFoundError(LINK_NOUN);
    const ends = await trx.selectFrom('enterprises').select(['is_local', 'region_code']).where('id', 'in', [link.supplier_id, link.customer_id]).execute();
    assertCanEditLink(user, ends);
    await trx.deleteFrom('supply_links').where('id', '=', id).execute();
    await recordAudit(trx, { actor: user, action: 'supply_link.delete', entity: 'supply_link', entityId: id, before: link });
  });
}

export async function enterpriseLinks(db: Kysely<DB>, enterpriseId: number): Promise<EnterpriseLinks> {
  const rows = await db
    .selectFrom('supply_links as l')
    .innerJoin('enterprises as s', 's.id', 'l.supplier_id')
    .innerJoin('enterprises as c', 'c.id', 'l.customer_id')
    .select(['l.id', 'l.product', 'l.volume', 'l.unit', 'l.source', 'l.date', 's.id as s_id', 's.name as s_name', 's.is_local as s_local', 'c.id as c_id', 'c.name as c_name', 'c.is_local as c_local'])
    .where((eb) => eb.or([eb('l.supplier_id', '=', enterpriseId), eb('l.customer_id', '=', enterpriseId)]))
    .orderBy('l.date', 'desc')
    .orderBy('l.id')
    .limit(1000)
    .execute();
  const present = (r: (typeof rows)[number]): SupplyLink => ({
    id: r.id,
    supplier: { id: r.s_id, name: r.s_name, isLocal: r.s_local === 1 },
    customer: { id: r.c_id, name: r.c_name, isLocal: r.c_local === 1 },
    product: r.product,
    volume: r.volume === null ? null : Number(r.volume),
    unit: r.unit,
    source: r.source,
    date: r.date,
  });
  return {
    supplies: rows.filter((r) => r.s_id === enterpriseId).map(present),
    buys: rows.filter((r) => r.c_id === enterpriseId).map(present),
  };
}
