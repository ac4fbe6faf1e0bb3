// An administrator lifts the login waits of an account at once, from every address
// (the owner called: "I mistyped my password five times"). Audited.
import { AppError } from '../app-error.ts';
import type { Store } from '../ports.ts';

export async function unlockUser({ store, username, actor, now = new Date() }: {
  store: Store; username: string; actor: string; now?: Date;
}): Promise<{ addresses: number }> {
  return store.transaction(async (tx) => {
    const user = await tx.accounts.findUserByUsername(username);
    if (!user) throw new AppError('not_found', `Không có tài khoản "${username}".`, { field: 'username' });
    const addresses = await tx.accounts.clearLoginThrottle(username);
    await tx.audit.record([{ at: now.toISOString(), actor, action: 'user.unlock', entity: 'user', before: { username, throttledAddresses: addresses }, after: { username, throttledAddresses: 0 } }]);
    return { addresses };
  });
}
