#!/usr/bin/env node
/*
 * `npx caseflow <command>`: runs the backend CLI (src/cli.ts). From a checkout the TypeScript runs
 * directly through @swc-node/register, so nothing needs building first; an installation without
 * dev dependencies (the Docker image) runs the compiled dist/cli.js.
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const source = join(root, 'src', 'cli.ts');
let entry = join(root, 'dist', 'cli.js');
if (existsSync(source)) {
  try {
    // swc-node reads the compiler options (decorators) from the tsconfig of the backend, wherever npx runs.
    process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || join(root, 'tsconfig.json');
    require(require.resolve('@swc-node/register', { paths: [root] }));
    entry = source;
  } catch {
    // No dev dependencies: fall back to the build.
  }
}
if (!existsSync(entry)) {
  console.error('caseflow: neither @swc-node/register nor a build (npm run build -w backend) is available.');
  process.exit(1);
}
const { runCli } = require(entry);
const { loadConfig } = require(entry.endsWith('.ts') ? join(root, 'src', 'config', 'config.ts') : join(root, 'dist', 'config', 'config.js'));
runCli(process.argv.slice(2), loadConfig()).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`Failed: ${error.message}`);
    process.exit(1);
  },
);
