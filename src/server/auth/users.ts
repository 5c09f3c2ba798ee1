import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { Role } from '../../shared/roles.js';
import type { DB, UserRow } from '../db/schema.js';
import { nowIso } from '../clock.js';
import { hashPassword } from './passwords.js';

export function presentUser(row: UserRow, regionCodes: string[]): CurrentUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    regionCodes,
    department: row.department,
    enterpriseUscc: row.enterprise_uscc,
    totpEnabled: row.totp_secret !== null,
  };
}

export async function regionCodesOf(db: Kysely<DB>, userId: number): Promise<string[]> {
  const rows = await db.selectFrom('user_regions').select('region_code').where('user_id', '=', userId).orderBy('region_code').execute();
  return rows.map((r) => r.region_code);
}

export interface CreateUserOptions {
  db: Kysely<DB>;
  username: string;
  password: string;
  /** The password's hash when the caller already holds it: the demo's accounts share one password. */
  passwordHash?: string;
  displayName: string;
  role: Role;
  regionCodes?: string[];
  department?: string | null;
  enterpriseUscc?: string | null;
}

export async function createUser(options: CreateUserOptions): Promise<CurrentUser> {
  const passwordHash = options.passwordHash ?? (await hashPassword(options.password));
  return options.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = await trx
      .insertInto('users')
      .values({
        username: options.username,
        password_hash: passwordHash,
        display_name: options.displayName,
        role: options.role,
        department: options.department ?? null,
        enterprise_uscc: options.enterpriseUscc ?? null,
        active: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const codes = options.regionCodes ?? [];
    if (codes.length > 0) {
      await trx.insertInto('user_regions').values(codes.map((code) => ({ user_id: row.id, region_code: code }))).execute();
    }
    return presentUser(row, [...codes].sort());
  });
}
