import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class CaseflowApi implements ICredentialType {
	name = 'caseflowApi';

	displayName = 'Caseflow API';

	icon: Icon = { light: 'file:caseflow.svg', dark: 'file:caseflow.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://localhost:3000',
			placeholder: 'http://localhost:3000',
			required: true,
			description: 'Address of the Caseflow backend, without /api/v1',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'A Caseflow API key with the "automation" scope (Admin → API keys), shown once when created',
		},
		{
			displayName: 'Signing Secret',
			name: 'signingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The backend's CASEFLOW_SIGNING_SECRET. Await Decision, Relative Delay and Caseflow Trigger refuse calls not signed with it.",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-API-Key': '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "").replace(/\\/api\\/v1$/, "")}}/api/v1',
			url: '/auth/credential-check',
			method: 'GET',
			// Proves the Signing Secret matches the backend's without sending it (n8n expressions can hash).
			headers: {
				'x-caseflow-signing-check':
					'={{ $credentials.signingSecret ? ("caseflow-signing-check:" + $credentials.signingSecret).hash("sha256") : "missing" }}',
			},
		},
		// Status rules judge failed requests, body rules the answer of a successful one (see /auth/credential-check).
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'signing',
					value: 'missing',
					message:
						"The Signing Secret is empty: set it to the backend's CASEFLOW_SIGNING_SECRET, or Await Decision and Relative Delay will refuse every resume and their executions will wait forever",
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'signing',
					value: 'mismatch',
					message:
						"The Signing Secret differs from the backend's CASEFLOW_SIGNING_SECRET: Await Decision and Relative Delay would refuse every resume. Paste the backend's value.",
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'signing',
					value: 'not-configured',
					message:
						'The Caseflow backend has no CASEFLOW_SIGNING_SECRET: set one there (and the same value here), or no execution can be resumed',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'The backend refused the API key: paste the whole key (cf_…) as shown when it was created, and check it was not revoked',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message: 'The API key is valid but lacks permissions: create one with the "automation" scope',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No Caseflow API at this Base URL: use the address of the Caseflow backend (e.g. http://localhost:3000), not n8n\'s',
				},
			},
		] as ICredentialTestRequest['rules'],
	};
}
