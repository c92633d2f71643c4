/**
 * Calling a workflow's webhooks. n8n 2.x publishes an activation through an outbox, so the
 * production webhook answers 404 "not registered" for a moment after activate returns; a 404
 * means nothing ran, so calling again is safe.
 */

export interface WebhookCall {
  readonly method?: string;
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** How long to wait for the webhook to be registered (default 15 s). */
  readonly registrationTimeoutMs?: number;
}

export interface WebhookResponse {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON when n8n answered JSON, else the text. */
  readonly body: unknown;
}

/** Production webhook URL of a Webhook node's `path`. */
export function productionWebhookUrl(baseUrl: string, path: string): string {
  return `${baseUrl}/webhook/${path}`;
}

/** Calls a webhook (production, test, or a waiting execution's resume URL) once it is registered. */
export async function callWebhook(url: string, call: WebhookCall = {}): Promise<WebhookResponse> {
  const deadline = Date.now() + (call.registrationTimeoutMs ?? 15_000);
  for (;;) {
    const response = await fetch(url, {
      method: call.method ?? 'POST',
      headers: { ...(call.body === undefined ? {} : { 'content-type': 'application/json' }), ...call.headers },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    const unregistered = response.status === 404 && text.includes('not registered');
    if (!unregistered || Date.now() > deadline) {
      const json = (response.headers.get('content-type') ?? '').includes('json');
      return { status: response.status, headers: response.headers, body: json && text ? (JSON.parse(text) as unknown) : text };
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
