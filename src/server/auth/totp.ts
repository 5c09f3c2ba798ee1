import type { Kysely } from 'kysely';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import type { CurrentUser, TotpSetup } from '../../shared/auth.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { Config } from '../config.js';
import type { DB } from '../db/schema.js';
import { TotpRequiredError, TotpSetupError, WrongPasswordError } from '../errors.js';
import { verifyPassword } from './passwords.js';

const ISSUER = '链主 Lianzhu';
// One 30 s step either side absorbs a phone clock that is a little off (RFC 6238 §5.2).
const TOLERANCE_SECONDS = 30;

export function totpRequiredFor(user: Pick<CurrentUser, 'role' | 'totpEnabled'>, config: Pick<Config, 'totpRequiredRoles'>): boolean {
  return config.totpRequiredRoles.includes(user.role) && !user.totpEnabled;
}

/** A new secret kept as pending until a code from it is confirmed; the old one (if any) stays in force. */
export async function startTotpSetup(options: { db: Kysely<DB>; user: CurrentUser }): Promise<TotpSetup> {
  const secret = generateSecret();
  await options.db.updateTable('users').set({ totp_pending_secret: secret, updated_at: nowIso() }).where('id', '=', options.user.id).execute();
  const uri = generateURI({ issuer: ISSUER, label: options.user.username, secret });
  return { secret, uri, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

async function matchStep(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  const result = await verify({ secret, token: code, epochTolerance: TOLERANCE_SECONDS, ...(afterStep === null ? {} : { afterTimeStep: afterStep }) });
  // The TOTP strategy's valid answer carries the time step it matched (otplib's union type hides it).
  return result.valid ? (result as { timeStep: number }).timeStep : null;
}

export async function enableTotp(options: { db: Kysely<DB>; user: CurrentUser; code: string }): Promise<void> {
  const { db, user } = options;
  const row = await db.selectFrom('users').select(['totp_pending_secret']).where('id', '=', user.id).executeTakeFirstOrThrow();
  if (!row.totp_pending_secret) throw new TotpSetupError('totp_not_started');
  const step = await matchStep(row.totp_pending_secret, options.code, null);
  if (step === null) throw new TotpSetupError('totp_code_wrong');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_secret: row.totp_pending_secret, totp_pending_secret: null, totp_last_step: step, updated_at: nowIso() })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(trx, { actor: user, action: 'auth.totp_enabled', entity: 'user', entityId: user.id });
  });
}

export async function disableTotp(options: { db: Kysely<DB>; config: Config; user: CurrentUser; password: string }): Promise<void> {
  const { db, user } = options;
  if (options.config.totpRequiredRoles.includes(user.role)) throw new TotpSetupError('totp_required_for_role');
  const row = await db.selectFrom('users').select(['password_hash']).where('id', '=', user.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, options.password))) throw new WrongPasswordError();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_secret: null, totp_pending_secret: null, totp_last_step: null, updated_at: nowIso() }).where('id', '=', user.id).execute();
    await recordAudit(trx, { actor: user, action: 'auth.totp_disabled', entity: 'user', entityId: user.id });
  });
}

/**
 * The second step of signing in, after the password matched. A code is good once: its time step must
 * be later than the last one accepted, written in the same statement that checks it (two sign-ins with
 * one code cannot both pass).
 */
export async function checkTotpAtSignIn(options: { db: Kysely<DB>; userId: number; secret: string; lastStep: number | null; code: string | undefined }): Promise<void> {
  if (!options.code) throw new TotpRequiredError(false);
  const step = await matchStep(options.secret, options.code, options.lastStep);
  if (step === null) throw new TotpRequiredError(true);
  const claimed = await options.db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', options.userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw new TotpRequiredError(true);
}
