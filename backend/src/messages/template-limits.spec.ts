import { BadRequestException } from '@nestjs/common';
import { ManualClock } from '../common/clock';
import { MessageRenderer } from './renderer';
import { TEMPLATE_LIMITS, templateTooCostly } from './template-limits';

const renderer = new MessageRenderer(new ManualClock(Date.UTC(2026, 10, 2, 9, 0, 0)));
const source = (html: string) => ({ subject: 's', html, text: '' });
const refusal = (work: () => unknown): string => {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return (error as BadRequestException).message;
  }
  throw new Error('expected a refusal');
};

describe('template limits', () => {
  it('refuses a part longer than 100,000 characters, or with more than 500 expressions, within milliseconds', () => {
    const started = Date.now();
    expect(refusal(() => renderer.check(source('{{x}}'.repeat(80_000))))).toMatch(/html: the template is longer than 100000 characters/);
    expect(refusal(() => renderer.check(source('{{x}}'.repeat(20_000))))).toMatch(/more than 500 \{\{…\}\} expressions/);
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('refuses blocks nested deeper than 12, counting else branches as part of their block', () => {
    const nested = (levels: number) => '{{#if x}}'.repeat(levels) + 'y{{^}}n' + '{{/if}}'.repeat(levels);
    expect(templateTooCostly(nested(12))).toBeUndefined();
    expect(templateTooCostly('{{#if x}}'.repeat(12) + 'y{{else}}n' + '{{/if}}'.repeat(12))).toBeUndefined();
    expect(refusal(() => renderer.check(source(nested(13))))).toMatch(/nests blocks deeper than 12 levels/);
    expect(renderer.render(source(nested(12)), { x: true }).html).toBe('y');
  });

  it('refuses a template at send time too, before compiling it', () => {
    expect(refusal(() => renderer.render(source('{{#each a}}'.repeat(13) + '{{/each}}'.repeat(13)), {}))).toMatch(/nests blocks/);
  });

  it('stops {{#each}} inside {{#each}} after 20,000 iterations in one rendering', () => {
    const items = Array.from({ length: 200 }, (_, i) => i);
    const template = source('{{#each a}}{{#each ../a}}.{{/each}}{{/each}}');
    expect(refusal(() => renderer.render(template, { a: items }))).toMatch(/\{\{#each\}\} ran more than 20000 times/);
    expect(renderer.render(template, { a: items.slice(0, 100) }).html).toHaveLength(10_000);
  });

  it('refuses a rendered part over 1,000,000 characters', () => {
    const big = 'x'.repeat(TEMPLATE_LIMITS.outputChars / 4 + 1);
    expect(refusal(() => renderer.render(source('{{v}}{{v}}{{v}}{{v}}'), { v: big }))).toMatch(/rendered message is longer than 1000000/);
  });
});
