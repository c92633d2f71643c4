import { ManualClock } from '../common/clock';
import { NOTIFICATION_KINDS } from '../database/tables';
import { MessageRenderer } from '../messages/renderer';
import { DIGEST_EMAIL, NOTIFICATION_EMAILS } from './notification-emails';

const renderer = new MessageRenderer(new ManualClock(Date.UTC(2026, 10, 2, 9, 0)));

// Sent as built-in sources, which skip the per-send check: this is where they are checked.
describe('notification emails', () => {
  it.each([...NOTIFICATION_KINDS])('%s passes the check every template passes', (kind) => {
    expect(() => renderer.check(NOTIFICATION_EMAILS[kind])).not.toThrow();
  });

  it('the digest passes it too', () => {
    expect(() => renderer.check(DIGEST_EMAIL)).not.toThrow();
  });

  it('names the person covered and the activity, escaping what users typed', () => {
    const rendered = renderer.render(
      { ...NOTIFICATION_EMAILS['activity.assigned'], cacheKey: 'spec:activity' },
      {
        instance: { processKey: 'referrals' },
        entity: { name: 'Ada', type: 'student' },
        links: { instance: 'https://cf.example/instances/1' },
        data: {
          notification: {
            timeZone: 'Europe/London',
            onBehalfOf: 'Cat',
            activity: { kind: 'follow-up', title: '<b>Call</b>', note: '', by: 'Ann', dueAt: '2026-11-03T10:00:00.000Z', startAt: null, endAt: null },
          },
        },
      },
    );
    expect(rendered.subject).toBe('<b>Call</b> (follow-up from Ann)');
    expect(rendered.text).toContain('You receive this for Cat, who is away.');
    expect(rendered.text).toContain('Due Tue 3 Nov 2026 10:00 (Europe/London).');
    expect(rendered.html).toContain('&lt;b&gt;Call&lt;/b&gt;');
  });
});
