// The audit trail as a reader may see it: filtered by unit (its subtree), period,
// user and kind (an action such as `report.issue`, or a prefix such as `report`).
// A caller sees the events of units where it holds read_audit; events tied to no
// unit (accounts, demo load) only an admin sees.
import { can, roleAllows } from '../../core/access.ts';
import { AppError, forbidden } from '../app-error.ts';
import { loadOrgTree } from '../accounts/principal.ts';
import type { Principal } from '../accounts/principal.ts';
import type { AuditEvent, Store } from '../ports.ts';

export interface AuditQuery {
  readonly orgUnit?: string;
  readonly period?: string;
  readonly user?: string;
  readonly kind?: string;
  readonly limit?: number;
}

function matchesKind(action: string, kind: string | undefined): boolean {
  return kind === undefined || action === kind || action.startsWith(`${kind}.`) || action.startsWith(`${kind}_`);
}

/** `principal` null: the CLI, run by whoever holds the database. */
export async function listAuditEvents({ store, principal, query }: { store: Store; principal: Principal | null; query: AuditQuery }): Promise<AuditEvent[]> {
  const tree = await loadOrgTree(store);
  const root = query.orgUnit === undefined ? undefined : tree.get(query.orgUnit);
  if (query.orgUnit !== undefined && !root) throw new AppError('not_found', `Không có đơn vị "${query.orgUnit}".`, { field: 'org' });
  if (principal && root && !can(principal.grants, 'read_audit', root.path)) throw forbidden(`Bạn không có quyền xem nhật ký của "${query.orgUnit ?? ''}".`);
  if (principal && !principal.grants.some((g) => roleAllows(g.role, 'read_audit'))) throw forbidden('Bạn không có quyền xem nhật ký.');

  const events = await store.audit.list({
    ...(query.period !== undefined ? { period: query.period } : {}),
    ...(query.user !== undefined ? { actor: query.user } : {}),
  });
  const isAdmin = principal === null || principal.grants.some((g) => g.role === 'admin');
  const limit = query.limit ?? 500;
  return events.filter((event) => {
    if (!matchesKind(event.action, query.kind)) return false;
    const unit = event.orgUnit ? tree.get(event.orgUnit) : undefined;
    if (root && (!unit || !(unit.path === root.path || unit.path.startsWith(`${root.path}/`)))) return false;
    if (!unit) return isAdmin && !root;
    return principal === null || can(principal.grants, 'read_audit', unit.path);
  }).slice(0, limit);
}
