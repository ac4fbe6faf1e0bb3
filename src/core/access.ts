// Who may do what where (phân quyền): roles granted on an org subtree. Pure: the
// caller resolves org unit codes to OrgTree paths; a grant on a unit covers the unit
// and everything under it, never its parent or siblings.

export const ROLES = ['reporter', 'compiler', 'approver', 'viewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  reporter: 'cán bộ nhập liệu',
  compiler: 'tổng hợp (văn phòng)',
  approver: 'lãnh đạo phê duyệt',
  viewer: 'xem',
  admin: 'quản trị',
};

/** A role on one org unit's subtree; `path` is that unit's OrgTree path (`/tinh/stttt`). */
export interface Grant {
  readonly role: Role;
  readonly orgUnit: string;
  readonly path: string;
}

export type Action =
  | 'read'
  | 'write_values'
  | 'write_items'
  | 'submit_part'
  | 'return_part'
  | 'compile'
  | 'return_report'
  | 'approve'
  | 'issue'
  | 'reopen'
  | 'manage_users'
  | 'read_audit';

// Every role reads its subtree. Writing data is for reporters (their division) and the
// office that compiles; approving and issuing for the leader; reopening only for an
// admin, because it undoes an issued, numbered document.
const ROLE_ACTIONS: Readonly<Record<Role, ReadonlySet<Action>>> = {
  viewer: new Set<Action>(['read']),
  reporter: new Set<Action>(['read', 'write_values', 'write_items', 'submit_part']),
  compiler: new Set<Action>(['read', 'write_values', 'write_items', 'submit_part', 'return_part', 'compile', 'read_audit']),
  approver: new Set<Action>(['read', 'return_report', 'approve', 'issue', 'read_audit']),
  admin: new Set<Action>(['read', 'write_values', 'write_items', 'submit_part', 'return_part', 'compile', 'return_report', 'approve', 'issue', 'reopen', 'manage_users', 'read_audit']),
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleAllows(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role].has(action);
}

/** True when `path` is `scopePath` or lies under it (string prefix on whole segments). */
export function isWithinPath(path: string, scopePath: string): boolean {
  return path === scopePath || path.startsWith(`${scopePath}/`);
}

/** May a holder of `grants` do `action` on the unit at `targetPath`? */
export function can(grants: readonly Grant[], action: Action, targetPath: string): boolean {
  return grants.some((grant) => roleAllows(grant.role, action) && isWithinPath(targetPath, grant.path));
}

/** What deciding on a report needs: its unit's path and the paths of the units owning its sections. */
export interface ReportAccessTarget {
  readonly path: string;
  readonly sectionOwnerPaths: readonly string[];
}

/**
 * May read the report of the unit at `report.path`: read scope over that unit, or
 * owning a section of that very report (a grant over a unit that owns one of its
 * sections, where that owner sits under the report's unit). So a division reads its
 * own department's report, which gathers its part, and never the province's report
 * or another unit's, even when a reused template names it as an owner.
 */
export function canReadReport(grants: readonly Grant[], report: ReportAccessTarget): boolean {
  if (can(grants, 'read', report.path)) return true;
  return report.sectionOwnerPaths.some((owner) => isWithinPath(owner, report.path) && can(grants, 'read', owner));
}

/**
 * The unit an entry of a report belongs to: its section's owner when that owner sits
 * under the report's unit, else the report's unit itself (a template reused elsewhere
 * gives its owners nothing there).
 */
export function entryOwnerPath(reportPath: string, ownerPath: string | null | undefined): string {
  return ownerPath && isWithinPath(ownerPath, reportPath) ? ownerPath : reportPath;
}

/**
 * May write (create, change, delete) an entry owned by `ownerPath` in the report of
 * the unit at `reportPath`: write scope over the owner, the owner being under the
 * report's unit. Whoever writes items over the report's unit (the office) writes them all.
 */
export function canWriteReportEntry(grants: readonly Grant[], reportPath: string, ownerPath: string | null | undefined): boolean {
  return can(grants, 'write_items', entryOwnerPath(reportPath, ownerPath));
}

/**
 * The scope roots a user reads: the smallest set of paths that covers every grant
 * (a grant under another grant's subtree adds nothing). For list endpoints.
 */
export function readableRoots(grants: readonly Grant[]): string[] {
  const paths = [...new Set(grants.filter((g) => roleAllows(g.role, 'read')).map((g) => g.path))].sort();
  return paths.filter((path) => !paths.some((other) => other !== path && isWithinPath(path, other)));
}

/**
 * Narrows an API token's requested grants to what its owner holds: a token never
 * does more than the person who created it. Returns the grants that are not covered.
 */
export function grantsNotCovered(owner: readonly Grant[], requested: readonly Grant[]): Grant[] {
  return requested.filter((wanted) => !owner.some((held) => (held.role === wanted.role || held.role === 'admin') && isWithinPath(wanted.path, held.path)));
}
