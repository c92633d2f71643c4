/** Text helpers for the generated node reference: plain text out of n8n's HTML descriptions, safe table cells. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** n8n descriptions may hold links and entities; the reference keeps only what a reader sees. */
export function plainText(html: string | undefined): string {
	if (!html) return '';
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole)
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * Text safe in a table cell or a paragraph: a pipe ends a cell even inside backticks on GitHub, a line break
 * ends the row, and outside code a description's "data.<path>" would be taken for an HTML tag and vanish.
 */
export function markdownText(text: string): string {
	return text
		.split(/(`+[^`]*`+)/)
		.map((part, index) => (index % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
		.join('')
		.replace(/\|/g, '\\|')
		.replace(/\r?\n/g, '<br>');
}

/** Inline code that survives any backticks in the value. */
export function code(text: string): string {
	const fence = text.includes('`') ? '``' : '`';
	const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
	return `${fence}${pad}${text}${pad}${fence}`;
}

/** A parameter value as a reader would type it: strings as they are, everything else as JSON. */
export function value(raw: unknown): string {
	if (raw === undefined) return '';
	if (typeof raw === 'string') return raw === '' ? '""' : code(raw);
	return code(JSON.stringify(raw));
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
export function headingAnchor(heading: string): string {
	return heading
		.trim()
		.toLowerCase()
		.replace(/[^\p{L}\p{N} _-]/gu, '')
		.replace(/ /g, '-');
}

export function table(header: string[], rows: string[][]): string[] {
	return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.map(markdownText).join(' | ')} |`)];
}
