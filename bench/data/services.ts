// Service requests (企业诉求) as the app would have written them over two years: routed to the category's
// department (and sometimes others), each assignment's deadline counted in working days on the holiday
// calendar, most resolved and confirmed with a rating, some open, some overdue and escalated (督办), some
// reopened; the timeline of every step; and the inbox notices those steps sent (notify()'s fan-out,
// thinned to the scale's count). Requests come mostly from enterprises with projects.
import { addWorkingDays, isWorkingDay, shiftDays, type CalendarExceptions } from '../../src/server/calendar/working-days.js';
import { requestSearchText } from '../../src/server/service-requests/search.js';
import { REQUEST_CATEGORIES, REQUEST_STATUS_LABELS, type NotificationKind, type RequestCategory, type RequestStatus } from '../../src/shared/service-catalog.js';
import type { Ctx } from './context.js';
import { enterpriseAt, type Enterprise } from './enterprises.js';
import type { ProjectInfo } from './projects.js';
import { chance, cumulate, int, logNormal, pick, rngFor, weighted, zipf, type Rand } from './random.js';
import type { ServicePeople } from './service-users.js';

const CATEGORY_CUM = cumulate([20, 15, 10, 5, 15, 8, 15, 5, 7]); // in REQUEST_CATEGORIES order: land first
const TITLES: Record<RequestCategory, string[]> = {
  land: ['{node}项目用地指标落实', '项目二期建设用地报批', '厂区用地规划调整', '不动产权证办理'],
  power: ['{node}项目变压器增容', '生产线专线供电接入', '用电负荷不足影响生产', '优惠电价政策落实'],
  water: ['工业用水指标申请', '厂区供水管网接入', '生产污水处理配套'],
  gas: ['天然气管道接入', '用气指标申请', '供气压力不足'],
  finance: ['流动资金贷款对接', '{node}项目技改贷款贴息', '融资担保申请', '设备融资租赁对接'],
  labour: ['技术工人招聘对接', '员工技能培训补贴申请', '季节性用工缺口'],
  approval: ['环评批复办理进度', '施工许可证办理', '能评审查加快', '安评备案指导'],
  logistics: ['铁路专用线接轨', '园区道路修缮', '货运车辆通行证办理'],
  other: ['员工子女入学', '园区配套宿舍', '企业周边治安环境'],
};
const DETAILS = ['目前已影响项目建设进度。', '企业已多次沟通,尚未落实。', '请相关部门协调解决。', '企业希望尽快给予答复。', '涉及投产时间节点,较为紧急。'];
const RESPONSES = ['已现场核实,协调解决。', '已按政策办理完毕。', '已与企业对接,明确办理路径并办结。', '已会同相关单位研究解决。'];
const GOOD = ['办理及时,非常满意', '部门服务主动,问题已解决', '感谢帮助'];
const BAD = ['办理时间较长', '问题基本解决,希望加快进度', '仍需后续跟进'];
const ASSIGNMENT_ORDER = ['submitted', 'accepted', 'in_progress', 'resolved'] as const;
type AssignmentStatus = (typeof ASSIGNMENT_ORDER)[number];

interface Assignment {
  id: number; dept: string; status: AssignmentStatus; due: string; red: string; handler: number | null;
  accepted: string | null; progressed: string | null; resolved: string | null;
}
/** One step of a request's life before it is timestamped; `order` keeps same-day steps in sequence. */
interface Step { day: string; order: number; kind: string; dept: string | null; from: string | null; to: string | null; user: number | null; note: string }

const DAY_MS = 86_400_000;
const AUTO_NOTE = '超过督办时限仍未办结,系统自动提请州级督办';
interface Notice { user: number; kind: NotificationKind; zh: string; en: string; at: string; key: string | null; always: boolean }

export async function generateServiceRequests(ctx: Ctx, projects: ProjectInfo[], people: ServicePeople, calendar: CalendarExceptions): Promise<void> {
  const { w, map, scale, seed, services, today } = ctx;
  const put = w.table('service_requests', [
    'id', 'enterprise_id', 'project_id', 'region_code', 'category', 'title', 'description', 'status', 'raised_by', 'on_behalf', 'from_visit', 'due_on', 'red_on',
    'escalated_at', 'escalation_note', 'resolved_at', 'confirmed_at', 'resolved_on_time', 'rating', 'rating_comment', 'search_text', 'is_sample', 'version', 'created_at', 'updated_at',
  ]);
  const putAssignment = w.table('service_request_assignments', [
    'id', 'request_id', 'department_code', 'status', 'due_on', 'red_on', 'accepted_at', 'resolved_at', 'response', 'handler_id', 'created_at', 'updated_at',
  ]);
  const putEvent = w.table('service_request_events', ['id', 'request_id', 'kind', 'department_code', 'from_status', 'to_status', 'note', 'user_id', 'created_at']);
  const putNotice = w.table('notifications', ['id', 'user_id', 'kind', 'title', 'title_en', 'link', 'entity', 'entity_id', 'dedupe_key', 'read_at', 'created_at']);
  const codes = services.departments.map((d) => d.code);
  const departmentName = new Map(services.departments.map((d) => [d.code, d.name]));
  const withFirm = projects.filter((p) => p.enterpriseId !== null);
  const firmProjects = new Map<number, ProjectInfo[]>([...people.firmUsersOf.keys()].map((id) => [id, []]));
  for (const p of withFirm) firmProjects.get(p.enterpriseId!)?.push(p);
  const firms = [...firmProjects.keys()].filter((id) => firmProjects.get(id)!.length > 0);
  const todayMs = Date.parse(today);
  const ago = (day: string) => Math.round((todayMs - Date.parse(day)) / DAY_MS);
  const earlier = (a: string, b: string) => (a < b ? a : b);
  let assignmentId = 0;
  let eventId = 0;
  let noticeId = 0;
  let candidates = 0;
  // A department's every officer hears of every step, so its notices are thinned five times as hard as the others'.
  const departmentOfficers = new Set([...people.officersOf.values()].flat());
  const weightOf = (user: number) => (departmentOfficers.has(user) ? 1 : 5);
  w.phase('service_requests', scale.serviceRequests);
  for (let id = 1; id <= scale.serviceRequests; id++) {
    const r = rngFor(seed, 30, id);
    // Who asks: a firm whose users sign in, a firm with a project, or a local firm without one.
    let project: ProjectInfo | null = null;
    let local: Enterprise | null = null;
    const roll = r();
    if (roll < 0.15 && firms.length) project = pick(r, firmProjects.get(pick(r, firms))!);
    else if (roll < 0.8 || !withFirm.length) project = withFirm.length ? pick(r, withFirm) : null;
    if (!project) {
      for (let tries = 0; tries < 6 && !local?.isLocal; tries++) local = enterpriseAt(ctx, 1 + zipf(r, scale.enterprises, 0.5));
      if (!local?.isLocal && withFirm.length) [project, local] = [pick(r, withFirm), null];
    }
    const enterpriseId = project ? project.enterpriseId! : local!.id;
    const enterpriseName = project ? project.investorName : local!.name;
    const region = project ? project.region : local!.region;
    const node = map.nodes[(project ? project.nodeId : local!.nodeIds[0]) - 1].name;

    const category = weighted(r, REQUEST_CATEGORIES, CATEGORY_CUM);
    const level = services.levels.get(category)!;
    const title = pick(r, TITLES[category]).replace('{node}', node);
    const description = `${enterpriseName}反映:${title}。${pick(r, DETAILS)}`;
    const depts = [level.departmentCode];
    for (let n = weighted(r, [1, 2, 3], [70, 92, 100]); depts.length < n; ) {
      const code = pick(r, codes);
      if (!depts.includes(code)) depts.push(code);
    }
    const firmUsers = people.firmUsersOf.get(enterpriseId) ?? [];
    const regionOfficers = region ? people.regionOfficersOf.get(region) ?? [] : [];
    const byFirm = firmUsers.length > 0 && chance(r, 0.7);
    const raiser = byFirm ? pick(r, firmUsers) : regionOfficers.length ? pick(r, regionOfficers) : pick(r, people.admins);
    const fromVisit = !byFirm && chance(r, 0.4);

    // Its fate: closed (resolved, mostly confirmed), reopened, or still open (fresh, or long overdue).
    const fate = weighted(r, ['closed', 'reopened', 'open'] as const, [70, 73, 100]);
    const span = Math.ceil((level.workingDays * 7) / 5);
    const createdAgo = fate === 'closed' ? int(r, 15, 730) : fate === 'reopened' ? int(r, 40, 300)
      : chance(r, 0.6) ? int(r, 0, span) : Math.min(240, span + 2 + Math.floor(logNormal(r, 12, 1)));
    const created = ctx.dateAt(createdAgo);
    const due = addWorkingDays(created, level.workingDays, calendar);
    const red = addWorkingDays(due, level.escalateAfterDays, calendar);
    const reopenDay = fate === 'reopened' ? ctx.dateAt(int(r, 0, 30)) : null;
    const limit = reopenDay ? shiftDays(reopenDay, -1) : today;
    const openTarget = fate === 'open' ? (createdAgo > span ? [25, 55, 90, 100] : [40, 75, 95, 100]) : null;
    const assignments: Assignment[] = depts.map((dept) => {
      const handlers = people.officersOf.get(dept) ?? [];
      const a: Assignment = { id: ++assignmentId, dept, status: 'submitted', due, red, handler: handlers.length ? pick(r, handlers) : null, accepted: null, progressed: null, resolved: null };
      const target = openTarget ? weighted(r, ASSIGNMENT_ORDER, openTarget) : 'resolved';
      if (target === 'submitted') return a;
      a.accepted = earlier(limit, addWorkingDays(created, int(r, 0, 1), calendar));
      // Each step in turn, as the server allows (submitted → accepted → in_progress → resolved).
      if (target !== 'accepted') a.progressed = earlier(limit, addWorkingDays(a.accepted, int(r, 0, 2), calendar));
      if (target === 'resolved') {
        const worked = openTarget ? int(r, 1, level.workingDays) : Math.max(1, Math.round(level.workingDays * (0.3 + r() * 0.95)));
        a.resolved = earlier(limit, addWorkingDays(created, worked, calendar));
        if (a.resolved < (a.progressed ?? a.accepted)) a.resolved = a.progressed ?? a.accepted;
      }
      a.status = target;
      return a;
    });
    // An open request has at least one department still working on it.
    if (openTarget && assignments.every((a) => a.status === 'resolved')) Object.assign(assignments[0], { status: 'in_progress', resolved: null });

    const steps: Step[] = [{ day: created, order: 0, kind: 'created', dept: null, from: null, to: 'submitted', user: raiser, note: fromVisit ? '走访中记录' : '' }];
    for (const a of assignments) {
      steps.push({ day: created, order: 1, kind: 'assigned', dept: a.dept, from: null, to: 'submitted', user: null, note: '' });
      if (a.accepted) steps.push({ day: a.accepted, order: 2, kind: 'accepted', dept: a.dept, from: 'submitted', to: 'accepted', user: a.handler, note: '' });
      if (a.progressed) steps.push({ day: a.progressed, order: 3, kind: 'in_progress', dept: a.dept, from: 'accepted', to: 'in_progress', user: a.handler, note: '' });
      if (a.resolved) steps.push({ day: a.resolved, order: 4, kind: 'resolved', dept: a.dept, from: 'in_progress', to: 'resolved', user: a.handler, note: pick(r, RESPONSES) });
    }
    const lastResolved = assignments.reduce((m, a) => (a.resolved && a.resolved > m ? a.resolved : m), '');
    let status: RequestStatus;
    let confirmedDay: string | null = null;
    if (reopenDay) {
      // Reopened by the enterprise: every department back to in progress, deadlines counted from that day.
      steps.push({ day: reopenDay, order: 5, kind: 'reopened', dept: null, from: 'resolved', to: 'reopened', user: byFirm ? raiser : null, note: '问题未彻底解决' });
      const newDue = addWorkingDays(reopenDay, level.workingDays, calendar);
      for (const a of assignments) Object.assign(a, { status: 'in_progress', due: newDue, red: addWorkingDays(newDue, level.escalateAfterDays, calendar), resolved: null });
      status = 'reopened';
    } else if (assignments.every((a) => a.status === 'resolved')) {
      status = 'resolved';
      if (chance(r, ago(lastResolved) > 7 ? 0.93 : 0.5)) {
        confirmedDay = earlier(today, shiftDays(lastResolved, int(r, 0, 5)));
        status = 'confirmed';
      }
    } else {
      const has = (s: AssignmentStatus) => assignments.some((a) => a.status === s);
      status = has('in_progress') || has('resolved') ? 'in_progress' : has('accepted') ? 'accepted' : 'submitted';
    }
    const open = assignments.filter((a) => a.status !== 'resolved');
    const dueOn = open.length ? open.map((a) => a.due).sort()[0] : null;
    const redOn = open.length ? open.map((a) => a.red).sort()[0] : null;
    const onTime = lastResolved && !open.length ? (lastResolved <= due ? 1 : 0) : null;
    const rating = confirmedDay ? weighted(r, [5, 4, 3, 2, 1], onTime ? [50, 85, 95, 98, 100] : [20, 55, 80, 92, 100]) : null;
    if (confirmedDay) steps.push({ day: confirmedDay, order: 6, kind: 'confirmed', dept: null, from: 'resolved', to: 'confirmed', user: byFirm ? raiser : null, note: '' });
    // 督办: the sweep escalates a request still open on its red day; today's sweep has run, so the server finds none left.
    const escalatedDay = redOn && redOn <= today ? redOn : !redOn && lastResolved > red ? red : null;
    if (escalatedDay) steps.push({ day: escalatedDay, order: 1.5, kind: 'escalated', dept: null, from: null, to: null, user: null, note: AUTO_NOTE });

    steps.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.order - b.order));
    const stamps = stamper(r);
    const times = steps.map((s) => stamps(s.day));
    const stampOf = (kind: string, dept: string | null) => times[steps.findIndex((s) => s.kind === kind && s.dept === dept)] ?? null;
    const version = 1 + steps.filter((s) => !['created', 'assigned'].includes(s.kind)).length;
    await put([
      id, enterpriseId, project?.id ?? null, region, category, title, description, status, raiser, byFirm ? 0 : 1, fromVisit ? 1 : 0, dueOn, redOn,
      escalatedDay ? stampOf('escalated', null) : null, escalatedDay ? AUTO_NOTE : null, status === 'resolved' || confirmedDay ? stampOf('resolved', assignments.find((a) => a.resolved === lastResolved)!.dept) : null,
      confirmedDay ? stampOf('confirmed', null) : null, onTime, rating, rating ? pick(r, rating >= 4 ? GOOD : BAD) : '',
      requestSearchText(title, description, enterpriseName), 0, version, times[0], times[times.length - 1],
    ]);
    for (const a of assignments) {
      const accepted = a.accepted ? stampOf('accepted', a.dept) : null;
      const resolved = a.resolved ? stampOf('resolved', a.dept) : null;
      await putAssignment([
        a.id, id, a.dept, a.status, a.due, a.red, accepted, resolved, resolved ? steps.find((s) => s.kind === 'resolved' && s.dept === a.dept)!.note : '',
        a.accepted ? a.handler : null, times[0], reopenDay ? stampOf('reopened', null) : resolved ?? stampOf('in_progress', a.dept) ?? accepted ?? times[0],
      ]);
    }
    for (const [i, s] of steps.entries()) await putEvent([++eventId, id, s.kind, s.dept, s.from, s.to, s.note, s.user, times[i]]);

    // The notices those steps sent, worded as the server words them, plus the sweep's deadline reminders.
    // A reminder's key is the sweep's (kind:assignment:due day): it finds them sent and sends none again.
    const notices: Notice[] = [];
    const tell = (users: number[], kind: NotificationKind, zh: string, en: string, at: string, options: { except?: number | null; key?: string } = {}) => {
      const recipients = [...new Set(users)].filter((u) => u !== options.except);
      recipients.forEach((user, i) => notices.push({ user, kind, zh, en, at, key: options.key ?? null, always: options.key !== undefined && i === 0 }));
    };
    const officers = (list: string[]) => list.flatMap((d) => people.officersOf.get(d) ?? []);
    const requesters = [...firmUsers, raiser];
    const nameOf = (code: string | null) => (code ? departmentName.get(code) ?? '' : '');
    for (const [i, s] of steps.entries()) {
      const label = REQUEST_STATUS_LABELS[(s.to ?? 'submitted') as RequestStatus];
      const except = { except: s.user };
      if (s.kind === 'assigned') tell(officers([s.dept!]), 'assigned', `新的企业诉求待受理:${title}`, `New service request to handle: ${title}`, times[i]);
      else if (s.kind === 'accepted' || s.kind === 'in_progress' || s.kind === 'resolved') {
        tell(requesters, 'status_changed', `诉求「${title}」${nameOf(s.dept)}${label.zh}`, `Service request “${title}”: ${label.en.toLowerCase()}`, times[i], except);
      } else if (s.kind === 'confirmed') tell(officers(depts), 'confirmed', `诉求「${title}」已确认办结,评价 ${rating} 星`, `Service request “${title}” confirmed, rated ${rating}`, times[i], except);
      else if (s.kind === 'reopened') tell(officers(depts), 'reopened', `诉求「${title}」被要求重新办理,期限 ${assignments[0].due}`, `Service request “${title}” reopened, due ${assignments[0].due}`, times[i], except);
      else if (s.kind === 'escalated') tell([...people.admins, ...officers(open.length ? open.map((a) => a.dept) : depts)], 'escalated', `督办:${title}`, `Escalated to the prefecture: ${title}`, times[i]);
    }
    for (const a of assignments) {
      const doneBy = a.resolved ?? '9999-12-31';
      // The sweep reminds on the working day before the deadline (or the day it was assigned, if later), and the day after it passes.
      let soon = shiftDays(a.due, -1);
      while (soon > created && !isWorkingDay(soon, calendar)) soon = shiftDays(soon, -1);
      if (soon < created) soon = created;
      const late = shiftDays(a.due, 1);
      if (soon <= today && doneBy > soon) {
        tell(officers([a.dept]), 'due_soon', `即将到期:${title}(请于 ${a.due} 前办结)`, `Due soon: ${title} (by ${a.due})`, `${soon}T00:05:00.000Z`, { key: `due_soon:${a.id}:${a.due}` });
      }
      if (late <= today && doneBy > a.due) {
        tell(officers([a.dept]), 'overdue', `已超期:${title}(应于 ${a.due} 前办结)`, `Overdue: ${title} (was due ${a.due})`, `${late}T00:05:00.000Z`, { key: `overdue:${a.id}:${a.due}` });
      }
    }
    // notify()'s fan-out, thinned so the inboxes total the scale's count: `keep` is re-estimated per request from the weight so far.
    candidates += notices.reduce((sum, n) => sum + weightOf(n.user), 0);
    const keep = (scale.notifications - noticeId) / Math.max(1, (candidates / id) * (scale.serviceRequests - id + 1));
    for (const n of notices) {
      if (!chance(r, keep * weightOf(n.user)) && !n.always) continue;
      const readAt = chance(r, 0.2) ? null : new Date(Date.parse(n.at) + int(r, 5, 3_000) * 60_000).toISOString();
      await putNotice([++noticeId, n.user, n.kind, n.zh, n.en, `/services/${id}`, 'service_request', String(id), n.key, readAt, n.at]);
    }
  }
}

/** Office-hour timestamps (09:00–17:59 in Shanghai), strictly increasing within one request. */
function stamper(r: Rand): (day: string) => string {
  let last = '';
  return (day) => {
    let iso = `${day}T0${int(r, 1, 9)}:${String(int(r, 0, 59)).padStart(2, '0')}:${String(int(r, 0, 59)).padStart(2, '0')}.000Z`;
    if (iso <= last) iso = new Date(Date.parse(last) + int(r, 1, 90) * 60_000).toISOString();
    return (last = iso);
  };
}
