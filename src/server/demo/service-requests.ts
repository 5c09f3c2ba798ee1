import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../shared/auth.js';
import type { RequestCategory } from '../../shared/service-catalog.js';
import { shiftDays } from '../calendar/working-days.js';
import { todayInShanghai } from '../clock.js';
import type { DB } from '../db/schema.js';
import { createEnterprise } from '../enterprises/commands.js';
import { REGION_CODES as R } from '../regions/data.js';
import { confirmServiceRequest, createServiceRequest, transitionAssignment } from '../service-requests/commands.js';
import { DEMO_ENTERPRISE_NAME, demoEnterpriseUscc } from './seed.js';

type Step =
  | [daysAfter: number, by: string, kind: 'accepted' | 'in_progress' | 'resolved', department: string, note: string]
  | [daysAfter: number, by: string, kind: 'confirmed', rating: number, note: string];

interface DemoRequest {
  by: string;
  daysAgo: number;
  category: RequestCategory;
  title: string;
  description: string;
  departments?: string[];
  withProject?: boolean;
  fromVisit?: boolean;
  steps: Step[];
}

// Six plainly sample requests (示例) from the demo enterprise, one per state a user meets: confirmed and
// rated, resolved awaiting the enterprise, in progress, overdue, just submitted, and one with two
// departments. Dates count back from today so the overdue one really is overdue whenever the demo loads.
const DEMO_REQUESTS: DemoRequest[] = [
  {
    by: 'qiye', daysAgo: 30, category: 'power', withProject: true,
    title: '示例:塔筒车间 10kV 专线接入', description: '示例诉求:塔筒车间投产需新增 2000kVA 专线,请供电公司协调接入方案与送电时间。',
    steps: [[1, 'admin', 'accepted', 'gdj', ''], [2, 'admin', 'in_progress', 'gdj', ''], [5, 'admin', 'resolved', 'gdj', '接入方案已批复,专线已送电。'], [6, 'qiye', 'confirmed', 5, '送电及时,感谢供电公司。']],
  },
  {
    by: 'qiye', daysAgo: 9, category: 'approval', withProject: true,
    title: '示例:项目备案信息变更', description: '示例诉求:项目建设内容调整,需办理备案信息变更。',
    steps: [[1, 'fgw', 'accepted', 'fgw', ''], [2, 'fgw', 'in_progress', 'fgw', ''], [6, 'fgw', 'resolved', 'fgw', '备案变更已办结,可在在线审批平台下载。']],
  },
  {
    by: 'qiye', daysAgo: 4, category: 'land', withProject: true,
    title: '示例:二期用地规划条件', description: '示例诉求:二期拟新增用地 50 亩,请明确规划条件和供地时间。',
    steps: [[1, 'zrzy', 'accepted', 'zrzy', ''], [2, 'zrzy', 'in_progress', 'zrzy', '已现场踏勘,正在出具规划条件。']],
  },
  {
    by: 'mulei', daysAgo: 24, category: 'land', withProject: true, fromVisit: true,
    title: '示例:厂区道路用地边界争议', description: '示例诉求(走访记录):厂区东侧道路用地与相邻地块边界不清,影响围墙施工。',
    steps: [[2, 'zrzy', 'accepted', 'zrzy', '']],
  },
  {
    by: 'qiye', daysAgo: 0, category: 'finance',
    title: '示例:设备购置贷款贴息咨询', description: '示例诉求:咨询设备购置贷款能否享受贴息,以及申报材料。',
    steps: [],
  },
  {
    by: 'qiye', daysAgo: 5, category: 'approval', withProject: true, departments: ['fgw', 'zrzy'],
    title: '示例:扩建项目能评与用地预审并联办理', description: '示例诉求:扩建项目能评和用地预审希望并联办理,缩短开工前准备时间。',
    steps: [[1, 'fgw', 'accepted', 'fgw', ''], [2, 'fgw', 'in_progress', 'fgw', '已组织能评专家预审。']],
  },
];

const at = (day: string) => `${day}T02:00:00.000Z`;

async function lastEventId(db: Kysely<DB>, requestId: number): Promise<number> {
  const row = await db.selectFrom('service_request_events').select((eb) => eb.fn.max('id').as('id')).where('request_id', '=', requestId).executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** The commands stamp the real time; a sample's steps are dated back to the days they stand for. */
async function dateBack(db: Kysely<DB>, requestId: number, afterEventId: number, day: string): Promise<void> {
  await db.updateTable('service_request_events').set({ created_at: at(day) }).where('request_id', '=', requestId).where('id', '>', afterEventId).execute();
}

/** The demo enterprise, its sample project linked to it, and its sample requests. */
export async function createDemoServiceRequests(db: Kysely<DB>, users: Map<string, CurrentUser>): Promise<void> {
  const admin = users.get('admin')!;
  const uscc = demoEnterpriseUscc();
  const enterpriseId = await createEnterprise({
    db,
    user: admin,
    isSample: true,
    input: { name: DEMO_ENTERPRISE_NAME, uscc, isLocal: true, regionCode: R.mulei, size: 'medium', contactName: '示例联系人', contactPhone: '0994-0000000', description: '示例企业:演示企业账号 qiye 所属企业。' },
  });
  await db.updateTable('projects').set({ enterprise_id: enterpriseId }).where('investor_uscc', '=', uscc).execute();
  const project = await db.selectFrom('projects').select('id').where('investor_uscc', '=', uscc).orderBy('id').executeTakeFirst();
  const today = todayInShanghai();
  for (const r of DEMO_REQUESTS) {
    const start = shiftDays(today, -r.daysAgo);
    const id = await createServiceRequest({
      db,
      user: users.get(r.by)!,
      isSample: true,
      today: start,
      input: { enterpriseId, projectId: r.withProject ? (project?.id ?? null) : null, category: r.category, title: r.title, description: r.description, departmentCodes: r.departments, fromVisit: r.fromVisit },
    });
    await dateBack(db, id, 0, start);
    const stamps: Record<string, string> = { created_at: at(start), updated_at: at(start) };
    for (const [after, by, kind, target, note] of r.steps) {
      const day = shiftDays(start, after);
      const before = await lastEventId(db, id);
      const user = users.get(by)!;
      if (kind === 'confirmed') {
        await confirmServiceRequest({ db, user, id, input: { rating: Number(target), comment: note } });
        stamps.confirmed_at = at(day);
      } else {
        await transitionAssignment({ db, user, id, departmentCode: String(target), input: { to: kind, note: note || undefined } });
        const field = kind === 'accepted' ? 'accepted_at' : kind === 'resolved' ? 'resolved_at' : 'updated_at';
        await db.updateTable('service_request_assignments').set({ [field]: at(day), updated_at: at(day) }).where('request_id', '=', id).where('department_code', '=', String(target)).execute();
        if (kind === 'resolved') stamps.resolved_at = at(day);
      }
      await dateBack(db, id, before, day);
      stamps.updated_at = at(day);
    }
    await db.updateTable('service_requests').set(stamps).where('id', '=', id).execute();
  }
  // Dated back, the resolved ones were resolved in time: say so as a real resolution would have.
  await db.updateTable('service_requests').set({ resolved_on_time: 1 }).where('is_sample', '=', 1).where('resolved_on_time', 'is not', null).execute();
}
