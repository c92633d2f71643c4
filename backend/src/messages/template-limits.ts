/**
 * Bounds on what a message template may cost. Handlebars compiles in time that grows faster
 * than the number of expressions (80,000 `{{x}}` took 50 s; even 1,000 take about 0.1 s) and recurses per
 * nested block, and `{{#each}}` inside `{{#each}}` multiplies; none of it yields the event loop.
 */
export const TEMPLATE_LIMITS = {
  /** Characters per part (subject, html, text). */
  chars: 100_000,
  /** `{{…}}` expressions per part. */
  expressions: 500,
  /** Blocks (`{{#if}}`, `{{#each}}` …) open inside one another. */
  nesting: 12,
  /** Block bodies one rendering may run in total, summed over every `{{#each}}` iteration. */
  iterations: 20_000,
  /** Characters of one rendered part. */
  outputChars: 1_000_000,
} as const;

/** Why this template source is refused, or undefined; one linear pass, no parsing. */
export function templateTooCostly(source: string): string | undefined {
  if (source.length > TEMPLATE_LIMITS.chars) return `the template is longer than ${TEMPLATE_LIMITS.chars} characters`;
  let expressions = 0;
  let depth = 0;
  for (let at = source.indexOf('{{'); at >= 0; at = source.indexOf('{{', at + 2)) {
    if (++expressions > TEMPLATE_LIMITS.expressions) return `the template has more than ${TEMPLATE_LIMITS.expressions} {{…}} expressions`;
    let sigil = source[at + 2];
    if (sigil === '~' || sigil === '{') sigil = source[at + 3];
    const isElse = sigil === '^' && /^\{\{~?\^~?\}\}/.test(source.slice(at, at + 8));
    if ((sigil === '#' || sigil === '^') && !isElse) {
      if (++depth > TEMPLATE_LIMITS.nesting) return `the template nests blocks deeper than ${TEMPLATE_LIMITS.nesting} levels`;
    } else if (sigil === '/') depth--;
  }
  return undefined;
}
