import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '../api/types';
import { Empty, Loading } from '../components/page-state';
import { useSession } from './session';

/**
 * Sends signed-out visitors to sign-in, remembering where they were going — unless they signed
 * out themselves: the next person to sign in on this browser should not land on their page.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { me, loading, signedOut } = useSession();
  const location = useLocation();
  if (loading) return <Loading label="Checking your session…" />;
  if (!me) return <Navigate to="/sign-in" replace state={signedOut ? null : { from: `${location.pathname}${location.search}` }} />;
  return <>{children}</>;
}

/** Shows a page only to users whose role grants the permission. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  if (!can(permission)) {
    return <Empty title="Not available for your role">Ask an administrator if you need access to this page.</Empty>;
  }
  return <>{children}</>;
}
