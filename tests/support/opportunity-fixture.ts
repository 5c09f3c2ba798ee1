import type { CreateOpportunityInput, PublicInterestInput } from '../../src/shared/opportunities.js';
import { REGION_CODES } from '../../src/server/regions/data.js';
import type { ApiClient } from './client.js';
import { addEnterprise, buildChain } from './chain-fixture.js';

let serial = 0;

export function buildOpportunity(overrides: Partial<CreateOpportunityInput> = {}): CreateOpportunityInput {
  serial += 1;
  return {
    title: `测试招商项目${serial}`,
    titleEn: `Test opportunity ${serial}`,
    summary: '标准化厂房及配套用地',
    summaryEn: 'Standard workshops with serviced land',
    regionCode: REGION_CODES.mulei,
    investmentYuan: 200_000_000,
    landMu: 150,
    contact: '木垒县招商局 0994-0000000',
    published: true,
    ...overrides,
  };
}

export function buildInterest(overrides: Partial<PublicInterestInput> = {}): PublicInterestInput {
  serial += 1;
  return {
    companyName: `外地投资企业${serial}有限公司`,
    contactName: '王经理',
    phone: '13800138000',
    email: 'invest@example.com',
    estimatedInvestmentWan: 5000,
    message: '希望了解用地和电价政策',
    ...overrides,
  };
}

/**
 * A chain whose nodes are 缺 (no local firm: missing), 弱 (one: weak) and 全 (two: covered), on the
 * first cluster, which the caller inserts; returns the chain and node ids.
 */
export async function buildGapChain(admin: ApiClient, name = '公开页测试链') {
  const chain = await buildChain(admin, name, [['缺', 'upstream'], ['弱', 'midstream'], ['全', 'downstream']]);
  await addEnterprise(admin, { nodeIds: [chain.nodeIds['弱'], chain.nodeIds['全']] });
  await addEnterprise(admin, { nodeIds: [chain.nodeIds['全']] });
  return chain;
}
