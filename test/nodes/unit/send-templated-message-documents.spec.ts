import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { SendTemplatedMessage } from '../../../nodes/SendTemplatedMessage/SendTemplatedMessage.node';
import { FakeBackend } from './support/fake-backend';
import { fakeExecute } from './support/fake-context';
import { INSTANCE_ID, RECEIPT } from './support/fixtures';

const node = new SendTemplatedMessage();

function send(parameters: IDataObject, items: INodeExecutionData[] = [{ json: {} }]) {
	const backend = new FakeBackend().on('POST', '/messages', { status: 201, body: { id: 'm-1', status: 'sent' } });
	const fake = fakeExecute({
		backend,
		items,
		parameters: {
			instanceId: INSTANCE_ID,
			source: 'template',
			templateKey: 'decision',
			toEntity: true,
			toManager: false,
			recipients: {},
			data: '{}',
			attachments: '',
			...parameters,
		},
	});
	return { backend, run: () => node.execute.call(fake.context) };
}

const messageBody = (backend: FakeBackend) => backend.callsTo('POST', '/messages')[0].body as IDataObject;

describe('Send Templated Message: Attach Case Documents', () => {
	it('asks for no case documents by default', async () => {
		const { run, backend } = send({});
		await run();
		expect(messageBody(backend)).not.toHaveProperty('attachDocuments');
	});

	it('asks for every document of the case with "All"', async () => {
		const { run, backend } = send({ attachCaseDocuments: 'all', documentKinds: 'ignored' });
		await run();
		expect(messageBody(backend).attachDocuments).toEqual({});
	});

	it('asks for the listed kinds only with "Of Certain Kinds"', async () => {
		const { run, backend } = send({ attachCaseDocuments: 'kinds', documentKinds: 'intake, referral-letter ,' });
		await run();
		expect(messageBody(backend).attachDocuments).toEqual({ kinds: ['intake', 'referral-letter'] });
	});

	it("sends the item's files and the case's documents together", async () => {
		const { run, backend } = send({ attachments: 'receipt', attachCaseDocuments: 'all' }, [{ json: {}, binary: { receipt: RECEIPT } }]);
		await run();
		expect(messageBody(backend)).toMatchObject({
			attachments: [{ filename: 'receipt.pdf', contentType: 'application/pdf', content: RECEIPT.data }],
			attachDocuments: {},
		});
	});

	it('needs kinds to be named, and the case, and sends nothing otherwise', async () => {
		const noKinds = send({ attachCaseDocuments: 'kinds', documentKinds: ' , ' });
		await expect(noKinds.run()).rejects.toThrow('Name the Document Kinds to attach');
		expect(noKinds.backend.calls).toHaveLength(0);
		const noCase = send({ instanceId: '', toEntity: false, recipients: { addresses: 'ops@example.com' }, attachCaseDocuments: 'all' });
		await expect(noCase.run()).rejects.toThrow("Attaching the case's documents needs the case");
		expect(noCase.backend.calls).toHaveLength(0);
	});

	it("shows the backend's 400 when the documents make the message too large", async () => {
		const backend = new FakeBackend().on('POST', '/messages', {
			status: 400,
			body: { statusCode: 400, message: 'attachDocuments: the attachments come to 12.4 MB, over the 10 MB limit' },
		});
		const fake = fakeExecute({
			backend,
			parameters: { instanceId: INSTANCE_ID, source: 'template', templateKey: 'decision', toEntity: true, recipients: {}, data: '{}', attachments: '', attachCaseDocuments: 'all' },
		});
		await expect(node.execute.call(fake.context)).rejects.toMatchObject({ message: expect.stringContaining('over the 10 MB limit') });
	});
});
