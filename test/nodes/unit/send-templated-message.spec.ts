import type { IDataObject } from 'n8n-workflow';
import { SendTemplatedMessage } from '../../../nodes/SendTemplatedMessage/SendTemplatedMessage.node';
import { FakeBackend } from './support/fake-backend';
import { fakeExecute } from './support/fake-context';
import { INSTANCE_ID, RECEIPT } from './support/fixtures';

const node = new SendTemplatedMessage();
const sent = { id: 'm-1', subject: 'Booking B-1 confirmed', text: 'Hello Ada', html: '<p>Hello Ada</p>', recipients: ['ada@example.com'], status: 'sent' };

function send(parameters: IDataObject, options: Parameters<typeof fakeExecute>[0] = {}) {
	const backend = new FakeBackend().on('POST', '/messages', { status: 201, body: sent });
	const fake = fakeExecute({
		backend,
		parameters: {
			instanceId: INSTANCE_ID,
			source: 'template',
			templateKey: 'booking-confirmation',
			toEntity: true,
			toManager: false,
			recipients: {},
			data: '{}',
			attachments: '',
			...parameters,
		},
		items: [{ json: { order: 7 } }],
		...options,
	});
	return { ...fake, run: () => node.execute.call(fake.context) };
}

describe('Send Templated Message', () => {
	it('sends a saved template to the entity and outputs the rendered subject, text and message id', async () => {
		const { run, backend } = send({});
		const [[item]] = await run();
		expect(backend.callsTo('POST', '/messages')[0].body).toEqual({
			instanceId: INSTANCE_ID,
			templateKey: 'booking-confirmation',
			to: { entity: true },
			data: {},
		});
		expect(item.json).toEqual({
			order: 7,
			message: { id: 'm-1', subject: 'Booking B-1 confirmed', text: 'Hello Ada', recipients: ['ada@example.com'], status: 'sent' },
		});
	});

	it('sends an inline Handlebars message to the manager, a queue and addresses, with extra data', async () => {
		const { run, backend } = send({
			source: 'inline',
			subject: 'Hi {{entity.name}}',
			html: '<p>{{data.note}}</p>',
			text: '',
			toEntity: false,
			toManager: true,
			recipients: { queue: 'finance', addresses: 'a@example.com, b@example.com' },
			data: '{"note":"hello"}',
		});
		await run();
		expect(backend.callsTo('POST', '/messages')[0].body).toEqual({
			instanceId: INSTANCE_ID,
			inline: { subject: 'Hi {{entity.name}}', html: '<p>{{data.note}}</p>' },
			to: { manager: true, queue: 'finance', addresses: ['a@example.com', 'b@example.com'] },
			data: { note: 'hello' },
		});
	});

	it('attaches binary properties as base64', async () => {
		const items = [
			{
				json: {},
				binary: { invoice: { data: Buffer.from('%PDF-1.4').toString('base64'), mimeType: 'application/pdf', fileName: 'inv-1.pdf' } },
			},
		];
		const { run, backend } = send({ attachments: 'invoice' }, { items });
		await run();
		expect(backend.callsTo('POST', '/messages')[0].body?.attachments).toEqual([
			{ filename: 'inv-1.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4').toString('base64') },
		]);
	});

	it('attaches every file of the item for "*", whatever its property name', async () => {
		const photo = { data: Buffer.from('PNG').toString('base64'), mimeType: 'image/png', fileName: 'photo.png' };
		const { run, backend } = send({ attachments: '*' }, { items: [{ json: {}, binary: { receipt: RECEIPT, photo } }] });
		await run();
		expect(backend.callsTo('POST', '/messages')[0].body?.attachments).toEqual([
			{ filename: 'receipt.pdf', contentType: 'application/pdf', content: RECEIPT.data },
			{ filename: 'photo.png', contentType: 'image/png', content: photo.data },
		]);
	});

	it('attaches nothing for "*" when the item carries no files', async () => {
		const { run, backend } = send({ attachments: '*' });
		await run();
		expect(backend.callsTo('POST', '/messages')[0].body).not.toHaveProperty('attachments');
	});

	it('passes the files of the item on untouched', async () => {
		const { run } = send({}, { items: [{ json: { order: 7 }, binary: { receipt: RECEIPT } }] });
		const [[item]] = await run();
		expect(item).toEqual({ json: expect.objectContaining({ order: 7, message: expect.objectContaining({ id: 'm-1' }) }), binary: { receipt: RECEIPT }, pairedItem: { item: 0 } });
	});

	it('names the binary properties the item has when one is missing', async () => {
		const items = [{ json: {}, binary: { data: { data: '', mimeType: 'text/plain' } } }];
		const { run, backend } = send({ attachments: 'invoice' }, { items });
		await expect(run()).rejects.toMatchObject({ message: 'The item has no binary property "invoice" to attach', description: 'Its binary properties are: data.' });
		expect(backend.calls).toHaveLength(0);
	});

	it('needs a recipient, and the case when sending to the entity', async () => {
		await expect(send({ toEntity: false }).run()).rejects.toThrow('Choose at least one recipient');
		await expect(send({ instanceId: '' }).run()).rejects.toThrow('Sending to the entity or its manager needs the case');
	});

	it('allows a message about no case, to given addresses', async () => {
		const { run, backend } = send({ instanceId: '', toEntity: false, recipients: { addresses: 'ops@example.com' } });
		await run();
		expect(backend.callsTo('POST', '/messages')[0].body).toEqual({
			templateKey: 'booking-confirmation',
			to: { addresses: ['ops@example.com'] },
			data: {},
		});
	});
});
