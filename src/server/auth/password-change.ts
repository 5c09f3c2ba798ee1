import type { Kysely } from 'kysely';
import { PASSWORD_RULE_LABELS, passwordProblems, type PasswordPolicy, type PasswordRule } from '../../shared/password-policy.js';
import type { CurrentUser } from '../../shared/auth.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { PasswordPolicyError, WrongPasswordError } from '../errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { createSession } from './sessions.js';

export function passwordPolicy(config: Pick<Config, 'passwordMinLength' | 'passwordHistory'>): PasswordPolicy {
  const rules: PasswordRule[] = ['length', 'classes', 'common', 'username'];
  return { minLength: config.passwordMinLength, history: config.passwordHistory, rules: config.passwordHistory > 0 ? [...rules, 'reused'] : rules };
}

export function policyError(rules: PasswordRule[], policy: PasswordPolicy): PasswordPolicyError {
  const n = (rule: PasswordRule) => (rule === 'reused' ? policy.history : policy.minLength);
  return new PasswordPolicyError(rules, {
    zh: `新密码不符合要求:${rules.map((r) => PASSWORD_RULE_LABELS[r].zh(n(r))).join(';')}`,
    en: `The new password does not meet the policy: ${rules.map((r) => PASSWORD_RULE_LABELS[r].en(n(r))).join('; ')}`,
  });
}

/** The policy's rules that need no history (length, classes, common, username), for any new password. */
export function assertPasswordAllowed(options: { config: Pick<Config, 'passwordMinLength' | 'passwordHistory'>; username: string; password: string }): void {
  const policy = passwordPolicy(options.config);
  const problems = passwordProblems(options.password, { username: options.username, minLength: policy.minLength });
  if (problems.length > 0) throw policyError(problems, policy);
}

export interface ChangePasswordOptions {
  db: Kysely<DB>;
  config: Config;
  user: CurrentUser;
  currentPassword: string;
  newPassword: string;
}

/**
 * Checks the current password and the policy (the current and the last `history` passwords may not be
 * chosen again), then in one transaction keeps the old hash, stores the new one and ends every session
 * of the user, so a stolen session dies with the old password. The caller gets a new session.
 */
export async function changePassword(options: ChangePasswordOptions) {
  const { db, config, user } = options;
  const policy = passwordPolicy(config);
  const row = await db.selectFrom('users').select(['password_hash']).where('id', '=', user.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, options.currentPassword))) throw new WrongPasswordError();
  assertPasswordAllowed({ config, username: user.username, password: options.newPassword });
  if (policy.history > 0) {
    const earlier = await db.selectFrom('password_history').select('password_hash').where('user_id', '=', user.id).orderBy('id', 'desc').limit(policy.history - 1).execute();
    for (const hash of [row.password_hash, ...earlier.map((e) => e.password_hash)]) {
      if (await verifyPassword(hash, options.newPassword)) throw policyError(['reused'], policy);
    }
  }
  const newHash = await hashPassword(options.newPassword);
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    await trx.insertInto('password_history').values({ user_id: user.id, password_hash: row.password_hash, created_at: now }).execute();
    await trx.updateTable('users').set({ password_hash: newHash, password_changed_at: now, updated_at: now }).where('id', '=', user.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    await recordAudit(trx, { actor: user, action: 'auth.password_changed', entity: 'user', entityId: user.id });
  });
  return createSession(db, user.id, config.sessionTtlHours);
}
