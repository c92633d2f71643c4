import { describe, expect, it } from 'vitest';
import { moveCursor, shortcutFor } from './shortcuts';

describe('shortcutFor', () => {
  it('maps j/k, c, ? and the number keys', () => {
    expect(shortcutFor({ key: 'j' })).toEqual({ type: 'next' });
    expect(shortcutFor({ key: 'k' })).toEqual({ type: 'previous' });
    expect(shortcutFor({ key: 'c' })).toEqual({ type: 'claim' });
    expect(shortcutFor({ key: '?' })).toEqual({ type: 'help' });
    expect(shortcutFor({ key: '1' })).toEqual({ type: 'decide', index: 0 });
    expect(shortcutFor({ key: '9' })).toEqual({ type: 'decide', index: 8 });
  });

  it('ignores 0, other keys and keys with modifiers (browser shortcuts stay intact)', () => {
    expect(shortcutFor({ key: '0' })).toBeNull();
    expect(shortcutFor({ key: 'q' })).toBeNull();
    expect(shortcutFor({ key: 'c', ctrlKey: true })).toBeNull();
    expect(shortcutFor({ key: 'j', metaKey: true })).toBeNull();
  });

  it('never steals keys typed into a form field, except Esc', () => {
    const input = document.createElement('input');
    const textarea = document.createElement('textarea');
    expect(shortcutFor({ key: 'j', target: input })).toBeNull();
    expect(shortcutFor({ key: '1', target: textarea })).toBeNull();
    expect(shortcutFor({ key: 'Escape', target: input })).toEqual({ type: 'close' });
  });
});

describe('moveCursor', () => {
  it('starts at the first or last row and stops at the ends', () => {
    expect(moveCursor(-1, 1, 3)).toBe(0);
    expect(moveCursor(-1, -1, 3)).toBe(2);
    expect(moveCursor(2, 1, 3)).toBe(2);
    expect(moveCursor(0, -1, 3)).toBe(0);
    expect(moveCursor(0, 1, 0)).toBe(-1);
  });
});
