import { BadGatewayException, ServiceUnavailableException } from '@nestjs/common';
import type { AppConfig, N8nConfig } from '../config/config';
import { N8nApiError, N8nClient } from '../templates/n8n-client';

/** The configured n8n, or a 503 that says what to set. */
export function requireN8n(config: AppConfig, needsCredential = false): { n8n: N8nConfig; client: N8nClient } {
  const n8n = config.n8n;
  if (!n8n) throw new ServiceUnavailableException('n8n is not configured: set N8N_URL and N8N_API_KEY so Caseflow can reach n8n\'s public API.');
  if (needsCredential && !n8n.credentialId) {
    throw new ServiceUnavailableException('CASEFLOW_N8N_CREDENTIAL_ID is not set: say which n8n credential (type caseflowApi) the generated Caseflow nodes use.');
  }
  return { n8n, client: new N8nClient(n8n) };
}

/** n8n refusing or unreachable is a failure of an upstream service (502 with n8n's message), not of this one. */
export function rethrowN8n(error: unknown): never {
  throw error instanceof N8nApiError ? new BadGatewayException(error.message) : error;
}

/** "Open in n8n": the workflow in the n8n editor. */
export const editorUrlOf = (n8n: N8nConfig, workflowId: string): string => `${n8n.editorUrl ?? n8n.url}/workflow/${encodeURIComponent(workflowId)}`;
