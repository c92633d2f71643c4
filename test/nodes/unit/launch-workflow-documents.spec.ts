import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { LaunchWorkflow } from '../../../nodes/LaunchWorkflow/LaunchWorkflow.node';
import { FakeBackend } from './support/fake-backend';
import { fakeExecute } from './support/fake-context';
import { instanceFixture, RECEIPT } from './support/fixtures';

const node = new LaunchWorkflow();
const LETTER = { data: Buffer.from('%PDF-1.7 letter').toString('base64'), mimeType: 'application/pdf', fileName: 'letter.pdf' };
const PHOTO = { data: Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64'), mimeType: 'image/png', fileName: 'photo.png' };

function launch(options: IDataObject, items: INodeExecutionData[], backend = new FakeBackend().on('POST', '/instances', { status: 201, body: instanceFixture() })) {
	const fake = fakeExecute({
		backend,
		typeVersion: 2,
		items,
		parameters: {
			mode: 'launch',
			whenExists: 'separateOutput',
			processKey: 'referral',
			entityType: 'student',
			entityExternalId: 'S-1',
			entityName: 'Sam',
			data: '{}',
			idempotencyKey: 'k-1',
			instanceId: '',
			options,
		},
	});
	return { backend, run: () => node.execute.call(fake.context) };
}

const launchBody = (backend: FakeBackend) => backend.callsTo('POST', '/instances')[0].body as IDataObject;

describe('Launch Workflow: Documents From Binary', () => {
	it('sends the named files as base64 documents with their names, types, kind and intake field', async () => {
		const { run, backend } = launch(
			{ documentsBinary: 'letter', documentKind: 'referral-letter', documentField: 'data.referralLetter' },
			[{ json: {}, binary: { letter: LETTER, photo: PHOTO } }],
		);
		await run();
		expect(launchBody(backend).documents).toEqual([
			{ name: 'letter.pdf', contentType: 'application/pdf', content: LETTER.data, kind: 'referral-letter', field: 'data.referralLetter' },
		]);
	});

	it('sends every file of the item for "*", with kind "intake" and no field by default', async () => {
		const { run, backend } = launch({ documentsBinary: '*' }, [{ json: {}, binary: { letter: LETTER, photo: PHOTO } }]);
		await run();
		expect(launchBody(backend).documents).toEqual([
			{ name: 'letter.pdf', contentType: 'application/pdf', content: LETTER.data, kind: 'intake' },
			{ name: 'photo.png', contentType: 'image/png', content: PHOTO.data, kind: 'intake' },
		]);
	});

	it('sends a comma list of properties, each file once, in the order named', async () => {
		const { run, backend } = launch({ documentsBinary: ' photo , letter, photo ' }, [{ json: {}, binary: { letter: LETTER, photo: PHOTO } }]);
		await run();
		expect((launchBody(backend).documents as IDataObject[]).map((document) => document.name)).toEqual(['photo.png', 'letter.pdf']);
	});

	it('names a file without a file name after its property and extension', async () => {
		const bare = { data: LETTER.data, mimeType: 'application/pdf', fileExtension: 'pdf' };
		const { run, backend } = launch({ documentsBinary: 'scan' }, [{ json: {}, binary: { scan: bare } }]);
		await run();
		expect(launchBody(backend).documents).toEqual([expect.objectContaining({ name: 'scan.pdf', contentType: 'application/pdf' })]);
	});

	it('sends no documents for "*" when the item carries no files, or when the option is not set', async () => {
		const star = launch({ documentsBinary: '*' }, [{ json: {} }]);
		await star.run();
		expect(launchBody(star.backend)).not.toHaveProperty('documents');
		const unset = launch({}, [{ json: {}, binary: { letter: LETTER } }]);
		await unset.run();
		expect(launchBody(unset.backend)).not.toHaveProperty('documents');
	});

	it('refuses a property the item lacks, naming it and the ones it has, and launches nothing', async () => {
		const { run, backend } = launch({ documentsBinary: 'referralLetter' }, [{ json: {}, binary: { data: LETTER } }]);
		await expect(run()).rejects.toMatchObject({
			message: 'The item has no binary property "referralLetter" to store on the case',
			description: 'Its binary properties are: data.',
		});
		expect(backend.calls).toHaveLength(0);
	});

	it('passes the files of the item on untouched', async () => {
		const { run } = launch({ documentsBinary: 'receipt' }, [{ json: { order: 1 }, binary: { receipt: RECEIPT } }]);
		const [[item]] = await run();
		expect(item.binary).toEqual({ receipt: RECEIPT });
	});

	it('reads each item\'s own files', async () => {
		const { run, backend } = launch({ documentsBinary: 'data' }, [
			{ json: { n: 1 }, binary: { data: LETTER } },
			{ json: { n: 2 }, binary: { data: PHOTO } },
		]);
		await run();
		const sent = backend.callsTo('POST', '/instances').map((call) => (call.body?.documents as IDataObject[])[0].name);
		expect(sent).toEqual(['letter.pdf', 'photo.png']);
	});
});

describe('Launch Workflow: Steps Run in Another Flow', () => {
	it('claims the case for this execution by default, and leaves it unclaimed when the case is handed over', async () => {
		const claimed = launch({}, [{ json: {} }]);
		await claimed.run();
		expect(launchBody(claimed.backend).n8nExecutionId).toBeDefined();
		const handed = launch({ handOver: true }, [{ json: {} }]);
		await handed.run();
		expect(launchBody(handed.backend)).not.toHaveProperty('n8nExecutionId');
	});
});
