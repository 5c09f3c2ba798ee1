import type { Insertable } from 'kysely';
import type { ServiceRequestTable } from '../../src/server/db/schema.js';
import type { CreateEnterpriseInput } from '../../src/shared/enterprises.js';
import type { CreateEventInput } from '../../src/shared/events.js';
import type { CreateLeadInput } from '../../src/shared/leads.js';
import type { CreateProjectInput } from '../../src/shared/projects.js';
import { usccCheckChar } from '../../src/shared/uscc.js';
import { REGION_CODES } from '../../src/server/regions/data.js';
import { todayInShanghai } from '../../src/shared/format.js';

let serial = 0;

export function buildUscc(n = ++serial): string {
  const base = `91652328MA${String(n).padStart(7, '0')}`;
  return base + usccCheckChar(base);
}

/** A date `days` before today in Asia/Shanghai, as the server counts days. */
export function daysAgo(days: number): string {
  const d = new Date(`${todayInShanghai()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export function buildProject(overrides: Partial<CreateProjectInput> = {}): CreateProjectInput {
  serial += 1;
  return {
    name: `测试项目${serial}`,
    investorName: `测试投资企业${serial}有限公司`,
    investorUscc: buildUscc(serial),
    regionCode: REGION_CODES.mulei,
    cluster: '新能源新材料',
    chain: '风电装备',
    investmentYuan: 100_000_000,
    fundsInPlaceYuan: 10_000_000,
    capacity: '年产100套',
    description: '测试用项目',
    chainLeader: '新疆东方风电新能源有限公司',
    officer: '张三',
    tagGreen: true,
    tagInnovation: false,
    tagValue: true,
    stage: 'signed',
    stageDate: daysAgo(30),
    plannedDates: { landed: daysAgo(-30), started: daysAgo(-90) },
    ...overrides,
  };
}

let enterpriseSerial = 0;

/** A valid enterprise body; local to 木垒县 unless told otherwise. */
export function buildEnterprise(overrides: Partial<CreateEnterpriseInput> = {}): CreateEnterpriseInput {
  enterpriseSerial += 1;
  const base = `91652328MB${String(enterpriseSerial + Math.floor(Math.random() * 1_000_000) * 10).padStart(7, '0').slice(-7)}`;
  return {
    name: `测试企业${enterpriseSerial}有限公司`,
    uscc: base + usccCheckChar(base),
    isLocal: true,
    regionCode: REGION_CODES.mulei,
    size: 'medium',
    contactName: '李四',
    contactPhone: '0994-0000000',
    ...overrides,
  };
}

/** An outside (prospective) enterprise, as 以商招商 targets are. */
export function buildOutsideEnterprise(overrides: Partial<CreateEnterpriseInput> = {}): CreateEnterpriseInput {
  return buildEnterprise({ isLocal: false, regionCode: null, province: '江苏省', city: '盐城市', ...overrides });
}

let eventSerial = 0;

/** A valid event body: a one-day conference in 2024 unless told otherwise. */
export function buildEvent(overrides: Partial<CreateEventInput> = {}): CreateEventInput {
  eventSerial += 1;
  return {
    name: `测试招商活动${eventSerial}`,
    theme: '测试主题',
    startsOn: '2024-06-18',
    endsOn: '2024-06-18',
    venue: '测试会场',
    organiser: '测试主办单位',
    ...overrides,
  };
}

let leadSerial = 0;

/** A lead for a firm not yet in the base, from desk research, in 木垒县 unless told otherwise. */
export function buildLead(overrides: Partial<CreateLeadInput> = {}): CreateLeadInput {
  leadSerial += 1;
  return {
    enterpriseName: `测试目标企业${leadSerial}有限公司`,
    contactName: '王五',
    contactPhone: '0991-0000000',
    source: 'desk_research',
    regionCode: REGION_CODES.mulei,
    estimatedInvestmentYuan: 50_000_000,
    nextStep: '电话联系对接',
    nextStepOn: daysAgo(-7),
    note: '测试线索',
    ...overrides,
  };
}

let serviceRequestSerial = 0;

/**
 * A service_requests row to insert directly (tests of escalation and figures set the deadline columns
 * themselves): an open request of 木垒县, due in a week, red three days later, unless told otherwise.
 */
export function buildServiceRequestRow(overrides: Partial<Insertable<ServiceRequestTable>> & { enterprise_id: number }): Insertable<ServiceRequestTable> {
  serviceRequestSerial += 1;
  const now = new Date().toISOString();
  return {
    category: 'land',
    title: `测试诉求${serviceRequestSerial}`,
    description: '测试用诉求',
    status: 'in_progress',
    region_code: REGION_CODES.mulei,
    due_on: daysAgo(-7),
    red_on: daysAgo(-10),
    escalated_at: null,
    escalation_note: null,
    resolved_at: null,
    confirmed_at: null,
    resolved_on_time: null,
    rating: null,
    project_id: null,
    raised_by: null,
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}
