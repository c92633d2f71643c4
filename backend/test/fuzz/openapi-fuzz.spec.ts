import { startTestApp, TestApp } from '../support/test-app';
import { HostileRequests, RawRequest } from './hostile-requests';
import { OpenApiDocument, Operation, operationsOf } from './openapi-operations';
import { closeConnections, RawResponse, send } from './raw-http';
import { countRows } from './row-counts';

/**
 * Every operation of the app's own OpenAPI document, attacked with malformed requests as a
 * signed-in admin, as an API key and anonymously. CASEFLOW_FUZZ_SEED replays another run.
 */
const SEED = Number(process.env.CASEFLOW_FUZZ_SEED ?? 16);
const PER_OPERATION = { admin: 25, apiKey: 25, anonymous: 8 };
const PARALLEL = 6;

/** Checks that answer every JSON object with 200 and its problems by design; the row counts prove they write nothing. */
const ANSWERS_ANY_OBJECT = new Set(['POST /api/v1/processes/check']);

/** Operations that need n8n answer 503 "n8n is not configured" by design when, as here, no n8n is configured. */
const NEEDS_N8N = /^\/api\/v1\/(n8n\/|processes\/\{key\}\/n8n-workflow$)/;
const isServerFailure = (s: Sent): boolean =>
  s.response.status === 0 || (s.response.status >= 500 && !(s.response.status === 503 && NEEDS_N8N.test(s.operation.path)));

/** The readiness check writes its probe row by design, on a GET. */
const withoutProbes = ({ health_probe: _probe, ...tables }: Record<string, number>): Record<string, number> => tables;

interface Caller {
  name: keyof typeof PER_OPERATION;
  headers: Record<string, string>;
}

interface Sent {
  operation: Operation;
  caller: string;
  request: RawRequest;
  response: RawResponse;
}

describe('hostile requests to every operation', () => {
  let t: TestApp;
  let operations: Operation[];
  let callers: Caller[];
  let generate: HostileRequests;

  beforeAll(async () => {
    t = await startTestApp();
    const document = JSON.parse((await send(t.baseUrl, { method: 'GET', path: '/api/docs/openapi.json', headers: {} })).body) as OpenApiDocument;
    operations = operationsOf(document);
    generate = new HostileRequests(document, SEED);
    const { user, password } = await t.createUser('admin');
    const login = await send(t.baseUrl, {
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password }),
    });
    const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0]!;
    const { key } = await t.createApiKey(['admin', 'automation']);
    callers = [
      { name: 'admin', headers: { cookie, 'sec-fetch-site': 'same-origin' } },
      { name: 'apiKey', headers: { 'x-api-key': key } },
      { name: 'anonymous', headers: {} },
    ];
  });

  afterAll(async () => {
    closeConnections();
    await t.close();
  });

  async function sendAll(work: Array<{ operation: Operation; caller: Caller; request: RawRequest }>): Promise<Sent[]> {
    const sent: Sent[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < work.length) {
        const { operation, caller, request } = work[next++]!;
        const response = await send(t.baseUrl, { ...request, headers: { ...request.headers, ...caller.headers } }).catch(
          (error: Error): RawResponse => ({ status: 0, body: `no answer: ${error.message}`, headers: {} }),
        );
        sent.push({ operation, caller: caller.name, request, response });
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    return sent;
  }

  const describeSent = ({ operation, caller, request, response }: Sent): string =>
    `${operation.method} ${operation.path} as ${caller} (${request.why}): ${request.method} ${request.path.slice(0, 200)} ` +
    `${(request.body ?? '').slice(0, 200)} → ${response.status} ${response.body.slice(0, 300)}`;

  it('answers 5,000 malformed requests without a 5xx and writes nothing', async () => {
    const before = await countRows(t.db);
    const work = callers.flatMap((caller) =>
      operations.flatMap((operation) =>
        Array.from({ length: PER_OPERATION[caller.name] }, () => ({ operation, caller, request: generate.refused(operation) })),
      ),
    );
    expect(work.length).toBeGreaterThanOrEqual(5_000);
    expect(new Set(work.map((w) => `${w.operation.method} ${w.operation.path}`)).size).toBe(operations.length);

    const sent = await sendAll(work);

    expect(sent.filter(isServerFailure).map(describeSent)).toEqual([]);
    const accepted = sent.filter((s) => s.operation.method !== 'GET' && s.response.status < 400 && !ANSWERS_ANY_OBJECT.has(`${s.operation.method} ${s.operation.path}`));
    expect(accepted.map(describeSent)).toEqual([]);
    expect(withoutProbes(await countRows(t.db))).toEqual(withoutProbes(before));
  }, 180_000);

  it('answers hostile values in declared fields without a 5xx', async () => {
    // These may be accepted (an optional null is "not given"), so what they write is not checked.
    const withBody = operations.filter((operation) => operation.body);
    const work = callers
      .filter((caller) => caller.name !== 'anonymous')
      .flatMap((caller) =>
        withBody
          // A signed-in password change would end the session the rest of the run uses.
          .filter((operation) => !(caller.name === 'admin' && operation.path.endsWith('/auth/password')))
          .flatMap((operation) => Array.from({ length: 10 }, () => ({ operation, caller, request: generate.hostileValues(operation) }))),
      );

    const sent = await sendAll(work);

    expect(sent.filter(isServerFailure).map(describeSent)).toEqual([]);
  }, 120_000);
});
