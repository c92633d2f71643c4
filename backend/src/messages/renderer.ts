import { BadRequestException, Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { Clock } from '../common/clock';
import { currency, defaultTo, eq, formatDate, plural, relativeDate } from './helpers';
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
    for (const part of MESSAGE_PARTS) {
      refuseCostly(source, part);
      try {
        this.handlebars.precompile(source[part], compileOptions(part));
      } catch (error) {
        throw partError(part, `the template does not compile: ${messageOf(error)}`);
      }
    }
  }

  render(source: TemplateSource, context: Record<string, unknown>): RenderedMessage {
    const rendered = {} as RenderedMessage;
    for (const part of MESSAGE_PARTS) {
      const template = this.compiled(source, part);
      this.iterationsLeft = TEMPLATE_LIMITS.iterations;
      try {
        rendered[part] = template(context);
      } catch (error) {
        throw partError(part, `the template cannot be rendered: ${messageOf(error)}`);
      }
      if (rendered[part].length > TEMPLATE_LIMITS.outputChars) {
        throw partError(part, `the rendered message is longer than ${TEMPLATE_LIMITS.outputChars} characters`);
      }
    }
    rendered.subject = rendered.subject.replace(/\s*[\r\n]+\s*/g, ' ').trim();
    return rendered;
  }

  private compiled(source: TemplateSource, part: MessagePart): Compiled {
    if (!source.cacheKey) {
      refuseCostly(source, part);
      return this.handlebars.compile(source[part], compileOptions(part));
    }
    const key = `${source.cacheKey}:${part}`;
    let template = this.cache.get(key);
    if (!template) {
      refuseCostly(source, part);
      template = this.handlebars.compile(source[part], compileOptions(part));
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, template);
    }
    return template;
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

function refuseCostly(source: TemplateSource, part: MessagePart): void {
  const problem = templateTooCostly(source[part]);
  if (problem) throw partError(part, problem);
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const partError = (part: MessagePart, message: string): BadRequestException =>
  new BadRequestException({ message: `${part}: ${message}`, details: [{ field: part, messages: [message] }] });
