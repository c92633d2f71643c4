import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../api/timeline-types';
import { eventItems } from './event-items';

const event = (type: string, data: Record<string, unknown>): TimelineEvent => ({
  id: type,
  type,
  actor: { type: 'user', id: 'u-1', name: 'Rita Reviewer' },
  data,
  at: '2026-11-02T09:00:00.000Z',
});

describe('document events on the timeline', () => {
  it('names the file, its kind, size and who added or removed it', () => {
    const items = eventItems(
      [event('document.added', { documentId: 'd-1', name: 'letter.pdf', kind: 'intake', size: 2048 }), event('document.removed', { documentId: 'd-1', name: 'letter.pdf' })],
      new Set(),
    );
    expect(items.map(({ title, detail }) => ({ title, detail }))).toEqual([
      { title: 'Document added: letter.pdf', detail: 'intake · 2.0 KB · by Rita Reviewer' },
      { title: 'Document removed: letter.pdf', detail: 'by Rita Reviewer' },
    ]);
  });
});
