import { useEffect } from 'react';
import { useBlocker, type Location } from 'react-router';

/**
 * Asks `question` before leaving the page (in the app or by closing the tab) while `dirty`; a navigation
 * for which `allow` answers true (one the save itself starts) goes without asking.
 */
export function useLeaveGuard(dirty: boolean, question: string, allow: (next: Location) => boolean = () => false): void {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname && !allow(nextLocation));
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(question)) blocker.proceed();
    else blocker.reset();
  }, [blocker, question]);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
