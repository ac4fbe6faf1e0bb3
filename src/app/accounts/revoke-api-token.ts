// Revokes an API token: it stops working at once and stays listed, for the record.
import { AppError } from '../app-error.ts';
import type { Store } from '../ports.ts';
import { forgetCallers } from './principal-cache.ts';

export async function revokeApiToken({ store, id, actor, now = new Date() }: { store: Store; id: number; actor: string; now?: Date }): Promise<void> {
  await store.transaction(async (tx) => {
    const revoked = await tx.accounts.revokeApiToken(id, now.toISOString());
    if (!revoked) throw new AppError('not_found', `Không có mã truy cập số ${id} đang hiệu lực.`, { field: 'id' });
    await tx.audit.record([{ at: now.toISOString(), actor, action: 'api_token.revoke', entity: 'api_token', before: { id }, after: { id, revokedAt: now.toISOString() } }]);
  });
  forgetCallers(store);
}
