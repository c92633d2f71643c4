import { useLeaveGuard } from '../../../../lib/use-leave-guard';

export const LEAVE_QUESTION = 'The design has unsaved changes. Leave without saving them?';

/** Asks before leaving the designer while there are unsaved changes. */
export function useDesignLeaveGuard(dirty: boolean): void {
  useLeaveGuard(dirty, LEAVE_QUESTION);
}
