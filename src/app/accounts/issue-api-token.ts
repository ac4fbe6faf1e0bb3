// Issues an API token for a system (iOffice, the public-service portal) that pushes
// figures. The token is shown once; only its hash is kept. Its grants default to the
// owner's and can only narrow them.
import { grantsNotCovered } from '../../core/access.ts';
import type { ApiToken, Secrets } from './account-ports.ts';
import { AppError } from '../app-error.ts';
import { checkGrants } from './create-user.ts';
import { loadOrgTree, resolveGrants } from './principal.ts';
import type { Store } from '../ports.ts';

export async function issueApiToken({ store, secrets, username, name, grants, actor, now = new Date() }: {
  store: Store; secrets: Secrets; username: string; name: string; grants?: readonly { role: string; orgUnit: string }[]; actor: string; now?: Date;
}): Promise<{ token: string; apiToken: ApiToken }> {
  const owner = await store.accounts.findUserByUsername(username);
  if (!owner) throw new AppError('not_found', `Không có tài khoản "${username}".`, { field: 'username' });
  if (owner.disabled) throw new AppError('conflict', `Tài khoản "${username}" đã bị vô hiệu hóa.`, { field: 'username' });
  const wanted = grants ? await checkGrants(store, grants) : [...owner.grants];
  const tree = await loadOrgTree(store);
  const excess = grantsNotCovered(resolveGrants(tree, owner.grants), resolveGrants(tree, wanted));
  if (excess.length > 0) {
    const first = excess[0];
    throw new AppError('forbidden', `Mã truy cập không thể có quyền ${first?.role} trên "${first?.orgUnit}" mà chủ tài khoản không có.`);
  }
  const token = `bc_${secrets.randomToken()}`;
  return store.transaction(async (tx) => {
    const apiToken = await tx.accounts.createApiToken({ name, tokenHash: secrets.hashToken(token), userId: owner.id, grants: wanted, createdAt: now.toISOString() });
    await tx.audit.record([{ at: now.toISOString(), actor, action: 'api_token.issue', entity: 'api_token', before: null, after: { id: apiToken.id, name, username, grants: wanted } }]);
    return { token, apiToken };
  });
}
