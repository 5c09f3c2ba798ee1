import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { SkillsResults } from '../../shared/skills.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ConflictError, EmbargoedError, NotFoundError } from '../errors.js';
import { rankContestants } from './arithmetic.js';
import { evaluateEvent, touchEvents } from './evaluate.js';
import { assertOrganiser, CONTESTANT_NOUN, findEventInScope, isOrganiser } from './policy.js';

// Results: the ranking by the published tie-break chain (total, modules in scheme order, jury,
// registration number), the qualification cut and its warning, the embargo until the release time,
// the appeal window after it, and certificates once the window has closed.

export interface ReleaseState {
  released: boolean;
  appealsOpen: boolean;
  appealsCloseAt: string | null;
}

export function releaseState(c: { release_at: string | null; appeal_hours: number }, now = new Date()): ReleaseState {
  if (!c.release_at) return { released: false, appealsOpen: false, appealsCloseAt: null };
  const release = new Date(c.release_at);
  const close = new Date(release.getTime() + c.appeal_hours * 3_600_000);
  return { released: now >= release, appealsOpen: now >= release && now < close, appealsCloseAt: close.toISOString() };
}

export async function eventResults(db: Kysely<DB>, user: CurrentUser, eventId: number): Promise<SkillsResults> {
  await findEventInScope(db, user, eventId);
  const evaluation = await evaluateEvent(db, eventId);
  const state = releaseState(evaluation.event);
  const organiser = isOrganiser(user);
  if (!organiser && !state.released) throw new EmbargoedError();
  const tieOrder = evaluation.modules.map((m) => m.code);
  const { ranked, cutWarning } = rankContestants(evaluation.contestants, tieOrder, evaluation.event.places);
  const certificates = new Map(
    (await db.selectFrom('skills_certificates as k').innerJoin('skills_contestants as c', 'c.id', 'k.contestant_id').select(['k.contestant_id', 'k.code']).where('c.event_id', '=', eventId).execute()).map((k) => [k.contestant_id, k.code]),
  );
  return {
    eventId,
    released: state.released,
    releaseAt: evaluation.event.release_at,
    appealsCloseAt: state.appealsCloseAt,
    places: evaluation.event.places,
    tieOrder,
    allLocked: evaluation.modules.length > 0 && evaluation.modules.every((m) => m.locked === 1),
    rows: ranked.map(({ row, position, decidedBy, qualified }) => ({
      contestantId: row.id,
      position,
      regNo: row.regNo,
      blindCode: row.blindCode,
      name: organiser || state.released ? row.name : null,
      unit: organiser || state.released ? row.unit : null,
      totalCenti: row.totalCenti,
      modules: row.modules,
      complete: row.complete,
      decidedBy,
      qualified,
      juryRank: row.juryRank,
      certificateCode: certificates.get(row.id) ?? null,
    })),
    cutWarning,
  };
}

/** The jury's decision between contestants no module separates; recorded with its reason. */
export async function setJuryRank(options: { db: Kysely<DB>; user: CurrentUser; contestantId: number; juryRank: number | null; reason: string }): Promise<void> {
  assertOrganiser(options.user);
  await options.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('skills_contestants').select(['id', 'event_id', 'jury_rank', 'jury_reason']).where('id', '=', options.contestantId).executeTakeFirst();
    if (!before) throw new NotFoundError(CONTESTANT_NOUN);
    await trx.updateTable('skills_contestants').set({ jury_rank: options.juryRank, jury_reason: options.reason }).where('id', '=', before.id).execute();
    await touchEvents(trx, { eventId: before.event_id });
    await recordAudit(trx, { actor: options.user, action: 'skills.jury.decide', entity: 'skills_contestant', entityId: before.id, before, after: { jury_rank: options.juryRank, reason: options.reason } });
  });
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 12 characters from an alphabet without look-alikes (0/O, 1/I): about 60 bits, not guessable. */
export function certificateCode(): string {
  const chars = Array.from(crypto.randomBytes(12), (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/**
 * Certificates for every complete result once results are released, every module is signed off,
 * the appeal window has closed and no appeal awaits a ruling. Issuing twice adds only the missing.
 */
export async function issueCertificates(options: { db: Kysely<DB>; user: CurrentUser; eventId: number; now?: Date }): Promise<{ issued: number }> {
  const { db, user, eventId } = options;
  assertOrganiser(user);
  const results = await eventResults(db, user, eventId);
  const event = await db.selectFrom('skills_events as e').innerJoin('skills_competitions as c', 'c.id', 'e.competition_id').select(['c.release_at', 'c.appeal_hours']).where('e.id', '=', eventId).executeTakeFirstOrThrow();
  const state = releaseState(event, options.now);
  const refuse = (zh: string, en: string, code: string) => new ConflictError({ zh, en }, code);
  if (!state.released) throw refuse('成绩尚未公布,不能颁发证书', 'Results are not released yet', 'not_released');
  if (state.appealsOpen) throw refuse('申诉期尚未结束,不能颁发证书', 'The appeal window is still open', 'appeals_open');
  if (!results.allLocked) throw refuse('还有模块未签字锁定', 'Some modules are not signed off', 'not_locked');
  const open = await db.selectFrom('skills_appeals as a').innerJoin('skills_contestants as c', 'c.id', 'a.contestant_id').select('a.id').where('c.event_id', '=', eventId).where('a.status', '=', 'open').executeTakeFirst();
  if (open) throw refuse('还有申诉未裁决', 'An appeal awaits its ruling', 'appeals_pending');
  return db.transaction().execute(async (trx) => {
    let issued = 0;
    for (const row of results.rows) {
      if (!row.complete || row.certificateCode) continue;
      const values = { contestant_id: row.contestantId, code: certificateCode(), kind: row.qualified ? 'qualified' : 'participation', rank: row.position, total_centi: row.totalCenti, issued_at: nowIso() };
      await trx.insertInto('skills_certificates').values(values).execute();
      issued++;
    }
    await recordAudit(trx, { actor: user, action: 'skills.certificates.issue', entity: 'skills_event', entityId: eventId, after: { issued } });
    return { issued };
  });
}

/** What the public page shows for a code; null when no certificate carries it. */
export async function verifyCertificate(db: Kysely<DB>, code: string) {
  const row = await db
    .selectFrom('skills_certificates as k')
    .innerJoin('skills_contestants as c', 'c.id', 'k.contestant_id')
    .innerJoin('skills_units as u', 'u.id', 'c.unit_id')
    .innerJoin('skills_events as e', 'e.id', 'c.event_id')
    .innerJoin('skills_competitions as m', 'm.id', 'e.competition_id')
    .select(['k.id', 'k.code', 'k.kind', 'k.rank', 'k.total_centi', 'k.issued_at', 'c.name', 'u.name as unit', 'e.name as event', 'm.name as competition', 'm.site', 'c.id as contestant_id', 'c.user_id'])
    .where('k.code', '=', code)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    contestantId: row.contestant_id,
    userId: row.user_id,
    site: row.site,
    check: {
      valid: true as const,
      code: row.code,
      name: row.name,
      unit: row.unit,
      event: row.event,
      competition: row.competition,
      kind: row.kind as 'qualified' | 'participation',
      rank: row.rank,
      totalCenti: row.total_centi,
      issuedAt: row.issued_at,
    },
  };
}
