import PDFDocument from 'pdfkit';

export interface PdfContent {
  title: string;
  /** Paragraphs separated by blank lines; a line starting with `# ` is a heading. */
  body: string;
}

export interface RenderedPdf {
  bytes: Buffer;
  pageCount: number;
}

export type PdfBlock = { kind: 'heading' | 'paragraph'; text: string };

/**
 * Splits a rendered body into blocks. Lines inside a paragraph keep their breaks: a certificate's
 * "awarded to" / name / course lines are laid out by their author, not reflowed.
 */
export function pdfBlocks(body: string): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  let lines: string[] = [];
  const flush = (): void => {
    if (lines.length > 0) blocks.push({ kind: 'paragraph', text: lines.join('\n') });
    lines = [];
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') flush();
    else if (line.startsWith('# ')) {
      flush();
      blocks.push({ kind: 'heading', text: line.slice(2).trim() });
    } else lines.push(line);
  }
  flush();
  return blocks;
}

/**
 * An A4 PDF: the title large and centred (a certificate's look), then headings and paragraphs.
 * Uses PDF's built-in Helvetica, so nothing is downloaded or embedded; it covers Latin-1 text.
 */
export function renderPdf(content: PdfContent): Promise<RenderedPdf> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 64, info: { Title: content.title, Producer: 'Caseflow', Creator: 'Caseflow' } });
    const chunks: Buffer[] = [];
    let pageCount = 1;
    doc.on('pageAdded', () => pageCount++);
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve({ bytes: Buffer.concat(chunks), pageCount }));
    doc.on('error', reject);
    try {
      doc.moveDown(2).font('Helvetica-Bold').fontSize(26).text(content.title, { align: 'center' }).moveDown(1.5);
      for (const block of pdfBlocks(content.body)) {
        if (block.kind === 'heading') doc.font('Helvetica-Bold').fontSize(16).text(block.text, { align: 'center' }).moveDown(0.6);
        else doc.font('Helvetica').fontSize(12).text(block.text, { align: 'center', lineGap: 3 }).moveDown(1);
      }
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
