import type { ProcessStatus, ProcessTable } from '../database/tables';

export interface ListingFilter {
  status?: ProcessStatus;
  entityType?: string;
}

/**
 * One row per key, from each key's draft and latest published version. Without a status the
 * latest published version stands for the key (the draft while it was never published);
 * with an entity type only published processes that may start for it are listed, which is
 * what the UI's "Start workflow" menu offers.
 */
export function pickListed(heads: ProcessTable[], filter: ListingFilter): ProcessTable[] {
  const byKey = new Map<string, { draft?: ProcessTable; published?: ProcessTable }>();
  for (const row of heads) {
    const entry = byKey.get(row.key) ?? {};
    if (row.status === 'draft') entry.draft = row;
    else if (!entry.published || entry.published.version < row.version) entry.published = row;
    byKey.set(row.key, entry);
  }
  const listed: ProcessTable[] = [];
  for (const { draft, published } of byKey.values()) {
    const row = filter.status === 'draft' ? draft : filter.status === 'published' ? published : (published ?? draft);
    if (!row) continue;
    if (filter.entityType !== undefined && (row.status !== 'published' || !row.entityTypes.includes(filter.entityType))) continue;
    listed.push(row);
  }
  return listed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
