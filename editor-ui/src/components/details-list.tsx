import type { ReactNode } from 'react';
import { titleCase } from '../lib/format';

/** A definition list of label → value pairs (entity details, instance data, captured fields). */
export function DetailsList({ items }: { items: Array<[string, ReactNode]> }) {
  return (
    <dl className="details">
      {items.map(([label, value]) => (
        <div key={label} className="details-row">
          <dt>{label}</dt>
          <dd>{value === null || value === undefined || value === '' ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function renderValue(value: unknown): ReactNode {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') return <code className="json">{JSON.stringify(value)}</code>;
  return String(value);
}

/** Plain JSON data (instance data, attributes) as a details list with readable labels. */
export function DataList({ data, emptyText = 'No data.' }: { data: Record<string, unknown> | null | undefined; emptyText?: string }) {
  const entries = Object.entries(data ?? {});
  if (entries.length === 0) return <p className="muted">{emptyText}</p>;
  return <DetailsList items={entries.map(([key, value]) => [titleCase(key), renderValue(value)])} />;
}
