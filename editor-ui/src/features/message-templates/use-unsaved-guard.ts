import { useEffect } from 'react';
import { useBlocker, type Location } from 'react-router';

export const UNSAVED_QUESTION = 'The template has unsaved changes. Leave without saving them?';

/** Navigation a save itself starts (a new template moving to its own address) carries this state. */
export interface SavedState {
  savedVersion: number;
}

function isSavedState(location: Location): boolean {
  const state = location.state as Partial<SavedState> | null;
  return typeof state?.savedVersion === 'number';
}

/** Asks before leaving (in the app or by closing the tab) while the draft differs from the saved version. */
export function useUnsavedGuard(dirty: boolean): void {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname && !isSavedState(nextLocation));
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    if (window.confirm(UNSAVED_QUESTION)) blocker.proceed();
    else blocker.reset();
  }, [blocker]);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
