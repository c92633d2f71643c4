import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatRelative } from './format';

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(93_600_000)).toBe('1 d 2 h');
    expect(formatDuration(3_720_000)).toBe('1 h 2 min');
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(null)).toBe('—');
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2026-11-02T09:00:00Z');
  it('reads due times in whole minutes', () => {
    expect(formatRelative('2026-11-02T09:35:59Z', now)).toBe('in 36 min');
    expect(formatRelative('2026-11-02T08:00:00Z', now)).toBe('1 h ago');
    expect(formatRelative('2026-11-02T09:00:20Z', now)).toBe('now');
  });
});

describe('formatBytes', () => {
  it('picks the unit a reader expects for a file', () => {
    expect(formatBytes(820)).toBe('820 B');
    expect(formatBytes(14_540)).toBe('14.2 KB');
    expect(formatBytes(1_363_149)).toBe('1.3 MB');
  });
});
