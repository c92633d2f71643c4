/**
 * A resume URL is a capability: n8n signs it (`?signature=…`) and some set-ups add a token, so
 * whoever holds it can continue the execution. It never goes into an error, a log line or a
 * response; these helpers say which execution it names instead.
 */

/** n8n's waiting-webhook paths: /webhook-waiting/<id>, /webhook-test-waiting/<id>, /form-waiting/<id>… */
const WAITING_PATH = /\/(?:webhook|form)(?:-test)?-waiting\/([^/?#]+)/;

/** The execution id in a resume URL, or null when the path is not one of n8n's waiting webhooks. */
export function resumeExecutionId(target: string | null): string | null {
  if (!target) return null;
  try {
    const match = WAITING_PATH.exec(new URL(target).pathname);
    return match ? decodeURIComponent(match[1]!) : null;
  } catch {
    return null;
  }
}

/** "n8n execution 42", or the host when the URL is not one of n8n's waiting webhooks. */
export function describeResumeTarget(target: string | null): string {
  const executionId = resumeExecutionId(target);
  if (executionId) return `n8n execution ${executionId}`;
  try {
    return target ? new URL(target).host : 'no target';
  } catch {
    return 'an invalid URL';
  }
}

const SECRET_PARAMS = /([?&](?:signature|token)=)[^&\s"'<>]*/gi;
const MAX_REASON = 300;

/**
 * The receiver's own reason from a response body: `{ "error" }` (the Caseflow nodes), `{ "message" }`
 * (n8n), or the text itself — tags stripped, at most 300 characters, and with any signature or
 * token the receiver echoed back (Express's "Cannot POST /webhook-waiting/1?signature=…") cut out.
 */
export function reasonFromBody(text: string, target: string | null): string {
  let reason = text.trim();
  try {
    const parsed = JSON.parse(reason) as { error?: unknown; message?: unknown };
    const said = typeof parsed.error === 'string' ? parsed.error : parsed.message;
    if (typeof said === 'string') reason = said;
    else if (parsed && typeof parsed === 'object') reason = '';
  } catch {
    reason = reason.replace(/<[^>]*>/g, ' ');
  }
  if (target) {
    try {
      const url = new URL(target);
      if (url.search) reason = reason.split(url.search).join('');
    } catch {
      /* not a URL: nothing of it to cut out */
    }
  }
  reason = reason.replace(SECRET_PARAMS, '$1…').replace(/\s+/g, ' ').trim();
  return reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;
}
