import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { api, ApiError, onUnauthenticated } from '../api/client';
import type { Me, Permission } from '../api/types';

interface Session {
  me: Me | null;
  loading: boolean;
  can: (permission: Permission) => boolean;
  signIn: (email: string, password: string) => Promise<Me>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
export const ME_KEY = ['auth', 'me'] as const;

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
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, signedIn);
      return signedIn;
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    await api.post<unknown>('/auth/logout').catch(() => undefined);
    queryClient.clear();
    queryClient.setQueryData(ME_KEY, null);
  }, [queryClient]);

  const value = useMemo<Session>(() => {
    const current = me.data ?? null;
    const permissions = new Set(current?.permissions ?? []);
    return {
      me: current,
      loading: me.isPending,
      can: (permission) => permissions.has(permission),
      signIn,
      signOut,
    };
  }, [me.data, me.isPending, signIn, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}
