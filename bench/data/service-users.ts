// Issue 6's people: officers of every department (a queue per department code) and enterprise users of
// firms that have projects, so each role the benchmark signs in as has requests, approvals and an inbox.
// Two fixed sign-ins join the earlier three: bench-zrzy (自然资源局, where land requests go) and
// bench-firm (the enterprise with the most projects).
import type { Ctx } from './context.js';
import { enterpriseAt, personName } from './enterprises.js';
import type { BenchUser, ProjectInfo } from './projects.js';
import { int, pick, rngFor } from './random.js';

export interface ServicePeople {
  admins: number[];
  /** Department code → its officers' ids. */
  officersOf: Map<string, number[]>;
  /** Region code → the region officers covering it. */
  regionOfficersOf: Map<string, number[]>;
  /** Enterprise id → its users' ids. */
  firmUsersOf: Map<number, number[]>;
}

const listIn = <K, V>(map: Map<K, V[]>, key: K): V[] => map.get(key) ?? map.set(key, []).get(key)!;

export async function generateServiceUsers(ctx: Ctx, passwordHash: string, users: BenchUser[], projects: ProjectInfo[]): Promise<ServicePeople> {
  const { w, scale, seed, services } = ctx;
  const put = w.table('users', ['id', 'username', 'password_hash', 'display_name', 'role', 'department', 'enterprise_uscc', 'active', 'created_at', 'updated_at']);
  const withFirm = projects.filter((p) => p.enterpriseId !== null);
  const projectsPerFirm = new Map<number, number>();
  for (const p of withFirm) projectsPerFirm.set(p.enterpriseId!, (projectsPerFirm.get(p.enterpriseId!) ?? 0) + 1);
  const busiest = [...projectsPerFirm].reduce((best, e) => (e[1] > best[1] || (e[1] === best[1] && e[0] < best[0]) ? e : best), [0, 0])[0];
  const departmentName = new Map(services.departments.map((d) => [d.code, d.name]));

  let id = Math.max(...users.map((u) => u.id));
  const add = async (username: string, role: 'department' | 'enterprise', department: string | null, enterpriseId: number | null) => {
    const r = rngFor(seed, 40, ++id);
    const firm = enterpriseId ? enterpriseAt(ctx, enterpriseId) : null;
    const display = department ? `州${departmentName.get(department)}${personName(r)}` : `${firm!.name}${personName(r)}`;
    const at = ctx.isoAt(int(r, 30, 600));
    await put([id, username, passwordHash, display, role, department, firm?.uscc ?? null, 1, at, at]);
    users.push({ id, username, role, regions: [], department, enterpriseId });
  };
  await add('bench-zrzy', 'department', 'zrzy', null);
  if (busiest) await add('bench-firm', 'enterprise', null, busiest);
  for (const { code } of services.departments) {
    for (let n = 1; n <= scale.officersPerDepartment; n++) await add(`dept-${code}-${n}`, 'department', code, null);
  }
  const r = rngFor(seed, 41, 0);
  for (let n = 1; n <= scale.firmUsers && withFirm.length; n++) await add(`firm-${String(n).padStart(4, '0')}`, 'enterprise', null, pick(r, withFirm).enterpriseId);

  const people: ServicePeople = { admins: [], officersOf: new Map(), regionOfficersOf: new Map(), firmUsersOf: new Map() };
  for (const u of users) {
    if (u.role === 'admin') people.admins.push(u.id);
    if (u.role === 'department' && u.department) listIn(people.officersOf, u.department).push(u.id);
    if (u.role === 'region') for (const code of u.regions) listIn(people.regionOfficersOf, code).push(u.id);
    if (u.role === 'enterprise' && u.enterpriseId) listIn(people.firmUsersOf, u.enterpriseId).push(u.id);
  }
  return people;
}
