import type { DocumentTemplate } from '../../api/message-types';
import { DraftField } from './draft-field';

interface DocumentsEditorProps {
  documents: DocumentTemplate[];
  onChange: (documents: DocumentTemplate[]) => void;
  errors: Record<string, string>;
  readOnly?: boolean;
}

const MAX_DOCUMENTS = 5;
const NEW_DOCUMENT: DocumentTemplate = { filename: 'document.pdf', title: '', body: '' };

/** The PDFs a message attaches, each rendered from its own template (a certificate). */
export function DocumentsEditor({ documents, onChange, errors, readOnly }: DocumentsEditorProps) {
  const update = (index: number, change: Partial<DocumentTemplate>) => onChange(documents.map((d, i) => (i === index ? { ...d, ...change } : d)));
  return (
    <fieldset className="documents-editor">
      <legend>Documents (attached as PDF)</legend>
      {documents.length === 0 ? <p className="muted small">No documents: the message goes out without generated attachments.</p> : null}
      {documents.map((document, index) => {
        const at = `documents[${index}]`;
        return (
          <div key={index} className="document-row" role="group" aria-label={`Document ${index + 1}`}>
            <div className="inline-form">
              <DraftField label="File name" value={document.filename} onChange={(filename) => update(index, { filename })} error={errors[`${at}.filename`]} readOnly={readOnly} />
              <DraftField label="Title" value={document.title} onChange={(title) => update(index, { title })} error={errors[`${at}.title`]} readOnly={readOnly} />
              {readOnly ? null : (
                <button type="button" className="button button-ghost" aria-label={`Remove document ${index + 1}`} onClick={() => onChange(documents.filter((_, i) => i !== index))}>
                  Remove
                </button>
              )}
            </div>
            <DraftField
              label="Body"
              rows={6}
              value={document.body}
              onChange={(body) => update(index, { body })}
              error={errors[`${at}.body`] ?? errors[at]}
              readOnly={readOnly}
              hint="Paragraphs are separated by blank lines; a line starting with “# ” is a heading."
            />
          </div>
        );
      })}
      {readOnly || documents.length >= MAX_DOCUMENTS ? null : (
        <button type="button" className="button" onClick={() => onChange([...documents, { ...NEW_DOCUMENT }])}>
          Add a document
        </button>
      )}
    </fieldset>
  );
}
