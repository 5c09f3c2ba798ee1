import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadSchema } from '../../shared/leads.js';
import { projectSchema } from '../../shared/projects.js';
import { buildLead, buildProject, daysAgo } from '../../../tests/support/factories.js';
import { addEnterprise, buildChain } from '../../../tests/support/chain-fixture.js';
import { startTestServer, type TestServer } from '../../../tests/support/server.js';
import type { ApiClient } from '../../../tests/support/client.js';

let server: TestServer;
let admin: ApiClient;
let mulei: ApiClient;
let leaderId: number;
let chain: Awaited<ReturnType<typeof buildChain>>;

beforeAll(async () => {
  server = await startTestServer();
  await server.db.insertInto('clusters').values({ code: 'test', name: '测试集群', sort_order: 0 }).execute();
  admin = await server.as('admin');
  mulei = await server.as('mulei');
  chain = await buildChain(admin, '签约测试链', [['塔筒', 'midstream']]);
  leaderId = (await addEnterprise(admin, { name: '测试链主风电有限公司', leadChainIds: [chain.chainId] })).id;
});
afterAll(() => server?.close());

async function referredLead() {
  const res = await mulei.post('/api/leads', buildLead({ source: 'chain_leader_referral', referrerEnterpriseId: leaderId, chainId: chain.chainId, nodeId: chain.nodeIds['塔筒'] }));
  return leadSchema.parse(res.body);
}
const sign = (client: ApiClient, lead: { id: number; version: number }, body: Record<string, unknown> = {}) =>
  client.post(`/api/leads/${lead.id}/sign`, { version: lead.version, signedOn: daysAgo(1), project: { name: `签约项目${lead.id}`, investmentYuan: 120_000_000 }, ...body });
const projectsOf = async (leadId: number) => server.db.selectFrom('projects').select('id').where('lead_id', '=', leadId).execute();

describe('signing a lead', () => {
  it('POST /sign → 201 with a project at stage signed, linked both ways, keeping the referral', async () => {
    const lead = await referredLead();
    const res = await sign(mulei, lead);
    expect(res.status).toBe(201);
    const project = projectSchema.strict().parse(res.body);
    expect(project).toMatchObject({
      stage: 'signed',
      stageDate: daysAgo(1),
      regionCode: '652328',
      investorName: lead.enterprise.name,
      investmentYuan: 120_000_000,
      chain: '签约测试链',
      cluster: '测试集群',
      chainLeader: '测试链主风电有限公司',
      lead: { id: lead.id, source: 'chain_leader_referral', referrer: { id: leaderId, name: '测试链主风电有限公司' } },
    });
    const after = leadSchema.parse((await mulei.get(`/api/leads/${lead.id}`)).body);
    expect([after.status, after.signedOn, after.project?.id]).toEqual(['signed', daysAgo(1), project.id]);
    expect((await mulei.get(`/api/projects/${project.id}`)).body.lead.id).toBe(lead.id);
    const log = (await mulei.get(`/api/leads/${lead.id}/activities`)).body.items;
    expect([log[0].fromStatus, log[0].toStatus]).toEqual(['new', 'signed']);
    const audit = await server.db.selectFrom('audit_log').select('action').where('entity', '=', 'lead').where('entity_id', '=', String(lead.id)).execute();
    expect(audit.map((a) => a.action)).toContain('lead.sign');
  });

  it('signing again → 409 lead_already_signed naming the project; still one project', async () => {
    const lead = await referredLead();
    const first = await sign(mulei, lead);
    const again = await sign(mulei, { id: lead.id, version: lead.version + 1 });
    expect([again.status, again.body.error.code]).toEqual([409, 'lead_already_signed']);
    expect(again.body.error.message).toContain(String(first.body.id));
    expect(await projectsOf(lead.id)).toHaveLength(1);
    const moved = await mulei.post(`/api/leads/${lead.id}/transition`, { to: 'lost', reason: '试试', version: lead.version + 1 });
    expect([moved.status, moved.body.error.code]).toEqual([400, 'lead_signed_final']);
  });

  it('two signing requests at once → one 201, one 409, one project', async () => {
    const lead = await referredLead();
    const results = await Promise.all([sign(mulei, lead), sign(admin, lead)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await projectsOf(lead.id)).toHaveLength(1);
    const rows = await server.db.selectFrom('leads').select(['project_id', 'status']).where('id', '=', lead.id).execute();
    expect(rows[0]).toEqual({ project_id: (await projectsOf(lead.id))[0].id, status: 'signed' });
  });

  it('linking a project already in the ledger → 201; a project linked to another lead → 409; one out of scope → 400', async () => {
    const project = (await mulei.post('/api/projects', buildProject({ regionCode: '652328' }))).body;
    const lead = await referredLead();
    const linked = await sign(mulei, lead, { project: undefined, projectId: project.id });
    expect([linked.status, linked.body.id, linked.body.lead.id]).toEqual([201, project.id, lead.id]);
    const other = await referredLead();
    const taken = await sign(mulei, other, { project: undefined, projectId: project.id });
    expect([taken.status, taken.body.error.code]).toEqual([409, 'project_already_linked']);
    const elsewhere = (await admin.post('/api/projects', buildProject({ regionCode: '652324' }))).body;
    const hidden = await sign(mulei, other, { project: undefined, projectId: elsewhere.id });
    expect([hidden.status, hidden.body.error.field]).toEqual([400, 'projectId']);
    expect((await mulei.get(`/api/leads/${other.id}`)).body.status).toBe('new');
  });

  it('neither or both of project and projectId → 400; a future date → 400; a lost lead → 400; a stale version → 409', async () => {
    const lead = await referredLead();
    expect((await sign(mulei, lead, { project: undefined })).status).toBe(400);
    expect((await sign(mulei, lead, { projectId: 1 })).status).toBe(400);
    const future = await sign(mulei, lead, { signedOn: daysAgo(-1) });
    expect([future.status, future.body.error.field]).toEqual([400, 'signedOn']);
    const stale = await sign(mulei, { id: lead.id, version: lead.version + 5 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
    const lost = (await mulei.post(`/api/leads/${lead.id}/transition`, { to: 'lost', reason: '投资方暂停', version: lead.version })).body;
    const res = await sign(mulei, lost);
    expect([res.status, res.body.error.code]).toEqual([400, 'lead_lost_cannot_sign']);
    expect(await projectsOf(lead.id)).toHaveLength(0);
  });

  it('a project signed without a region, on a lead without one → 400 naming project.regionCode, nothing written', async () => {
    const lead = leadSchema.parse((await admin.post('/api/leads', buildLead({ regionCode: null }))).body);
    const res = await sign(admin, lead);
    expect([res.status, res.body.error.field]).toEqual([400, 'project.regionCode']);
    expect((await admin.get(`/api/leads/${lead.id}`)).body).toMatchObject({ status: 'new', version: lead.version, project: null });
  });
});
