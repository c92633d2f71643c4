import type { Location } from 'react-router';
import { useLeaveGuard } from '../../lib/use-leave-guard';

export const UNSAVED_QUESTION = 'The template has unsaved changes. Leave without saving them?';

/** Navigation a save itself starts (a new template moving to its own address) carries this state. */
export interface SavedState {
  savedVersion: number;
}

function isSavedState(location: Location): boolean {
  const state = location.state as Partial<SavedState> | null;
  return typeof state?.savedVersion === 'number';
}

/** Asks before leaving while the draft differs from the saved version. */
export function useUnsavedGuard(dirty: boolean): void {
  useLeaveGuard(dirty, UNSAVED_QUESTION, isSavedState);
}
