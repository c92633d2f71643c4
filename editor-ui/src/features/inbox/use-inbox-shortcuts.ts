import { useEffect, useRef } from 'react';
import { shortcutFor, type ShortcutAction } from '../../lib/shortcuts';

/** Listens for the inbox's shortcuts on the whole page while `enabled`; the handler always sees fresh state. */
export function useInboxShortcuts(handle: (action: ShortcutAction) => void, enabled: boolean): void {
  const handler = useRef(handle);
  useEffect(() => {
    handler.current = handle;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = shortcutFor(event);
      if (!action) return;
      // Enter on a focused link or button keeps its own meaning.
      if (action.type === 'open' && event.key === 'Enter' && event.target instanceof HTMLElement && event.target.closest('a,button')) return;
      event.preventDefault();
      handler.current(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
