import { BadRequestException, Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { Clock } from '../common/clock';
import { currency, daysBetween, defaultTo, eq, formatDate, plural, relativeDate } from './helpers';
import { TEMPLATE_LIMITS, templateTooCostly } from './template-limits';

export const MESSAGE_PARTS = ['subject', 'html', 'text'] as const;
export type MessagePart = (typeof MESSAGE_PARTS)[number];

export interface TemplateSource {
  subject: string;
  html: string;
  text: string;
  /** Stable identity of an immutable template version; inline templates have none and are not cached. */
  cacheKey?: string;
}

export type RenderedMessage = Record<MessagePart, string>;

type Compiled = HandlebarsTemplateDelegate<Record<string, unknown>>;
/** Handlebars calls a helper with its arguments followed by its options object. */
type HelperArgs = unknown[];

const CACHE_LIMIT = 1_000;

/** Only the HTML part is escaped: subject and text are plain text, where "&amp;" would be a bug. */
const compileOptions = (part: MessagePart): CompileOptions => ({ noEscape: part !== 'html' });
/** Documents are laid out as PDF text, never as HTML. */
const PLAIN_TEXT: CompileOptions = { noEscape: true };

/**
 * Renders message templates with Handlebars. Its own Handlebars environment keeps these helpers
 * away from anything else in the process; compiled templates are cached per template version
 * (versions are immutable, so an entry never goes stale).
 */
@Injectable()
export class MessageRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly cache = new Map<string, Compiled>();
  /** Block bodies the rendering under way may still run (renders are synchronous, so one counter serves). */
  private iterationsLeft: number = TEMPLATE_LIMITS.iterations;

  constructor(clock: Clock) {
    this.countEachIterations();
    const positional = (args: HelperArgs): unknown[] => args.slice(0, -1);
    const hash = (args: HelperArgs): Record<string, unknown> =>
      (args[args.length - 1] as Handlebars.HelperOptions | undefined)?.hash ?? {};
    this.handlebars.registerHelper({
      formatDate: (...args: HelperArgs) => {
        const [date, pattern, timeZone] = positional(args);
        return formatDate(date, asString(pattern), asString(timeZone ?? hash(args).timeZone));
      },
      relativeDate: (...args: HelperArgs) => relativeDate(positional(args)[0], clock.now()),
      daysBetween: (...args: HelperArgs) => {
        const given = positional(args);
        // Given one date, count to the moment of rendering; a missing second date stays missing (null).
        const to = given.length === 1 ? clock.now() : given[1];
        return daysBetween(given[0], to, asString(given[2] ?? hash(args).timeZone));
      },
      currency: (...args: HelperArgs) => {
        const [amount, code] = positional(args);
        return currency(amount, code, asString(hash(args).locale));
      },
      plural: (...args: HelperArgs) => {
        const [count, singular, many] = positional(args);
        return plural(count, singular, many);
      },
      eq: (...args: HelperArgs) => {
        const [a, b] = positional(args);
        return eq(a, b);
      },
      default: (...args: HelperArgs) => {
        const [value, fallback] = positional(args);
        return defaultTo(value, fallback);
      },
    });
  }

  /** Compiles every part now, so a broken template is refused when it is saved rather than when it is sent. */
  check(source: TemplateSource): void {
    for (const part of MESSAGE_PARTS) this.checkOne(source[part], part, compileOptions(part));
  }

  /** The same check for a plain-text template named by `field` (a document's `documents[0].body`). */
  checkText(template: string, field: string): void {
    this.checkOne(template, field, PLAIN_TEXT);
  }

  render(source: TemplateSource, context: Record<string, unknown>): RenderedMessage {
    const rendered = {} as RenderedMessage;
    for (const part of MESSAGE_PARTS) {
      const cacheKey = source.cacheKey ? `${source.cacheKey}:${part}` : undefined;
      rendered[part] = this.run(this.compiled(source[part], part, compileOptions(part), cacheKey), context, part);
    }
    rendered.subject = rendered.subject.replace(/\s*[\r\n]+\s*/g, ' ').trim();
    return rendered;
  }

  /**
   * A plain-text template (no HTML escaping) rendered with a message's context: a document's file
   * name, title and body. `cacheKey` names an immutable template version's part, as for messages.
   */
  renderText(template: string, context: Record<string, unknown>, field: string, cacheKey?: string): string {
    return this.run(this.compiled(template, field, PLAIN_TEXT, cacheKey), context, field);
  }

  private checkOne(template: string, field: string, options: CompileOptions): void {
    refuseCostly(template, field);
    try {
      this.handlebars.precompile(template, options);
    } catch (error) {
      throw fieldError(field, `the template does not compile: ${messageOf(error)}`);
    }
  }

  private run(template: Compiled, context: Record<string, unknown>, field: string): string {
    this.iterationsLeft = TEMPLATE_LIMITS.iterations;
    let output: string;
    try {
      output = template(context);
    } catch (error) {
      throw fieldError(field, `the template cannot be rendered: ${messageOf(error)}`);
    }
    if (output.length > TEMPLATE_LIMITS.outputChars) {
      throw fieldError(field, `the rendered message is longer than ${TEMPLATE_LIMITS.outputChars} characters`);
    }
    return output;
  }

  private compiled(template: string, field: string, options: CompileOptions, cacheKey: string | undefined): Compiled {
    if (!cacheKey) {
      refuseCostly(template, field);
      return this.handlebars.compile(template, options);
    }
    let compiled = this.cache.get(cacheKey);
    if (!compiled) {
      refuseCostly(template, field);
      compiled = this.handlebars.compile(template, options);
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(cacheKey, compiled);
    }
    return compiled;
  }

  /** `{{#each}}` inside `{{#each}}` multiplies; every iteration spends from the rendering's budget. */
  private countEachIterations(): void {
    const builtInEach = this.handlebars.helpers.each as (this: unknown, context: unknown, options: Handlebars.HelperOptions) => string;
    const spend = (): void => {
      if (--this.iterationsLeft < 0) throw new Error(`{{#each}} ran more than ${TEMPLATE_LIMITS.iterations} times`);
    };
    this.handlebars.registerHelper('each', function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
      const fn = options.fn;
      const counted = Object.assign((item: unknown, runtime?: Handlebars.RuntimeOptions) => {
        spend();
        return fn(item, runtime);
      }, fn);
      return builtInEach.call(this, context, { ...options, fn: counted });
    });
  }
}

function refuseCostly(template: string, field: string): void {
  const problem = templateTooCostly(template);
  if (problem) throw fieldError(field, problem);
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const fieldError = (field: string, message: string): BadRequestException =>
  new BadRequestException({ message: `${field}: ${message}`, details: [{ field, messages: [message] }] });
