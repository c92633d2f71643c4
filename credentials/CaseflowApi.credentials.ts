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
			url: '/auth/me',
			method: 'GET',
		},
		rules: [
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
		],
	};
}
