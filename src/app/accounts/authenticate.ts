// Finds who sends a request: a session token (from the cookie) or an API token
// (Authorization: Bearer). Undefined when neither is valid; a disabled user's
// sessions and tokens stop working at once; a session past its absolute end or idle
// too long ends (session-lifetimes.ts), and a live one records that it was seen.
import type { Secrets } from './account-ports.ts';
import { loadOrgTree, resolveGrants } from './principal.ts';
import { DEFAULT_SESSION_LIFETIMES, isSessionOver, TOUCH_INTERVAL_MS } from './session-lifetimes.ts';
import type { SessionLifetimes } from './session-lifetimes.ts';
import type { Principal } from './principal.ts';
import type { Store } from '../ports.ts';

export async function authenticate({ store, secrets, sessionToken, bearerToken, now = new Date(), sessions = DEFAULT_SESSION_LIFETIMES }: {
  store: Store; secrets: Secrets; sessionToken?: string; bearerToken?: string; now?: Date; sessions?: SessionLifetimes;
}): Promise<Principal | undefined> {
  const at = now.toISOString();
  if (bearerToken) {
    const token = await store.accounts.findApiToken(secrets.hashToken(bearerToken));
    if (!token || token.revokedAt !== null) return undefined;
    const user = await store.accounts.getUser(token.userId);
    if (!user || user.disabled) return undefined;
    await store.accounts.touchApiToken(token.id, at);
    const tree = await loadOrgTree(store);
    return { userId: user.id, username: user.username, displayName: user.displayName, grants: resolveGrants(tree, token.grants), via: 'token', tokenId: token.id };
  }
  if (sessionToken) {
    const tokenHash = secrets.hashToken(sessionToken);
    const session = await store.accounts.findSession(tokenHash);
    if (!session) return undefined;
    if (isSessionOver(session, sessions, now)) {
      await store.accounts.deleteSession(tokenHash);
      return undefined;
    }
    const user = await store.accounts.getUser(session.userId);
    if (!user || user.disabled) return undefined;
    // To the minute: a page polling every few seconds does not write every time.
    if (now.getTime() - Date.parse(session.lastSeenAt ?? session.createdAt) >= TOUCH_INTERVAL_MS) await store.accounts.touchSession(tokenHash, at);
    const tree = await loadOrgTree(store);
    return { userId: user.id, username: user.username, displayName: user.displayName, grants: resolveGrants(tree, user.grants), via: 'session', csrfToken: session.csrfToken };
  }
  return undefined;
}
