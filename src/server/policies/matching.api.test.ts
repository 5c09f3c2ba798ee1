import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChain } from '../../../tests/support/chain-fixture.js';
import type { ApiClient } from '../../../tests/support/client.js';
import { buildEnterprise, buildProject, daysAgo } from '../../../tests/support/factories.js';
import { addEnterpriseUser, startTestServer, type TestServer } from '../../../tests/support/server.js';
import { policyMatchPageSchema, matchedPolicyListSchema, type PolicyRules } from '../../shared/policies.js';
import { visitKitSchema } from '../../shared/visit-kit.js';
import { REGION_CODES } from '../regions/data.js';

// One policy with every rule, and projects that each miss exactly one of them; the reverse direction
// (policy → projects and enterprises) is read inside each caller's scope.
const CLUSTER = '测试集群';
const PARK = 'MLPARK';
const RULES: PolicyRules = {
  clusters: [CLUSTER],
  regionCodes: [REGION_CODES.mulei],
  stages: ['signed'],
  minInvestmentYuan: 50_000_000,
  maxInvestmentYuan: 100_000_000,
  sizes: ['medium'],
  tags: ['green'],
};

let server: TestServer;
let admin: ApiClient;
const ids: Record<string, number> = {};
const enterprises: Record<string, { id: number; uscc: string }> = {};
let policyId: number;
let expiredId: number;
let everywhereId: number;

async function enterprise(key: string, overrides: Parameters<typeof buildEnterprise>[0]) {
  const body = buildEnterprise(overrides);
  const res = await admin.post('/api/enterprises', body);
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  enterprises[key] = { id: res.body.id, uscc: body.uscc };
}

async function project(key: string, owner: string, overrides: Parameters<typeof buildProject>[0]) {
  const e = enterprises[owner];
  const res = await admin.post('/api/projects', buildProject({ cluster: CLUSTER, investmentYuan: 100_000_000, tagGreen: true, tagValue: false, tagInnovation: false, enterpriseId: e.id, investorUscc: e.uscc, ...overrides }));
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  ids[key] = res.body.id;
}

async function policy(body: Record<string, unknown>) {
  const res = await admin.post('/api/policies', { title: '测试政策', ...body });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body.id as number;
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await server.as('admin');
  await server.db.insertInto('clusters').values([{ code: 'test', name: CLUSTER, sort_order: 0 }, { code: 'other', name: '其他集群', sort_order: 1 }]).execute();
  // A park under 木垒县: the county's rule must reach it through regions.parent_code.
  await server.db.insertInto('regions').values({ code: PARK, name: '木垒测试园区', name_en: 'Mori test park', kind: 'park', parent_code: REGION_CODES.mulei, sort_order: 99 }).execute();
  const { nodeIds } = await buildChain(admin, '测试链', [['节点甲', 'midstream']]);
  await enterprise('mulei', { name: '木垒中型企业有限公司', size: 'medium', nodeIds: [nodeIds['节点甲']] });
  await enterprise('large', { name: '木垒大型企业有限公司', size: 'large', nodeIds: [nodeIds['节点甲']] });
  await enterprise('manas', { name: '玛纳斯中型企业有限公司', size: 'medium', regionCode: REGION_CODES.manas, nodeIds: [nodeIds['节点甲']] });
  await project('ok', 'mulei', {});
  await project('park', 'mulei', { regionCode: PARK });
  await project('atMin', 'mulei', { investmentYuan: 50_000_000 });
  await project('belowMin', 'mulei', { investmentYuan: 49_999_999 });
  await project('aboveMax', 'mulei', { investmentYuan: 100_000_001 });
  await project('otherCluster', 'mulei', { cluster: '其他集群' });
  await project('landed', 'mulei', { stage: 'negotiating' });
  await project('noTag', 'mulei', { tagGreen: false });
  await project('large', 'large', {});
  await project('manas', 'manas', { regionCode: REGION_CODES.manas });
  policyId = await policy({ title: '全条件测试政策', validFrom: daysAgo(10), validTo: daysAgo(-10), rules: RULES });
  expiredId = await policy({ title: '已失效测试政策', validFrom: daysAgo(400), validTo: daysAgo(1), rules: { clusters: [CLUSTER] } });
  everywhereId = await policy({ title: '全州测试政策', rules: { clusters: [CLUSTER], regionCodes: ['652300'] } });
});
afterAll(() => server?.close());

const names = async (client: ApiClient, id: number, kind: 'projects' | 'enterprises') => {
  const res = await client.get(`/api/policies/${id}/matches?kind=${kind}&pageSize=100`);
  expect(res.status).toBe(200);
  const page = policyMatchPageSchema.parse(res.body);
  expect(page.items.length).toBe(page.total);
  return page.items.map((i) => i.id).sort((a, b) => a - b);
};
const keysOf = (...keys: string[]) => keys.map((k) => ids[k]).sort((a, b) => a - b);

describe('policy → projects and enterprises, computed in SQL', () => {
  it('GET /api/policies/:id/matches?kind=projects → 200 with exactly the projects meeting every rule (bounds inclusive, county covers its park)', async () => {
    expect(await names(admin, policyId, 'projects')).toEqual(keysOf('ok', 'park', 'atMin'));
  });

  it('kind=enterprises → 200 with the enterprise whose own facts and one project meet the rules', async () => {
    expect(await names(admin, policyId, 'enterprises')).toEqual([enterprises.mulei.id]);
  });

  it('an expired policy matches nothing → 200 empty', async () => {
    expect(await names(admin, expiredId, 'projects')).toEqual([]);
  });

  it('a region officer sees only its own region’s matches; the leader sees all', async () => {
    const mulei = await server.as('mulei');
    const manas = await server.as('manas');
    const leader = await server.as('leader');
    expect(await names(manas, everywhereId, 'projects')).toEqual(keysOf('manas'));
    expect(await names(manas, everywhereId, 'enterprises')).toEqual([enterprises.manas.id]);
    const muleiProjects = await names(mulei, everywhereId, 'projects');
    expect(muleiProjects).not.toContain(ids.manas);
    expect(muleiProjects).toContain(ids.ok);
    expect(await names(mulei, everywhereId, 'enterprises')).toEqual([enterprises.mulei.id, enterprises.large.id].sort((a, b) => a - b));
    expect(await names(leader, everywhereId, 'projects')).toContain(ids.manas);
  });

  it('pages: pageSize 1 → one item and the full total', async () => {
    const res = await admin.get(`/api/policies/${policyId}/matches?kind=projects&pageSize=1&page=2`);
    expect(res.body.total).toBe(3);
    expect(res.body.items).toHaveLength(1);
  });
});

describe('policy → enterprises stays exact after the list is stored', () => {
  const patchEnterprise = async (key: string, body: Record<string, unknown>) => {
    const { version } = (await admin.get(`/api/enterprises/${enterprises[key].id}`)).body;
    expect((await admin.patch(`/api/enterprises/${enterprises[key].id}`, { version, ...body })).status).toBe(200);
  };

  it('an enterprise that comes to qualify after the list was read → 200 listing it; its project moving on → 200 without it', async () => {
    expect(await names(admin, policyId, 'enterprises')).toEqual([enterprises.mulei.id]);
    await patchEnterprise('large', { size: 'medium' });
    expect(await names(admin, policyId, 'enterprises')).toEqual([enterprises.mulei.id, enterprises.large.id].sort((a, b) => a - b));
    // The stage rule (signed) was met only by its one project.
    expect((await admin.post(`/api/projects/${ids.large}/transitions`, { to: 'landed', date: daysAgo(0) })).status).toBe(200);
    expect(await names(admin, policyId, 'enterprises')).toEqual([enterprises.mulei.id]);
  });

  it('an edited rule is applied at the next read → 200 with the new list', async () => {
    const { version } = (await admin.get(`/api/policies/${everywhereId}`)).body;
    expect(await names(admin, everywhereId, 'enterprises')).toContain(enterprises.manas.id);
    expect((await admin.patch(`/api/policies/${everywhereId}`, { version, rules: { clusters: [CLUSTER], regionCodes: [REGION_CODES.mulei] } })).status).toBe(200);
    expect(await names(admin, everywhereId, 'enterprises')).not.toContain(enterprises.manas.id);
  });
});

describe('project or enterprise → policies, each with the rules met', () => {
  const titles = async (client: ApiClient, path: string) => {
    const res = await client.get(path);
    expect(res.status).toBe(200);
    return matchedPolicyListSchema.parse(res.body).items;
  };

  it('GET /api/projects/:id/policies for a project meeting all rules → 200 listing the policy with every rule met', async () => {
    const items = await titles(admin, `/api/projects/${ids.ok}/policies`);
    const hit = items.find((p) => p.id === policyId)!;
    expect(hit.met.map((m) => m.rule)).toEqual(['clusters', 'regions', 'stages', 'investment', 'sizes', 'tags']);
    expect(hit.met[1].zh).toBe('地区:木垒哈萨克自治县 ✓');
    expect(items.map((p) => p.id)).not.toContain(expiredId);
  });

  it.each(['belowMin', 'aboveMax', 'otherCluster', 'landed', 'noTag', 'large', 'manas'])('a project failing one rule (%s) → 200 without the policy', async (key) => {
    expect((await titles(admin, `/api/projects/${ids[key]}/policies`)).map((p) => p.id)).not.toContain(policyId);
  });

  it('the park project qualifies through its county', async () => {
    expect((await titles(admin, `/api/projects/${ids.park}/policies`)).map((p) => p.id)).toContain(policyId);
  });

  it('GET /api/enterprises/:id/policies → 200 with the project-level rules met through one project', async () => {
    const hit = (await titles(admin, `/api/enterprises/${enterprises.mulei.id}/policies`)).find((p) => p.id === policyId)!;
    expect(hit.met.find((m) => m.rule === 'stages')!.zh).toContain('项目:');
    expect((await titles(admin, `/api/enterprises/${enterprises.manas.id}/policies`)).map((p) => p.id)).not.toContain(policyId);
  });

  it('out of scope → 404 for a project or enterprise the caller cannot see', async () => {
    const manas = await server.as('manas');
    expect((await manas.get(`/api/projects/${ids.ok}/policies`)).status).toBe(404);
    expect((await manas.get(`/api/enterprises/${enterprises.mulei.id}/policies`)).status).toBe(404);
    expect((await admin.get('/api/projects/99999999/policies')).status).toBe(404);
  });

  it('an enterprise user: GET /api/my/policies → 200 with its own matches; another enterprise → 404; officers → 403', async () => {
    await addEnterpriseUser(server, 'muleiqiye', enterprises.mulei.uscc);
    const own = await server.as('muleiqiye');
    expect((await titles(own, '/api/my/policies')).map((p) => p.id)).toContain(policyId);
    expect((await own.get(`/api/enterprises/${enterprises.manas.id}/policies`)).status).toBe(404);
    expect((await own.get(`/api/projects/${ids.manas}/policies`)).status).toBe(404);
    expect((await admin.get('/api/my/policies')).status).toBe(403);
  });
});

describe('visit kit', () => {
  beforeAll(async () => {
    const now = new Date().toISOString();
    const e = enterprises.mulei.id;
    const request = (title: string, status: string) => ({ enterprise_id: e, project_id: ids.ok, region_code: REGION_CODES.mulei, category: 'land', title, description: '', status, due_on: daysAgo(-3), created_at: now, updated_at: now });
    await server.db.insertInto('service_requests').values([request('用地指标未落实', 'in_progress'), request('已确认的诉求', 'confirmed')]).execute();
    const approval = (seq: number, name: string, status: string) => ({ project_id: ids.ok, seq, name, department_code: 'sthj', status, blocks_stage: 'started', created_at: now, updated_at: now });
    await server.db.insertInto('project_approvals').values([approval(1, '环评', 'submitted'), approval(2, '立项备案', 'approved'), approval(3, '安评', 'not_required')]).execute();
    const factor = (kind: string, required: number, secured: number) => ({ project_id: ids.ok, kind, required_amount: required, secured_amount: secured, blocks_stage: 'started', created_at: now, updated_at: now });
    await server.db.insertInto('project_factors').values([factor('land', 200, 120), factor('power', 5000, 5000)]).execute();
  });

  it('GET /api/enterprises/:id/visit-kit as admin → 200 with projects, open requests, pending approvals, missing factors and matched policies', async () => {
    const res = await admin.get(`/api/enterprises/${enterprises.mulei.id}/visit-kit`);
    expect(res.status).toBe(200);
    const kit = visitKitSchema.parse(res.body);
    expect(kit.enterprise.name).toBe('木垒中型企业有限公司');
    expect(kit.projects.map((p) => p.id)).toContain(ids.ok);
    const ok = kit.projects.find((p) => p.id === ids.ok)!;
    expect(ok).toMatchObject({ stage: 'signed', nextStage: 'landed', nextPlannedOn: daysAgo(-30), investmentYuan: 100_000_000 });
    expect(kit.openRequests.map((r) => r.title)).toEqual(['用地指标未落实']);
    expect(kit.pendingApprovals.map((a) => a.name)).toEqual(['环评']);
    expect(kit.pendingApprovals[0].departmentName).toBe('生态环境局');
    expect(kit.missingFactors).toEqual([expect.objectContaining({ kind: 'land', requiredAmount: 200, securedAmount: 120 })]);
    expect(kit.policies.map((p) => p.id)).toContain(policyId);
    expect(kit.policies.find((p) => p.id === policyId)!.benefits).toBe('');
  });

  it.each([
    ['leader', 200],
    ['mulei', 200],
    ['manas', 404],
    ['fgw', 403],
  ])('GET /api/enterprises/:id/visit-kit as %s → %i', async (user, status) => {
    expect((await (await server.as(user)).get(`/api/enterprises/${enterprises.mulei.id}/visit-kit`)).status).toBe(status);
  });

  it('an unknown enterprise → 404', async () => {
    expect((await admin.get('/api/enterprises/99999999/visit-kit')).status).toBe(404);
  });
});

describe('an enterprise on no chain node is in the clusters of its live projects', () => {
  it('a cluster rule admits it through its project → 200 both ways; the project terminated → 200 without it', async () => {
    await enterprise('offChain', { name: '木垒链外投资企业有限公司', size: 'small' });
    await project('offChain', 'offChain', { stage: 'signed' });
    const clusterOnly = await policy({ title: '集群测试政策', rules: { clusters: [CLUSTER] } });
    const id = enterprises.offChain.id;
    const policiesOf = async () => ((await admin.get(`/api/enterprises/${id}/policies`)).body as { items: { id: number }[] }).items.map((p) => p.id);
    expect(await names(admin, clusterOnly, 'enterprises')).toContain(id);
    expect(await policiesOf()).toContain(clusterOnly);
    expect((await admin.post(`/api/projects/${ids.offChain}/transitions`, { to: 'terminated', date: daysAgo(0), reason: '投资方撤资' })).status).toBe(200);
    expect(await names(admin, clusterOnly, 'enterprises')).not.toContain(id);
    expect(await policiesOf()).not.toContain(clusterOnly);
  });
});
