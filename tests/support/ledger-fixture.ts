import type { Insertable, Kysely } from 'kysely';
import type { DB, ProjectTable } from '../../src/server/db/schema.js';
import { rebuildNodeCounts } from '../../src/server/enterprises/node-counts.js';
import { buildUscc } from './factories.js';
import { insertServiceRequest } from './service-fixture.js';

let serial = 0;

/** A project row with its stage dates set directly: figures tests need dates in the past. */
export async function insertLedgerProject(db: Kysely<DB>, overrides: Partial<Insertable<ProjectTable>> & { region_code: string }): Promise<number> {
  serial += 1;
  const now = new Date().toISOString();
  const row: Insertable<ProjectTable> = {
    name: `台账项目${serial}`,
    investor_name: `投资方${serial}`,
    investor_uscc: null,
    cluster: '',
    chain: '',
    investment_yuan: 0,
    funds_in_place_yuan: 0,
    capacity: '',
    description: '',
    chain_leader: '',
    officer: '',
    tag_green: 0,
    tag_innovation: 0,
    tag_value: 0,
    stage: 'signed',
    stage_date: overrides.signed_on ?? '2025-01-01',
    is_sample: 0,
    search_text: '',
    version: 1,
    created_by: null,
    created_at: now,
    updated_at: now,
    ...overrides,
  };
  const { id } = await db.insertInto('projects').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function insertEnterprise(db: Kysely<DB>, o: { name: string; regionCode: string | null; uscc?: string; isLocal?: boolean }): Promise<number> {
  const now = new Date().toISOString();
  const { id } = await db
    .insertInto('enterprises')
    .values({
      name: o.name,
      uscc: o.uscc ?? buildUscc(),
      is_local: o.isLocal === false ? 0 : 1,
      region_code: o.regionCode,
      province: '新疆维吾尔自治区',
      city: '昌吉回族自治州',
      size: 'medium',
      contact_name: '',
      contact_phone: '',
      description: '',
      search_text: '',
      is_sample: 0,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertEvent(db: Kysely<DB>, name: string, startsOn: string): Promise<number> {
  const now = new Date().toISOString();
  const { id } = await db.insertInto('events').values({ name, starts_on: startsOn, ends_on: startsOn, created_by: null, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Records a project as signed at an event (the event's 签约 list). */
export async function insertSigning(db: Kysely<DB>, eventId: number, projectId: number, regionCode: string, signedOn: string): Promise<void> {
  await db
    .insertInto('event_signings')
    .values({ event_id: eventId, project_id: projectId, region_code: regionCode, investor_name: '投资方', investor_enterprise_id: null, partner_enterprise_id: null, signed_on: signedOn, created_at: new Date().toISOString() })
    .execute();
}

export const LEDGER_PERIOD = 'from=2025-01-01&to=2025-12-31';
const M = 1_000_000;

/**
 * The hand-built ledger the command view's tests know the answers to (period 2025):
 * 木垒 P1 signed 01-10 → landed +30 → started +30 → operating +90, 100M / 50M in place, at event E1;
 *      P2 signed 03-01 → landed +40, 200M / 20M, planned landing passed (overdue);
 *      P3 signed 05-01, terminated, 50M; P4 signed 2024-12-31 (outside the period), 999M; P6 negotiating since 02-01;
 * 玛纳斯 P5 signed 06-01 → landed +30 → started +10, 300M fully in place, at E1, the demo enterprise's.
 * Requests (by Shanghai day raised): R1 P1 confirmed on time ★5 → 发改; R2 P2 resolved late → 自然资源;
 * R3 P5 confirmed on time ★3 → 发改 (the demo enterprise's); R4 open; R5 raised 2024-12-31 23:59 ★1;
 * R6 raised 2025-01-01 00:00, no project, confirmed on time ★4 → 自然资源.
 */
export async function buildCommandLedger(db: Kysely<DB>, demoUscc: string) {
  const mulei = '652328';
  const manas = '652324';
  const now = new Date().toISOString();
  const { id: clusterId } = await db.insertInto('clusters').values({ code: 'new_energy', name: '新能源', sort_order: 1 }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('clusters').values({ code: 'coal_chem', name: '煤化工', sort_order: 2 }).execute();
  const { id: chainId } = await db
    .insertInto('chains')
    .values({ cluster_id: clusterId, name: '风电装备', description: '', weak_threshold: 1, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const { id: nodeId } = await db.insertInto('chain_nodes').values({ chain_id: chainId, name: '整机制造', position: 'midstream', sort_order: 1 }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('chain_nodes').values({ chain_id: chainId, name: '叶片制造', position: 'upstream', sort_order: 2 }).execute();

  const local = await insertEnterprise(db, { name: '木垒风电有限公司', regionCode: mulei });
  await db.insertInto('enterprise_nodes').values({ enterprise_id: local, node_id: nodeId }).execute();
  const demo = await insertEnterprise(db, { name: '示例新能源', regionCode: manas, uscc: demoUscc });
  const e1 = await insertEvent(db, '2025年招商推介会', '2025-01-10');

  const p1 = await insertLedgerProject(db, { region_code: mulei, cluster: 'new_energy', stage: 'operating', signed_on: '2025-01-10', landed_on: '2025-02-09', started_on: '2025-03-11', operating_on: '2025-06-09', investment_yuan: 100 * M, funds_in_place_yuan: 50 * M, next_planned_on: null });
  const p2 = await insertLedgerProject(db, { region_code: mulei, cluster: 'new_energy', stage: 'landed', signed_on: '2025-03-01', landed_on: '2025-04-10', investment_yuan: 200 * M, funds_in_place_yuan: 20 * M, next_planned_on: '2025-05-01' });
  await insertLedgerProject(db, { region_code: mulei, cluster: 'coal_chem', stage: 'terminated', signed_on: '2025-05-01', investment_yuan: 50 * M, next_planned_on: null });
  await insertLedgerProject(db, { region_code: mulei, cluster: 'coal_chem', stage: 'landed', signed_on: '2024-12-31', landed_on: '2025-01-05', investment_yuan: 999 * M, next_planned_on: '2025-02-01' });
  const p5 = await insertLedgerProject(db, { region_code: manas, cluster: 'coal_chem', stage: 'started', signed_on: '2025-06-01', landed_on: '2025-07-01', started_on: '2025-07-11', investment_yuan: 300 * M, funds_in_place_yuan: 300 * M, investor_uscc: demoUscc, next_planned_on: '2099-01-01' });
  await insertLedgerProject(db, { region_code: mulei, cluster: 'new_energy', stage: 'negotiating', negotiating_on: '2025-02-01', signed_on: null, investment_yuan: 10 * M, next_planned_on: null });
  await insertSigning(db, e1, p1, mulei, '2025-01-10');
  await insertSigning(db, e1, p5, manas, '2025-06-01');

  const closed = { due_on: null, red_on: null };
  await insertServiceRequest(db, { enterprise_id: local, project_id: p1, region_code: mulei, status: 'confirmed', resolved_on_time: 1, rating: 5, created_at: '2025-03-01T02:00:00.000Z', ...closed }, [{ department_code: 'fgw' }]);
  await insertServiceRequest(db, { enterprise_id: local, project_id: p2, region_code: mulei, status: 'resolved', resolved_on_time: 0, created_at: '2025-04-01T02:00:00.000Z', ...closed }, [{ department_code: 'zrzy' }]);
  await insertServiceRequest(db, { enterprise_id: demo, project_id: p5, region_code: manas, status: 'confirmed', resolved_on_time: 1, rating: 3, created_at: '2025-05-01T02:00:00.000Z', ...closed }, [{ department_code: 'fgw' }]);
  await insertServiceRequest(db, { enterprise_id: local, project_id: p1, region_code: mulei, status: 'in_progress', created_at: '2025-06-01T02:00:00.000Z' }, [{ department_code: 'fgw' }]);
  await insertServiceRequest(db, { enterprise_id: local, region_code: mulei, status: 'confirmed', resolved_on_time: 1, rating: 1, created_at: '2024-12-31T15:59:00.000Z', ...closed }, [{ department_code: 'zrzy' }]);
  await insertServiceRequest(db, { enterprise_id: local, region_code: mulei, status: 'confirmed', resolved_on_time: 1, rating: 4, created_at: '2024-12-31T16:00:00.000Z', ...closed }, [{ department_code: 'zrzy' }]);
  // Enterprises and their nodes were written past the commands: the counts kept on write follow.
  await rebuildNodeCounts(db);
  return { e1, p1, p2, p5 };
}
