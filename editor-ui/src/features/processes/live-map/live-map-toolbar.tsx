import { PERIODS } from './live-map-queries';
import type { LiveMap } from './live-map-types';

/** To the second: the map refreshes every 15 s, and the time shows that it did. */
const UPDATED_AT = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** The period picker, where all cases stand now, and when the figures were counted. */
export function LiveMapToolbar({ days, onDaysChange, figures }: { days: number; onDaysChange: (days: number) => void; figures: LiveMap | undefined }) {
  return (
    <div className="live-map-toolbar">
      <label>
        Period
        <select value={days} onChange={(event) => onDaysChange(Number(event.target.value))}>
          {PERIODS.map((period) => (
            <option key={period.days} value={period.days}>
              {period.label}
            </option>
          ))}
        </select>
      </label>
      {figures ? (
        <>
          <span>
            {figures.totals.open} open · {figures.totals.completed} completed · {figures.totals.cancelled} cancelled
          </span>
          <span className="small muted">Last updated {UPDATED_AT.format(new Date(figures.generatedAt))}</span>
        </>
      ) : null}
    </div>
  );
}
