import { renderEmailDecisionPage } from './email-decision-page';

describe('renderEmailDecisionPage', () => {
  const summary = { entityName: '<img src=x onerror=alert(1)>', processName: 'P & Q', stageName: null, taskTitle: '"Quoted"', instructions: '' };

  it('escapes everything that came from a case', () => {
    const html = renderEmailDecisionPage({ kind: 'confirm', summary, decisionLabel: '<b>Go</b>', commentRequired: false, comment: '</textarea><script>', error: '<i>x</i>' });
    expect(html).not.toMatch(/<img|<script|<b>|<i>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('P &amp; Q');
    expect(html).toContain('&quot;Quoted&quot;');
    expect(html).toContain('&lt;/textarea&gt;&lt;script&gt;</textarea>');
  });

  it('leaves out what the case does not have and marks an optional comment so', () => {
    const html = renderEmailDecisionPage({ kind: 'confirm', summary, decisionLabel: 'Go', commentRequired: false, comment: '', error: null });
    expect(html).not.toContain('<dt>Stage</dt>');
    expect(html).toContain('Comment (optional)');
    expect(html).not.toContain(' required>');
    expect(html).not.toContain('role="alert"');
  });

  it('names who decided, and when, in UTC', () => {
    const html = renderEmailDecisionPage({ kind: 'decided', label: 'Reject', by: 'Ann <Admin>', at: Date.UTC(2026, 10, 2, 9, 5), byThisLink: false });
    expect(html).toContain('This task was decided: <strong>Reject</strong> by Ann &lt;Admin&gt; at 2026-11-02 09:05 UTC.');
  });
});
