/** Keyboard shortcuts of the inbox: pure mapping from a key press to an action, testable without a DOM. */

export type ShortcutAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'claim' }
  | { type: 'open' }
  | { type: 'toggle-select' }
  | { type: 'decide'; index: number }
  | { type: 'help' }
  | { type: 'close' };

export interface KeyPress {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The element the key was typed into; shortcuts never steal keys from form fields. */
  target?: EventTarget | null;
}

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

export function isTypingTarget(target: EventTarget | null | undefined): boolean {
  if (!target || typeof target !== 'object') return false;
  const element = target as { tagName?: string; isContentEditable?: boolean };
  return Boolean(element.isContentEditable) || (element.tagName !== undefined && TYPING_TAGS.has(element.tagName));
}

export function shortcutFor(press: KeyPress): ShortcutAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (isTypingTarget(press.target)) return press.key === 'Escape' ? { type: 'close' } : null;
  switch (press.key) {
    case 'j':
    case 'ArrowDown':
      return { type: 'next' };
    case 'k':
    case 'ArrowUp':
      return { type: 'previous' };
    case 'c':
      return { type: 'claim' };
    case 'o':
    case 'Enter':
      return { type: 'open' };
    case 'x':
      return { type: 'toggle-select' };
    case '?':
      return { type: 'help' };
    case 'Escape':
      return { type: 'close' };
    default:
      if (/^[1-9]$/.test(press.key)) return { type: 'decide', index: Number(press.key) - 1 };
      return null;
  }
}

/** Moves a cursor through a list without falling off either end. */
export function moveCursor(current: number, direction: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (current < 0) return direction === 1 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, current + direction));
}

export const SHORTCUT_HELP: Array<[string, string]> = [
  ['j / ↓', 'Next task'],
  ['k / ↑', 'Previous task'],
  ['o / Enter', 'Open the task'],
  ['c', 'Claim or unclaim the task'],
  ['x', 'Select the task for bulk decide'],
  ['1 – 9', 'Decide with the n-th decision'],
  ['?', 'Show or hide this help'],
  ['Esc', 'Close dialogs'],
];
