import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { aspectOutcome, type AspectOutcome, type MarkEntry } from './arithmetic.js';

// Everything an event's marks add up to, read in a handful of queries and computed in memory by
// the pure arithmetic: the moderation list, the sign-off check and the results all start here.

export interface EvaluatedContestant {
  id: number;
  regNo: string;
  blindCode: string;
  name: string;
  unitId: number;
  unit: string;
  juryRank: number | null;
  /** aspect id → its outcome. */
  aspects: Map<number, AspectOutcome & { entries: MarkEntry[] }>;
  modules: Record<string, number>;
  totalCenti: number;
  complete: boolean;
}

/**
 * Called in the transaction of every write an event's results depend on (marks, moderation, locks,
 * jury, eligibility, registration, scheme, the event's or competition's rules): moves the version
 * the cache below is keyed on, so every instance sees the write at its next read.
 */
export async function touchEvents(trx: Kysely<DB> | Transaction<DB>, where: { eventId: number } | { competitionId: number }): Promise<void> {
  const q = trx.updateTable('skills_events').set((eb) => ({ version: eb('version', '+', 1) }));
  await ('eventId' in where ? q.where('id', '=', where.eventId) : q.where('competition_id', '=', where.competitionId)).execute();
}

// Per database (tests run several in one process), per event: the last evaluation and its version.
// A read costs one indexed lookup of the version while nothing changed.
const CACHE_LIMIT = 500;
const caches = new WeakMap<Kysely<DB>, Map<number, { version: number; value: EventEvaluation }>>();

export async function evaluateEvent(db: Kysely<DB>, eventId: number): Promise<EventEvaluation> {
  const { version } = await db.selectFrom('skills_events').select('version').where('id', '=', eventId).executeTakeFirstOrThrow();
  const cache = caches.get(db) ?? caches.set(db, new Map()).get(db)!;
  const hit = cache.get(eventId);
  if (hit && hit.version === version) return hit.value;
  const value = await computeEvaluation(db, eventId);
  if (value.event.version !== version) return value;
  cache.delete(eventId);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(eventId, { version, value });
  return value;
}

async function computeEvaluation(db: Kysely<DB>, eventId: number) {
  const event = await db
    .selectFrom('skills_events as e')
    .innerJoin('skills_competitions as c', 'c.id', 'e.competition_id')
    .select(['e.id', 'e.code', 'e.name', 'e.places', 'e.judges_per_aspect', 'e.version', 'e.competition_id', 'c.spread_tolerance', 'c.release_at', 'c.appeal_hours'])
    .where('e.id', '=', eventId)
    .executeTakeFirstOrThrow();
  const [modules, aspects, contestants, marks, moderations] = await Promise.all([
    db.selectFrom('skills_modules').selectAll().where('event_id', '=', eventId).orderBy('sort_order').execute(),
    db.selectFrom('skills_aspects').selectAll().where('event_id', '=', eventId).orderBy('sort_order').execute(),
    db
      .selectFrom('skills_contestants as c')
      .innerJoin('skills_units as u', 'u.id', 'c.unit_id')
      .select(['c.id', 'c.reg_no', 'c.blind_code', 'c.name', 'c.unit_id', 'u.name as unit', 'c.jury_rank'])
      .where('c.event_id', '=', eventId)
      .where('c.eligibility', '=', 'eligible')
      .orderBy('c.reg_no')
      .execute(),
    db
      .selectFrom('skills_marks as m')
      .innerJoin('skills_aspects as a', 'a.id', 'm.aspect_id')
      .select(['m.aspect_id', 'm.contestant_id', 'm.judge_id', 'm.value'])
      .where('a.event_id', '=', eventId)
      .execute(),
    db
      .selectFrom('skills_moderations as d')
      .innerJoin('skills_aspects as a', 'a.id', 'd.aspect_id')
      .select(['d.aspect_id', 'd.contestant_id', 'd.method', 'd.value', 'd.reason'])
      .where('a.event_id', '=', eventId)
      .execute(),
  ]);
  const key = (contestantId: number, aspectId: number) => `${contestantId}:${aspectId}`;
  const entries = new Map<string, MarkEntry[]>();
  for (const m of marks) {
    const k = key(m.contestant_id, m.aspect_id);
    if (!entries.has(k)) entries.set(k, []);
    entries.get(k)!.push({ judgeId: m.judge_id, value: m.value });
  }
  const moderated = new Map(moderations.map((d) => [key(d.contestant_id, d.aspect_id), d]));
  const moduleCode = new Map(modules.map((m) => [m.id, m.code]));
  const evaluated: EvaluatedContestant[] = contestants.map((c) => {
    const outcomes = new Map<number, AspectOutcome & { entries: MarkEntry[] }>();
    const byModule: Record<string, number> = Object.fromEntries(modules.map((m) => [m.code, 0]));
    let total = 0;
    let complete = aspects.length > 0;
    for (const a of aspects) {
      const list = entries.get(key(c.id, a.id)) ?? [];
      const outcome = aspectOutcome({
        kind: a.kind,
        maxCenti: a.max_centi,
        entries: list,
        requiredJudges: event.judges_per_aspect,
        tolerance: event.spread_tolerance,
        moderation: moderated.get(key(c.id, a.id)) ?? null,
      });
      outcomes.set(a.id, { ...outcome, entries: list });
      const mark = outcome.markCenti ?? 0;
      byModule[moduleCode.get(a.module_id)!] += mark;
      total += mark;
      if (!outcome.complete) complete = false;
    }
    return { id: c.id, regNo: c.reg_no, blindCode: c.blind_code, name: c.name, unitId: c.unit_id, unit: c.unit, juryRank: c.jury_rank, aspects: outcomes, modules: byModule, totalCenti: total, complete };
  });
  return { event, modules, aspects, contestants: evaluated, moderations: moderated };
}

export type EventEvaluation = Awaited<ReturnType<typeof computeEvaluation>>;
