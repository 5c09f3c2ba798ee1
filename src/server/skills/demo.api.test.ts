import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ demoSkills: true });
});
afterAll(async () => {
  await server?.close();
});

describe('the demo skills selection', () => {
  it('holds the report’s three events and fourteen delegations; every sample name says 示例', async () => {
    const organiser = await server.as('saishi');
    const [competition] = (await organiser.get('/api/skills/competitions')).body.items;
    const detail = (await organiser.get(`/api/skills/competitions/${competition.id}`)).body;
    expect(detail.events.map((e: { name: string }) => e.name).sort()).toEqual(['增材制造设备技术', '工业互联网工程技术', '机器人焊接技术'].sort());
    expect(detail.delegations).toHaveLength(14);
    const units = detail.units.filter((u: { kind: string }) => u.kind !== 'host');
    expect(units.every((u: { name: string }) => u.name.includes('示例'))).toBe(true);
    const names = await server.db.selectFrom('skills_contestants').select('name').execute();
    expect(names.every((c) => c.name.includes('示例'))).toBe(true);
  });

  it('keeps its own rules: no judge marked a contestant of their own unit, and the finished event is signed off and certified', async () => {
    const conflicts = await server.db
      .selectFrom('skills_marks as m')
      .innerJoin('skills_judges as j', 'j.id', 'm.judge_id')
      .innerJoin('skills_contestants as c', 'c.id', 'm.contestant_id')
      .select('m.id')
      .whereRef('j.unit_id', '=', 'c.unit_id')
      .execute();
    expect(conflicts).toEqual([]);
    const organiser = await server.as('saishi');
    const event = await server.db.selectFrom('skills_events').select('id').where('code', '=', 'JQRHJ').executeTakeFirstOrThrow();
    const results = (await organiser.get(`/api/skills/events/${event.id}/results`)).body;
    expect(results.allLocked).toBe(true);
    expect(results.rows.every((r: { complete: boolean; certificateCode: string | null }) => r.complete && r.certificateCode)).toBe(true);
    expect(results.rows.filter((r: { qualified: boolean }) => r.qualified)).toHaveLength(2);
    const moderation = (await organiser.get(`/api/skills/events/${event.id}/moderation`)).body.items;
    expect(moderation.length).toBeGreaterThan(0);
    expect(moderation.every((m: { moderation: unknown }) => m.moderation)).toBe(true);
  });
});
