// Replaces the grants of an account (roles on org subtrees). Every unit must exist and
// every role be known; the change is audited with the grants before and after.
import { AppError } from '../app-error.ts';
import { checkGrants } from './create-user.ts';
import type { StoredGrant } from './account-ports.ts';
import type { Store } from '../ports.ts';
import { forgetCallers } from './principal-cache.ts';

export async function changeUserGrants({ store, username, grants, actor, now = new Date() }: {
  store: Store; username: string; grants: readonly { role: string; orgUnit: string }[]; actor: string; now?: Date;
}): Promise<readonly StoredGrant[]> {
  const checked = await checkGrants(store, grants);
  const changed = await store.transaction(async (tx) => {
    const user = await tx.accounts.findUserByUsername(username);
    if (!user) throw new AppError('not_found', `Không có tài khoản "${username}".`, { field: 'username' });
    await tx.accounts.setGrants(username, checked);
    await tx.audit.record([{ at: now.toISOString(), actor, action: 'user.grants', entity: 'user', before: { username, grants: user.grants }, after: { username, grants: checked } }]);
    return checked;
  });
  forgetCallers(store);
  return changed;
}
