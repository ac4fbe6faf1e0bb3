// The accounts, with their grants (never the hashes).
import type { User } from './account-ports.ts';
import type { Store } from '../ports.ts';

export async function listUsers({ store }: { store: Store }): Promise<User[]> {
  return store.accounts.listUsers();
}
