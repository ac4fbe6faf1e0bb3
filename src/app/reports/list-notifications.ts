// Thông báo: the workflow events that concern the caller, as sentences, from the audit
// trail of the reports it reads (a division: its part returned, its report compiled,
// approved, issued or reopened; the office: parts submitted, the report returned or
// approved; the leader: the report compiled; everyone: issued), and the deadlines of
// open reports where the caller still has work, near (3 days) or passed. Nobody is told
// about what they did themselves.
import { can, isWithinPath } from '../../core/access.ts';
import { formatDateDmy } from '../../core/format.ts';
import type { OrgTree } from '../../core/org-unit.ts';
import { periodLabel, reportDeadline, tryParsePeriod } from '../../core/period.ts';
import type { ReportTemplate } from '../../core/report-template.ts';
import { formatReportNumber } from '../../core/workflow.ts';
import type { Principal } from '../accounts/principal.ts';
import { loadOrgTree } from '../accounts/principal.ts';
import { ActorNames, usernameOf } from '../audit/actor-names.ts';
import type { AuditEvent, Store } from '../ports.ts';
import { readsReport } from './report-readers.ts';
import type { StoredReport } from './report-ports.ts';
import { expectedParts, vietnamDate } from './run-workflow-action.ts';

export const NOTIFICATION_KINDS = ['returned', 'submitted', 'opened', 'compiled', 'approved', 'issued', 'reopened', 'deadline'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Notification {
  readonly id: string;
  readonly kind: NotificationKind;
  /** ISO instant of the event; for a deadline, the deadline's date. */
  readonly at: string;
  readonly orgUnit: string;
  readonly orgUnitName: string;
  readonly period: string;
  readonly periodLabel: string;
  readonly part: string | null;
  readonly partName: string | null;
  readonly reason: string | null;
  readonly actor: string | null;
  readonly actorName: string | null;
  /** The sentence to show. */
  readonly title: string;
  readonly severity: 'info' | 'warning';
  /** The user has marked it read (or opened it from Thông báo). */
  readonly read: boolean;
}

/** How far back reports are looked at: the latest periods are where work happens. */
const RECENT_REPORTS = 12;
const DEADLINE_NEAR_DAYS = 3;
const LIMIT = 50;

const KIND_OF: Readonly<Record<string, NotificationKind>> = {
  'report.return': 'returned', 'report.submit': 'submitted', 'report.create': 'opened', 'report.compile': 'compiled',
  'report.approve': 'approved', 'report.issue': 'issued', 'report.reopen': 'reopened',
};

interface Reader {
  readonly grants: Principal['grants'];
  readonly tree: OrgTree;
  readonly report: StoredReport;
}

/** Does the event concern the caller? (Roles by what they may do on the report and its parts.) */
function concerns(kind: NotificationKind, part: string | null, { grants, tree, report }: Reader): boolean {
  const reportPath = tree.get(report.orgUnit)?.path ?? '';
  const partPath = part ? tree.get(part)?.path ?? '' : '';
  const compiles = can(grants, 'compile', reportPath);
  const approves = can(grants, 'approve', reportPath);
  // A division's writer: a write grant inside the report's unit, below it.
  const division = grants.some((g) => g.path !== reportPath && isWithinPath(g.path, reportPath) && (g.role === 'reporter' || g.role === 'compiler'));
  const ownsPart = part !== null && grants.some((g) => isWithinPath(g.path, partPath) || isWithinPath(partPath, g.path));
  switch (kind) {
    case 'returned': return part ? ownsPart || compiles : compiles;
    case 'submitted': return compiles;
    case 'opened': return division || compiles;
    case 'compiled': return division || approves;
    case 'approved': return division || compiles;
    case 'issued': case 'reopened': return true;
    case 'deadline': return false;
  }
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

export async function listNotifications({ store, principal, now = new Date() }: { store: Store; principal: Principal; now?: Date }): Promise<Notification[]> {
  const tree = await loadOrgTree(store);
  const names = new ActorNames(store);
  const nameOf = (code: string) => tree.get(code)?.name ?? code;
  const templates = new Map<string, ReportTemplate | undefined>();
  const readable: StoredReport[] = [];
  for (const report of await store.reports.list()) {
    if (!templates.has(report.template)) templates.set(report.template, await store.templates.get(report.template));
    if (readsReport(principal.grants, tree, report, templates.get(report.template))) readable.push(report);
  }
  const recent = readable.sort((a, b) => (a.period < b.period ? 1 : -1)).slice(0, RECENT_REPORTS);
  const me = principal.username;

  const events: Notification[] = [];
  const deadlines: Notification[] = [];
  const today = vietnamDate(now);
  for (const report of recent) {
    const period = tryParsePeriod(report.period);
    if (!period.ok) continue;
    const label = periodLabel(period.period);
    const unitName = nameOf(report.orgUnit);
    const reader: Reader = { grants: principal.grants, tree, report };
    const audit: AuditEvent[] = await store.audit.list({ orgUnit: report.orgUnit, period: report.period, actions: Object.keys(KIND_OF), limit: LIMIT });
    for (const event of audit) {
      const kind = KIND_OF[event.action];
      if (!kind || usernameOf(event.actor) === me) continue;
      const after = (event.after ?? {}) as Record<string, unknown>;
      const part = text(after['part']);
      if (!concerns(kind, part, reader)) continue;
      const actorName = (await names.name(event.actor)) ?? event.actor;
      const reason = text(after['reason']) ?? text(after['returnReason']);
      const partName = part ? nameOf(part) : null;
      const number = typeof after['number'] === 'number' ? formatReportNumber(after['number'], report.symbol) : null;
      const date = text(after['date']);
      const title = {
        returned: part
          ? `${actorName} đã trả lại phần báo cáo ${label} của ${partName ?? ''}${reason ? `: ${reason}` : '.'}`
          : `${actorName} đã trả lại báo cáo ${label} của ${unitName}${reason ? `: ${reason}` : '.'}`,
        submitted: `${partName ?? actorName} đã gửi phần báo cáo ${label}.`,
        opened: `${actorName} đã lập báo cáo ${label} của ${unitName}; các phòng nhập số liệu và nội dung.`,
        compiled: `${actorName} đã tổng hợp báo cáo ${label} của ${unitName}; các phòng chỉ còn xem.`,
        approved: `${actorName} đã phê duyệt báo cáo ${label} của ${unitName}.`,
        issued: `Báo cáo ${label} của ${unitName} đã ban hành${number ? `: số ${number}` : ''}${date ? `, ngày ${formatDateDmy(date)}` : ''}.`,
        reopened: `${actorName} đã mở lại báo cáo ${label} của ${unitName}${reason ? `: ${reason}` : '.'}`,
        deadline: '',
      }[kind];
      events.push({
        id: `audit:${event.id ?? `${event.at}:${event.action}`}`, kind, at: event.at, orgUnit: report.orgUnit, orgUnitName: unitName,
        period: report.period, periodLabel: label, part, partName, reason, actor: event.actor, actorName,
        title, severity: kind === 'returned' || kind === 'reopened' ? 'warning' : 'info', read: false,
      });
    }

    // Deadlines where the caller still has work: its own part not sent, or the compiling.
    if (report.status === 'issued') continue;
    const deadline = reportDeadline(period.period);
    const daysLeft = Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
    if (daysLeft > DEADLINE_NEAR_DAYS) continue;
    const reportPath = tree.get(report.orgUnit)?.path ?? '';
    const ownParts = (await expectedParts(store, report)).filter((p) => p.status === 'draft' && principal.grants.some((g) => g.path !== reportPath && isWithinPath(g.path, tree.get(p.division)?.path ?? '/?')));
    // The office's work while parts come in; the leader's once compiled.
    const leads = report.status === 'draft' ? can(principal.grants, 'compile', reportPath) : can(principal.grants, 'approve', reportPath);
    if (ownParts.length === 0 && !leads) continue;
    const when = daysLeft < 0 ? `đã quá hạn ${-daysLeft} ngày` : daysLeft === 0 ? 'hôm nay là hạn' : `còn ${daysLeft} ngày`;
    const whose = ownParts.length > 0 ? `phần của ${ownParts.map((p) => nameOf(p.division)).join(', ')}` : `báo cáo của ${unitName}`;
    deadlines.push({
      // A deadline read while near comes back, unread, once it has passed.
      id: `deadline:${report.orgUnit}:${report.period}:${daysLeft < 0 ? 'passed' : 'near'}`, kind: 'deadline', at: `${deadline}T00:00:00+07:00`, orgUnit: report.orgUnit, orgUnitName: unitName,
      period: report.period, periodLabel: label, part: ownParts[0]?.division ?? null, partName: ownParts[0] ? nameOf(ownParts[0].division) : null,
      reason: null, actor: null, actorName: null,
      title: `Hạn nộp báo cáo ${label} là ${formatDateDmy(deadline)} (${when}): ${whose} chưa xong.`,
      severity: 'warning', read: false,
    });
  }
  events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const read = await store.notificationReads.readBy(principal.userId);
  return [...deadlines, ...events].slice(0, LIMIT).map((n) => (read.has(n.id) ? { ...n, read: true } : n));
}
