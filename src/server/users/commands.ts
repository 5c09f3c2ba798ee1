import type { Kysely, Transaction } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { Role } from '../../shared/roles.js';
import type { CreateUserBody, UpdateUserBody } from '../../shared/users.js';
import { recordAudit } from '../audit/record.js';
import { assertPasswordAllowed } from '../auth/password-change.js';
import { hashPassword } from '../auth/passwords.js';
import { nowIso } from '../clock.js';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { assertNotOwnLockout, USER_NOUN } from './policy.js';

interface Scope {
  regionCodes: string[];
  department: string | null;
  enterpriseUscc: string | null;
}

/** The scope a role needs, checked against the tables it names; what the role does not use is cleared. */
async function checkScope(trx: Transaction<DB>, role: Role, input: Partial<Scope>): Promise<Scope> {
  const none: Scope = { regionCodes: [], department: null, enterpriseUscc: null };
  if (role === 'region') {
    const codes = [...new Set(input.regionCodes ?? [])];
    const known = codes.length ? await trx.selectFrom('regions').select('code').where('code', 'in', codes).execute() : [];
    if (codes.length === 0 || known.length !== codes.length) {
      throw new ValidationError('regionCodes', { zh: '县市(园区)账号须选择至少一个有效的县市或园区', en: 'A region officer needs at least one valid county, city or park' });
    }
    return { ...none, regionCodes: codes.sort() };
  }
  if (role === 'department') {
    const found = input.department ? await trx.selectFrom('departments').select('code').where('code', '=', input.department).executeTakeFirst() : undefined;
    if (!found) throw new ValidationError('department', { zh: '部门账号须选择一个有效的部门', en: 'A department officer needs a valid department' });
    return { ...none, department: found.code };
  }
  if (role === 'enterprise') {
    const found = input.enterpriseUscc ? await trx.selectFrom('enterprises').select('uscc').where('uscc', '=', input.enterpriseUscc).executeTakeFirst() : undefined;
    if (!found) throw new ValidationError('enterpriseUscc', { zh: '企业账号须填写企业库中已有企业的统一社会信用代码', en: 'An enterprise user needs the credit code of an enterprise in the base' });
    return { ...none, enterpriseUscc: found.uscc };
  }
  return none;
}

async function writeRegions(trx: Transaction<DB>, userId: number, codes: string[]): Promise<void> {
  await trx.deleteFrom('user_regions').where('user_id', '=', userId).execute();
  if (codes.length) await trx.insertInto('user_regions').values(codes.map((code) => ({ user_id: userId, region_code: code }))).execute();
}

export async function createUserAccount(options: { db: Kysely<DB>; config: Config; actor: CurrentUser; input: CreateUserBody }): Promise<number> {
  const { db, config, actor, input } = options;
  assertPasswordAllowed({ config, username: input.username, password: input.password });
  const hash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) throw new ConflictError({ zh: '该用户名已被使用', en: 'This username is taken' }, 'username_taken', 'username');
    const scope = await checkScope(trx, input.role, input);
    const now = nowIso();
    const row = await trx
      .insertInto('users')
      .values({ username: input.username, password_hash: hash, display_name: input.displayName, role: input.role, department: scope.department, enterprise_uscc: scope.enterpriseUscc, active: 1, created_at: now, updated_at: now, password_changed_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeRegions(trx, row.id, scope.regionCodes);
    await recordAudit(trx, { actor, action: 'user.create', entity: 'user', entityId: row.id, after: { username: input.username, displayName: input.displayName, role: input.role, ...scope } });
    return row.id;
  });
}

/**
 * Name, role, scope and status. A role change brings its scope with it (checked against the new role);
 * disabling ends every session of the user at once.
 */
export async function updateUserAccount(options: { db: Kysely<DB>; actor: CurrentUser; id: number; input: UpdateUserBody }): Promise<void> {
  const { db, actor, id, input } = options;
  assertNotOwnLockout(actor, id, input);
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError(USER_NOUN);
    const regions = (await trx.selectFrom('user_regions').select('region_code').where('user_id', '=', id).orderBy('region_code').execute()).map((r) => r.region_code);
    const before = { displayName: row.display_name, role: row.role, active: row.active === 1, regionCodes: regions, department: row.department, enterpriseUscc: row.enterprise_uscc };
    const role = input.role ?? row.role;
    const scopeTouched = input.role !== undefined || input.regionCodes !== undefined || input.department !== undefined || input.enterpriseUscc !== undefined;
    const scope = scopeTouched
      ? await checkScope(trx, role, { regionCodes: input.regionCodes ?? regions, department: input.department === undefined ? row.department : input.department, enterpriseUscc: input.enterpriseUscc === undefined ? row.enterprise_uscc : input.enterpriseUscc })
      : { regionCodes: regions, department: row.department, enterpriseUscc: row.enterprise_uscc };
    const after = { displayName: input.displayName ?? row.display_name, role, active: input.active ?? row.active === 1, ...scope };
    if (JSON.stringify(after) === JSON.stringify(before)) return;
    await trx
      .updateTable('users')
      .set({ display_name: after.displayName, role, active: after.active ? 1 : 0, department: scope.department, enterprise_uscc: scope.enterpriseUscc, updated_at: nowIso() })
      .where('id', '=', id)
      .execute();
    await writeRegions(trx, id, scope.regionCodes);
    if (!after.active) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'user.update', entity: 'user', entityId: id, before, after });
  });
}

/** An admin sets a new password (the user forgot theirs): the policy applies and every session ends. */
export async function resetUserPassword(options: { db: Kysely<DB>; config: Config; actor: CurrentUser; id: number; password: string }): Promise<void> {
  const { db, config, actor, id } = options;
  // One's own password is changed with the current one (POST /api/auth/password), never reset.
  if (actor.id === id) throw new ForbiddenError({ zh: '请通过“修改密码”更改自己的密码', en: 'Change your own password with “Change password”' }, 'password', 'own_account');
  const row = await db.selectFrom('users').select(['username', 'password_hash']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(USER_NOUN);
  assertPasswordAllowed({ config, username: row.username, password: options.password });
  const hash = await hashPassword(options.password);
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    await trx.insertInto('password_history').values({ user_id: id, password_hash: row.password_hash, created_at: now }).execute();
    await trx.updateTable('users').set({ password_hash: hash, password_changed_at: now, updated_at: now }).where('id', '=', id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await recordAudit(trx, { actor, action: 'user.password_reset', entity: 'user', entityId: id });
  });
}
