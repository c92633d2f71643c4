import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The text of a PDF as a reader would see it, read with pdf.js (pdfjs-dist's legacy build, the
 * one meant for Node), so a test can check that a generated document names the right person.
 *
 * pdf.js ships only as an ES module, which Jest's CommonJS runtime cannot load (not even through
 * `new Function('return import(…)')`, refused without --experimental-vm-modules), so a child
 * Node process reads the PDF from stdin and prints its text.
 */
const READER = `
const pdfjs = await import(process.argv[1]);
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const doc = await pdfjs.getDocument({ data: new Uint8Array(Buffer.concat(chunks)), isEvalSupported: false, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= doc.numPages; n++) {
  const content = await (await doc.getPage(n)).getTextContent();
  pages.push(content.items.map((item) => (item.str ?? '') + (item.hasEOL ? '\\n' : '')).join(''));
}
await doc.destroy();
process.stdout.write(pages.join('\\n\\n'));
`;

const pdfjsUrl = (): string => pathToFileURL(join(dirname(require.resolve('pdfjs-dist/package.json')), 'legacy/build/pdf.mjs')).href;

/** Every page's text, pages separated by a blank line, each text line on its own line. */
export function pdfText(bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', READER, pdfjsUrl()], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`pdf.js could not read the PDF (exit ${code}): ${Buffer.concat(err).toString('utf8').trim()}`));
    });
    child.stdin.end(Buffer.from(bytes));
  });
}
