// Issue 6's scenarios: service requests, approvals, policies and their matching, the visit kit, the
// inbox and the dashboard's service figures (/api/dashboard/services), each read as four roles (admin, a region officer, a
// department officer, an enterprise user) on ids inside that role's scope; and the writes: raising a
// request (enterprise user; region officer on an enterprise's behalf) and a department accepting and
// resolving its assignments. Routes follow issue 6's contract (/work/prompts/contract.md); each read
// names its route pattern so the runner can tell a route this server does not have ("missing") from
// a 404 inside a route that exists (a target outside the role's scope: a bug to look at).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import { todayInShanghai } from '../../src/shared/format.js';

export interface ServiceUser {
  username: string; role: string; regionCodes: string[]; department: string | null; enterpriseUscc: string | null;
}

interface UserTargets { requestId: number | null; projectId: number | null; enterpriseId: number | null }

export interface ServiceTargets {
  /** Two characters many request titles share, and how many requests carry them. */
  fragment: { q: string; requests: number } | null;
  /** A policy in force with clusters and at least one more condition: a typical matching workload. */
  policy: { id: number; title: string } | null;
  byUser: Record<string, UserTargets>;
}

export interface ServiceRead { name: string; path: string; route: string }

const FRAGMENTS = ['办理', '申请', '用地', '对接', '项目', '用电'];

/** The ids each role reads: the latest request, a project with approvals and the busiest enterprise, all in its scope. */
async function targetsFor(db: Kysely<DB>, user: ServiceUser): Promise<UserTargets> {
  let requests = db.selectFrom('service_requests as sr').select(['sr.id', 'sr.enterprise_id', 'sr.project_id']);
  let projects = db.selectFrom('projects as p').select('p.id').where((eb) => eb.exists(eb.selectFrom('project_approvals as pa').select('pa.id').whereRef('pa.project_id', '=', 'p.id')));
  if (user.role === 'region') {
    const regions = user.regionCodes.length ? user.regionCodes : ['-'];
    requests = requests.where('sr.region_code', 'in', regions);
    projects = projects.where('p.region_code', 'in', regions);
  } else if (user.role === 'department') {
    const code = user.department ?? '-';
    requests = requests.where((eb) => eb.exists(eb.selectFrom('service_request_assignments as a').select('a.id').whereRef('a.request_id', '=', 'sr.id').where('a.department_code', '=', code)));
    projects = projects.where((eb) => eb.exists(eb.selectFrom('project_approvals as pa').select('pa.id').whereRef('pa.project_id', '=', 'p.id').where('pa.department_code', '=', code)));
  } else if (user.role === 'enterprise') {
    const firm = await db.selectFrom('enterprises').select('id').where('uscc', '=', user.enterpriseUscc ?? '-').executeTakeFirst();
    requests = requests.where('sr.enterprise_id', '=', firm?.id ?? -1);
    projects = db.selectFrom('projects as p').select('p.id').where('p.investor_uscc', '=', user.enterpriseUscc ?? '-');
  }
  const latest = await requests.orderBy('sr.id', 'desc').limit(1).executeTakeFirst();
  const project = await projects.orderBy('p.id').limit(1).executeTakeFirst();
  // The enterprise with the most requests among the role's latest thousand: the visit kit's heavy case.
  // A region officer visits its own regions' enterprises, wherever their projects are.
  const own = user.role === 'region'
    ? requests.where((eb) => eb.exists(eb.selectFrom('enterprises as e').select('e.id').whereRef('e.id', '=', 'sr.enterprise_id').where('e.region_code', 'in', user.regionCodes.length ? user.regionCodes : ['-'])))
    : requests;
  const recent = await own.orderBy('sr.id', 'desc').limit(1000).execute();
  const counts = new Map<number, number>();
  for (const r of recent) counts.set(r.enterprise_id, (counts.get(r.enterprise_id) ?? 0) + 1);
  const busiest = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? null;
  return { requestId: latest?.id ?? null, projectId: project?.id ?? latest?.project_id ?? null, enterpriseId: busiest };
}

export async function pickServiceTargets(db: Kysely<DB>, users: ServiceUser[]): Promise<ServiceTargets> {
  let fragment: ServiceTargets['fragment'] = null;
  for (const q of FRAGMENTS) {
    const { n } = await db.selectFrom('service_requests').select((eb) => eb.fn.countAll<number>().as('n')).where('search_text', 'like', `%${q}%`).executeTakeFirstOrThrow();
    if (!fragment || Number(n) > fragment.requests) fragment = { q, requests: Number(n) };
  }
  // In force today: an expired policy admits nobody, and its matches answer without a query.
  const today = todayInShanghai();
  const policies = await sql<{ id: number; title: string; rules_json: string }>`select id, title, rules_json from policies
    where (valid_from is null or valid_from <= ${today}) and (valid_to is null or valid_to >= ${today}) order by id limit 200`.execute(db);
  const typical = policies.rows.find((p) => {
    const rules = JSON.parse(p.rules_json) as Record<string, unknown>;
    // A rule left out means "any" (policyRulesSchema); the clusters rule and one more make a typical policy.
    return Array.isArray(rules.clusters) && Object.keys(rules).length >= 2;
  }) ?? policies.rows[0];
  const byUser: Record<string, UserTargets> = {};
  for (const user of users) byUser[user.username] = await targetsFor(db, user);
  return { fragment, policy: typical ? { id: typical.id, title: typical.title } : null, byUser };
}

/** The reads one role makes; those needing an id the role has none of are left out. */
export function serviceReads(t: ServiceTargets, user: ServiceUser): ServiceRead[] {
  const mine = t.byUser[user.username] ?? { requestId: null, projectId: null, enterpriseId: null };
  const officer = user.role === 'admin' || user.role === 'region';
  const list = '/api/service-requests?page=1&pageSize=20';
  const reads: (ServiceRead | false)[] = [
    { name: 'service requests, page 1', path: list, route: '/api/service-requests' },
    { name: 'service requests overdue', path: `${list}&flag=overdue`, route: '/api/service-requests' },
    t.fragment !== null && { name: `service request search 2 chars「${t.fragment.q}」`, path: `${list}&q=${encodeURIComponent(t.fragment.q)}`, route: '/api/service-requests' },
    mine.requestId !== null && { name: 'service request detail + timeline', path: `/api/service-requests/${mine.requestId}`, route: '/api/service-requests/:id' },
    (user.role === 'department' || user.role === 'admin') && { name: 'approval queue', path: '/api/approvals?page=1', route: '/api/approvals' },
    { name: 'project list with blocked flag', path: '/api/projects?page=1&pageSize=20', route: '/api/projects' },
    mine.projectId !== null && { name: 'project approvals + factors', path: `/api/projects/${mine.projectId}/services`, route: '/api/projects/:id/services' },
    { name: 'policy list', path: '/api/policies?page=1&pageSize=20', route: '/api/policies' },
    officer && t.policy !== null && { name: 'policy matches: projects', path: `/api/policies/${t.policy.id}/matches?kind=projects`, route: '/api/policies/:id/matches' },
    officer && t.policy !== null && { name: 'policy matches: enterprises', path: `/api/policies/${t.policy.id}/matches?kind=enterprises`, route: '/api/policies/:id/matches' },
    mine.projectId !== null && { name: 'project policies', path: `/api/projects/${mine.projectId}/policies`, route: '/api/projects/:id/policies' },
    mine.enterpriseId !== null && { name: 'enterprise policies', path: `/api/enterprises/${mine.enterpriseId}/policies`, route: '/api/enterprises/:id/policies' },
    officer && mine.enterpriseId !== null && { name: 'visit kit', path: `/api/enterprises/${mine.enterpriseId}/visit-kit`, route: '/api/enterprises/:id/visit-kit' },
    { name: 'notifications, page 1', path: '/api/notifications?page=1&pageSize=20', route: '/api/notifications' },
    { name: 'notifications unread count', path: '/api/notifications/unread-count', route: '/api/notifications/unread-count' },
    // The admin and the region officer read the dashboard among issue 4's reads already.
    !officer && { name: 'dashboard summary', path: '/api/dashboard/summary', route: '/api/dashboard/summary' },
    { name: 'service dashboard figures', path: '/api/dashboard/services', route: '/api/dashboard/services' },
  ];
  return reads.filter((r): r is ServiceRead => r !== false);
}

export interface ServiceWrite {
  request: string;
  username: string;
  route: string;
  jobs: { path: string; body: unknown }[];
  /** Creates post to one path again and again; transitions must each touch a different assignment. */
  distinct: boolean;
}

const CREATES = 20_000;

/** The write pools: each a role's POSTs, every one valid on the generated data. */
export async function serviceWrites(db: Kysely<DB>, users: ServiceUser[]): Promise<ServiceWrite[]> {
  const writes: ServiceWrite[] = [];
  const create = (category: string, extra: Record<string, unknown>) =>
    Array.from({ length: CREATES }, () => ({
      path: '/api/service-requests',
      body: { ...extra, category, title: '基准测试:生产用电负荷不足', description: '基准测试写入的诉求,验证提交与分派的性能。' },
    }));
  for (const user of users) {
    if (user.role === 'enterprise') {
      writes.push({ request: 'raise a service request (POST)', username: user.username, route: '/api/service-requests', jobs: create('power', {}), distinct: false });
    } else if (user.role === 'region') {
      const firm = await db.selectFrom('enterprises').select('id').where('region_code', 'in', user.regionCodes.length ? user.regionCodes : ['-']).orderBy('id').limit(1).executeTakeFirst();
      if (firm) writes.push({ request: 'raise a request on behalf (POST)', username: user.username, route: '/api/service-requests', jobs: create('land', { enterpriseId: firm.id, fromVisit: true }), distinct: false });
    } else if (user.role === 'department' && user.department) {
      const route = '/api/service-requests/:id/assignments/:departmentCode/transition';
      for (const [from, to, request] of [['submitted', 'accepted', 'accept an assignment (POST)'], ['in_progress', 'resolved', 'resolve an assignment (POST)']] as const) {
        const rows = await db.selectFrom('service_request_assignments').select('request_id').where('department_code', '=', user.department).where('status', '=', from).orderBy('request_id').limit(500_000).execute();
        const jobs = rows.map((a) => ({ path: `/api/service-requests/${a.request_id}/assignments/${user.department}/transition`, body: { to, note: '基准测试' } }));
        writes.push({ request, username: user.username, route, jobs, distinct: true });
      }
    }
  }
  return writes;
}
