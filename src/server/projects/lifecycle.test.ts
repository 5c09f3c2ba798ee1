import { describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../shared/auth.js';
import { AppError } from '../errors.js';
import { furthestReached } from '../../shared/stages.js';
import { planTransition, stageDatesOf } from './lifecycle.js';

const officer: CurrentUser = { id: 2, username: 'mulei', displayName: 'm', role: 'region', regionCodes: ['652328'], department: null, enterpriseUscc: null, totpEnabled: false };
const admin: CurrentUser = { ...officer, id: 1, username: 'admin', role: 'admin', regionCodes: [] };
const today = '2026-11-27';

function row(overrides: Record<string, unknown> = {}) {
  return {
    stage: 'signed',
    stage_date: '2026-05-17',
    next_planned_on: '2026-07-01',
    terminated_reason: null,
    negotiating_on: null,
    signed_on: '2026-05-17',
    landed_on: null,
    started_on: null,
    operating_on: null,
    full_capacity_on: null,
    planned_signed_on: null,
    planned_landed_on: '2026-07-01',
    planned_started_on: '2026-12-01',
    planned_operating_on: null,
    planned_full_capacity_on: null,
    ...overrides,
  } as Parameters<typeof planTransition>[0]['row'];
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? `${e.status} ${e.code} ${e.field ?? ''}`.trim() : 'other';
  }
  return 'none';
}

describe('planTransition', () => {
  it('advances one stage and points the overdue clock at the next planned date', () => {
    const plan = planTransition({ row: row(), input: { to: 'landed', date: '2026-06-30' }, user: officer, today });
    expect(plan.kind).toBe('advance');
    expect(plan.changes).toMatchObject({ stage: 'landed', stage_date: '2026-06-30', landed_on: '2026-06-30', next_planned_on: '2026-12-01' });
  });

  it('refuses a skipped stage with 400 on the target', () => {
    expect(codeOf(() => planTransition({ row: row(), input: { to: 'started', date: '2026-06-30' }, user: officer, today }))).toBe('400 stage_skipped to');
  });

  it('refuses a date before the current stage and a date after today', () => {
    expect(codeOf(() => planTransition({ row: row(), input: { to: 'landed', date: '2026-05-16' }, user: officer, today }))).toBe('400 date_before_previous_stage date');
    expect(codeOf(() => planTransition({ row: row(), input: { to: 'landed', date: '2026-11-28' }, user: officer, today }))).toBe('400 date_in_future date');
  });

  it('accepts the same day as the previous stage and today itself', () => {
    expect(planTransition({ row: row(), input: { to: 'landed', date: '2026-05-17' }, user: officer, today }).kind).toBe('advance');
    expect(planTransition({ row: row(), input: { to: 'landed', date: today }, user: officer, today }).kind).toBe('advance');
  });

  it('terminates an open project only with a reason (a note serves as one)', () => {
    expect(codeOf(() => planTransition({ row: row(), input: { to: 'terminated', date: today }, user: officer, today }))).toBe('400 reason_required reason');
    expect(planTransition({ row: row(), input: { to: 'terminated', date: today, note: '企业撤资' }, user: officer, today }).changes.terminated_reason).toBe('企业撤资');
    const plan = planTransition({ row: row(), input: { to: 'terminated', date: today, reason: '企业撤资' }, user: officer, today });
    expect(plan.changes).toMatchObject({ stage: 'terminated', terminated_reason: '企业撤资', next_planned_on: null });
  });

  it('does not terminate or advance a project at full capacity', () => {
    const done = row({ stage: 'full_capacity', full_capacity_on: '2026-10-01', stage_date: '2026-10-01' });
    expect(codeOf(() => planTransition({ row: done, input: { to: 'terminated', date: today, reason: 'x' }, user: admin, today }))).toBe('409 project_closed to');
  });

  it('lets only an admin go back, with a reason, clearing later dates', () => {
    const landed = row({ stage: 'landed', stage_date: '2026-06-30', landed_on: '2026-06-30' });
    expect(codeOf(() => planTransition({ row: landed, input: { to: 'signed', date: today, reason: '录入错误' }, user: officer, today }))).toBe('403 rollback_admin_only to');
    expect(codeOf(() => planTransition({ row: landed, input: { to: 'signed', date: today }, user: admin, today }))).toBe('400 reason_required reason');
    // Created at 签约, it never was 洽谈: there is no date to go back to.
    expect(codeOf(() => planTransition({ row: landed, input: { to: 'negotiating', date: today, reason: 'x' }, user: admin, today }))).toBe('400 invalid_rollback to');
    const plan = planTransition({ row: landed, input: { to: 'signed', date: today, reason: '录入错误' }, user: admin, today });
    expect(plan.changes).toMatchObject({ stage: 'signed', stage_date: '2026-05-17', landed_on: null, next_planned_on: '2026-07-01' });
  });

  it('reopens a terminated project at a stage it had reached, and no further', () => {
    const ended = row({ stage: 'terminated', stage_date: '2026-08-01', landed_on: '2026-06-30', terminated_reason: 'x' });
    expect(furthestReached(stageDatesOf(ended))).toBe('landed');
    expect(codeOf(() => planTransition({ row: ended, input: { to: 'started', date: today, reason: '恢复' }, user: admin, today }))).toBe('400 invalid_rollback to');
    const plan = planTransition({ row: ended, input: { to: 'landed', date: today, reason: '恢复' }, user: admin, today });
    expect(plan.changes).toMatchObject({ stage: 'landed', terminated_reason: null, stage_date: '2026-06-30' });
  });
});
