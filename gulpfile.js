// Copies what tsc does not emit into dist/: node and credential icons, and the codex files (*.node.json)
// n8n reads next to each compiled node.
const fs = require('fs');
const path = require('path');
const { dest, parallel, src } = require('gulp');

const DIST = path.join(__dirname, 'dist');

function clean(done) {
	fs.rmSync(DIST, { recursive: true, force: true });
	done();
}

function nodeAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.png', 'nodes/**/*.node.json'], { base: '.', encoding: false, allowEmpty: true }).pipe(
		dest(DIST),
	);
}

function credentialAssets() {
	return src(['credentials/**/*.svg', 'credentials/**/*.png'], { base: '.', encoding: false, allowEmpty: true }).pipe(dest(DIST));
}

exports.clean = clean;
exports.assets = parallel(nodeAssets, credentialAssets);
exports.default = exports.assets;
