/**
 * How long hostile message templates hold the event loop: `npx tsx scripts/measure-template-limits.ts`.
 * Each case is checked (as at save time) and, if accepted, rendered once.
 */
import { SystemClock } from '../src/common/clock';
import { MessageRenderer } from '../src/messages/renderer';

const renderer = new MessageRenderer(new SystemClock());
const cases: Record<string, string> = {
  '400 KB of {{x}}': '{{x}}'.repeat(80_000),
  '100 KB of {{x}}': '{{x}}'.repeat(20_000),
  '20,000 nested {{#if}}': '{{#if x}}'.repeat(20_000) + 'y' + '{{/if}}'.repeat(20_000),
  '500 {{x}} (the most allowed)': '{{x}}'.repeat(500),
  '12 nested {{#if}} (the most allowed)': '{{#if x}}'.repeat(12) + 'y' + '{{/if}}'.repeat(12),
  '5,000 nested {{#if}}': '{{#if x}}'.repeat(5_000) + 'y' + '{{/if}}'.repeat(5_000),
  'four nested {{#each}} over 100 items': '{{#each a}}{{#each ../a}}{{#each ../../a}}{{#each ../../../a}}.{{/each}}{{/each}}{{/each}}{{/each}}',
};
// The first compilation in a process is slow (cold code); time the cases warm.
for (let i = 0; i < 20; i++) renderer.render({ subject: 's', html: '{{#if x}}{{x}}{{/if}}'.repeat(50), text: '' }, {});
const context = { x: 'value', a: Array.from({ length: 100 }, (_, i) => i) };

async function main(): Promise<void> {
for (const [name, html] of Object.entries(cases)) {
  await new Promise((resolve) => setImmediate(resolve));
  const started = performance.now();
  let outcome = 'rendered';
  try {
    renderer.check({ subject: 's', html, text: '' });
    renderer.render({ subject: 's', html, text: '' }, context);
  } catch (error) {
    outcome = `refused: ${(error as { message?: string }).message?.slice(0, 90)}`;
  }
  console.log(`${name}: ${Math.round(performance.now() - started)} ms, ${outcome}`);
}
}

void main();
