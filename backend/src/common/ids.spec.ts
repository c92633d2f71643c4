import { isUUID } from 'class-validator';
import { idTime, newId } from './ids';

describe('newId', () => {
  it('makes RFC 9562 version 7 UUIDs that carry their creation time', () => {
    const at = Date.UTC(2026, 10, 22, 18, 30, 0, 123);
    const id = newId(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUUID(id)).toBe(true);
    expect(idTime(id)).toBe(at);
  });

  it('keeps ids strictly increasing, within a millisecond and across the counter running out', () => {
    const at = Date.UTC(2030, 0, 1);
    const ids = Array.from({ length: 10_000 }, () => newId(at));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // 10,000 ids cannot fit one millisecond's 4,096 counter values: later ones borrow the next ones.
    expect(idTime(ids.at(-1)!)).toBeGreaterThan(at);
    expect(idTime(ids.at(-1)!)).toBeLessThanOrEqual(at + 3);
    // A clock that goes back does not make an id sort before the ones already made.
    const after = newId(at - 60_000);
    expect(after > ids.at(-1)!).toBe(true);
  });

  it('sorts ids made later after ids made earlier', () => {
    const first = newId(Date.UTC(2031, 0, 1));
    const second = newId(Date.UTC(2031, 0, 1, 0, 0, 1));
    expect(second > first).toBe(true);
    expect(idTime(second) - idTime(first)).toBe(1000);
  });
});
