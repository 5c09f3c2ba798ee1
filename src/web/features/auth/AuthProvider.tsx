import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { PROJECT_WRITER_ROLES } from '../../../shared/roles.js';
import { ApiError, onUnauthorized, setCsrfToken } from '../../api/client.js';
import { endpoints, type CurrentUser, type SessionInfo } from '../../api/endpoints.js';

interface Auth {
  user: CurrentUser | null;
  loading: boolean;
  /** True after the user signed out themselves: the sign-in page then forgets where they were. */
  signedOut: boolean;
  canWrite: boolean;
  isAdmin: boolean;
  signIn: (username: string, password: string, totp?: string) => Promise<void>;
  /** The role needs two-step verification and the user has not set it up: nothing else is open yet. */
  totpRequired: boolean;
  /** Reads the session again (after two-step verification was turned on or off). */
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
  /** Changes the password; the server ends every session and hands this tab a new one. */
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);
const ME_KEY = ['me'];

async function fetchMe(): Promise<SessionInfo | null> {
  try {
    return await endpoints.me();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: 1 });
  const session = me.data ?? null;
  const [signedOut, setSignedOut] = useState(false);

  useEffect(() => {
    setCsrfToken(session?.csrfToken ?? null);
  }, [session]);

  // A 401 from any request means the session is gone: forget the user, and the route guard
  // sends them to the sign-in page; cached data from the old session goes with it.
  useEffect(() => {
    onUnauthorized(() => {
      qc.setQueryData(ME_KEY, null);
    });
    return () => onUnauthorized(null);
  }, [qc]);

  const signIn = useCallback(
    async (username: string, password: string, totp?: string) => {
      const s = await endpoints.login(username, password, totp);
      setCsrfToken(s.csrfToken);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      qc.setQueryData(ME_KEY, s);
      setSignedOut(false);
    },
    [qc],
  );

  const signOut = useCallback(async () => {
    try {
      await endpoints.logout();
    } finally {
      setSignedOut(true);
      setCsrfToken(null);
      qc.setQueryData(ME_KEY, null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    }
  }, [qc]);

  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) => {
      const s = await endpoints.changePassword({ currentPassword, newPassword });
      setCsrfToken(s.csrfToken);
      qc.setQueryData(ME_KEY, s);
    },
    [qc],
  );

  const refresh = useCallback(async () => {
    await qc.invalidateQueries({ queryKey: ME_KEY });
  }, [qc]);

  const value = useMemo<Auth>(() => {
    const user = session?.user ?? null;
    return {
      user,
      loading: me.isLoading,
      signedOut,
      canWrite: !!user && PROJECT_WRITER_ROLES.includes(user.role),
      isAdmin: user?.role === 'admin',
      signIn,
      signOut,
      changePassword,
      totpRequired: session?.totpRequired ?? false,
      refresh,
    };
  }, [session, me.isLoading, signedOut, signIn, signOut, changePassword, refresh]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
