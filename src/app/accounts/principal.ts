// Who is asking: an authenticated user (by session or API token) with its grants
// resolved to org tree paths, ready for core/access checks.
import { can } from '../../core/access.ts';
import type { Action, Grant } from '../../core/access.ts';
import { OrgTree } from '../../core/org-unit.ts';
import type { StoredGrant } from './account-ports.ts';
import { AppError, forbidden } from '../app-error.ts';
import type { Store } from '../ports.ts';
import { cachedRead } from '../read-cache.ts';

export interface Principal {
  readonly userId: number;
  readonly username: string;
  readonly displayName: string;
  readonly grants: readonly Grant[];
  readonly via: 'session' | 'token';
  /** Session only: what cookie-authenticated writes must echo in `x-csrf-token`. */
  readonly csrfToken?: string;
  /** Token only: its id, for the audit trail. */
  readonly tokenId?: number;
}

/** `username` or `username/token:ID`: who the audit trail names. */
export function actorOf(principal: Principal): string {
  return principal.tokenId === undefined ? principal.username : `${principal.username}/token:${principal.tokenId}`;
}

/** Grants on units that no longer exist are dropped: they cover nothing. */
export function resolveGrants(tree: OrgTree, grants: readonly StoredGrant[]): Grant[] {
  return grants.flatMap((grant) => {
    const unit = tree.get(grant.orgUnit);
    return unit ? [{ role: grant.role, orgUnit: unit.code, path: unit.path }] : [];
  });
}

/** The org tree as stored; from memory while nothing has been written (read-cache.ts). */
export function loadOrgTree(store: Store): Promise<OrgTree> {
  return cachedRead(store, 'org-tree', async () => OrgTree.build(await store.orgUnits.list()).tree);
}

/**
 * Throws not_found for an unknown unit and forbidden when out of scope. Unknown is
 * checked first: a code that does not exist is not a secret worth hiding.
 */
export function requireAccess(principal: Principal, tree: OrgTree, action: Action, orgUnit: string): string {
  const unit = tree.get(orgUnit);
  if (!unit) throw new AppError('not_found', `Không có đơn vị "${orgUnit}".`, { field: 'org' });
  if (!can(principal.grants, action, unit.path)) throw forbidden(`Bạn không có quyền trên đơn vị "${orgUnit}".`);
  return unit.path;
}
