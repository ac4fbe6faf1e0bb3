// Ends a session: its token stops working at once.
import type { Secrets } from './account-ports.ts';
import type { Store } from '../ports.ts';
import { forgetCallers } from './principal-cache.ts';

export async function logout({ store, secrets, sessionToken }: { store: Store; secrets: Secrets; sessionToken: string }): Promise<void> {
  await store.accounts.deleteSession(secrets.hashToken(sessionToken));
  forgetCallers(store);
}
