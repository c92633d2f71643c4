import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthenticated } from '../api/client';
import type { Me, Permission } from '../api/types';

interface Session {
  me: Me | null;
  loading: boolean;
  /** True after an explicit sign-out: the next person to sign in starts at their own home page. */
  signedOut: boolean;
  can: (permission: Permission) => boolean;
  signIn: (email: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
export const ME_KEY = ['auth', 'me'] as const;

/**
 * Another user's data must not survive a sign-in or sign-out. The session query itself stays:
 * its observer would not see a replacement entry, only an update of the one it watches.
 */
function forgetEverythingBut(queryClient: QueryClient, keep: readonly unknown[]): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== keep[0] || query.queryKey[1] !== keep[1] });
}

async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
  const [signedOut, setSignedOut] = useState(false);

  useEffect(
    () =>
      onUnauthenticated(() => {
        queryClient.setQueryData(ME_KEY, null);
      }),
    [queryClient],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const signedIn = await api.post<Me>('/auth/login', { email, password });
      forgetEverythingBut(queryClient, ME_KEY);
      queryClient.setQueryData(ME_KEY, signedIn);
      setSignedOut(false);
      return signedIn;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    await api.post<unknown>('/auth/logout').catch(() => undefined);
    setSignedOut(true);
    forgetEverythingBut(queryClient, ME_KEY);
    queryClient.setQueryData(ME_KEY, null);
  }, [queryClient]);

  const value = useMemo<Session>(() => {
    const current = me.data ?? null;
    const permissions = new Set(current?.permissions ?? []);
    return {
      me: current,
      loading: me.isPending,
      signedOut,
      can: (permission) => permissions.has(permission),
      signIn,
      signOut,
    };
  }, [me.data, me.isPending, signedOut, signIn, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
