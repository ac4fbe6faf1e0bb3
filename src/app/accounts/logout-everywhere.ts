// "Đăng xuất mọi nơi": ends every session of the caller, on every device (a lost
// laptop, a shared computer). API tokens are not sessions and keep working; an admin
// revokes those. Audited.
import { actorOf } from './principal.ts';
import type { Principal } from './principal.ts';
import { forbidden } from '../app-error.ts';
import type { Store } from '../ports.ts';
import { forgetCallers } from './principal-cache.ts';

export async function logoutEverywhere({ store, principal, now = new Date() }: {
  store: Store; principal: Principal; now?: Date;
}): Promise<{ sessions: number }> {
  // A system's token must not end a person's sessions.
  if (principal.via !== 'session') throw forbidden('Chỉ người đăng nhập (phiên) mới đăng xuất mọi nơi được; mã truy cập không dùng được.');
  const result = await store.transaction(async (tx) => {
    const sessions = await tx.accounts.deleteSessionsOfUser(principal.userId);
    await tx.audit.record([{ at: now.toISOString(), actor: actorOf(principal), action: 'user.logout_all', entity: 'user', before: { username: principal.username, sessions }, after: { username: principal.username, sessions: 0 } }]);
    return { sessions };
  });
  forgetCallers(store);
  return result;
}
