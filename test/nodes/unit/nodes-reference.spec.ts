import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { INodeProperties } from 'n8n-workflow';
import { headingAnchor, plainText } from '../../../scripts/docs/markdown';
import { REFERENCE_PATH, renderNodesReference } from '../../../scripts/docs/nodes-reference';
import { loadPackageNodes, readPackageJson, REPOSITORY_ROOT } from '../../../scripts/docs/package-nodes';
import { isVisible, walkParameters } from '../../../scripts/docs/parameters';

/**
 * Parameters shown without a description, each with why that is acceptable. A new parameter without one
 * fails the test below: describe it, or add it here with a reason.
 */
const UNDESCRIBED: Record<string, string> = {
	'launchWorkflow › entityName': 'self-explanatory',
	'launchWorkflow › entityFields.email': 'self-explanatory',
	'launchWorkflow › entityFields.managerEmail': 'self-explanatory',
	'awaitDecision › fields.values[].key': 'self-explanatory beside the collection description',
	'awaitDecision › fields.values[].label': 'self-explanatory beside the collection description',
	'awaitDecision › fields.values[].type': 'self-explanatory beside the collection description',
	'awaitDecision › dueInMinutes': 'refines Due, which is described',
	'awaitDecision › dueAt': 'refines Due, which is described',
	'awaitDecision › priority': 'self-explanatory',
	'relativeDelay › unit': 'self-explanatory',
	'relativeDelay › direction': 'self-explanatory',
	'escalate › target': 'the choice that needs it is described',
	'escalate › taskId': 'self-explanatory',
	'escalate › reassignTo': 'the choice that needs it is described',
	'escalate › toUser': 'self-explanatory',
	'caseflow › resource': "n8n's resource picker",
	'caseflow › findBy': 'the choice that needs it is described',
	'caseflow › entityId': 'self-explanatory',
	'caseflow › externalId': 'described on Upsert; self-explanatory on Get',
	'caseflow › name': 'self-explanatory',
	'caseflow › additionalFields.email': 'self-explanatory',
	'caseflow › additionalFields.managerEmail': 'self-explanatory',
};

/** A choice whose every option is described, or a collection whose entries are checked one by one, needs no more. */
function isDescribed(property: INodeProperties): boolean {
	if (plainText(property.description) !== '' || property.type === 'collection') return true;
	const choices = (property.options ?? []) as Array<{ description?: string }>;
	return (property.type === 'options' || property.type === 'multiOptions') && choices.length > 0 && choices.every((choice) => plainText(choice.description) !== '');
}

const DOCS = 'https://github.com/caseflow/caseflow/blob/main/docs';

const anchorsOf = (markdown: string): string[] =>
	markdown
		.split('\n')
		.filter((line) => /^#+ /.test(line))
		.map((line) => headingAnchor(line.replace(/^#+ /, '')));

function firstDifference(committed: string, rendered: string): string {
	const [before, after] = [committed.split('\n'), rendered.split('\n')];
	const line = before.findIndex((text, index) => text !== after[index]);
	const at = line === -1 ? before.length : line;
	return `line ${at + 1}\n  committed: ${before[at] ?? '(end of file)'}\n  generated: ${after[at] ?? '(end of file)'}`;
}

describe('docs/nodes-reference.md', () => {
	const rendered = renderNodesReference();
	const nodes = loadPackageNodes();

	it('is what npm run docs:nodes generates from the node descriptions', () => {
		const committed = readFileSync(REFERENCE_PATH, 'utf8');
		if (committed !== rendered) {
			throw new Error(`docs/nodes-reference.md is out of date at ${firstDifference(committed, rendered)}\nrun npm run docs:nodes`);
		}
	});

	it('has a section for every node package.json registers', () => {
		const { name, n8n } = readPackageJson();
		expect(nodes).toHaveLength(n8n.nodes.length);
		for (const { description } of nodes) {
			expect(rendered).toContain(`\n## ${description.displayName}\n`);
			expect(rendered).toContain(`\`${name}.${description.name}\``);
		}
	});

	it("is the first link of each node's codex file, and every codex link reaches an existing section", () => {
		const folders = readdirSync(join(REPOSITORY_ROOT, 'nodes')).filter((folder) => folder !== 'shared');
		for (const folder of folders) {
			const codex = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'nodes', folder, `${folder}.node.json`), 'utf8'));
			const { primaryDocumentation, credentialDocumentation } = codex.resources as Record<string, Array<{ url: string }>>;
			const node = nodes.find(({ description }) => codex.node === `${readPackageJson().name}.${description.name}`);
			expect(node).toBeDefined();
			expect(primaryDocumentation[0].url).toBe(`${DOCS}/nodes-reference.md#${headingAnchor(node?.description.displayName ?? '')}`);
			for (const { url } of [...primaryDocumentation, ...credentialDocumentation]) {
				expect(url.startsWith(`${DOCS}/`)).toBe(true);
				const [file, anchor] = url.slice(DOCS.length + 1).split('#');
				const text = file === 'nodes-reference.md' ? rendered : readFileSync(join(REPOSITORY_ROOT, 'docs', file), 'utf8');
				if (anchor) expect(anchorsOf(text)).toContain(anchor);
			}
		}
	});

	it('describes every parameter a user sees, apart from the listed self-explanatory ones', () => {
		const undescribed = nodes.flatMap(({ description }) =>
			walkParameters(description.properties)
				.filter(({ property }) => isVisible(property) && !isDescribed(property))
				.map(({ path }) => `${description.name} › ${path}`),
		);
		expect([...new Set(undescribed)].sort()).toEqual(Object.keys(UNDESCRIBED).sort());
	});
});
