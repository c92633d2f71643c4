import { readFileSync } from 'fs';
import { basename, join } from 'path';
import type { ICredentialType, INodeType } from 'n8n-workflow';

/**
 * The nodes and credentials the package registers, loaded from their TypeScript sources: package.json names
 * the compiled files n8n loads, so the reference lists exactly what n8n would, without needing a build.
 */

export const REPOSITORY_ROOT = join(__dirname, '..', '..');

interface PackageJson {
	name: string;
	n8n: { nodes: string[]; credentials: string[] };
}

export function readPackageJson(root = REPOSITORY_ROOT): PackageJson {
	return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
}

/** `dist/nodes/X/X.node.js` → the class `X` exported by `nodes/X/X.node.ts`. */
function loadClass<T>(root: string, distPath: string): T {
	const source = distPath.replace(/^dist\//, '').replace(/\.js$/, '');
	const className = basename(source).replace(/\.(node|credentials)$/, '');
	// The explicit extension matters: without it Node's resolution would pick the codex file X.node.json.
	const exported = (require(join(root, `${source}.ts`)) as Record<string, new () => T>)[className];
	if (typeof exported !== 'function') throw new Error(`${source}.ts does not export a class ${className}`);
	return new exported();
}

export const loadPackageNodes = (root = REPOSITORY_ROOT): INodeType[] =>
	readPackageJson(root).n8n.nodes.map((path) => loadClass<INodeType>(root, path));

export const loadPackageCredentials = (root = REPOSITORY_ROOT): ICredentialType[] =>
	readPackageJson(root).n8n.credentials.map((path) => loadClass<ICredentialType>(root, path));
