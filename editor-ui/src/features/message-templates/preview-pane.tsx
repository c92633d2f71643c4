import { useState } from 'react';
import { ApiError } from '../../api/client';
import type { MessagePreview, MessagePreviewInput } from '../../api/message-types';
import { errorMessage } from '../../components/page-state';
import { formatBytes } from '../../lib/format';
import { previewDocument } from './message-template-queries';

interface PreviewPaneProps {
  preview: MessagePreview | undefined;
  error: unknown;
  /** Typing has not settled yet, or the newest draft is being rendered. */
  waiting: boolean;
  /** The current draft's preview request: "Open PDF" renders the newest text. */
  body: MessagePreviewInput | null;
}

function previewProblem(error: unknown): string {
  if (error instanceof ApiError && error.details.length > 0) return 'The template does not render: see the fields marked in the form.';
  return errorMessage(error);
}

/** The draft as a recipient would get it: subject, the HTML in a sandboxed frame, the text, and each PDF. */
export function PreviewPane({ preview, error, waiting, body }: PreviewPaneProps) {
  const [documentError, setDocumentError] = useState<string | null>(null);
  const openDocument = async (index: number) => {
    if (!body) return;
    setDocumentError(null);
    // The window is opened within the click, before the request, or the browser blocks it as a pop-up.
    const tab = window.open('', '_blank');
    try {
      const url = URL.createObjectURL(await previewDocument(body, index));
      if (tab) tab.location.href = url;
      else window.location.assign(url);
    } catch (failure) {
      tab?.close();
      setDocumentError(errorMessage(failure));
    }
  };
  return (
    <section className="card preview-pane" aria-labelledby="preview-title" aria-busy={waiting}>
      <header className="report-header">
        <h2 id="preview-title">Preview</h2>
        <span className="muted small" role="status">
          {waiting ? 'Updating…' : ''}
        </span>
      </header>
      {error ? (
        <p className="notice notice-error" role="alert">
          {previewProblem(error)}
        </p>
      ) : null}
      {!preview ? (
        error ? null : <p className="muted">{body ? 'Rendering…' : 'Write a subject to see the preview.'}</p>
      ) : (
        <div className="stack">
          <p className="message-subject" data-testid="preview-subject">
            <strong>Subject:</strong> {preview.subject}
          </p>
          <iframe className="message-html" title="HTML preview" sandbox="" srcDoc={preview.html} />
          <pre className="message-text" aria-label="Text preview">
            {preview.text}
          </pre>
          {preview.documents.length > 0 ? (
            <ul className="attachment-list" aria-label="Documents">
              {preview.documents.map((document, index) => (
                <li key={`${index}-${document.filename}`}>
                  <span className="attachment-name">{document.filename}</span> <span className="muted small">
                    {document.title} · {formatBytes(document.size)}
                    {document.pageCount ? ` · ${document.pageCount} page${document.pageCount === 1 ? '' : 's'}` : ''}
                  </span>{' '}
                  <button type="button" className="button button-ghost" aria-label={`Open PDF ${document.filename}`} onClick={() => void openDocument(index)}>
                    Open PDF
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {documentError ? (
            <p className="form-error" role="alert">
              {documentError}
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
