import { describe, expect, it } from 'vitest';
import { summariseInstall, type InstallResult } from './templates-panel';

const result = (overrides: Partial<InstallResult> = {}): InstallResult => ({
  name: 'bookings',
  calendars: [{ key: 'uk', change: 'unchanged' }],
  queues: [{ key: 'admins', change: 'created' }],
  messageTemplates: [{ key: 'confirmation', change: 'updated' }],
  processes: [{ key: 'bookings', change: 'created' }],
  workflows: [],
  n8n: 'not configured',
  ...overrides,
});

describe('summariseInstall', () => {
  it('counts what was created, updated and left alone', () => {
    expect(summariseInstall(result())).toBe('2 created, 1 updated, 1 unchanged; n8n is not connected, so no workflows were set up.');
  });

  it('passes on what an item says, such as a designed flow that was dropped', () => {
    const note = "The designed flow was dropped: it no longer fits the template's definition.";
    expect(summariseInstall(result({ processes: [{ key: 'bookings', change: 'updated', note }] }))).toBe(
      `1 created, 2 updated, 1 unchanged; n8n is not connected, so no workflows were set up. bookings: ${note}`,
    );
  });

  it('says when the workflows were set up in n8n', () => {
    expect(summariseInstall(result({ n8n: 'installed', workflows: [{ key: 'Bookings', change: 'created' }] }))).toMatch(
      /^3 created.*workflows set up in n8n\.$/,
    );
  });
});
