// Results of reads that cost more than they should per request (the org tree, the
// indicator catalogue, a report's model and findings), kept with the store's change
// token read before computing them. A hit needs the token to be unchanged, and the
// token moves on every write to the database, by this process or any other (see
// Store.changeToken), so a cached result is never older than the data: every write
// path invalidates without knowing the cache exists. Concurrent misses of one key
// share one computation. A transaction reads the cache of its database (a hit means
// nothing was written since, by it or anyone) but never fills it: what it computes may
// include its own writes, which a rollback would take back without moving the token.
import type { Store } from './ports.ts';

const MAX_ENTRIES = 1_000;

interface Entry {
  readonly token: string;
  readonly value: Promise<unknown>;
}

class ReadCache {
  readonly #entries = new Map<string, Entry>();

  async read<T>(store: Store, key: string, compute: () => Promise<T>): Promise<T> {
    const token = await store.changeToken();
    const hit = this.#entries.get(key);
    if (hit && hit.token === token) {
      // Most recently used last: eviction takes the first.
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    if (store.inTransaction) return compute();
    const value = compute();
    this.#entries.set(key, { token, value });
    if (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value as string);
    // A failed computation is not remembered.
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    return value;
  }
}

const caches = new WeakMap<object, ReadCache>();

/** `compute()`'s result for `key`, from memory while nothing has been written since. */
export function cachedRead<T>(store: Store, key: string, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(store.cacheScope);
  if (!cache) caches.set(store.cacheScope, (cache = new ReadCache()));
  return cache.read(store, key, compute);
}
