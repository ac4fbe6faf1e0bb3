// Who a session or API token is, remembered for a few seconds so that a request does
// not cost a round trip to the database to find its caller. Safe because it is short
// and because the use cases that change callers (logout, logout everywhere, login
// replacing a session, a disabled account, new grants, a revoked token, a new org
// tree) make this process forget at once, whatever path called them; another
// process sharing the database catches up within the lifetime
// (BAOCAO_AUTH_CACHE_SECONDS, docs/configuration.md).
import type { Store } from '../ports.ts';
import type { Session } from './account-ports.ts';
import type { Principal } from './principal.ts';

export const DEFAULT_AUTH_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

export interface CachedCaller {
  readonly principal: Principal;
  /** Sessions: what the lifetime checks need, with the last recorded sighting. */
  session?: Session;
  /** When the database last recorded a use (session touch, token last used). */
  lastRecordedAt: number;
  readonly cachedAt: number;
}

export class PrincipalCache {
  readonly #entries = new Map<string, CachedCaller>();

  constructor(readonly lifetimeMs: number = DEFAULT_AUTH_CACHE_MS) {}

  get(key: string, now: number): CachedCaller | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (now - entry.cachedAt >= this.lifetimeMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  set(key: string, entry: CachedCaller): void {
    if (this.lifetimeMs <= 0) return;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(key, entry);
  }

  forget(key: string): void {
    this.#entries.delete(key);
  }

  /** After any change to accounts, grants or sessions: nothing remembered is trusted. */
  clear(): void {
    this.#entries.clear();
  }
}

const caches = new WeakMap<Store, PrincipalCache>();

/** The callers remembered for this store (one per database connection pool). */
export function principalCacheOf(store: Store): PrincipalCache {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new PrincipalCache()));
  return cache;
}

/** Sets how long callers are remembered (the server's setting); 0 turns the cache off. */
export function setPrincipalCacheLifetime(store: Store, lifetimeMs: number): void {
  caches.set(store, new PrincipalCache(lifetimeMs));
}

/** Called by every use case that changes who a caller is or may do. */
export function forgetCallers(store: Store): void {
  caches.get(store)?.clear();
}
