// Lint for the n8n community-node package only (nodes/, credentials/, package.json); the backend and the
// editor UI keep their own configs. Rules deliberately not followed are listed in docs/nodes.md.
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import tseslint from 'typescript-eslint';

const community = n8nCommunityNodesPlugin.configs.recommended;

export default tseslint.config(
	{
		ignores: ['dist/**', 'node_modules/**', 'backend/**', 'editor-ui/**', 'test/**', 'templates/**', 'bench/**', 'docs/**'],
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		extends: [tseslint.configs.recommended, community],
		rules: {
			'@typescript-eslint/no-explicit-any': 'error',
			'no-console': 'error',
		},
	},
	{
		files: ['package.json'],
		extends: [community],
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
		rules: {
			// author and homepage are package metadata outside this package's brief; see docs/nodes.md.
			'@n8n/community-nodes/valid-author': 'off',
			'@n8n/community-nodes/require-homepage': 'off',
		},
	},
);
