import type { CurrentUser } from '../../shared/auth.js';
import type { TransitionInput } from '../../shared/projects.js';
import { isOpenStage, nextStage, rollbackTargets, STAGE_LABELS, STAGES, stageIndex, type AnyStage, type Stage, type StageDates } from '../../shared/stages.js';
import type { ProjectRow } from '../db/schema.js';
import { ConflictError, ValidationError } from '../errors.js';
import { assertCanRollback } from './policy.js';

type StageColumns = Pick<
  ProjectRow,
  'stage' | 'stage_date' | 'next_planned_on' | 'terminated_reason' | `${Stage}_on`
>;

export interface TransitionPlan {
  kind: 'advance' | 'terminate' | 'rollback';
  changes: Partial<StageColumns>;
}

const label = (s: AnyStage) => STAGE_LABELS[s];

/** The planned date of the stage after `stage`: when it passes unreached, the project is overdue. */
export function nextPlannedOn(stage: AnyStage, row: Pick<ProjectRow, `planned_${Exclude<Stage, 'negotiating'>}_on`>): string | null {
  const next = nextStage(stage);
  if (!next || next === 'negotiating') return null;
  return row[`planned_${next}_on`];
}

export function stageDatesOf(row: Pick<ProjectRow, `${Stage}_on`>): StageDates {
  return Object.fromEntries(STAGES.map((s) => [s, row[`${s}_on`]]));
}

// The transition body is {to, date, note}: a note given without a reason serves as the reason.
function requireReason(input: TransitionInput): string {
  const reason = input.reason || input.note;
  if (!reason) {
    throw new ValidationError('reason', { zh: '请填写原因', en: 'A reason is required' }, 'reason_required');
  }
  return reason;
}

function assertNotFuture(input: TransitionInput, today: string): void {
  if (input.date > today) {
    throw new ValidationError('date', { zh: `日期不能晚于今天(${today})`, en: `The date cannot be after today (${today})` }, 'date_in_future');
  }
}

function checkDate(input: TransitionInput, previousDate: string, previousStage: AnyStage, today: string): void {
  assertNotFuture(input, today);
  if (input.date < previousDate) {
    const p = label(previousStage);
    throw new ValidationError(
      'date',
      { zh: `日期不能早于「${p.zh}」阶段的日期 ${previousDate}`, en: `The date cannot be before the ${p.en} date, ${previousDate}` },
      'date_before_previous_stage',
    );
  }
}

type PlannedRow = Parameters<typeof nextPlannedOn>[1];

export function planTransition(options: {
  row: StageColumns & PlannedRow;
  input: TransitionInput;
  user: CurrentUser;
  today: string;
}): TransitionPlan {
  const { row, input, user, today } = options;
  const current = row.stage as AnyStage;
  const to = input.to;

  if (to === 'terminated') {
    if (!isOpenStage(current)) {
      throw new ConflictError({ zh: `项目已${label(current).zh},不能终止`, en: `The project is already ${label(current).en.toLowerCase()} and cannot be terminated` }, 'project_closed', 'to');
    }
    const reason = requireReason(input);
    checkDate(input, row.stage_date, current, today);
    return { kind: 'terminate', changes: { stage: 'terminated', stage_date: input.date, terminated_reason: reason, next_planned_on: null } };
  }

  const goingBack = current === 'terminated' || stageIndex(to) < stageIndex(current);
  if (goingBack) {
    assertCanRollback(user);
    const reason = requireReason(input);
    if (!rollbackTargets(current, stageDatesOf(row)).includes(to)) {
      throw new ValidationError('to', { zh: '只能回退到项目实际到达过的阶段', en: 'A project can only go back to a stage it actually reached' }, 'invalid_rollback');
    }
    assertNotFuture(input, today);
    const cleared = Object.fromEntries(STAGES.slice(stageIndex(to) + 1).map((s) => [`${s}_on`, null]));
    return {
      kind: 'rollback',
      changes: { ...cleared, stage: to, stage_date: row[`${to}_on`]!, terminated_reason: null, next_planned_on: nextPlannedOn(to, row) },
    };
  }

  const expected = nextStage(current);
  if (to === current) {
    throw new ValidationError('to', { zh: `项目已处于「${label(to).zh}」阶段`, en: `The project is already ${label(to).en}` }, 'stage_unchanged');
  }
  if (expected === null) {
    throw new ConflictError({ zh: '项目已达产,没有后续阶段', en: 'The project is at full capacity; there is no further stage' }, 'project_closed', 'to');
  }
  if (to !== expected) {
    throw new ValidationError(
      'to',
      { zh: `不能跳过阶段:「${label(current).zh}」之后应为「${label(expected).zh}」`, en: `Stages cannot be skipped: after ${label(current).en} comes ${label(expected).en}` },
      'stage_skipped',
    );
  }
  checkDate(input, row.stage_date, current, today);
  return {
    kind: 'advance',
    changes: { stage: to, stage_date: input.date, [`${to}_on`]: input.date, next_planned_on: nextPlannedOn(to, row) },
  };
}
