import { Link } from 'react-router';
import { formatDuration, titleCase } from '../../lib/format';
import { columnsOf } from './report-data';

type Row = Record<string, string | number | boolean | null>;

/** Ids and keys are for links, not for reading: names stand in for them in the table (and the CSV keeps them). */
const HIDDEN = /(^id$|Id$|\.id$|Key$|\.key$)/;

function formatCell(column: string, value: string | number | boolean | null): string {
  if (value === null) return '—';
  if (typeof value === 'number' && column.endsWith('Ms')) return formatDuration(value);
  if (typeof value === 'number' && /(rate|share|percent)/i.test(column)) return value <= 1 ? `${Math.round(value * 1000) / 10}%` : `${value}%`;
  if (typeof value === 'number') return value.toLocaleString();
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (column.endsWith('At') && !Number.isNaN(Date.parse(value))) return new Date(value).toLocaleString();
  return value;
}

function columnTitle(column: string): string {
  return column
    .split('.')
    .map((part) => titleCase(part.endsWith('Ms') ? part.slice(0, -2) : part))
    .join(' ');
}

/** Where a cell leads: a task's title to the task, a case's record name to the case. */
function linkFor(column: string, row: Row): string | null {
  if (column === 'title' && typeof row.taskId === 'string') return `/tasks/${row.taskId}`;
  if (column === 'entity.name' && typeof row.instanceId === 'string') return `/instances/${row.instanceId}`;
  return null;
}

export function ReportTable({ rows }: { rows: Row[] }) {
  const columns = columnsOf(rows).filter((column) => !HIDDEN.test(column));
  return (
    <div className="table-scroll">
      <table className="table table-compact">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {columnTitle(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {columns.map((column) => {
                const text = formatCell(column, row[column] ?? null);
                const to = linkFor(column, row);
                return <td key={column}>{to ? <Link to={to}>{text}</Link> : text}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
