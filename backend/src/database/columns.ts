import { Column, ColumnOptions, ValueTransformer } from 'typeorm';

/**
 * Times are stored as epoch milliseconds in a BIGINT on both SQLite and PostgreSQL: one
 * portable column type, cheap comparisons for due-time sweeps, and exact arithmetic for
 * time-in-stage reports. PostgreSQL hands BIGINT back as a string, hence the transformer.
 */
const epochMs: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};

export function TimeColumn(options: Pick<ColumnOptions, 'name' | 'nullable' | 'default'> = {}): PropertyDecorator {
  return Column('bigint', { ...options, transformer: epochMs });
}

/** JSON kept as text: portable, and never queried inside the database. */
export function JsonColumn(options: Pick<ColumnOptions, 'name' | 'nullable' | 'default'> = {}): PropertyDecorator {
  return Column('simple-json', options);
}
