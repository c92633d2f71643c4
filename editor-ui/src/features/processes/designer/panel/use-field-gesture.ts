import { useCallback, useRef } from 'react';

let focusCount = 0;

/**
 * One undo step per field focus: every change typed while the field keeps its focus carries the same gesture,
 * which the history store folds into one entry.
 */
export function useFieldGesture(name: string): { gesture: () => string; onFocus: () => void } {
  const current = useRef<string | null>(null);
  const onFocus = useCallback(() => {
    focusCount += 1;
    current.current = `${name}#${focusCount}`;
  }, [name]);
  const gesture = useCallback(() => current.current ?? `${name}#unfocused`, [name]);
  return { gesture, onFocus };
}
