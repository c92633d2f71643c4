import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { APP_CONFIG, AppConfig } from '../config/config';
import { bareHost, isForbiddenAddress, isForbiddenName } from './outbound-addresses';

const RESUME_SETTINGS = 'set N8N_WEBHOOK_URL or CASEFLOW_ALLOWED_RESUME_ORIGINS';
const WEBHOOK_SETTING = 'CASEFLOW_WEBHOOK_ALLOWED_HOSTS';
const LOOKUP_TIMEOUT_MS = 3_000;

/** Resolves a host name to every address it has (dns.lookup, as fetch would). */
export type HostLookup = (host: string) => Promise<string[]>;

const systemLookup: HostLookup = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Where the backend may send calls (see docs/backend.md, "Outbound calls"). Checked when a URL is
 * registered and again before every delivery: a row written before a rule existed, or a host whose
 * DNS now answers a private address (rebinding), is refused then too. Messages name the origin only,
 * since a resume URL is a capability, and the setting an operator changes to allow it.
 */
@Injectable()
export class OutboundPolicy {
  private resolve: HostLookup = systemLookup;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Tests resolve names without a DNS server. */
  useLookup(lookupHost: HostLookup): void {
    this.resolve = lookupHost;
  }

  /**
   * Why a resume URL may not be called, or null. Only the n8n instances this backend is configured
   * for qualify; read at call time, so a config that learns n8n later (the template stack) counts.
   */
  resumeUrlProblem(target: string): string | null {
    const url = parse(target);
    if (!url) return 'the URL is not a valid http(s) URL';
    if (url.username || url.password) return `${url.origin} carries credentials (user:password@); n8n's resume URLs never do`;
    if (this.isConfiguredN8n(url)) return null;
    return `${url.origin} is not an n8n this backend is configured for; ${RESUME_SETTINGS}`;
  }

  /**
   * Why a webhook target may not be called, or null. The configured n8n (its Caseflow Triggers and
   * processes' launch webhooks live there) and hosts listed in CASEFLOW_WEBHOOK_ALLOWED_HOSTS are
   * allowed wherever they resolve; any other host must be a public name whose every address is
   * public (loopback, private ranges, link-local and metadata services are refused).
   */
  async webhookTargetProblem(target: string): Promise<string | null> {
    const url = parse(target);
    if (!url) return 'the URL is not a valid http(s) URL';
    if (url.username || url.password) return `${url.origin} carries credentials (user:password@); put secrets in the path or a header instead`;
    if (this.isConfiguredN8n(url) || this.config.webhookAllowedHosts.some((entry) => hostMatches(url, entry))) return null;
    const host = bareHost(url.hostname);
    const refused = `${url.origin} is a local, private or metadata address; list the host in ${WEBHOOK_SETTING} to allow it`;
    if (isForbiddenName(host)) return refused;
    let addresses: string[];
    try {
      addresses = await withTimeout(this.resolve(host), LOOKUP_TIMEOUT_MS);
    } catch {
      return `${url.origin}: the host name does not resolve`;
    }
    if (!addresses.length || addresses.some(isForbiddenAddress)) return refused;
    return null;
  }

  private isConfiguredN8n(url: URL): boolean {
    const allowed = [...this.config.allowedResumeOrigins, this.config.n8n?.url, this.config.n8n?.webhookBaseUrl];
    return allowed.some((entry) => entry && originMatches(url, entry));
  }

  assertResumeUrl(field: string, target: string | null | undefined): void {
    const problem = target ? this.resumeUrlProblem(target) : null;
    if (problem) throw fieldError(field, problem);
  }

  async assertWebhookTarget(field: string, target: string): Promise<void> {
    const problem = await this.webhookTargetProblem(target);
    if (problem) throw fieldError(field, problem);
  }
}

const fieldError = (field: string, message: string): BadRequestException =>
  new BadRequestException({ message: `${field}: ${message}`, details: [{ field, messages: [message] }] });

function parse(target: string): URL | null {
  try {
    const url = new URL(target);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** `https://n8n.example.com`, `http://127.0.0.1:5678`, or `http://127.0.0.1:*` for any port. */
function originMatches(url: URL, entry: string): boolean {
  const anyPort = /^(https?):\/\/([^/:]+|\[[^\]]+\]):\*$/i.exec(entry);
  if (anyPort) return url.protocol === `${anyPort[1]!.toLowerCase()}:` && url.hostname === anyPort[2]!.toLowerCase();
  const allowed = parse(entry);
  return allowed !== null && allowed.origin === url.origin;
}

/** `hooks.example.com` (any port), `*.example.com` (its subdomains), or an origin `https://hooks.example.com:8443`. */
function hostMatches(url: URL, entry: string): boolean {
  if (entry.includes('://')) return originMatches(url, entry);
  const host = entry.toLowerCase();
  if (host.startsWith('*.')) return url.hostname.endsWith(host.slice(1));
  return url.hostname === host || bareHost(url.hostname) === bareHost(host);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
