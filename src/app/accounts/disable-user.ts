// Disables (or re-enables) an account. Its sessions end at once; its API tokens stop
// working while it is disabled (authenticate checks the owner).
import { AppError } from '../app-error.ts';
import type { Store } from '../ports.ts';
import { forgetCallers } from './principal-cache.ts';

export async function disableUser({ store, username, disabled = true, actor, now = new Date() }: {
  store: Store; username: string; disabled?: boolean; actor: string; now?: Date;
}): Promise<void> {
  await store.transaction(async (tx) => {
    const user = await tx.accounts.findUserByUsername(username);
    if (!user) throw new AppError('not_found', `Không có tài khoản "${username}".`, { field: 'username' });
    await tx.accounts.setDisabled(username, disabled);
    if (disabled) await tx.accounts.deleteSessionsOfUser(user.id);
    await tx.audit.record([{ at: now.toISOString(), actor, action: disabled ? 'user.disable' : 'user.enable', entity: 'user', before: { username, disabled: user.disabled }, after: { username, disabled } }]);
  });
  forgetCallers(store);
}
