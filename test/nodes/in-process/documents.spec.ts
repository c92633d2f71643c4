import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Response } from 'superagent';
import type { IBinaryData, IDataObject, IRunExecutionData } from 'n8n-workflow';
import { BinaryDataService } from 'n8n-core';
import { itemsAt, WorkflowSpec } from './support/fake-n8n';
import { startStack, Stack } from './support/backend';

/** n8n-core's own DI container (its copy of @n8n/di): the one its binary helpers read the binary data service from. */
const { Container } = require(join(__dirname, '..', 'n8n-runtime', 'node_modules', '@n8n', 'di')) as {
	Container: { get<T>(type: abstract new (...args: never[]) => T): T; set<T>(type: abstract new (...args: never[]) => T, value: T): void };
};

const LETTER = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** supertest keeps a PDF body only when told to collect it as bytes. */
const bytes = (res: Response, done: (error: Error | null, body: Buffer) => void): void => {
	const chunks: Buffer[] = [];
	res.on('data', (chunk: Buffer) => chunks.push(chunk));
	res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The first item a node put out, with its files. */
function outputOf(data: IRunExecutionData, nodeName: string) {
	const [item] = data.resultData.runData[nodeName]?.[0]?.data?.main?.[0] ?? [];
	return item;
}

/** Documents on a case, moved by the nodes in n8n's engine, against the backend. */
describe('documents in n8n, against the backend', () => {
	let stack: Stack;
	let source: IDataObject;
	let letter: IDataObject;

	const contentOf = async (documentId: string): Promise<Buffer> =>
		(await stack.t.automation.get(`/documents/${documentId}/content`).buffer(true).parse(bytes).expect(200)).body as Buffer;
	const documentsOf = async (instanceId: string): Promise<IDataObject[]> =>
		(await stack.t.automation.get(`/instances/${instanceId}/documents`).expect(200)).body.items as IDataObject[];
	const launchCase = async (externalId: string, processKey = 'referral'): Promise<IDataObject> =>
		(await stack.t.automation.post('/instances').send({ processKey, entity: { type: 'student', externalId, name: externalId } }).expect(201)).body;

	beforeAll(async () => {
		stack = await startStack();
		const created = await stack.t.admin
			.post('/processes')
			.send({
				key: 'letters',
				name: 'Referral with a letter',
				entityTypes: ['student'],
				stages: [{ key: 'review', name: 'Review', ownerQueue: 'advisors', slaMinutes: 60 }],
				decisions: [{ key: 'accept', label: 'Accept' }],
				intake: [{ path: 'data.referralLetter', label: 'Referral letter', type: 'file', required: true }],
			});
		expect(created.status).toBe(201);
		expect((await stack.t.admin.post('/processes/letters/publish')).status).toBeLessThan(300);
		source = await launchCase('S-DOC-SOURCE');
		letter = (
			await stack.t.automation
				.post(`/instances/${source.id}/documents`)
				.send({ name: 'letter.pdf', contentType: 'application/pdf', content: LETTER.toString('base64'), kind: 'referral-letter' })
				.expect(201)
		).body;
	});
	afterAll(async () => {
		await stack.stop();
	});

	/** Start → Download (the seeded letter, as binary `letter`) → Launch Workflow storing it on the new case. */
	const launchWithLetter = (student: string, launchOptions: IDataObject): WorkflowSpec => ({
		nodes: [
			{ name: 'Start', type: 'start', parameters: { items: JSON.stringify([{ student, documentId: letter.id }]) } },
			{ name: 'Download', type: 'caseflow', parameters: { resource: 'document', operation: 'download', documentId: '={{ $json.documentId }}', binaryPropertyName: 'letter' } },
			{
				name: 'Launch',
				type: 'launchWorkflow',
				typeVersion: 2,
				parameters: {
					processKey: 'letters',
					entityType: 'student',
					entityExternalId: "={{ $('Start').item.json.student }}",
					entityName: "={{ $('Start').item.json.student }}",
					data: '{}',
					// Both defaults read the item's json, which after Download is the document: its case, its content.
					instanceId: '',
					idempotencyKey: "={{ 'letters-' + $('Start').item.json.student }}",
					options: launchOptions,
				},
				settings: { onError: 'continueErrorOutput' },
			},
			{ name: 'New Case', type: 'collect' },
			{ name: 'Existing Case', type: 'collect' },
			{ name: 'Error', type: 'collect' },
		],
		connections: [
			['Start', 'Download'],
			['Download', 'Launch'],
			['Launch', 'New Case', 0],
			['Launch', 'Existing Case', 1],
			['Launch', 'Error', 2],
		],
	});

	const letterOptions = { documentsBinary: 'letter', documentKind: 'referral-letter', documentField: 'data.referralLetter' };

	it('launches a case with the item\'s file as its intake document, with equal bytes, answering the required file field', async () => {
		const { run } = await stack.n8n.run(launchWithLetter('S-DOC-1', letterOptions));
		expect(run.status).toBe('success');
		const [launched] = itemsAt(run.data, 'New Case');
		const instanceId = (launched!.caseflow as IDataObject).instanceId as string;
		const [stored] = await documentsOf(instanceId);
		expect(stored).toMatchObject({ name: 'letter.pdf', contentType: 'application/pdf', kind: 'referral-letter', field: 'data.referralLetter', source: 'intake', size: LETTER.length, sha256: letter.sha256 });
		expect(await contentOf(stored!.id as string)).toEqual(LETTER);
		expect((launched!.caseflow as IDataObject).data).toEqual({
			referralLetter: { documentId: stored!.id, name: 'letter.pdf', contentType: 'application/pdf', size: LETTER.length },
		});
		expect(outputOf(run.data, 'Launch')?.binary?.letter).toMatchObject({ fileName: 'letter.pdf' });
	});

	it('refuses a launch without the required file on the error output, and creates no case', async () => {
		const { run } = await stack.n8n.run(launchWithLetter('S-DOC-2', {}));
		expect(run.status).toBe('success');
		expect(itemsAt(run.data, 'New Case')).toEqual([]);
		const [refused] = itemsAt(run.data, 'Error');
		expect(refused).toMatchObject({ details: { statusCode: 400, fields: [expect.objectContaining({ field: 'data.referralLetter' })] } });
		const cases = await stack.t.automation.get('/instances?processKey=letters&entityType=student&externalId=S-DOC-2').expect(200);
		expect(cases.body.items).toEqual([]);
	});

	it('lists a case\'s documents, downloads each, and adds it to another case: a round trip with equal bytes', async () => {
		const target = await launchCase('S-DOC-TARGET');
		const { run } = await stack.n8n.run({
			nodes: [
				{ name: 'Start', type: 'start', parameters: { items: JSON.stringify([{ caseflow: { instanceId: source.id } }]) } },
				{ name: 'List', type: 'caseflow', parameters: { resource: 'document', operation: 'list', kind: 'referral-letter' } },
				{ name: 'Download', type: 'caseflow', parameters: { resource: 'document', operation: 'download' } },
				{ name: 'Add', type: 'caseflow', parameters: { resource: 'document', operation: 'add', instanceId: target.id, kind: 'copy', options: { fileName: 'copy of letter.pdf' } } },
				{ name: 'Out', type: 'collect' },
			],
			connections: [
				['Start', 'List'],
				['List', 'Download'],
				['Download', 'Add'],
				['Add', 'Out'],
			],
		});
		expect(run.status).toBe('success');
		expect(itemsAt(run.data, 'List')).toEqual([expect.objectContaining({ id: letter.id, name: 'letter.pdf' })]);
		const downloaded = outputOf(run.data, 'Download');
		expect(downloaded?.json).toMatchObject({ id: letter.id });
		expect(downloaded?.binary?.data).toMatchObject({ fileName: 'letter.pdf', mimeType: 'application/pdf' });
		expect(Buffer.from(downloaded!.binary!.data.data, 'base64')).toEqual(LETTER);
		const [added] = itemsAt(run.data, 'Out');
		expect(added).toMatchObject({ instanceId: target.id, name: 'copy of letter.pdf', kind: 'copy', source: 'node', sha256: letter.sha256 });
		expect(await contentOf(added!.id as string)).toEqual(LETTER);
	});

	it("attaches the case's documents of a kind to a message, and none of another kind", async () => {
		const send = (kinds: string): WorkflowSpec => ({
			nodes: [
				{ name: 'Start', type: 'start', parameters: { items: JSON.stringify([{ caseflow: { instanceId: source.id } }]) } },
				{
					name: 'Send',
					type: 'sendTemplatedMessage',
					parameters: {
						source: 'inline',
						subject: 'Your referral letter',
						text: 'Attached.',
						toEntity: false,
						recipients: { addresses: 'office@example.test' },
						attachCaseDocuments: 'kinds',
						documentKinds: kinds,
					},
				},
				{ name: 'Out', type: 'collect' },
			],
			connections: [
				['Start', 'Send'],
				['Send', 'Out'],
			],
		});
		const withLetter = await stack.n8n.run(send('referral-letter, other'));
		expect(withLetter.run.status).toBe('success');
		const [sent] = itemsAt(withLetter.run.data, 'Out');
		const message = (await stack.t.automation.get(`/messages/${(sent!.message as IDataObject).id}`).expect(200)).body;
		expect(message.attachments).toEqual([expect.objectContaining({ filename: 'letter.pdf', contentType: 'application/pdf', size: LETTER.length })]);
		const attached = await stack.t.automation.get(`/messages/${message.id}/attachments/0`).buffer(true).parse(bytes).expect(200);
		expect(attached.body).toEqual(LETTER);

		const without = await stack.n8n.run(send('other'));
		const [none] = itemsAt(without.run.data, 'Out');
		expect((await stack.t.automation.get(`/messages/${(none!.message as IDataObject).id}`).expect(200)).body.attachments).toEqual([]);
	});

	describe("with n8n's filesystem binary mode", () => {
		let storage: string;
		let original: BinaryDataService;
		beforeAll(async () => {
			storage = mkdtempSync(join(tmpdir(), 'caseflow-n8n-binary-'));
			original = Container.get(BinaryDataService);
			const config = { mode: 'filesystem', localStoragePath: storage } as unknown as ConstructorParameters<typeof BinaryDataService>[0];
			const quiet = { error: () => undefined, warn: () => undefined, debug: () => undefined, info: () => undefined };
			const onDisk = new BinaryDataService(config, quiet as never, quiet as never);
			await onDisk.init();
			Container.set(BinaryDataService, onDisk);
		});
		afterAll(() => {
			Container.set(BinaryDataService, original);
			rmSync(storage, { recursive: true, force: true });
		});

		it('downloads to a file on disk and launches with it, bytes equal', async () => {
			const { run } = await stack.n8n.run(launchWithLetter('S-DOC-DISK', letterOptions));
			expect(run.status).toBe('success');
			const onDisk = outputOf(run.data, 'Download')?.binary?.letter as IBinaryData;
			expect(onDisk.id).toMatch(/^filesystem-v2:/);
			expect(onDisk.data).not.toBe(LETTER.toString('base64'));
			const [launched] = itemsAt(run.data, 'New Case');
			const [stored] = await documentsOf((launched!.caseflow as IDataObject).instanceId as string);
			expect(await contentOf(stored!.id as string)).toEqual(LETTER);
		});
	});
});
