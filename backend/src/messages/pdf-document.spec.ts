import { pdfText } from '../../test/support/pdf-text';
import { pdfBlocks, renderPdf } from './pdf-document';

describe('pdf-document', () => {
  it('reads headings and paragraphs: blank lines separate paragraphs, "# " starts a heading', () => {
    expect(pdfBlocks('# Certificate\r\nThis certifies that\nJane Doe\n\n\n  \nattended the course\n# Signed')).toEqual([
      { kind: 'heading', text: 'Certificate' },
      { kind: 'paragraph', text: 'This certifies that\nJane Doe' },
      { kind: 'paragraph', text: 'attended the course' },
      { kind: 'heading', text: 'Signed' },
    ]);
    expect(pdfBlocks('')).toEqual([]);
    expect(pdfBlocks('#not a heading')).toEqual([{ kind: 'paragraph', text: '#not a heading' }]);
  });

  it('renders a PDF whose text holds the title, the headings and every line', async () => {
    const { bytes, pageCount } = await renderPdf({
      title: 'Certificate of Attendance',
      body: '# First Aid at Work\n\nThis certifies that\nJane Doe\n\nattended on 1 March 2027.',
    });
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount).toBe(1);
    const text = await pdfText(bytes);
    for (const line of ['Certificate of Attendance', 'First Aid at Work', 'This certifies that', 'Jane Doe', 'attended on 1 March 2027.']) {
      expect(text).toContain(line);
    }
  });

  it('counts the pages a long body runs to', async () => {
    const body = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1}`).join('\n\n');
    const { bytes, pageCount } = await renderPdf({ title: 'Long', body });
    expect(pageCount).toBeGreaterThan(1);
    expect(await pdfText(bytes)).toContain('Paragraph 80');
  });
});
