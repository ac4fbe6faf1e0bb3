// Finds who sends a request: a session token (from the cookie) or an API token
// (Authorization: Bearer). Undefined when neither is valid; a disabled user's
// sessions and tokens stop working at once.
import type { Secrets } from './account-ports.ts';
import { loadOrgTree, resolveGrants } from './principal.ts';
import type { Principal } from './principal.ts';
import type { Store } from '../ports.ts';

export async function authenticate({ store, secrets, sessionToken, bearerToken, now = new Date() }: {
  store: Store; secrets: Secrets; sessionToken?: string; bearerToken?: string; now?: Date;
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
    if (session.expiresAt <= at) {
      await store.accounts.deleteSession(tokenHash);
      return undefined;
    }
    const user = await store.accounts.getUser(session.userId);
    if (!user || user.disabled) return undefined;
    const tree = await loadOrgTree(store);
    return { userId: user.id, username: user.username, displayName: user.displayName, grants: resolveGrants(tree, user.grants), via: 'session', csrfToken: session.csrfToken };
  }
  return undefined;
}
