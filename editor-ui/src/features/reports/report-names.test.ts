import { describe, expect, it } from 'vitest';
import { withNames, type ProcessNames } from './report-names';

const names: ProcessNames = {
  processName: (key) => ({ bookings: 'Course bookings' })[key ?? ''] ?? key ?? '—',
  stageName: (processKey, stageKey) =>
    stageKey === null ? '—' : (processKey === 'bookings' ? { confirm: 'Send the booking confirmation' }[stageKey] : undefined) ?? stageKey,
};

describe('withNames', () => {
  it('puts the process and stage names first, keeping the keys on the row', () => {
    const [row] = withNames([{ processKey: 'bookings', stageKey: 'confirm', status: 'active', count: 2 }], names);
    expect(row).toEqual({ process: 'Course bookings', stage: 'Send the booking confirmation', processKey: 'bookings', stageKey: 'confirm', status: 'active', count: 2 });
    expect(Object.keys(row ?? {}).slice(0, 2)).toEqual(['process', 'stage']);
  });

  it('keeps the stage name a report already carries instead of looking it up', () => {
    const [row] = withNames([{ processKey: 'bookings', stageKey: 'confirm', stageName: 'Confirm (old name)', avgMs: 1 }], names);
    expect(row).toMatchObject({ process: 'Course bookings', stage: 'Confirm (old name)' });
    expect(row).not.toHaveProperty('stageName');
  });

  it('shows a dash for a case without a stage and the key for a process it does not know', () => {
    const [row] = withNames([{ processKey: 'retired', stageKey: null, count: 1 }], names);
    expect(row).toMatchObject({ process: 'retired', stage: '—' });
  });

  it('adds no stage column to a report without stages', () => {
    const [row] = withNames([{ processKey: 'bookings', tasks: 3 }], names);
    expect(row).toEqual({ process: 'Course bookings', processKey: 'bookings', tasks: 3 });
  });
});
