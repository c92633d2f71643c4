import { getProcessDecisions, getProcesses, getQueues, getStages } from '../../../nodes/shared/load-options';
import type { RecordedCall } from './support/fake-backend';
import { FakeBackend } from './support/fake-backend';
import { fakeLoadOptions } from './support/fake-context';

const refunds = {
	key: 'refunds',
	version: 2,
	status: 'published',
	name: 'Refunds',
	stages: [{ key: 'intake', name: 'Intake' }, { key: 'review', name: 'Review' }],
	decisions: [{ key: 'approve', label: 'Approve' }, { key: 'reject', label: 'Reject', commentRequired: true }],
};
const hiring = { key: 'hiring', version: 1, status: 'draft', name: 'Hiring', stages: [{ key: 'review', name: 'Review' }, { key: 'offer', name: 'Offer' }], decisions: [] };

describe('load options', () => {
	it('lists processes by name, marking drafts', async () => {
		const backend = new FakeBackend().on('GET', '/processes', { items: [refunds, hiring], total: 2, limit: 500, offset: 0 });
		const { context } = fakeLoadOptions({}, backend);
		await expect(getProcesses.call(context)).resolves.toEqual([
			{ name: 'Hiring (draft)', value: 'hiring', description: 'hiring v1' },
			{ name: 'Refunds', value: 'refunds', description: 'refunds v2' },
		]);
	});

	it('reads every page of a long list', async () => {
		const queues = Array.from({ length: 600 }, (_, index) => ({ id: `q${index}`, key: `q${String(index).padStart(3, '0')}`, name: `Queue ${String(index).padStart(3, '0')}` }));
		const backend = new FakeBackend().on('GET', '/queues', (call: RecordedCall) => {
			const offset = Number(call.qs?.offset);
			return { items: queues.slice(offset, offset + 500), total: 600, limit: 500, offset };
		});
		const { context } = fakeLoadOptions({}, backend);
		await expect(getQueues.call(context)).resolves.toHaveLength(600);
		expect(backend.calls.map((call) => call.qs?.offset)).toEqual([0, 500]);
	});

	it("lists the stages of the chosen process, or of every process when the node has none", async () => {
		const backend = new FakeBackend()
			.on('GET', '/processes/refunds', refunds)
			.on('GET', '/processes', { items: [refunds, hiring], total: 2, limit: 500, offset: 0 });
		const one = fakeLoadOptions({ processKey: 'refunds' }, backend);
		await expect(getStages.call(one.context)).resolves.toEqual([
			{ name: 'Intake', value: 'intake', description: 'intake' },
			{ name: 'Review', value: 'review', description: 'review' },
		]);
		const all = fakeLoadOptions({}, backend);
		expect((await getStages.call(all.context)).map((option) => option.name)).toEqual(['Intake (Refunds)', 'Review (Refunds)', 'Offer (Hiring)']);
	});

	it("lists the chosen process's decisions", async () => {
		const backend = new FakeBackend().on('GET', '/processes/refunds', refunds);
		const { context } = fakeLoadOptions({ processKey: 'refunds' }, backend);
		await expect(getProcessDecisions.call(context)).resolves.toEqual([
			{ name: 'Approve', value: 'approve', description: 'approve' },
			{ name: 'Reject', value: 'reject', description: 'reject (comment required)' },
		]);
		await expect(getProcessDecisions.call(fakeLoadOptions({ processKey: '' }).context)).resolves.toEqual([]);
	});
});
