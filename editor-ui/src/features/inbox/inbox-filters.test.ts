import { describe, expect, it } from 'vitest';
import { parseInboxFilters, toSearchParams, toTaskQuery, withFilter } from './inbox-filters';

describe('inbox filters', () => {
  it('defaults to soonest due first, first page', () => {
    const filters = parseInboxFilters(new URLSearchParams());
    expect(filters).toMatchObject({ sort: 'due', order: 'asc', offset: 0, assignee: '', overdue: false });
    expect(toSearchParams(filters).toString()).toBe('');
  });

  it('turns URL filters into a server-side query of one page', () => {
    const filters = parseInboxFilters(new URLSearchParams('queue=advisors&process=student&stage=review&priority=4&assignee=me&overdue=true&sort=priority&offset=50'));
    expect(toTaskQuery(filters)).toEqual({
      queue: 'advisors',
      processKey: 'student',
      stageKey: 'review',
      priority: 4,
      assignee: 'me',
      overdue: true,
      sort: 'priority',
      order: 'desc',
      limit: 25,
      offset: 50,
    });
  });

  it('ignores values it does not know', () => {
    expect(parseInboxFilters(new URLSearchParams('sort=random&priority=9&assignee=bob&offset=-3'))).toMatchObject({ sort: 'due', priority: '', assignee: '', offset: 0 });
  });

  it('goes back to the first page and drops the stage when the process changes', () => {
    const filters = parseInboxFilters(new URLSearchParams('process=a&stage=s&offset=25'));
    expect(withFilter(filters, { process: 'b' })).toMatchObject({ process: 'b', stage: '', offset: 0 });
    expect(withFilter(filters, { offset: 50 })).toMatchObject({ stage: 's', offset: 50 });
    expect(withFilter(filters, { sort: 'age' })).toMatchObject({ sort: 'age', order: 'asc' });
  });
});
