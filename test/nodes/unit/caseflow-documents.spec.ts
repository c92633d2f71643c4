import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { Caseflow } from '../../../nodes/Caseflow/Caseflow.node';
import { FakeBackend } from './support/fake-backend';
import { fakeExecute } from './support/fake-context';
import { INSTANCE_ID, RECEIPT } from './support/fixtures';

const node = new Caseflow();
const DOCUMENT_ID = '0f4e1c9a-8d1b-4a57-9b1e-2a6c5d7e8f90';
const LETTER_BYTES = Buffer.from('%PDF-1.7 referral letter');

function documentFixture(overrides: IDataObject = {}): IDataObject {
	return {
		id: DOCUMENT_ID,
		instanceId: INSTANCE_ID,
		name: 'letter.pdf',
		contentType: 'application/pdf',
		size: LETTER_BYTES.length,
		sha256: 'a'.repeat(64),
		kind: 'referral-letter',
		field: null,
		source: 'node',
		taskId: null,
		addedBy: { type: 'api_key', id: 'k-1', name: 'n8n' },
		createdAt: '2026-12-07T10:00:00.000Z',
		url: `/api/v1/documents/${DOCUMENT_ID}/content`,
		...overrides,
	};
}

/** What n8n's prepareBinaryData gives for a small file in its default (in-memory) binary mode. */
async function prepareBinaryData(buffer: Buffer, fileName?: string, mimeType?: string): Promise<IBinaryData> {
	return { data: buffer.toString('base64'), fileName, mimeType: mimeType ?? 'application/octet-stream', fileSize: `${buffer.length} B`, bytes: buffer.length };
}

function run(parameters: IDataObject, backend: FakeBackend, options: Parameters<typeof fakeExecute>[0] = {}) {
	const fake = fakeExecute({ backend, parameters: { resource: 'document', ...parameters }, ...options });
	(fake.context.helpers as unknown as IDataObject).prepareBinaryData = prepareBinaryData;
	return { context: fake.context, outputs: node.execute.call(fake.context) };
}

const requestOptionsOf = (context: IExecuteFunctions) =>
	(context.helpers.httpRequest as unknown as jest.Mock).mock.calls.map(([options]) => options as IDataObject);

describe('Caseflow: Document', () => {
	describe('add', () => {
		const added = () => new FakeBackend().on('POST', `/instances/${INSTANCE_ID}/documents`, { status: 201, body: documentFixture() });

		it('stores the file of the item on the case as base64 with its name, type and kind, and outputs the document', async () => {
			const backend = added();
			const { outputs } = run({ operation: 'add', instanceId: INSTANCE_ID, binaryPropertyName: 'data', kind: 'referral-letter', options: {} }, backend, {
				items: [{ json: { order: 7 }, binary: { data: { data: LETTER_BYTES.toString('base64'), mimeType: 'application/pdf', fileName: 'letter.pdf' } } }],
			});
			const [[item]] = await outputs;
			expect(backend.callsTo('POST', `/instances/${INSTANCE_ID}/documents`)[0].body).toEqual({
				name: 'letter.pdf',
				contentType: 'application/pdf',
				content: LETTER_BYTES.toString('base64'),
				kind: 'referral-letter',
			});
			expect(item.json).toEqual(documentFixture());
			expect(item.pairedItem).toEqual({ item: 0 });
		});

		it('renames the document and sends its intake field and task when given', async () => {
			const backend = added();
			const options = { fileName: 'Referral letter.pdf', field: 'data.referralLetter', taskId: 't-1' };
			await run({ operation: 'add', instanceId: INSTANCE_ID, binaryPropertyName: 'receipt', kind: 'supporting', options }, backend, {
				items: [{ json: {}, binary: { receipt: RECEIPT } }],
			}).outputs;
			expect(backend.calls[0].body).toEqual({
				name: 'Referral letter.pdf',
				contentType: 'application/pdf',
				content: RECEIPT.data,
				kind: 'supporting',
				field: 'data.referralLetter',
				taskId: 't-1',
			});
		});

		it('refuses a binary property the item lacks, naming the ones it has, and calls nothing', async () => {
			const backend = added();
			const { outputs } = run({ operation: 'add', instanceId: INSTANCE_ID, binaryPropertyName: 'data', kind: '', options: {} }, backend, {
				items: [{ json: {}, binary: { receipt: RECEIPT } }],
			});
			await expect(outputs).rejects.toMatchObject({
				message: 'The item has no binary property "data" to store on the case',
				description: 'Its binary properties are: receipt.',
			});
			expect(backend.calls).toHaveLength(0);
		});

		it("shows the backend's refusal of a file, naming the file and the rule", async () => {
			const refusal = { statusCode: 400, message: 'letter.pdf: the content is not a PDF (it must start with %PDF-)', details: [{ field: 'content', messages: ['letter.pdf: the content is not a PDF (it must start with %PDF-)'] }] };
			const backend = new FakeBackend().on('POST', `/instances/${INSTANCE_ID}/documents`, { status: 400, body: refusal });
			const { outputs } = run({ operation: 'add', instanceId: INSTANCE_ID, binaryPropertyName: 'receipt', kind: '', options: {} }, backend, {
				items: [{ json: {}, binary: { receipt: RECEIPT } }],
			});
			await expect(outputs).rejects.toMatchObject({ message: refusal.message, httpCode: '400' });
		});
	});

	describe('list', () => {
		it('outputs one item per document, each paired with the input item, filtered by kind when given', async () => {
			const documents = [documentFixture({ id: 'd-2', name: 'photo.png' }), documentFixture({ id: 'd-1' })];
			const backend = new FakeBackend().on('GET', `/instances/${INSTANCE_ID}/documents`, { items: documents });
			const [items] = await run({ operation: 'list', instanceId: INSTANCE_ID, kind: 'intake' }, backend, {
				items: [{ json: {}, binary: { receipt: RECEIPT } }],
			}).outputs;
			expect(backend.calls[0].qs).toEqual({ kind: 'intake' });
			expect(items.map((item) => item.json.id)).toEqual(['d-2', 'd-1']);
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
			expect(items[0].binary).toEqual({ receipt: RECEIPT });
		});

		it('lists every kind without a filter, and outputs no item for a case without documents', async () => {
			const backend = new FakeBackend().on('GET', `/instances/${INSTANCE_ID}/documents`, { items: [] });
			const [items] = await run({ operation: 'list', instanceId: INSTANCE_ID, kind: '' }, backend).outputs;
			expect(backend.calls[0].qs).toEqual({});
			expect(items).toEqual([]);
		});
	});

	describe('download', () => {
		const serving = () =>
			new FakeBackend()
				.on('GET', `/documents/${DOCUMENT_ID}`, documentFixture())
				.on('GET', `/documents/${DOCUMENT_ID}/content`, LETTER_BYTES);

		it('puts the bytes on the item as a file with the document\'s name and type, and the document as json', async () => {
			const backend = serving();
			const { outputs, context } = run({ operation: 'download', documentId: DOCUMENT_ID, binaryPropertyName: 'letter' }, backend, {
				items: [{ json: { id: DOCUMENT_ID }, binary: { receipt: RECEIPT } }],
			});
			const [[item]] = await outputs;
			expect(item.json).toEqual(documentFixture());
			expect(item.binary?.letter).toMatchObject({ fileName: 'letter.pdf', mimeType: 'application/pdf' });
			expect(Buffer.from(item.binary!.letter.data, 'base64')).toEqual(LETTER_BYTES);
			expect(item.binary?.receipt).toEqual(RECEIPT);
			const content = requestOptionsOf(context).find((options) => String(options.url).endsWith('/content'));
			expect(content).toMatchObject({ method: 'GET', encoding: 'arraybuffer', json: false });
		});

		it("shows the backend's message for a document that is gone, though the answer came as bytes", async () => {
			const gone = { statusCode: 404, message: `Document ${DOCUMENT_ID} not found` };
			const backend = new FakeBackend()
				.on('GET', `/documents/${DOCUMENT_ID}`, documentFixture())
				.on('GET', `/documents/${DOCUMENT_ID}/content`, { status: 404, body: Buffer.from(JSON.stringify(gone)) });
			const { outputs } = run({ operation: 'download', documentId: DOCUMENT_ID, binaryPropertyName: 'data' }, backend);
			await expect(outputs).rejects.toMatchObject({ message: gone.message, httpCode: '404' });
		});

		it('needs a Document ID', async () => {
			const { outputs } = run({ operation: 'download', documentId: '', binaryPropertyName: 'data' }, new FakeBackend());
			await expect(outputs).rejects.toThrow('Set the Document ID to download');
		});
	});
});
