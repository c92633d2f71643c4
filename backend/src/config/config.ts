import { resolve } from 'node:path';
import { bodyLimitFor, DocumentsConfig, readDocumentsConfig } from './documents';

export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | { type: 'postgres'; url: string };

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
}

/** Where the backend reaches n8n's public API: to install template workflows and to follow the executions of cases. */
export interface N8nConfig {
  url: string;
  apiKey: string;
  /** The n8n credential (type caseflowApi) set on every Caseflow node of an installed workflow. */
  credentialId?: string;
  /** Base of production webhook URLs as callers reach n8n; defaults to `url`. */
  webhookBaseUrl: string;
  /** Base of links to executions in the n8n editor (N8N_EDITOR_URL); `url` when absent. */
  editorUrl?: string;
}

export interface AppConfig {
  host: string;
  port: number;
  database: DatabaseConfig;
  /** Secret used to sign outgoing deliveries (resume calls, trigger webhooks). */
  signingSecret: string;
  /** Public base URL of the backend, used for links in messages. */
  publicUrl: string;
  bodyLimitBytes: number;
  sessionTtlHours: number;
  /** Longest life of a decision link in a notification email (CASEFLOW_EMAIL_LINK_TTL_HOURS); a task due sooner ends it sooner. */
  emailLinkTtlHours: number;
  /** Always mark the session cookie Secure; without it, only requests that arrived over HTTPS get a Secure cookie. */
  secureCookies: boolean;
  /**
   * Which proxies' X-Forwarded-* headers are believed (CASEFLOW_TRUST_PROXY, handed to Fastify's
   * `trustProxy`): false (default) trusts none, true every hop, a number that many hops, or a
   * comma-separated list of addresses / CIDR ranges. It decides `request.protocol` (Secure cookies)
   * and the client address that login throttling counts.
   */
  trustProxy: boolean | number | string[];
  schedulerEnabled: boolean;
  /** First retry delay of a failed delivery; later ones double. */
  outboxRetryBaseMs: number;
  smtp?: SmtpConfig;
  uiDistPath?: string;
  /** Folder of the bundled templates (templates/<name>/process.json, workflows, messages). */
  templatesDir: string;
  n8n?: N8nConfig;
  /**
   * Origins (scheme://host:port) resume URLs may point at besides `n8n.url` and `n8n.webhookBaseUrl`:
   * CASEFLOW_ALLOWED_RESUME_ORIGINS plus N8N_URL / N8N_WEBHOOK_URL even without an API key.
   * `http://127.0.0.1:*` allows every port of a host (tests and local runs only).
   */
  allowedResumeOrigins: string[];
  /** CASEFLOW_WEBHOOK_ALLOWED_HOSTS: hosts (any port), origins or `*.example.com`, allowed even on private addresses. */
  webhookAllowedHosts: string[];
  documents: DocumentsConfig;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
}

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

function readTrustProxy(env: NodeJS.ProcessEnv): boolean | number | string[] {
  const raw = (env.CASEFLOW_TRUST_PROXY ?? '').trim();
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw.split(',').map((part) => part.trim()).filter((part) => part !== '');
}

function readDatabase(env: NodeJS.ProcessEnv): DatabaseConfig {
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return { type: 'postgres', url };
  if (url && url.startsWith('sqlite:')) return { type: 'sqlite', path: resolve(url.slice('sqlite:'.length)) };
  if (url) throw new Error(`DATABASE_URL must start with postgres:// or sqlite:, got "${url}"`);
  return { type: 'sqlite', path: resolve(env.CASEFLOW_DATA_DIR ?? 'data', 'caseflow.sqlite') };
}

function readSmtp(env: NodeJS.ProcessEnv): SmtpConfig | undefined {
  if (!env.SMTP_HOST) return undefined;
  return {
    host: env.SMTP_HOST,
    port: readInt(env, 'SMTP_PORT', 587),
    secure: env.SMTP_SECURE === 'true',
    user: env.SMTP_USER || undefined,
    password: env.SMTP_PASSWORD || undefined,
    from: env.SMTP_FROM ?? 'Caseflow <caseflow@localhost>',
  };
}

function readN8n(env: NodeJS.ProcessEnv): N8nConfig | undefined {
  if (!env.N8N_URL || !env.N8N_API_KEY) return undefined;
  const url = env.N8N_URL.replace(/\/$/, '');
  return {
    url,
    apiKey: env.N8N_API_KEY,
    credentialId: env.CASEFLOW_N8N_CREDENTIAL_ID || undefined,
    webhookBaseUrl: (env.N8N_WEBHOOK_URL || url).replace(/\/$/, ''),
    editorUrl: (env.N8N_EDITOR_URL || url).replace(/\/$/, ''),
  };
}

const readList = (raw: string | undefined): string[] =>
  (raw ?? '').split(',').map((entry) => entry.trim().replace(/\/$/, '')).filter(Boolean);

function readResumeOrigins(env: NodeJS.ProcessEnv): string[] {
  const origins = readList(env.CASEFLOW_ALLOWED_RESUME_ORIGINS);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/?#@]+$/i.test(origin)) {
      throw new Error(`CASEFLOW_ALLOWED_RESUME_ORIGINS must list origins such as https://n8n.example.com:5678, got "${origin}"`);
    }
  }
  for (const url of [env.N8N_URL, env.N8N_WEBHOOK_URL]) if (url) origins.push(new URL(url).origin);
  return [...new Set(origins)];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = readInt(env, 'PORT', 3100);
  const logLevel = (env.LOG_LEVEL ?? 'log') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const database = readDatabase(env);
  const documents = readDocumentsConfig(env, database);
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    database,
    signingSecret: env.CASEFLOW_SIGNING_SECRET ?? '',
    publicUrl: (env.CASEFLOW_PUBLIC_URL ?? `http://127.0.0.1:${port}`).replace(/\/$/, ''),
    bodyLimitBytes: readInt(env, 'CASEFLOW_BODY_LIMIT_BYTES', bodyLimitFor(documents)),
    sessionTtlHours: readInt(env, 'CASEFLOW_SESSION_TTL_HOURS', 12),
    emailLinkTtlHours: readInt(env, 'CASEFLOW_EMAIL_LINK_TTL_HOURS', 72),
    secureCookies: env.CASEFLOW_SECURE_COOKIES === 'true',
    trustProxy: readTrustProxy(env),
    schedulerEnabled: env.CASEFLOW_SCHEDULER !== 'off',
    outboxRetryBaseMs: readInt(env, 'CASEFLOW_OUTBOX_RETRY_BASE_MS', 1000),
    smtp: readSmtp(env),
    uiDistPath: env.CASEFLOW_UI_DIST,
    // src/config and dist/config both sit three levels below the repository root.
    templatesDir: resolve(env.CASEFLOW_TEMPLATES_DIR ?? resolve(__dirname, '..', '..', '..', 'templates')),
    n8n: readN8n(env),
    allowedResumeOrigins: readResumeOrigins(env),
    webhookAllowedHosts: readList(env.CASEFLOW_WEBHOOK_ALLOWED_HOSTS),
    documents,
    logLevel,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
