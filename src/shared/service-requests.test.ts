import { describe, expect, it } from 'vitest';
import { deriveRequestStatus, requestLight } from './service-requests.js';

describe('a request’s status from its departments', () => {
  it.each([
    ['submitted', ['submitted', 'submitted'], 'submitted'],
    ['submitted', ['accepted', 'submitted'], 'accepted'],
    ['accepted', ['in_progress', 'submitted'], 'in_progress'],
    ['in_progress', ['resolved', 'accepted'], 'in_progress'],
    ['in_progress', ['resolved', 'resolved'], 'resolved'],
    ['reopened', ['resolved', 'in_progress'], 'reopened'],
    ['reopened', ['resolved', 'resolved'], 'resolved'],
  ] as const)('%s with %j → %s', (current, assignments, expected) => {
    expect(deriveRequestStatus(current, assignments)).toBe(expected);
  });
});

describe('the light', () => {
  it.each([
    ['in_progress', '2026-03-10', '2026-03-13', '2026-03-10', 'green'],
    ['in_progress', '2026-03-10', '2026-03-13', '2026-03-11', 'yellow'],
    ['in_progress', '2026-03-10', '2026-03-13', '2026-03-13', 'red'],
    ['resolved', null, null, '2026-03-20', null],
    ['confirmed', '2026-03-10', '2026-03-13', '2026-03-20', null],
  ] as const)('%s due %s red %s on %s → %s', (status, due, red, today, expected) => {
    expect(requestLight(status, due, red, today)).toBe(expected);
  });
});
