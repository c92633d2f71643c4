import { BadRequestException } from '@nestjs/common';
import { ManualClock } from '../common/clock';
import { currency, defaultTo, formatDate, plural, relativeDate } from './helpers';
import { deepMerge } from './render-context';
import { MessageRenderer } from './renderer';

const NOW = Date.UTC(2026, 10, 2, 9, 0, 0);
const renderer = new MessageRenderer(new ManualClock(NOW));
const render = (template: Partial<{ subject: string; html: string; text: string }>, context: Record<string, unknown>) =>
  renderer.render({ subject: '', html: '', text: '', ...template }, context);

describe('MessageRenderer', () => {
  it('escapes data in the html part and leaves the text and subject parts alone', () => {
    const out = render(
      { subject: 'Hi {{name}}', html: '<p>{{name}}</p>', text: 'Hello {{name}}' },
      { name: '<script>alert("x")</script> & co' },
    );
    expect(out.html).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</p>');
    expect(out.text).toBe('Hello <script>alert("x")</script> & co');
    expect(out.subject).toBe('Hi <script>alert("x")</script> & co');
  });

  it('renders a missing variable as empty, not as an error', () => {
    expect(render({ text: 'Dear {{entity.name}}{{data.nothing.deeper}}!' }, {}).text).toBe('Dear !');
  });

  it('keeps a subject on one line', () => {
    expect(render({ subject: 'Hello\r\n{{x}}' }, { x: 'Bcc: evil@example.com' }).subject).toBe('Hello Bcc: evil@example.com');
  });

  it('refuses a template that does not compile, naming the part and the line', () => {
    const check = () => renderer.check({ subject: 'ok', html: '<p>\n{{#if x}}open', text: '' });
    expect(check).toThrow(BadRequestException);
    expect(check).toThrow(/html: .*Parse error on line 2/);
  });

  it('turns an unknown helper into a 400, not a crash', () => {
    expect(() => render({ text: '{{shout name}}' }, { name: 'x' })).toThrow(/Missing helper: "shout"/);
  });

  it('does not reach into prototypes', () => {
    expect(render({ text: '{{constructor.name}}|{{__proto__}}' }, {}).text).toBe('|');
  });

  it('offers the date, currency, plural, eq and default helpers', () => {
    const context = { at: '2026-12-24T18:30:00Z', due: '2026-11-05T09:00:00Z', amount: 1234.5, n: 3, status: 'open', empty: '' };
    const out = render(
      {
        text: [
          '{{formatDate at "d MMMM yyyy, HH:mm" "Europe/Paris"}}',
          '{{relativeDate due}}',
          '{{currency amount "EUR"}}',
          '{{n}} {{plural n "item" "items"}}',
          '{{#if (eq status "open")}}open{{else}}closed{{/if}}',
          '{{default empty "n/a"}}',
        ].join('|'),
      },
      context,
    );
    expect(out.text).toBe('24 December 2026, 19:30|in 3 days|€1,234.50|3 items|open|n/a');
  });

  it('caches a compiled template version by its key', () => {
    const source = { subject: 's', html: '', text: '{{x}}', cacheKey: 'k@1#id' };
    expect(renderer.render(source, { x: 1 }).text).toBe('1');
    expect(renderer.render({ ...source, text: 'changed' }, { x: 2 }).text).toBe('2');
  });
});

describe('helpers', () => {
  it('formatDate uses pattern letters and a time zone, and prints dates without a time as written', () => {
    expect(formatDate('2026-03-29T00:30:00Z', 'yyyy-MM-dd HH:mm', 'Europe/London')).toBe('2026-03-29 00:30');
    expect(formatDate('2026-07-01T23:30:00Z', 'EEE d MMM', 'Europe/London')).toBe('Thu 2 Jul');
    expect(formatDate('2026-05-01', 'dd/MM/yyyy', 'America/New_York')).toBe('01/05/2026');
    expect(formatDate('2026-05-01T15:04:00Z', "h:mm a 'on' EEEE")).toBe('3:04 PM on Friday');
    expect(formatDate('not a date', 'yyyy')).toBe('');
  });

  it('relativeDate speaks relative to now', () => {
    const day = 86_400_000;
    expect(relativeDate(new Date(NOW + 3 * day).toISOString(), NOW)).toBe('in 3 days');
    expect(relativeDate(new Date(NOW - 2 * day).toISOString(), NOW)).toBe('2 days ago');
    expect(relativeDate(new Date(NOW + day).toISOString(), NOW)).toBe('tomorrow');
    expect(relativeDate(new Date(NOW - 5 * 60_000).toISOString(), NOW)).toBe('5 minutes ago');
  });

  it('currency formats amounts and numeric strings, and refuses an unknown code', () => {
    expect(currency(12, 'GBP')).toBe('£12.00');
    expect(currency('99.9', 'USD', 'en-US')).toBe('$99.90');
    expect(currency('abc', 'EUR')).toBe('');
    expect(() => currency(1, 'NOT-A-CODE')).toThrow(RangeError);
  });

  it('plural picks the singular for exactly one', () => {
    expect(plural(1, 'item', 'items')).toBe('item');
    expect(plural(0, 'item', 'items')).toBe('items');
    expect(plural(2, 'day')).toBe('days');
  });

  it('default replaces null, undefined and empty strings only', () => {
    expect(defaultTo(undefined, 'x')).toBe('x');
    expect(defaultTo(0, 'x')).toBe(0);
    expect(defaultTo(false, 'x')).toBe(false);
  });
});

describe('deepMerge', () => {
  it('lays preview data over sample data field by field and ignores prototype keys', () => {
    const merged = deepMerge({ entity: { name: 'A', email: 'a@x' } }, JSON.parse('{"entity":{"name":"B"},"__proto__":{"polluted":1}}'));
    expect(merged).toEqual({ entity: { name: 'B', email: 'a@x' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
