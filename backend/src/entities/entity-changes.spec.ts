import type { EntityTable } from '../database/tables';
import { checkAttributesSize, checkEntityInput, mergeAttributes, planEntityChanges } from './entity-changes';

const entity = (over: Partial<EntityTable> = {}): EntityTable => ({
  id: 'e-1', type: 'client', externalId: 'C-1', name: 'Acme', email: null, managerEmail: null,
  attributes: { tier: 'gold', tags: ['a'] }, createdAt: 0, updatedAt: 0, ...over,
});

describe('mergeAttributes', () => {
  it('merges shallowly, removes keys set to null and reports only real changes', () => {
    const result = mergeAttributes({ tier: 'gold', tags: ['a'], old: 1 }, { tier: 'gold', tags: ['a', 'b'], old: null, missing: null });
    expect(result).toEqual({
      merged: { tier: 'gold', tags: ['a', 'b'] },
      before: { tags: ['a'], old: 1 },
      after: { tags: ['a', 'b'], old: null },
    });
  });

  it('keeps "__proto__" as a plain key', () => {
    const incoming = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    const { merged } = mergeAttributes({}, incoming);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged)).toEqual(['__proto__']);
  });
});

describe('planEntityChanges', () => {
  it('returns null when nothing would change', () => {
    expect(planEntityChanges(entity(), { name: 'Acme', email: undefined, attributes: { tags: ['a'] } })).toBeNull();
  });

  it('gives before and after of the changed fields only', () => {
    expect(planEntityChanges(entity(), { name: 'Acme Ltd', email: 'a@b.test', attributes: { tier: 'gold' } })).toEqual({
      patch: { name: 'Acme Ltd', email: 'a@b.test' },
      before: { name: 'Acme', email: null },
      after: { name: 'Acme Ltd', email: 'a@b.test' },
    });
  });
});

describe('checkEntityInput', () => {
  it('requires type and externalId only when asked to', () => {
    expect(checkEntityInput({}, true).map((e) => e.field)).toEqual(['type', 'externalId']);
    expect(checkEntityInput({}, false)).toEqual([]);
  });

  it('refuses bad emails and non-object attributes', () => {
    const input = { type: 't', externalId: 'x', email: 'nope', attributes: [] as unknown as Record<string, unknown> };
    expect(checkEntityInput(input, true).map((e) => e.field)).toEqual(['email', 'attributes']);
  });

  it('limits attributes to 64 KB of JSON', () => {
    expect(checkAttributesSize({ a: 'x'.repeat(1000) })).toEqual([]);
    expect(checkAttributesSize({ a: 'x'.repeat(70_000) })[0]!.field).toBe('attributes');
  });
});
