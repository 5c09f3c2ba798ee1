import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDayListSchema, deadlineSchema, serviceLevelListSchema } from '../../shared/calendar.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';

let server: TestServer;
let admin: ApiClient;
let mulei: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.as('admin');
  mulei = await server.as('mulei');
});
afterAll(() => server?.close());

const put = (client: ApiClient, day: string, body: unknown) => client.request('PUT', `/api/calendar/days/${day}`, body);
const remove = (client: ApiClient, day: string) => client.request('DELETE', `/api/calendar/days/${day}`);
const dueOn = async (client: ApiClient, from: string, days: number) => {
  const res = await client.get(`/api/calendar/deadline?from=${from}&days=${days}`);
  expect(res.status).toBe(200);
  return deadlineSchema.parse(res.body).dueOn;
};

describe('working-day deadlines through /api/calendar/deadline', () => {
  beforeAll(async () => {
    // 2030: a May Day break Wednesday to Friday and a make-up Saturday after it (2030-05-11).
    for (const day of ['2030-05-01', '2030-05-02', '2030-05-03']) expect((await put(admin, day, { kind: 'holiday', name: '劳动节' })).status).toBe(200);
    expect((await put(admin, '2030-05-11', { kind: 'workday', name: '劳动节调休上班' })).status).toBe(200);
  });

  it('weekends and holidays are skipped across the month end: Mon 04-29 + 3 working days → Tue 05-07', async () => {
    expect(await dueOn(mulei, '2030-04-29', 3)).toBe('2030-05-07');
  });

  it('a make-up Saturday counts: Wed 05-08 + 3 → Sat 05-11; + 4 → Mon 05-13', async () => {
    expect(await dueOn(mulei, '2030-05-08', 3)).toBe('2030-05-11');
    expect(await dueOn(mulei, '2030-05-08', 4)).toBe('2030-05-13');
  });

  it('an ordinary week: Fri + 1 → the Monday; 0 days → the start itself', async () => {
    expect(await dueOn(mulei, '2030-06-07', 1)).toBe('2030-06-10');
    expect(await dueOn(mulei, '2030-06-07', 0)).toBe('2030-06-07');
  });

  it('the official 2026 Spring Festival from migration 0016: Fri 02-13 + 1 → make-up Sat 02-14; + 2 → Tue 02-24 after the nine-day break', async () => {
    expect(await dueOn(mulei, '2026-02-13', 1)).toBe('2026-02-14');
    expect(await dueOn(mulei, '2026-02-13', 2)).toBe('2026-02-24');
  });

  it('deleting a holiday moves the deadline back: without 05-03, Mon 04-29 + 2 → Fri 05-03 and + 3 → Mon 05-06', async () => {
    expect((await remove(admin, '2030-05-03')).status).toBe(204);
    expect(await dueOn(mulei, '2030-04-29', 3)).toBe('2030-05-06');
    expect(await dueOn(mulei, '2030-04-29', 2)).toBe('2030-05-03');
    expect((await put(admin, '2030-05-03', { kind: 'holiday', name: '劳动节' })).status).toBe(200);
  });

  it('a bad start date or day count → 400 naming the field', async () => {
    const badDate = await mulei.get('/api/calendar/deadline?from=2030-02-30&days=3');
    expect([badDate.status, badDate.body.error.field]).toEqual([400, 'from']);
    const badDays = await mulei.get('/api/calendar/deadline?from=2030-02-01&days=-1');
    expect([badDays.status, badDays.body.error.field]).toEqual([400, 'days']);
  });
});

describe('the calendar', () => {
  it('GET /api/calendar?year=2025 lists the official days, 调休 included → 200', async () => {
    const res = await mulei.get('/api/calendar?year=2025');
    expect(res.status).toBe(200);
    const items = calendarDayListSchema.parse(res.body).items;
    expect(items.find((d) => d.day === '2025-01-28')).toEqual({ day: '2025-01-28', kind: 'holiday', name: '春节' });
    expect(items.find((d) => d.day === '2025-09-28')).toEqual({ day: '2025-09-28', kind: 'workday', name: '国庆节、中秋节调休上班' });
    expect(items.every((d) => d.day.startsWith('2025-'))).toBe(true);
  });

  it('a make-up working day on a weekday → 400 naming kind, in the caller’s language', async () => {
    const res = await put(admin, '2030-05-08', { kind: 'workday', name: '调休' });
    expect([res.status, res.body.error.field]).toEqual([400, 'kind']);
    expect(res.body.error.message).toContain('周六或周日');
    admin.lang = 'en';
    const en = await put(admin, '2030-05-08', { kind: 'workday', name: '调休' });
    admin.lang = 'zh';
    expect(en.body.error.message).toContain('Saturday or Sunday');
  });

  it('a holiday without a name → 400 naming name; an impossible date → 400 naming day', async () => {
    const noName = await put(admin, '2030-10-01', { kind: 'holiday', name: '  ' });
    expect([noName.status, noName.body.error.field]).toEqual([400, 'name']);
    const badDay = await put(admin, '2030-13-01', { kind: 'holiday', name: '国庆节' });
    expect([badDay.status, badDay.body.error.field]).toEqual([400, 'day']);
  });

  it('a region officer writing the calendar → 403; deleting a day that is not an exception → 404', async () => {
    expect((await put(mulei, '2030-10-01', { kind: 'holiday', name: '国庆节' })).status).toBe(403);
    expect((await remove(mulei, '2030-05-01')).status).toBe(403);
    expect((await remove(admin, '2030-07-01')).status).toBe(404);
  });

  it('changing a day is audited with before and after → 200', async () => {
    expect((await put(admin, '2030-05-01', { kind: 'holiday', name: '国际劳动节' })).status).toBe(200);
    const entry = await server.db.selectFrom('audit_log').selectAll().where('action', '=', 'calendar.set').where('entity_id', '=', '2030-05-01').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(JSON.parse(entry.before_json!)).toMatchObject({ name: '劳动节' });
    expect(JSON.parse(entry.after_json!)).toMatchObject({ name: '国际劳动节' });
  });
});

describe('service levels', () => {
  it('every signed-in user reads them → 200 with the departments to choose from', async () => {
    const res = serviceLevelListSchema.parse((await mulei.get('/api/service-levels')).body);
    expect(res.items.find((l) => l.category === 'land')).toMatchObject({ departmentCode: 'zrzy', departmentName: '自然资源局', workingDays: 10, escalateAfterDays: 3 });
    expect(res.departments.map((d) => d.code)).toContain('gdj');
  });

  it('the admin changes one category → 200, audited', async () => {
    const res = await admin.request('PUT', '/api/service-levels', { items: [{ category: 'power', departmentCode: 'gdj', workingDays: 4, escalateAfterDays: 1 }] });
    expect(res.status).toBe(200);
    expect(res.body.items.find((l: { category: string }) => l.category === 'power')).toMatchObject({ workingDays: 4, escalateAfterDays: 1 });
    const audit = await server.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'service_level.update').execute();
    expect(audit.map((a) => a.entity_id)).toContain('power');
  });

  it('0 or 61 working days → 400 naming the field; an unknown department → 400 naming it', async () => {
    const zero = await admin.request('PUT', '/api/service-levels', { items: [{ category: 'power', departmentCode: 'gdj', workingDays: 0, escalateAfterDays: 1 }] });
    expect([zero.status, zero.body.error.field]).toEqual([400, 'items.0.workingDays']);
    expect(zero.body.error.message).toBe('“用电”的办理时限应为 1 至 60 个工作日');
    const big = await admin.request('PUT', '/api/service-levels', { items: [{ category: 'power', departmentCode: 'gdj', workingDays: 5, escalateAfterDays: 61 }] });
    expect([big.status, big.body.error.field]).toEqual([400, 'items.0.escalateAfterDays']);
    admin.lang = 'en';
    const en = await admin.request('PUT', '/api/service-levels', { items: [{ category: 'power', departmentCode: 'gdj', workingDays: 5, escalateAfterDays: 61 }] });
    admin.lang = 'zh';
    expect(en.body.error.message).toBe('The escalation delay for Power must be 1 to 60 working days');
    const fraction = await admin.request('PUT', '/api/service-levels', { items: [{ category: 'power', departmentCode: 'gdj', workingDays: 2.5, escalateAfterDays: 1 }] });
    expect([fraction.status, fraction.body.error.field]).toEqual([400, 'items.0.workingDays']);
    const dept = await admin.request('PUT', '/api/service-levels', { items: [{ category: 'power', departmentCode: 'nope', workingDays: 5, escalateAfterDays: 2 }] });
    expect([dept.status, dept.body.error.field]).toEqual([400, 'items.0.departmentCode']);
    const after = serviceLevelListSchema.parse((await admin.get('/api/service-levels')).body);
    expect(after.items.find((l) => l.category === 'power')).toMatchObject({ departmentCode: 'gdj', workingDays: 4 });
  });

  it('a region officer changing them → 403', async () => {
    const res = await mulei.request('PUT', '/api/service-levels', { items: [{ category: 'power', departmentCode: 'gdj', workingDays: 9, escalateAfterDays: 1 }] });
    expect(res.status).toBe(403);
  });
});
