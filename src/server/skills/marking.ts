import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { JudgeQueue, MarkInput, MarkSheet, ModerationInput } from '../../shared/skills.js';
import { recordAudit } from '../audit/record.js';
import { nowIso } from '../clock.js';
import type { DB } from '../db/schema.js';
import { ConflictError, ForbiddenError, MarksLockedError, NotFoundError, ValidationError } from '../errors.js';
import { moderationValue } from './arithmetic.js';
import { evaluateEvent, touchEvents } from './evaluate.js';
import { assertChiefOrOrganiser, assertNoConflict, CONTESTANT_NOUN, findEventInScope, judgeFor } from './policy.js';
import { loadScheme } from './scheme.js';

// Marking: the judge's queue (own unit's contestants never in it), the sheet, writing a mark (the
// conflict of interest refused and logged again here), the chief judge's moderation, sign-off and
// the audited unlock.

export async function judgeQueue(db: Kysely<DB>, user: CurrentUser): Promise<JudgeQueue> {
  const judges = await db
    .selectFrom('skills_judges as j')
    .innerJoin('skills_events as e', 'e.id', 'j.event_id')
    .select(['j.id as judgeId', 'j.unit_id', 'j.is_chief', 'e.id', 'e.code', 'e.name'])
    .where('j.user_id', '=', user.id)
    .orderBy('e.code')
    .execute();
  const events = [];
  for (const j of judges) {
    const [scheme, contestants] = await Promise.all([
      loadScheme(db, j.id),
      db
        .selectFrom('skills_contestants as c')
        .select((eb) => [
          'c.id',
          'c.blind_code',
          eb.selectFrom('skills_marks as m').select((x) => x.fn.countAll<number>().as('n')).where('m.judge_id', '=', j.judgeId).whereRef('m.contestant_id', '=', 'c.id').as('marked'),
        ])
        .where('c.event_id', '=', j.id)
        .where('c.eligibility', '=', 'eligible')
        .where('c.unit_id', '!=', j.unit_id)
        .orderBy('c.blind_code')
        .execute(),
    ]);
    events.push({
      id: j.id,
      code: j.code,
      name: j.name,
      judgeId: j.judgeId,
      isChief: j.is_chief === 1,
      modules: scheme.modules,
      contestants: contestants.map((c) => ({ id: c.id, blindCode: c.blind_code, marked: Number(c.marked ?? 0) })),
    });
  }
  return { events };
}

async function contestantForJudging(db: Kysely<DB>, user: CurrentUser, contestantId: number) {
  const contestant = await db.selectFrom('skills_contestants').select(['id', 'event_id', 'unit_id', 'blind_code', 'eligibility']).where('id', '=', contestantId).executeTakeFirst();
  if (!contestant || contestant.eligibility !== 'eligible') throw new NotFoundError(CONTESTANT_NOUN);
  // Not judging the event reads as "no such contestant", like any other record outside one's scope.
  const judge = await judgeFor(db, user, contestant.event_id).catch(() => {
    throw new NotFoundError(CONTESTANT_NOUN);
  });
  return { contestant, judge };
}

export async function markSheet(db: Kysely<DB>, user: CurrentUser, contestantId: number): Promise<MarkSheet> {
  const { contestant, judge } = await contestantForJudging(db, user, contestantId);
  await assertNoConflict(db, user, judge, contestant, 'view');
  const marks = await db.selectFrom('skills_marks').select(['aspect_id', 'value']).where('contestant_id', '=', contestant.id).where('judge_id', '=', judge.id).execute();
  return { contestantId: contestant.id, blindCode: contestant.blind_code, eventId: contestant.event_id, marks: marks.map((m) => ({ aspectId: m.aspect_id, value: m.value })) };
}

async function aspectOfEvent(db: Kysely<DB>, aspectId: number, eventId: number) {
  const aspect = await db
    .selectFrom('skills_aspects as a')
    .innerJoin('skills_modules as m', 'm.id', 'a.module_id')
    .select(['a.id', 'a.kind', 'a.max_centi', 'a.code', 'm.locked'])
    .where('a.id', '=', aspectId)
    .where('a.event_id', '=', eventId)
    .executeTakeFirst();
  if (!aspect) throw new ValidationError('aspectId', { zh: '评分项不属于该选手的赛项', en: 'The aspect is not in the contestant’s event' });
  return aspect;
}

/** `jScale` is 3 for a judge's score and 300 for a chief's re-mark, which is in hundredths. */
function assertInScale(kind: string, maxCenti: number, value: number, field: string, jScale: number): void {
  const max = kind === 'J' ? jScale : maxCenti;
  if (value > max) {
    throw new ValidationError(field, kind === 'J' ? { zh: '评价分须在 0–3 分之间', en: 'A judgement score is from 0 to 3' } : { zh: `测量分不能超过该项分值 ${maxCenti / 100}`, en: `A measurement mark cannot exceed ${maxCenti / 100}` });
  }
}

export async function writeMark(options: { db: Kysely<DB>; user: CurrentUser; input: MarkInput }): Promise<void> {
  const { db, user, input } = options;
  const { contestant, judge } = await contestantForJudging(db, user, input.contestantId);
  await assertNoConflict(db, user, judge, contestant, 'mark');
  const aspect = await aspectOfEvent(db, input.aspectId, contestant.event_id);
  assertInScale(aspect.kind, aspect.max_centi, input.value, 'value', 3);
  await db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('skills_modules as m').innerJoin('skills_aspects as a', 'a.module_id', 'm.id').select('m.locked').where('a.id', '=', aspect.id).executeTakeFirstOrThrow();
    if (locked.locked) throw new MarksLockedError();
    const before = await trx.selectFrom('skills_marks').select(['id', 'value']).where('contestant_id', '=', contestant.id).where('aspect_id', '=', aspect.id).where('judge_id', '=', judge.id).executeTakeFirst();
    if (before) await trx.updateTable('skills_marks').set({ value: input.value, updated_at: nowIso() }).where('id', '=', before.id).execute();
    else await trx.insertInto('skills_marks').values({ contestant_id: contestant.id, aspect_id: aspect.id, judge_id: judge.id, value: input.value, updated_at: nowIso() }).execute();
    await touchEvents(trx, { eventId: contestant.event_id });
    await recordAudit(trx, { actor: user, action: 'skills.mark.write', entity: 'skills_contestant', entityId: contestant.id, before: before ? { value: before.value } : undefined, after: { aspect: aspect.code, judgeId: judge.id, value: input.value } });
  });
}

/** The aspects whose spread sends them to the chief judge, with every judge's raw entry. */
export async function moderationList(db: Kysely<DB>, user: CurrentUser, eventId: number) {
  // 404 for an event the caller cannot see (or that does not exist) before anything is evaluated.
  await findEventInScope(db, user, eventId);
  const chief = await assertChiefOrOrganiser(db, user, eventId);
  const evaluation = await evaluateEvent(db, eventId);
  const judges = new Map((await db.selectFrom('skills_judges').select(['id', 'name']).where('event_id', '=', eventId).execute()).map((j) => [j.id, j.name]));
  const items = [];
  for (const c of evaluation.contestants) {
    if (chief && chief.unit_id === c.unitId) continue;
    for (const a of evaluation.aspects) {
      const outcome = c.aspects.get(a.id)!;
      if (!outcome.needsModeration) continue;
      const done = evaluation.moderations.get(`${c.id}:${a.id}`);
      items.push({
        contestantId: c.id,
        blindCode: c.blindCode,
        aspectId: a.id,
        aspectCode: a.code,
        kind: a.kind,
        maxCenti: a.max_centi,
        spread: outcome.spread,
        entries: outcome.entries.map((e) => ({ judgeId: e.judgeId, judge: judges.get(e.judgeId) ?? '', value: e.value })),
        moderation: done ? { method: done.method, value: done.value, reason: done.reason, markCenti: outcome.markCenti ?? 0 } : null,
      });
    }
  }
  return items;
}

export async function moderate(options: { db: Kysely<DB>; user: CurrentUser; input: ModerationInput }): Promise<void> {
  const { db, user, input } = options;
  const contestant = await db.selectFrom('skills_contestants').select(['id', 'event_id', 'unit_id']).where('id', '=', input.contestantId).executeTakeFirst();
  if (!contestant) throw new NotFoundError(CONTESTANT_NOUN);
  const chief = await assertChiefOrOrganiser(db, user, contestant.event_id);
  if (chief) await assertNoConflict(db, user, chief, contestant, 'moderate');
  const aspect = await aspectOfEvent(db, input.aspectId, contestant.event_id);
  const entries = (await db.selectFrom('skills_marks').select(['judge_id', 'value']).where('contestant_id', '=', contestant.id).where('aspect_id', '=', aspect.id).execute()).map((e) => ({ judgeId: e.judge_id, value: e.value }));
  if (!entries.length) throw new ConflictError({ zh: '该评分项尚无评分', en: 'Nobody has marked this aspect yet' }, 'no_marks');
  if (chief && entries.some((e) => e.judgeId === chief.id)) {
    throw new ForbiddenError({ zh: '裁判长不能仲裁自己评过分的评分项', en: 'A chief judge may not moderate a mark they gave' }, undefined, 'moderator_marked');
  }
  if (input.method === 'remark') {
    if (input.value === undefined) throw new ValidationError('value', { zh: '重新评分须填写分数', en: 'A re-mark needs a value' });
    assertInScale(aspect.kind, aspect.max_centi, input.value, 'value', 300);
  }
  const value = moderationValue(aspect.kind, input.method, entries, { judgeId: input.judgeId, value: input.value });
  if (value === null) throw new ValidationError('judgeId', { zh: '请选择一位已评分的裁判', en: 'Pick a judge who marked this aspect' });
  await db.transaction().execute(async (trx) => {
    if (aspect.locked) throw new MarksLockedError();
    const before = await trx.selectFrom('skills_moderations').selectAll().where('contestant_id', '=', contestant.id).where('aspect_id', '=', aspect.id).executeTakeFirst();
    const values = { method: input.method, value, picked_judge_id: input.method === 'judge' ? input.judgeId! : null, reason: input.reason, moderator_judge_id: chief?.id ?? null, moderated_by: user.id, created_at: nowIso() };
    if (before) await trx.updateTable('skills_moderations').set(values).where('id', '=', before.id).execute();
    else await trx.insertInto('skills_moderations').values({ ...values, contestant_id: contestant.id, aspect_id: aspect.id }).execute();
    await touchEvents(trx, { eventId: contestant.event_id });
    await recordAudit(trx, { actor: user, action: 'skills.mark.moderate', entity: 'skills_contestant', entityId: contestant.id, before, after: { aspect: aspect.code, ...values, raw: entries } });
  });
}

async function moduleForChief(db: Kysely<DB>, user: CurrentUser, moduleId: number) {
  const module = await db.selectFrom('skills_modules').selectAll().where('id', '=', moduleId).executeTakeFirst();
  if (!module) throw new NotFoundError({ zh: '模块', en: 'Module' });
  await assertChiefOrOrganiser(db, user, module.event_id);
  return module;
}

/** The chief judge signs a module off once every contestant's every aspect in it is complete. */
export async function signOffModule(options: { db: Kysely<DB>; user: CurrentUser; moduleId: number }): Promise<void> {
  const { db, user } = options;
  const module = await moduleForChief(db, user, options.moduleId);
  const evaluation = await evaluateEvent(db, module.event_id);
  const own = evaluation.aspects.filter((a) => a.module_id === module.id);
  const open = evaluation.contestants.filter((c) => own.some((a) => !c.aspects.get(a.id)!.complete)).length;
  if (open) throw new ConflictError({ zh: `还有 ${open} 名选手的本模块评分未完成或待仲裁`, en: `${open} contestants’ marks in this module are incomplete or await moderation` }, 'marks_incomplete');
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    const changed = await trx.updateTable('skills_modules').set({ locked: 1, signed_off_by: user.id, signed_off_at: now }).where('id', '=', module.id).where('locked', '=', 0).executeTakeFirst();
    if (!Number(changed.numUpdatedRows)) throw new MarksLockedError();
    await touchEvents(trx, { eventId: module.event_id });
    await recordAudit(trx, { actor: user, action: 'skills.module.sign_off', entity: 'skills_module', entityId: module.id, after: { code: module.code, at: now } });
  });
}

export async function unlockModule(options: { db: Kysely<DB>; user: CurrentUser; moduleId: number; reason: string }): Promise<void> {
  const { db, user } = options;
  const module = await moduleForChief(db, user, options.moduleId);
  await db.transaction().execute(async (trx) => {
    const changed = await trx.updateTable('skills_modules').set({ locked: 0, signed_off_by: null, signed_off_at: null }).where('id', '=', module.id).where('locked', '=', 1).executeTakeFirst();
    if (!Number(changed.numUpdatedRows)) throw new ConflictError({ zh: '该模块未锁定', en: 'This module is not locked' }, 'not_locked');
    await touchEvents(trx, { eventId: module.event_id });
    await recordAudit(trx, { actor: user, action: 'skills.module.unlock', entity: 'skills_module', entityId: module.id, before: { signedOffAt: module.signed_off_at, by: module.signed_off_by }, after: { reason: options.reason } });
  });
}
