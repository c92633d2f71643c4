import { useEffect } from 'react';
import type { DesignerStoreApi } from '../store/designer-store';

/** Typing belongs to the field: shortcuts never fire while an input, select, textarea or editable element has the key. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

/**
 * The designer's keys: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo, Ctrl/Cmd+C and V copy and paste the
 * selected steps, Delete or Backspace removes the selection (never the start).
 */
export function handleDesignerKey(event: KeyboardEvent, store: DesignerStoreApi): boolean {
  if (isTyping(event.target)) return false;
  const state = store.getState();
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && key === 'z') (event.shiftKey ? state.redo : state.undo)();
  else if (mod && key === 'y') state.redo();
  else if (mod && key === 'c') state.copySelection();
  else if (mod && key === 'v') state.paste();
  else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) state.removeSelection();
  else return false;
  event.preventDefault();
  return true;
}

export function useDesignerKeys(store: DesignerStoreApi): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => void handleDesignerKey(event, store);
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);
}
