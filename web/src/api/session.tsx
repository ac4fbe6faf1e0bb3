// Who is logged in: GET /api/me on start, POST /api/session to log in, DELETE to log
// out (POST /api/session/logout-all ends every session of the user). Keeps the CSRF
// token for writes and offers role checks for the UI (the server checks again; the UI
// only hides what would be refused). A browser that never logged in does not ask
// /api/me: its 401 would be a console error on the login page of every visitor.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { roleAllows } from '../../../src/core/access.ts';
import type { Action, Role } from '../../../src/core/access.ts';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from './client.ts';
import type { Me } from './types.ts';

export interface Session {
  readonly me: Me | null;
  readonly loading: boolean;
  /** Who was signed in last in this tab (kept when the session ends), to return them to their page. */
  readonly lastUser: string | null;
  /** The session ended because the user logged out (not because it expired). */
  readonly loggedOut: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Ends every session of this user, on every device. */
  logoutEverywhere(): Promise<void>;
  /** Any grant allows the action (on some unit). */
  allows(action: Action): boolean;
  hasRole(role: Role): boolean;
}

const SessionContext = createContext<Session | null>(null);

const ME_KEY = ['me'] as const;

/** Set while this browser holds a session (the cookie itself is httpOnly, so the app cannot see it). */
const SIGNED_IN_KEY = 'baocao.signedIn';
const hasSessionHint = () => typeof localStorage !== 'undefined' && localStorage.getItem(SIGNED_IN_KEY) === '1';
const setSessionHint = (on: boolean) => {
  if (typeof localStorage === 'undefined') return;
  if (on) localStorage.setItem(SIGNED_IN_KEY, '1');
  else localStorage.removeItem(SIGNED_IN_KEY);
};

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const meQuery = useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      if (!hasSessionHint()) return null;
      try {
        return await api.get<Me>('/api/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setSessionHint(false);
          return null;
        }
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
  const me = meQuery.data ?? null;
  const [lastUser, setLastUser] = useState<string | null>(null);
  const [loggedOut, setLoggedOut] = useState(false);
  useEffect(() => {
    if (me) setLastUser(me.username);
  }, [me]);
  useEffect(() => setCsrfToken(me?.csrfToken ?? null), [me]);
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setSessionHint(false);
      client.setQueryData(ME_KEY, null);
    });
    return () => setUnauthenticatedHandler(null);
  }, [client]);

  const login = useCallback(async (username: string, password: string) => {
    const result = await api.post<Me>('/api/session', { username, password });
    setCsrfToken(result.csrfToken);
    setSessionHint(true);
    setLoggedOut(false);
    // Another user's cached data must not show; the session query itself stays observed.
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    client.setQueryData(ME_KEY, result);
    return result;
  }, [client]);

  const forget = useCallback(() => {
    setLoggedOut(true);
    setCsrfToken(null);
    setSessionHint(false);
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    client.setQueryData(ME_KEY, null);
  }, [client]);

  const logout = useCallback(async () => {
    try {
      await api.delete('/api/session');
    } finally {
      forget();
    }
  }, [forget]);

  // Refused (an old server without the route): the user stays signed in and sees why.
  const logoutEverywhere = useCallback(async () => {
    await api.post('/api/session/logout-all');
    forget();
  }, [forget]);

  const value = useMemo<Session>(() => ({
    me,
    loading: meQuery.isPending,
    lastUser,
    loggedOut,
    login,
    logout,
    logoutEverywhere,
    allows: (action) => (me?.grants ?? []).some((g) => roleAllows(g.role, action)),
    hasRole: (role) => (me?.grants ?? []).some((g) => g.role === role),
  }), [me, meQuery.isPending, lastUser, loggedOut, login, logout, logoutEverywhere]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
