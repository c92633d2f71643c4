import type { ProcessTable } from '../database/tables';
import { pickListed } from './process-listing';

const row = (key: string, version: number, status: 'draft' | 'published', entityTypes = ['student']): ProcessTable =>
  ({ id: `${key}-${version}`, key, version, status, entityTypes }) as ProcessTable;

const ids = (rows: ProcessTable[]) => rows.map((r) => r.id);

describe('pickListed', () => {
  const heads = [row('b', 1, 'draft'), row('a', 2, 'published', ['invoice']), row('a', 3, 'draft')];

  it('lets the latest published version stand for a key, else its draft, ordered by key', () => {
    expect(ids(pickListed(heads, {}))).toEqual(['a-2', 'b-1']);
  });

  it('lists the drafts or the published versions when asked for a status', () => {
    expect(ids(pickListed(heads, { status: 'draft' }))).toEqual(['a-3', 'b-1']);
    expect(ids(pickListed(heads, { status: 'published' }))).toEqual(['a-2']);
  });

  it('offers only published processes that may start for the entity type', () => {
    expect(ids(pickListed(heads, { entityType: 'invoice' }))).toEqual(['a-2']);
    expect(ids(pickListed(heads, { entityType: 'student' }))).toEqual([]);
  });
});
