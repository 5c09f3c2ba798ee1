// What every table generator receives: the seed, the scale, the writer, the chain map once built,
// and date helpers anchored on one day (today in Shanghai unless --today pins it).
import type { Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import type { ChainMap } from './enterprises.js';
import type { Writer } from './writers.js';

export interface Scale {
  enterprises: number; links: number; projects: number; users: number; leads: number; events: number; opportunities: number;
  /** Issue 6: service requests, policies and inbox notices; officers per department and enterprise users with projects. */
  serviceRequests: number; policies: number; notifications: number; officersPerDepartment: number; firmUsers: number;
}

// Leads, events and offers scale with the projects (2 leads, 1/50 event and 1/200 offer per project);
// an event keeps its own size (about 150 guests, 5 groups of 3 stops) at every scale.
// Issue 6 scales with the projects too: one service request and ten inbox notices per project, a policy per 200.
export const SCALES: Record<string, Scale> = {
  town: {
    enterprises: 10_000, links: 50_000, projects: 1_000, users: 100, leads: 2_000, events: 20, opportunities: 5,
    serviceRequests: 1_000, policies: 5, notifications: 10_000, officersPerDepartment: 2, firmUsers: 20,
  },
  prefecture: {
    enterprises: 100_000, links: 500_000, projects: 10_000, users: 300, leads: 20_000, events: 200, opportunities: 50,
    serviceRequests: 10_000, policies: 50, notifications: 100_000, officersPerDepartment: 3, firmUsers: 60,
  },
  province: {
    enterprises: 1_000_000, links: 5_000_000, projects: 100_000, users: 1_000, leads: 200_000, events: 2_000, opportunities: 500,
    serviceRequests: 100_000, policies: 500, notifications: 1_000_000, officersPerDepartment: 5, firmUsers: 200,
  },
};

/** What migration 0015 seeded and the generator follows: departments, service levels, approval templates. */
export interface ServiceVocab {
  departments: { code: string; name: string }[];
  levels: Map<string, { departmentCode: string; workingDays: number; escalateAfterDays: number }>;
  templates: Map<string, { seq: number; name: string; departmentCode: string; blocksStage: string }[]>;
  /** Holidays and make-up working days a migration may already have loaded. */
  calendar: Map<string, 'holiday' | 'workday'>;
}

export async function readServiceVocab(db: Kysely<DB>): Promise<ServiceVocab> {
  const departments = await db.selectFrom('departments').select(['code', 'name']).orderBy('sort_order').execute();
  const levels = await db.selectFrom('service_levels').selectAll().orderBy('category').execute();
  const templates = await db.selectFrom('approval_templates').selectAll().orderBy('project_type').orderBy('seq').execute();
  const days = await db.selectFrom('calendar_days').select(['day', 'kind']).execute();
  const byType = new Map<string, ServiceVocab['templates'] extends Map<string, infer T> ? T : never>();
  for (const t of templates) {
    const list = byType.get(t.project_type) ?? byType.set(t.project_type, []).get(t.project_type)!;
    list.push({ seq: t.seq, name: t.name, departmentCode: t.department_code, blocksStage: t.blocks_stage });
  }
  return {
    departments,
    levels: new Map(levels.map((l) => [l.category, { departmentCode: l.department_code, workingDays: l.working_days, escalateAfterDays: l.escalate_after_days }])),
    templates: byType,
    calendar: new Map(days.map((d) => [d.day, d.kind])),
  };
}


export interface Ctx {
  seed: number;
  scale: Scale;
  w: Writer;
  map: ChainMap;
  services: ServiceVocab;
  today: string;
  /** YYYY-MM-DD, `daysAgo` days before today. */
  dateAt(daysAgo: number): string;
  /** An ISO timestamp on that day (10:30 in Shanghai), the form the app writes. */
  isoAt(daysAgo: number): string;
}

export function createContext(options: { seed: number; scale: Scale; w: Writer; today: string; services: ServiceVocab }): Ctx {
  const anchor = Date.parse(`${options.today}T02:30:00.000Z`);
  const dates: string[] = [];
  const dateAt = (daysAgo: number) => (dates[daysAgo] ??= new Date(anchor - daysAgo * 86_400_000).toISOString().slice(0, 10));
  return {
    ...options,
    map: { chains: [], nodes: [], links: [], covered: [], weak: [] },
    dateAt,
    isoAt: (daysAgo) => `${dateAt(daysAgo)}T02:30:00.000Z`,
  };
}
