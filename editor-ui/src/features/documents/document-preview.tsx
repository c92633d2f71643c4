import type { CaseDocument } from '../../api/document-types';
import { inlineHref, previewKind } from './document-queries';

/** The file shown in the page: a PDF or text in a frame of the inline URL, an image as itself. */
export function DocumentPreview({ document, onClose }: { document: CaseDocument; onClose: () => void }) {
  const kind = previewKind(document.contentType);
  const href = inlineHref(document);
  return (
    <section className="document-preview" aria-label={`Preview of ${document.name}`}>
      <header className="document-preview-header">
        <strong>{document.name}</strong>
        <a href={href} target="_blank" rel="noreferrer">
          Open in a new tab
        </a>
        <button type="button" className="button button-ghost" onClick={onClose}>
          Close preview
        </button>
      </header>
      {kind === 'image' ? (
        <img className="document-preview-image" src={href} alt={document.name} />
      ) : kind ? (
        // No sandbox: the browser's own PDF viewer runs only in an unsandboxed frame; the backend sends nosniff and a fixed type.
        <iframe className="document-preview-frame" src={href} title={document.name} />
      ) : (
        <p className="muted">This type of file cannot be shown here; download it instead.</p>
      )}
    </section>
  );
}
