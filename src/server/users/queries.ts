import type { Kysely } from 'kysely';
import type { UserAccount, UserListQuery, UserPage } from '../../shared/users.js';
import type { DB, UserRow } from '../db/schema.js';
import { containsSearch } from '../db/search.js';
import { presentUser } from '../auth/users.js';

type Row = UserRow & { enterprise_name: string | null };

/** Every output field named (presentUser names the rest): the password hash and TOTP secrets never leave the server. */
export function presentAccount(row: Row, regionCodes: string[]): UserAccount {
  return {
    ...presentUser(row, regionCodes),
    enterpriseName: row.enterprise_name,
    active: row.active === 1,
    passwordChangedAt: row.password_changed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function base(db: Kysely<DB>) {
  return db.selectFrom('users').leftJoin('enterprises', 'enterprises.uscc', 'users.enterprise_uscc').selectAll('users').select('enterprises.name as enterprise_name');
}

async function regionsOf(db: Kysely<DB>, ids: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (ids.length === 0) return map;
  const rows = await db.selectFrom('user_regions').select(['user_id', 'region_code']).where('user_id', 'in', ids).orderBy('region_code').execute();
  for (const r of rows) map.set(r.user_id, [...(map.get(r.user_id) ?? []), r.region_code]);
  return map;
}

export async function listAccounts(db: Kysely<DB>, query: UserListQuery): Promise<UserPage> {
  let q = base(db);
  if (query.role) q = q.where('users.role', '=', query.role);
  if (query.active) q = q.where('users.active', '=', query.active === 'true' ? 1 : 0);
  if (query.q) q = q.where((eb) => eb.or([containsSearch('users.username', query.q!), containsSearch('users.display_name', query.q!)]));
  const [rows, count] = await Promise.all([
    q.orderBy('users.active', 'desc').orderBy('users.username').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const regions = await regionsOf(db, rows.map((r) => r.id));
  return { total: Number(count.n), items: rows.map((r) => presentAccount(r, regions.get(r.id) ?? [])) };
}

export async function findAccount(db: Kysely<DB>, id: number): Promise<UserAccount | undefined> {
  const row = await base(db).where('users.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return presentAccount(row, (await regionsOf(db, [id])).get(id) ?? []);
}
