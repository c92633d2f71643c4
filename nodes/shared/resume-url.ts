import type { IExecuteFunctions, IWebhookDescription } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The URL the backend calls to resume this execution, exactly as n8n builds it for `$execution.resumeUrl`:
 * newer n8n appends the execution's resume token (?signature=…) and refuses calls without it, so the URL
 * is passed on untouched. (n8n's getSignedResumeUrl() is not used: its per-node URL is only accepted for
 * "send and wait" operations.)
 */
export function resumeUrlOf(this: IExecuteFunctions, itemIndex: number): string {
	// Read through the data proxy, the same value an expression sees, without an isolate evaluation (n8n 2.x).
	const url = (this.getWorkflowDataProxy(itemIndex).$execution as { resumeUrl?: unknown } | undefined)?.resumeUrl;
	if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
		throw new NodeOperationError(this.getNode(), 'n8n did not provide a resume URL for this execution', {
			itemIndex,
			description: 'Set WEBHOOK_URL on n8n to an address the Caseflow backend can reach.',
		});
	}
	return url;
}

/**
 * The webhook of a node that pauses the execution: n8n's own resume webhook (as its Wait node
 * has), reached through $execution.resumeUrl, so it needs no registration of its own.
 */
export const RESUME_WEBHOOK: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	path: '',
	restartWebhook: true,
	isFullPath: true,
};
