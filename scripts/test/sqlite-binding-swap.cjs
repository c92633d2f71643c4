/**
 * Preloaded (NODE_OPTIONS=--require) into every process of a backend run on a Node other than the
 * one node_modules was built with (scripts/test/node24.ts, sqlite-binding.ts): loading
 * better-sqlite3's binary from node_modules (CASEFLOW_TEST_SQLITE_INSTALLED) loads the same version
 * built for this Node (CASEFLOW_TEST_SQLITE_BUILT) instead.
 *
 * process.dlopen is the one place every loader passes: Node's require, Jest (it hands .node files
 * to Node's require), and worker threads, which run preloads too. Plain JavaScript: Node loads it
 * before any TypeScript loader.
 */
'use strict';

const installed = process.env.CASEFLOW_TEST_SQLITE_INSTALLED;
const built = process.env.CASEFLOW_TEST_SQLITE_BUILT;
if (!installed || !built) {
  throw new Error('sqlite-binding-swap.cjs needs CASEFLOW_TEST_SQLITE_INSTALLED and CASEFLOW_TEST_SQLITE_BUILT (see scripts/test/sqlite-binding.ts)');
}

const dlopen = process.dlopen;
process.dlopen = (module, filename, ...flags) => dlopen(module, filename === installed ? built : filename, ...flags);
