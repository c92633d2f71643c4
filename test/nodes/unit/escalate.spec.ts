import type { IDataObject } from 'n8n-workflow';
import { Escalate } from '../../../nodes/Escalate/Escalate.node';
import { FakeBackend } from './support/fake-backend';
import { fakeExecute } from './support/fake-context';
import { INSTANCE_ID } from './support/fixtures';

const node = new Escalate();

function escalate(parameters: IDataObject) {
	const backend = new FakeBackend().on('POST', '/escalations', { status: 201, body: { id: 'esc-1', toQueue: 'supervisors' } });
	const fake = fakeExecute({
		backend,
		parameters: { target: 'instance', instanceId: INSTANCE_ID, reassignTo: 'queue', toQueue: 'supervisors', priority: 0, reason: 'Overdue', notifyTemplate: '', ...parameters },
		items: [{ json: { order: 7 } }],
	});
	return { ...fake, run: () => node.execute.call(fake.context) };
}

describe('Escalate', () => {
	it("escalates the case's open task to a queue", async () => {
		const { run, backend } = escalate({});
		const [[item]] = await run();
		expect(backend.callsTo('POST', '/escalations')[0].body).toEqual({ instanceId: INSTANCE_ID, toQueue: 'supervisors', reason: 'Overdue' });
		expect(item.json).toEqual({ order: 7, escalation: { id: 'esc-1', toQueue: 'supervisors' } });
	});

	it('escalates a given task to a person, raising the priority and notifying', async () => {
		const { run, backend } = escalate({ target: 'task', taskId: 'task-9', reassignTo: 'person', toUser: 'lead@example.com', priority: 4, notifyTemplate: 'escalated' });
		await run();
		expect(backend.callsTo('POST', '/escalations')[0].body).toEqual({
			taskId: 'task-9',
			toUser: 'lead@example.com',
			priority: 4,
			notifyTemplate: 'escalated',
			reason: 'Overdue',
		});
	});

	it('can only raise the priority', async () => {
		const { run, backend } = escalate({ reassignTo: 'none', priority: 3 });
		await run();
		expect(backend.callsTo('POST', '/escalations')[0].body).toEqual({ instanceId: INSTANCE_ID, priority: 3, reason: 'Overdue' });
	});

	it('needs a reason', async () => {
		await expect(escalate({ reason: ' ' }).run()).rejects.toThrow('Give a Reason: it is shown on the task and the case');
	});
});
