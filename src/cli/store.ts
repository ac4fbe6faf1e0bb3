// Every command opens the store (which applies pending migrations) and closes it,
// whatever happens in between.
import { userInfo } from 'node:os';
import type { Store } from '../app/ports.ts';
import { openStore } from '../storage/open-store.ts';

export async function withStore<T>(env: Readonly<Record<string, string | undefined>>, work: (store: Store) => Promise<T>): Promise<T> {
  // A lost idle connection is replaced by the pool; a query that fails on it ends the
  // command through main.ts (exit 75), so nothing needs saying here.
  const store = await openStore({ env });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Who the audit log names for CLI writes: `cli:<os user>`. */
export function cliActor(env: Readonly<Record<string, string | undefined>>): string {
  let user = env['USER'] ?? env['USERNAME'] ?? 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): keep the environment's name.
  }
  return `cli:${user}`;
}
