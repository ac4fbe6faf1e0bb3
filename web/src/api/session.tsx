// Who is logged in: GET /api/me on start, POST /api/session to log in, DELETE to log
// out. Keeps the CSRF token for writes and offers role checks for the UI (the server
// checks again; the UI only hides what would be refused).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import { roleAllows } from '../../../src/core/access.ts';
import type { Action, Role } from '../../../src/core/access.ts';
import { api, ApiError, setCsrfToken, setUnauthenticatedHandler } from './client.ts';
import type { Me } from './types.ts';

export interface Session {
  readonly me: Me | null;
  readonly loading: boolean;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  /** Any grant allows the action (on some unit). */
  allows(action: Action): boolean;
  hasRole(role: Role): boolean;
}

const SessionContext = createContext<Session | null>(null);

const ME_KEY = ['me'] as const;

export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const meQuery = useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await api.get<Me>('/api/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
  const me = meQuery.data ?? null;
  useEffect(() => setCsrfToken(me?.csrfToken ?? null), [me]);
  useEffect(() => {
    setUnauthenticatedHandler(() => client.setQueryData(ME_KEY, null));
    return () => setUnauthenticatedHandler(null);
  }, [client]);

  const login = useCallback(async (username: string, password: string) => {
    const result = await api.post<Me>('/api/session', { username, password });
    setCsrfToken(result.csrfToken);
    // Another user's cached data must not show; the session query itself stays observed.
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    client.setQueryData(ME_KEY, result);
    return result;
  }, [client]);

  const logout = useCallback(async () => {
    try {
      await api.delete('/api/session');
    } finally {
      setCsrfToken(null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      client.setQueryData(ME_KEY, null);
    }
  }, [client]);

  const value = useMemo<Session>(() => ({
    me,
    loading: meQuery.isPending,
    login,
    logout,
    allows: (action) => (me?.grants ?? []).some((g) => roleAllows(g.role, action)),
    hasRole: (role) => (me?.grants ?? []).some((g) => g.role === role),
  }), [me, meQuery.isPending, login, logout]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
