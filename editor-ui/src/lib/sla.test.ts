import { describe, expect, it } from 'vitest';
import { slaStateOf } from './sla';

const created = '2026-11-02T09:00:00.000Z';
const due = '2026-11-02T13:00:00.000Z'; // a four-hour window
const at = (iso: string) => new Date(iso).getTime();

describe('slaStateOf', () => {
  it('is on time early in the window', () => {
    expect(slaStateOf({ status: 'open', dueAt: due, createdAt: created }, at('2026-11-02T10:00:00Z'))).toBe('on_time');
  });

  it('is at risk in the last quarter of the window', () => {
    expect(slaStateOf({ status: 'open', dueAt: due, createdAt: created }, at('2026-11-02T12:00:00Z'))).toBe('at_risk');
  });

  it('is breached once the due time has passed', () => {
    expect(slaStateOf({ status: 'claimed', dueAt: due, createdAt: created }, at('2026-11-02T13:00:01Z'))).toBe('breached');
  });

  it('is paused while the stage clock is paused, even past due', () => {
    expect(slaStateOf({ status: 'open', dueAt: due, createdAt: created, slaPaused: true }, at('2026-11-03T00:00:00Z'))).toBe('paused');
  });

  it("prefers the backend's verdict, which knows business calendars", () => {
    expect(slaStateOf({ status: 'open', dueAt: due, createdAt: created, sla: 'on_time' }, at('2026-11-02T14:00:00Z'))).toBe('on_time');
  });

  it('has no SLA without a due time or once the task is closed', () => {
    expect(slaStateOf({ status: 'open', dueAt: null, createdAt: created })).toBe('none');
    expect(slaStateOf({ status: 'decided', dueAt: due, createdAt: created, sla: 'breached' }, at('2026-11-04T00:00:00Z'))).toBe('none');
  });
});
