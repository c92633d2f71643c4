import type { IDataObject } from 'n8n-workflow';
import { Expression } from 'n8n-workflow';
import { AwaitDecision } from '../../../nodes/AwaitDecision/AwaitDecision.node';
import { LaunchWorkflow } from '../../../nodes/LaunchWorkflow/LaunchWorkflow.node';
import { RelativeDelay } from '../../../nodes/RelativeDelay/RelativeDelay.node';

/**
 * The editor draws a node's outputs by evaluating its `outputs` expression in n8n's expression sandbox,
 * which hides globals (Array, String…): a function that works in plain JavaScript can come out empty there.
 */
function outputNames(outputs: unknown, parameters: IDataObject, nodeVersion = 1): string[] {
	const value = Expression.resolveWithoutWorkflow(String(outputs).replace(/^=/, ''), { $parameter: parameters, $nodeVersion: nodeVersion } as never);
	return (value as unknown as Array<{ type: string; displayName: string }>).map((output) => `${output.type}:${output.displayName}`);
}

describe('outputs evaluated by n8n', () => {
	const awaitDecision = new AwaitDecision().description.outputs;
	const relativeDelay = new RelativeDelay().description.outputs;
	const launchWorkflow = new LaunchWorkflow().description.outputs;

	it('Await Decision: "Timed Out", then one per decision defined in the node', () => {
		const parameters = { decisionSource: 'define', outputMode: 'perDecision', decisions: { values: [{ key: 'yes', label: 'Yes' }, { key: 'no' }] } };
		expect(outputNames(awaitDecision, parameters)).toEqual(['main:Timed Out', 'main:Yes', 'main:no']);
	});

	it('Await Decision: one per decision picked from the process', () => {
		const parameters = { decisionSource: 'process', outputMode: 'perDecision', processDecisions: ['accept', 'close'] };
		expect(outputNames(awaitDecision, parameters)).toEqual(['main:Timed Out', 'main:accept', 'main:close']);
	});

	it('Await Decision: only "Timed Out" while nothing is picked yet', () => {
		expect(outputNames(awaitDecision, { decisionSource: 'process', processDecisions: [] })).toEqual(['main:Timed Out']);
		expect(outputNames(awaitDecision, { decisionSource: 'define', decisions: {} })).toEqual(['main:Timed Out']);
	});

	it('Await Decision: a single output for n8n before 2.39', () => {
		expect(outputNames(awaitDecision, { outputMode: 'single', decisionSource: 'define', decisions: { values: [{ key: 'a' }] } })).toEqual([
			'main:Decision',
		]);
	});

	it('Launch Workflow: one output in version 1; "New Case" and "Existing Case", one "Case", or "Found" and "Not Found" in version 2', () => {
		expect(outputNames(launchWorkflow, { mode: 'find' }, 1)).toEqual(['main:']);
		expect(outputNames(launchWorkflow, { mode: 'launch', whenExists: 'separateOutput' }, 2)).toEqual(['main:New Case', 'main:Existing Case']);
		expect(outputNames(launchWorkflow, { mode: 'launch', whenExists: 'sameOutput' }, 2)).toEqual(['main:Case']);
		expect(outputNames(launchWorkflow, { mode: 'find' }, 2)).toEqual(['main:Found', 'main:Not Found']);
	});

	it('Relative Delay: "On Time", plus "Too Late" when asked', () => {
		expect(outputNames(relativeDelay, { ifPast: 'tooLate' })).toEqual(['main:On Time', 'main:Too Late']);
		expect(outputNames(relativeDelay, { ifPast: 'continue' })).toEqual(['main:On Time']);
	});
});
