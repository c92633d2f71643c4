/** What a decision link's page shows; rendered to HTML by renderEmailDecisionPage. */
export interface CaseSummary {
  entityName: string | null;
  processName: string;
  stageName: string | null;
  taskTitle: string;
  instructions: string;
}

export type EmailDecisionView =
  | { kind: 'confirm'; summary: CaseSummary; decisionLabel: string; commentRequired: boolean; comment: string; error: string | null }
  | { kind: 'decided'; label: string; by: string; at: number; byThisLink: boolean }
  | { kind: 'closed'; title: string; message: string };

export interface EmailDecisionPage {
  status: number;
  view: EmailDecisionView;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const when = (ms: number): string => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1f2933}' +
  'dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{color:#52606d}' +
  'textarea{width:100%;min-height:6rem}button{font-size:1rem;padding:.5rem 1.25rem}.error{color:#b42318}' +
  '.instructions{white-space:pre-wrap}';

/** A whole page, with no script: it must work in any mail client's browser. */
export function renderEmailDecisionPage(view: EmailDecisionView): string {
  const [title, body] = parts(view);
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>${escapeHtml(title)} · Caseflow</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`
  );
}

function parts(view: EmailDecisionView): [string, string] {
  switch (view.kind) {
    case 'confirm':
      return [`Confirm: ${view.decisionLabel}`, confirmBody(view)];
    case 'decided':
      return view.byThisLink
        ? [`Decided: ${view.label}`, `<p>Your decision was recorded at ${escapeHtml(when(view.at))}. You can close this page.</p>`]
        : ['Already decided', `<p>This task was decided: <strong>${escapeHtml(view.label)}</strong> by ${escapeHtml(view.by)} at ${escapeHtml(when(view.at))}.</p>`];
    case 'closed':
      return [view.title, `<p>${escapeHtml(view.message)}</p>`];
  }
}

function confirmBody(view: Extract<EmailDecisionView, { kind: 'confirm' }>): string {
  const { summary } = view;
  const rows: Array<[string, string | null]> = [
    ['Case', summary.entityName],
    ['Process', summary.processName],
    ['Stage', summary.stageName],
    ['Task', summary.taskTitle],
  ];
  const list = rows
    .filter((row): row is [string, string] => !!row[1])
    .map(([term, value]) => `<dt>${term}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const instructions = summary.instructions ? `<p class="instructions">${escapeHtml(summary.instructions)}</p>` : '';
  const error = view.error ? `<p class="error" role="alert">${escapeHtml(view.error)}</p>` : '';
  const comment =
    `<p><label for="comment">Comment${view.commentRequired ? ' (required)' : ' (optional)'}</label></p>` +
    `<textarea id="comment" name="comment" maxlength="10000"${view.commentRequired ? ' required' : ''}>${escapeHtml(view.comment)}</textarea>`;
  // No action attribute: the form posts back to this very URL, whose token is the credential.
  const form = `<form method="post">${comment}<p><button type="submit">Confirm: ${escapeHtml(view.decisionLabel)}</button></p></form>`;
  return `<dl>${list}</dl>${instructions}${error}<p>Nothing is decided until you confirm.</p>${form}`;
}
