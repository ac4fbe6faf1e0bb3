// Finds who sends a request: a session token (from the cookie) or an API token
// (Authorization: Bearer). Undefined when neither is valid; a disabled user's
// sessions and tokens stop working at once; a session past its absolute end or idle
// too long ends (session-lifetimes.ts), and a live one records that it was seen, at
// most once a minute. A caller seen in the last few seconds is answered from memory
// (principal-cache.ts; the lifetimes are still checked against the clock).
import type { Secrets } from './account-ports.ts';
import { principalCacheOf } from './principal-cache.ts';
import { loadOrgTree, resolveGrants } from './principal.ts';
import { DEFAULT_SESSION_LIFETIMES, isSessionOver, TOUCH_INTERVAL_MS } from './session-lifetimes.ts';
import type { SessionLifetimes } from './session-lifetimes.ts';
import type { Principal } from './principal.ts';
import type { Store } from '../ports.ts';

export async function authenticate({ store, secrets, sessionToken, bearerToken, now = new Date(), sessions = DEFAULT_SESSION_LIFETIMES }: {
  store: Store; secrets: Secrets; sessionToken?: string; bearerToken?: string; now?: Date; sessions?: SessionLifetimes;
}): Promise<Principal | undefined> {
  const cache = principalCacheOf(store);
  const at = now.toISOString();
  const nowMs = now.getTime();
  if (bearerToken) {
    const tokenHash = secrets.hashToken(bearerToken);
    const key = `token:${tokenHash}`;
    const cached = cache.get(key, nowMs);
    if (cached) {
      if (nowMs - cached.lastRecordedAt >= TOUCH_INTERVAL_MS) {
        await store.accounts.touchApiToken(cached.principal.tokenId ?? 0, at);
        cached.lastRecordedAt = nowMs;
      }
      return cached.principal;
    }
    const token = await store.accounts.findApiToken(tokenHash);
    if (!token || token.revokedAt !== null) return undefined;
    const user = await store.accounts.getUser(token.userId);
    if (!user || user.disabled) return undefined;
    // Last use to the minute, like sessions: a system pushing figures every second does not write every time.
    const lastUsed = token.lastUsedAt ? Date.parse(token.lastUsedAt) : 0;
    const touch = nowMs - lastUsed >= TOUCH_INTERVAL_MS;
    if (touch) await store.accounts.touchApiToken(token.id, at);
    const tree = await loadOrgTree(store);
    const principal: Principal = { userId: user.id, username: user.username, displayName: user.displayName, grants: resolveGrants(tree, token.grants), via: 'token', tokenId: token.id };
    cache.set(key, { principal, lastRecordedAt: touch ? nowMs : lastUsed, cachedAt: nowMs });
    return principal;
  }
  if (sessionToken) {
    const tokenHash = secrets.hashToken(sessionToken);
    const key = `session:${tokenHash}`;
    const cached = cache.get(key, nowMs);
    if (cached?.session && !isSessionOver(cached.session, sessions, now)) {
      if (nowMs - cached.lastRecordedAt >= TOUCH_INTERVAL_MS) {
        await store.accounts.touchSession(tokenHash, at);
        cached.lastRecordedAt = nowMs;
        cached.session = { ...cached.session, lastSeenAt: at };
      }
      return cached.principal;
    }
    if (cached) cache.forget(key);
    const session = await store.accounts.findSession(tokenHash);
    if (!session) return undefined;
    if (isSessionOver(session, sessions, now)) {
      await store.accounts.deleteSession(tokenHash);
      return undefined;
    }
    const user = await store.accounts.getUser(session.userId);
    if (!user || user.disabled) return undefined;
    // To the minute: a page polling every few seconds does not write every time.
    let seen = session;
    if (nowMs - Date.parse(session.lastSeenAt ?? session.createdAt) >= TOUCH_INTERVAL_MS) {
      await store.accounts.touchSession(tokenHash, at);
      seen = { ...session, lastSeenAt: at };
    }
    const tree = await loadOrgTree(store);
    const principal: Principal = { userId: user.id, username: user.username, displayName: user.displayName, grants: resolveGrants(tree, user.grants), via: 'session', csrfToken: session.csrfToken };
    cache.set(key, { principal, session: seen, lastRecordedAt: Date.parse(seen.lastSeenAt ?? seen.createdAt), cachedAt: nowMs });
    return principal;
  }
  return undefined;
}
