// Installs n8n's execution engine for the node tests into this folder when it is missing or stale.
// --ignore-scripts: n8n-workflow 2.41 depends on isolated-vm, whose install step compiles native code that
// only builds on Node >= 24; nothing the tests run loads it (expressions use n8n's default evaluator).
const { execSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const here = __dirname;
const wanted = require('./package.json').dependencies;

function installedVersion(name) {
	try {
		return JSON.parse(fs.readFileSync(path.join(here, 'node_modules', name, 'package.json'), 'utf8')).version;
	} catch {
		return undefined;
	}
}

const stale = Object.entries(wanted).filter(([name, version]) => installedVersion(name) !== version);
if (stale.length > 0) {
	console.log(`Installing n8n's engine for the node tests (${stale.map(([n, v]) => `${n}@${v}`).join(', ')})…`);
	execSync('npm ci --ignore-scripts --no-audit --no-fund', { cwd: here, stdio: 'inherit' });
}
