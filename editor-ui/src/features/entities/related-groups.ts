import type { RelatedRecord } from '../../api/message-types';
import { titleCase } from '../../lib/format';

export interface IncomingGroup {
  key: string;
  /** "Bookings", from the linking records' type. */
  label: string;
  /** The link's name, readable ("Course date"): records of one type may link in several ways. */
  via: string;
  records: RelatedRecord['entity'][];
}

/** A relation name as people say it: courseDate → "Course date". */
export function relationLabel(name: string): string {
  const words = titleCase(name);
  return words.charAt(0) + words.slice(1).toLowerCase();
}

/** Incoming links grouped by the type of record making them and the link's name, in first-seen order. */
export function groupIncoming(incoming: RelatedRecord[], typeName: (type: string) => string): IncomingGroup[] {
  const groups = new Map<string, IncomingGroup>();
  for (const { name, entity } of incoming) {
    const key = `${entity.type}/${name}`;
    const group = groups.get(key) ?? { key, label: typeName(entity.type), via: relationLabel(name), records: [] };
    group.records.push(entity);
    groups.set(key, group);
  }
  return [...groups.values()];
}
